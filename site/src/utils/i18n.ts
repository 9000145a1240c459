/** UI strings, one JSON file per locale (French is the key reference), in the locales `guide.config.ts` publishes. */
import { LOCALE_NAMES, textDirection, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import fr from '../translations/fr.json';
import en from '../translations/en.json';
import ar from '../translations/ar.json';
import { GUIDE } from './guide';

export type UiKey = keyof typeof fr;
const STRINGS: Record<Locale, Record<string, string>> = { fr, en, ar };

/** The locales the site publishes (a subset of the plugin's) and the one the front door opens in. */
export const LOCALES: readonly Locale[] = GUIDE.locales;
export const DEFAULT_LOCALE: Locale = GUIDE.defaultLocale;
export { LOCALE_NAMES, textDirection, type Locale };

/** `t('list.page', { page: 2, pages: 3 })`; a key missing in a locale falls back to French. Every string may say {guide} and {publisher}. */
export const useTranslations = (locale: Locale) => {
  const identity: Record<string, string> = { guide: GUIDE.name[locale] ?? GUIDE.name[DEFAULT_LOCALE], publisher: GUIDE.publisher.shortName };
  const t = (key: UiKey, vars: Record<string, string | number> = {}): string =>
    (STRINGS[locale][key] ?? STRINGS.fr[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(vars, name) ? String(vars[name]) : Object.hasOwn(identity, name) ? identity[name] : whole,
    );
  /** For enumerations: `label('stage', 'pilot')`; an unknown value is shown as is. */
  const label = (prefix: string, value: string | null | undefined): string =>
    value == null ? '' : STRINGS[locale][`${prefix}.${value}`] ?? STRINGS.fr[`${prefix}.${value}`] ?? value;
  return Object.assign(t, { label, locale });
};
export type Translate = ReturnType<typeof useTranslations>;

/** The BCP 47 tag Intl formats with. Arabic keeps Latin digits, as the guide's Arabic text does. */
export const intlLocale = (locale: Locale): string => ({ fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' })[locale];

export const ogLocale = (locale: Locale): string => ({ fr: 'fr_FR', en: 'en_GB', ar: 'ar_AR' })[locale];
