/** The contribution page: where it is in each locale, the CMS it talks to, and the plugin's limits it hints at. */
import { ATTACHMENT_TYPES, CONTRIBUTION_PAGE, LOCALES, MAX_FILES, MAX_FILE_MB, contributionPath, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { publicApiUrl } from './public-api';

export { CONTRIBUTION_PAGE, contributionPath };

/** The page in every locale (its path segment is translated, so the language switcher needs it). */
export const contributionPaths = (): Record<Locale, string> =>
  Object.fromEntries(LOCALES.map((l) => [l, contributionPath(l)])) as Record<Locale, string>;

/** The CMS readers' browsers call: `KB_PUBLIC_API_URL`, else `KB_API_URL`, else a CMS on this machine. */
export const contributionApiUrl = (): string => publicApiUrl() ?? 'http://localhost:1337';

/**
 * The plugin's limits, shown as hints; the server checks them again. Files come from the shared contract;
 * the others live only in the plugin's validation/submission.ts, which its shared module does not export.
 */
export const CONTRIBUTION_LIMITS = {
  title: 200,
  summary: 600,
  body: 20_000,
  city: 120,
  partner: 200,
  indicator: 300,
  unit: 60,
  lesson: 1000,
  linkLabel: 200,
  yearMin: 1800,
  yearMax: 2100,
  files: MAX_FILES,
  fileMb: MAX_FILE_MB,
  password: 128,
} as const;

/** What the file input offers: the plugin's types; the server reads the type from the content and checks the name agrees. */
export const ACCEPTED_FILES = Object.entries(ATTACHMENT_TYPES).flatMap(([mime, type]) => [mime, ...type.extensions]);
