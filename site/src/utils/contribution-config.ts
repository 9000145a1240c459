/** What the contribution page's script is told at build time: the CMS, the page's language and words, the limits it checks before sending. */
import { ACTOR_PROPOSAL_FIELDS, SUBMISSION_STATUSES, type ActorProposalField, type LookAlike } from '@aimf/strapi-plugin-knowledge-base/shared';
import { ACCEPTED_FILES, CONTRIBUTION_LIMITS, contributionApiUrl, contributionPath } from './contribution';
import { LOCALES, LOCALE_NAMES, intlLocale, useTranslations, type Locale, type UiKey } from './i18n';
import { entryUrl } from './urls';

/** Why the CMS finds an entry similar: the shared contract types the reasons; `satisfies` keeps this list to exactly those. */
const DUPLICATE_REASONS = Object.keys({ 'same-link': true, 'same-place-similar-title': true } satisfies Record<LookAlike['reason'], true>);

/** The `contribute.*` strings the script says things with, without their prefix. */
const SCRIPT_STRINGS = [
  ...[
    'required', 'tooLong', 'range', 'number', 'url', 'email', 'country', 'yearOrder', 'tooManyFiles', 'fileTooLarge', 'fileType',
    'network', 'server', 'rateLimited', 'honeypot', 'item', 'summary',
  ].map((k) => `error.${k}`),
  ...SUBMISSION_STATUSES.map((s) => `status.${s}`),
  ...DUPLICATE_REASONS.map((r) => `duplicate.${r}`),
  'passwordHint', 'passwordMismatch', 'invitation.invalid', 'invitation.done',
  'login.failed', 'login.notContributor', 'signedIn', 'sessionExpired', 'sending',
  'submit', 'success.text', 'mine.empty', 'mine.sent', 'mine.status',
  'mine.comment', 'kind.actor-update', 'loading', 'mine.edit', 'mine.revise', 'mine.view',
  'form.title', 'form.intro', 'form.editTitle', 'form.editIntro', 'resubmit',
  'success.updated', 'fiche.loading', 'fiche.missing', 'fiche.unchanged', 'fiche.sent',
  'fiche.submit', 'forgot.sent', 'reset.invalid', 'reset.done', 'error.tooManyAttempts',
];

export const contributionConfig = (locale: Locale) => {
  const t = useTranslations(locale);
  return {
    api: contributionApiUrl(),
    locale,
    intl: intlLocale(locale),
    /** The guide's actors (name and slug) for the partner suggestions: [contribute]/actors.json, fetched when first needed. */
    actorsUrl: `${contributionPath(locale)}actors.json`,
    caseStudyUrls: Object.fromEntries(LOCALES.map((l) => [l, entryUrl(l, 'case-study', '{slug}')])) as Record<string, string>,
    localeNames: LOCALE_NAMES,
    limits: CONTRIBUTION_LIMITS,
    /** The parts of its actor fiche an organisation may propose to change. */
    ficheFields: Object.keys(ACTOR_PROPOSAL_FIELDS) as ActorProposalField[],
    accept: ACCEPTED_FILES,
    strings: Object.fromEntries(SCRIPT_STRINGS.map((key) => [key, t(`contribute.${key}` as UiKey)])) as Record<string, string>,
  };
};
export type ContributionConfig = ReturnType<typeof contributionConfig>;

/** The config as the page carries it: JSON inside <script>, "<" escaped so no text can close the element. */
export const contributionConfigJson = (locale: Locale) => JSON.stringify(contributionConfig(locale)).replace(/</g, '\\u003c');
