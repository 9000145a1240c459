/** Dates, numbers, amounts and country names in the reader's locale (Intl). */
import type { Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { intlLocale } from './i18n';

// Building an Intl formatter costs far more than formatting with it: one per locale and options, kept for the whole build.
const formatters = new Map<string, object>();
const cached = <F extends object>(key: string, make: () => F): F => {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as F;
};

const DEADLINE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};
const deadlineFormat = (locale: Locale, timeZone: string) =>
  cached(`deadline ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { ...DEADLINE, timeZone }));

/** A deadline instant, in the call's own time zone, with that zone's offset shown. */
export const formatDeadline = (iso: string, locale: Locale, timeZone?: string | null): string => {
  try {
    return deadlineFormat(locale, timeZone || 'UTC').format(new Date(iso));
  } catch {
    return deadlineFormat(locale, 'UTC').format(new Date(iso));
  }
};

/** A calendar day (`YYYY-MM-DD`), or an instant shown as its day in UTC. */
export const formatDay = (value: string | Date, locale: Locale): string =>
  cached(`day ${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })).format(
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value),
  );

export const formatNumber = (value: number, locale: Locale): string =>
  cached(`number ${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);

export const formatMoney = (value: number, currency: string | null | undefined, locale: Locale): string => {
  try {
    return currency
      ? cached(`money ${locale} ${currency}`, () => new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, maximumFractionDigits: 0 })).format(value)
      : formatNumber(value, locale);
  } catch {
    return `${formatNumber(value, locale)} ${currency}`;
  }
};

/** Rates are stored as percentages (40 = 40 %); a value up to 1 is read as a fraction. */
export const formatRate = (value: number, locale: Locale): string =>
  cached(`rate ${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 })).format(value > 1 ? value / 100 : value);

/** "in 12 days", "dans 12 jours", "خلال 12 يومًا". */
export const formatDaysLeft = (days: number, locale: Locale): string =>
  cached(`days ${locale}`, () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' })).format(days, 'day');

const regionNames = new Map<Locale, Intl.DisplayNames>();
// A few dozen countries, named on thousands of pages: each name is looked up once per locale.
const countryNames = new Map<string, string>();
export const countryName = (code: string, locale: Locale): string => {
  const key = `${locale} ${code}`;
  if (countryNames.has(key)) return countryNames.get(key)!;
  if (!regionNames.has(locale)) regionNames.set(locale, new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }));
  let name: string;
  try {
    name = regionNames.get(locale)!.of(code.toUpperCase()) ?? code;
  } catch {
    name = code;
  }
  countryNames.set(key, name);
  return name;
};

const collators = new Map<Locale, Intl.Collator>();
export const compareText = (locale: Locale) => {
  if (!collators.has(locale)) collators.set(locale, new Intl.Collator(intlLocale(locale), { sensitivity: 'base', numeric: true }));
  const collator = collators.get(locale)!;
  return (a: string, b: string) => collator.compare(a, b);
};
