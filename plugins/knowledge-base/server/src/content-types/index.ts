import caseStudy from './case-study';
import actor from './actor';
import fundingCall from './funding-call';
import goodPractice from './good-practice';
import theme from './theme';
import importRecord from './import-record';

export default {
  'case-study': caseStudy,
  'actor': actor,
  'funding-call': fundingCall,
  'good-practice': goodPractice,
  'theme': theme,
  'import-record': importRecord,
};
