// The submissions' contract: statuses, kinds, the editors' decisions, what a contributor may change.
import type { Locale } from './locales';

/** A submission's life: submitted → (changes-requested ↔ resubmitted) → accepted | rejected. */
export const SUBMISSION_STATUSES = ['submitted', 'changes-requested', 'resubmitted', 'accepted', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_KINDS = ['case-study', 'actor-update'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** The editors' decisions and the statuses each may be taken from. */
export const EDITOR_ACTIONS = {
  accept: { from: ['submitted', 'resubmitted'], to: 'accepted' },
  'request-changes': { from: ['submitted', 'resubmitted'], to: 'changes-requested' },
  reject: { from: ['submitted', 'resubmitted', 'changes-requested'], to: 'rejected' },
} as const satisfies Record<string, { from: readonly SubmissionStatus[]; to: SubmissionStatus }>;
export type EditorAction = keyof typeof EDITOR_ACTIONS;

/** The decisions an editor may take on a submission in `status`, in EDITOR_ACTIONS' order. */
export const allowedActions = (status: SubmissionStatus): EditorAction[] =>
  (Object.keys(EDITOR_ACTIONS) as EditorAction[]).filter((action) => (EDITOR_ACTIONS[action].from as readonly SubmissionStatus[]).includes(status));

/** What waits for an editor: the statuses a submission can still be accepted from. */
export const WAITING_FOR_EDITOR: readonly SubmissionStatus[] = EDITOR_ACTIONS.accept.from;

/** The parts of its own actor fiche an organisation may propose to change, with their longest length. */
export const ACTOR_PROPOSAL_FIELDS = {
  description: 5000,
  interests: 5000,
  competences: 5000,
  resources: 5000,
  network: 5000,
  priorities: 5000,
  difficulties: 5000,
  howToCollaborate: 5000,
  city: 120,
  website: 500,
  publicContact: 300,
} as const;
export type ActorProposalField = keyof typeof ACTOR_PROPOSAL_FIELDS;

/** A contributor may change a submission only while it is waiting for a first look or for their changes. */
export const CONTRIBUTOR_EDITABLE: readonly SubmissionStatus[] = ['submitted', 'changes-requested'];

/** What a contributor's edit does to the status: answering a change request resubmits. */
export const afterContributorEdit = (status: SubmissionStatus): SubmissionStatus =>
  status === 'changes-requested' ? 'resubmitted' : status;

/** The site's contribution page of a locale, e.g. `/fr/contribuer/`. */
export const CONTRIBUTION_PAGE: Record<Locale, string> = { fr: 'contribuer', en: 'contribute', ar: 'contribute' };
export const contributionPath = (locale: Locale) => `/${locale}/${CONTRIBUTION_PAGE[locale]}/`;
