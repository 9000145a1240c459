/**
 * What the deadline clock (scripts/deadline-clock.js) reads on a call: its dates as instants,
 * so the reader's browser applies the plugin's status rule without knowing time zones.
 */
import { daysLeft, isKnownZone, startOfDay, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { buildTime } from './build-time';
import { formatDaysLeft } from './format';
import { useTranslations } from './i18n';

interface CallDates {
  status?: string;
  deadline?: string | null;
  openingDate?: string | null;
  timezone?: string | null;
  recurrence?: string | null;
  referenceYear?: number | null;
}


/** The `data-*` attributes of an element showing one call. */
export const callClockAttributes = (call: CallDates): Record<string, string> => {
  const attributes: Record<string, string> = { 'data-call': '', 'data-call-status': call.status ?? '' };
  if (call.deadline) attributes['data-deadline'] = new Date(call.deadline).toISOString();
  if (call.openingDate) attributes['data-opens'] = startOfDay(call.openingDate, call.timezone).toISOString();
  if (call.recurrence === 'rolling') attributes['data-rolling'] = '1';
  if (call.referenceYear != null) attributes['data-year'] = String(call.referenceYear);
  if (call.timezone && isKnownZone(call.timezone)) attributes['data-tz'] = call.timezone;
  return attributes;
};

/** A call card's clock attributes, and what the funding page's filters read. */
export const callCardAttributes = (call: CallDates & Record<string, any>): Record<string, string> => ({
  ...callClockAttributes(call),
  'data-beneficiaries': (call.eligibleBeneficiaries ?? []).join(' '),
  'data-instrument': call.instrument ?? '',
  'data-themes': (call.themes ?? []).map((theme: { slug: string }) => theme.slug).join(' '),
  'data-scope': call.scopeLevel ?? '',
});

/** "Closes in 12 days" as of the build, for a call one can still answer; '' otherwise. */
export const callDaysLeftText = (call: CallDates & { status?: string }, locale: Locale): string => {
  const left = call.status === 'open' || call.status === 'closing-soon' ? daysLeft(call, buildTime()) : null;
  return left == null ? '' : useTranslations(locale)('call.daysLeft', { when: formatDaysLeft(left, locale) });
};
