import isContributor from './is-contributor';
import noSelfRegistration from './no-self-registration';

export default { 'is-contributor': isContributor, 'no-self-registration': noSelfRegistration };
