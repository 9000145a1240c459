/** The knowledge base's collections: their UID, their public API path and their title field. */
export const KB_TYPES = {
  'case-study': { uid: 'plugin::knowledge-base.case-study', path: 'case-studies', titleField: 'title' },
  actor: { uid: 'plugin::knowledge-base.actor', path: 'actors', titleField: 'name' },
  'funding-call': { uid: 'plugin::knowledge-base.funding-call', path: 'funding-calls', titleField: 'title' },
  'good-practice': { uid: 'plugin::knowledge-base.good-practice', path: 'good-practices', titleField: 'title' },
  theme: { uid: 'plugin::knowledge-base.theme', path: 'themes', titleField: 'name' },
} as const;

export type KbType = keyof typeof KB_TYPES;
export type KbUid = (typeof KB_TYPES)[KbType]['uid'];
export const KB_TYPE_NAMES = Object.keys(KB_TYPES) as KbType[];

export const CASE_STUDY_STAGES = ['idea', 'pilot', 'operating', 'scaled', 'ended'] as const;
export const ACTOR_ROLES = ['initiator', 'operator', 'funder', 'partner', 'technical-partner', 'beneficiary', 'research', 'support'] as const;
export const BENEFICIARIES = ['local-governments', 'startups', 'smes', 'companies', 'ngos', 'research', 'universities', 'public-agencies', 'citizens'] as const;
export const TRANSLATION_ORIGINS = ['original', 'human', 'machine'] as const;
