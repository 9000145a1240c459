import isContributor from './is-contributor';
import noEmailConfirmation from './no-email-confirmation';
import noSelfRegistration from './no-self-registration';
import withinSubmissionLimits from './within-submission-limits';

export default { 'is-contributor': isContributor, 'no-email-confirmation': noEmailConfirmation, 'no-self-registration': noSelfRegistration, 'within-submission-limits': withinSubmissionLimits };
