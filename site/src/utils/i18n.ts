/** UI strings, one JSON file per locale; French is the key reference. */
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, textDirection, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import fr from '../translations/fr.json';
import en from '../translations/en.json';
import ar from '../translations/ar.json';

export type UiKey = keyof typeof fr;
const STRINGS: Record<Locale, Record<string, string>> = { fr, en, ar };

export { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, textDirection, type Locale };

/** `t('list.page', { page: 2, pages: 3 })`; a key missing in a locale falls back to French. */
export const useTranslations = (locale: Locale) => {
  const t = (key: UiKey, vars: Record<string, string | number> = {}): string =>
    (STRINGS[locale][key] ?? STRINGS[DEFAULT_LOCALE][key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      name in vars ? String(vars[name]) : whole,
    );
  /** For enumerations: `label('stage', 'pilot')`; an unknown value is shown as is. */
  const label = (prefix: string, value: string | null | undefined): string =>
    value == null ? '' : STRINGS[locale][`${prefix}.${value}`] ?? STRINGS[DEFAULT_LOCALE][`${prefix}.${value}`] ?? value;
  return Object.assign(t, { label, locale });
};
export type Translate = ReturnType<typeof useTranslations>;

/** The BCP 47 tag Intl formats with. Arabic keeps Latin digits, as the guide's Arabic text does. */
export const intlLocale = (locale: Locale): string => ({ fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' })[locale];

export const ogLocale = (locale: Locale): string => ({ fr: 'fr_FR', en: 'en_GB', ar: 'ar_AR' })[locale];
