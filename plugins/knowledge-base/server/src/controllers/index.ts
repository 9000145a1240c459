import { entryController } from './entry-controller';
import overview from './overview';
import contribution from './contribution';
import moderation from './moderation';
import alerts from './alerts';
import openapi from './openapi';
import siteBuilds from './site-builds';

export default {
  'case-study': entryController('case-study'),
  actor: entryController('actor'),
  'funding-call': entryController('funding-call'),
  'good-practice': entryController('good-practice'),
  theme: entryController('theme'),
  overview,
  alerts,
  openapi,
  'site-builds': siteBuilds,
  contribution,
  moderation,
};
