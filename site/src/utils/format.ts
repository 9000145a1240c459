/** Dates, numbers, amounts and country names in the reader's locale (Intl). */
import type { Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { intlLocale } from './i18n';

/** A deadline instant, in the call's own time zone, with that zone's offset shown. */
export const formatDeadline = (iso: string, locale: Locale, timeZone?: string | null): string => {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: timeZone || 'UTC' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
};

/** A calendar day (`YYYY-MM-DD`), or an instant shown as its day in UTC. */
export const formatDay = (value: string | Date, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value),
  );

export const formatNumber = (value: number, locale: Locale): string => new Intl.NumberFormat(intlLocale(locale)).format(value);

export const formatMoney = (value: number, currency: string | null | undefined, locale: Locale): string => {
  try {
    return currency
      ? new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
      : formatNumber(value, locale);
  } catch {
    return `${formatNumber(value, locale)} ${currency}`;
  }
};

/** Rates are stored as percentages (40 = 40 %); a value up to 1 is read as a fraction. */
export const formatRate = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(value > 1 ? value / 100 : value);

/** "in 12 days", "dans 12 jours", "خلال 12 يومًا". */
export const formatDaysLeft = (days: number, locale: Locale): string =>
  new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }).format(days, 'day');

const regionNames = new Map<Locale, Intl.DisplayNames>();
export const countryName = (code: string, locale: Locale): string => {
  if (!regionNames.has(locale)) regionNames.set(locale, new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }));
  try {
    return regionNames.get(locale)!.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};

const collators = new Map<Locale, Intl.Collator>();
export const compareText = (locale: Locale) => {
  if (!collators.has(locale)) collators.set(locale, new Intl.Collator(intlLocale(locale), { sensitivity: 'base', numeric: true }));
  const collator = collators.get(locale)!;
  return (a: string, b: string) => collator.compare(a, b);
};
