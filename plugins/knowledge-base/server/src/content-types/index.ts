import caseStudy from './case-study';
import actor from './actor';
import fundingCall from './funding-call';
import goodPractice from './good-practice';
import theme from './theme';
import importRecord from './import-record';
import alertSubscription from './alert-subscription';
import siteBuild from './site-build';
import contributor from './contributor';
import invitation from './invitation';
import submission from './submission';
import moderationEvent from './moderation-event';

export default {
  'case-study': caseStudy,
  'actor': actor,
  'funding-call': fundingCall,
  'good-practice': goodPractice,
  'theme': theme,
  'import-record': importRecord,
  'alert-subscription': alertSubscription,
  'site-build': siteBuild,
  contributor,
  invitation,
  submission,
  'moderation-event': moderationEvent,
};
