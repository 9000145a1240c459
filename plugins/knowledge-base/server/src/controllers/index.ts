import { entryController } from './entry-controller';
import overview from './overview';

export default {
  'case-study': entryController('case-study'),
  actor: entryController('actor'),
  'funding-call': entryController('funding-call'),
  'good-practice': entryController('good-practice'),
  theme: entryController('theme'),
  overview,
};
