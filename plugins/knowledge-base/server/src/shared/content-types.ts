/** The UID Strapi gives a content type of this plugin, from its folder name in content-types/. */
export const contentTypeUid = <N extends string>(name: N) => `plugin::knowledge-base.${name}` as const;

/** The knowledge base's collections: their UID, their public API path and their title field. */
export const KB_TYPES = {
  'case-study': { uid: contentTypeUid('case-study'), path: 'case-studies', titleField: 'title' },
  actor: { uid: contentTypeUid('actor'), path: 'actors', titleField: 'name' },
  'funding-call': { uid: contentTypeUid('funding-call'), path: 'funding-calls', titleField: 'title' },
  'good-practice': { uid: contentTypeUid('good-practice'), path: 'good-practices', titleField: 'title' },
  theme: { uid: contentTypeUid('theme'), path: 'themes', titleField: 'name' },
} as const;

export type KbType = keyof typeof KB_TYPES;
export type KbUid = (typeof KB_TYPES)[KbType]['uid'];
export const KB_TYPE_NAMES = Object.keys(KB_TYPES) as KbType[];

export const CASE_STUDY_STAGES = ['idea', 'pilot', 'operating', 'scaled', 'ended'] as const;
export const ACTOR_ROLES = ['initiator', 'operator', 'funder', 'partner', 'technical-partner', 'beneficiary', 'research', 'support'] as const;
export const BENEFICIARIES = ['local-governments', 'startups', 'smes', 'companies', 'ngos', 'research', 'universities', 'public-agencies', 'citizens'] as const;
export const TRANSLATION_ORIGINS = ['original', 'human', 'machine'] as const;
export const ACTOR_TYPES = [
  'local-government', 'national-government', 'international-organisation', 'company', 'startup',
  'university-research', 'incubator-accelerator', 'third-place', 'ngo-association', 'network',
  'foundation-investor', 'public-agency', 'citizen-collective', 'media',
] as const;
export const INSTRUMENTS = [
  'call-for-projects', 'prize', 'grant-programme', 'loan', 'guarantee', 'equity',
  'technical-assistance', 'cooperation-programme', 'tax-incentive',
] as const;
export const SCOPE_LEVELS = ['international', 'regional', 'national', 'local'] as const;
export const RECURRENCES = ['one-off', 'annual', 'rolling'] as const;
export const PRACTICE_KINDS = [
  'fiche-action', 'internal-action', 'external-action', 'idea-box', 'key-questions', 'practice',
  'method-step', 'recommendation',
] as const;
export const LEVER_CATEGORIES = [
  'governance', 'partnership', 'funding', 'regulation', 'data-digital', 'skills', 'participation',
  'procurement', 'communication', 'infrastructure', 'planning',
] as const;
