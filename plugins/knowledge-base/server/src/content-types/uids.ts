// The UID of each of the plugin's content types, declared once: services import these instead of spelling them.
import type contentTypes from '.';
import { KB_TYPES, contentTypeUid } from '../shared/content-types';

/** Only the names of content-types/index.ts: a misspelt one does not compile. */
const own = <N extends keyof typeof contentTypes>(name: N) => contentTypeUid(name);

export const UIDS = {
  caseStudy: KB_TYPES['case-study'].uid,
  actor: KB_TYPES.actor.uid,
  fundingCall: KB_TYPES['funding-call'].uid,
  goodPractice: KB_TYPES['good-practice'].uid,
  theme: KB_TYPES.theme.uid,
  submission: own('submission'),
  moderationEvent: own('moderation-event'),
  contributor: own('contributor'),
  invitation: own('invitation'),
  alertSubscription: own('alert-subscription'),
  importRecord: own('import-record'),
  siteBuild: own('site-build'),
} as const;
