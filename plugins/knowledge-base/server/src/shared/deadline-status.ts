/**
 * The status of a funding call, derived from its dates: the one rule the API, the site
 * and the alerts all use. Never stored.
 */
export const DEADLINE_STATUSES = ['upcoming', 'open', 'closing-soon', 'closed', 'rolling', 'unknown'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
/** How listings and search order calls: those one can answer soonest first, the closed last. */
export const DEADLINE_STATUS_ORDER: readonly DeadlineStatus[] = ['closing-soon', 'open', 'upcoming', 'rolling', 'unknown', 'closed'];

export const CLOSING_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CallDates {
  openingDate?: string | null; // YYYY-MM-DD, a calendar day in the call's time zone
  deadline?: string | null; // ISO 8601 instant
  timezone?: string | null; // IANA name; UTC when absent
  recurrence?: 'one-off' | 'annual' | 'rolling' | string | null;
  referenceYear?: number | null;
}

// Making an Intl formatter costs far more than formatting with it, and a build asks about the same few
// zones for thousands of calls: one formatter per zone, and each name's validity, kept once known.
const clocks = new Map<string, Intl.DateTimeFormat>();
const clockIn = (timeZone: string): Intl.DateTimeFormat => {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
};

/** Offset in ms of `timeZone` from UTC at `instant`. */
const zoneOffset = (instant: Date, timeZone: string): number => {
  const parts = clockIn(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
};

const zones = new Map<string, boolean>();
/** Whether `tz` is a time zone this runtime knows (an IANA name). */
export const isKnownZone = (tz: string): boolean => {
  let known = zones.get(tz);
  if (known === undefined) {
    try {
      clockIn(tz);
      known = true;
    } catch {
      known = false;
    }
    // Bounded: the names come from stored entries, but a caller could pass anything.
    if (zones.size < 1000) zones.set(tz, known);
  }
  return known;
};

const validZone = (tz: string | null | undefined): string => (tz && isKnownZone(tz) ? tz : 'UTC');

/** The instant a calendar day starts in a time zone. */
export const startOfDay = (day: string, timeZone?: string | null): Date => {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const naive = new Date(Date.UTC(y, m - 1, d));
  const tz = validZone(timeZone);
  // Two passes settle days on which the offset changes.
  const first = new Date(naive.getTime() - zoneOffset(naive, tz));
  return new Date(naive.getTime() - zoneOffset(first, tz));
};

const yearIn = (instant: Date, timeZone?: string | null): number =>
  Number(clockIn(validZone(timeZone)).formatToParts(instant).find((p) => p.type === 'year')?.value);

export function deadlineStatus(call: CallDates, now: Date = new Date()): DeadlineStatus {
  const deadline = call.deadline ? new Date(call.deadline) : null;
  if (deadline && deadline.getTime() < now.getTime()) return 'closed';
  if (call.openingDate && startOfDay(call.openingDate, call.timezone).getTime() > now.getTime()) return 'upcoming';
  if (call.recurrence === 'rolling') return 'rolling';
  if (deadline) return deadline.getTime() - now.getTime() <= CLOSING_SOON_DAYS * DAY_MS ? 'closing-soon' : 'open';
  // Without a deadline, an edition the source dates by its year is over once that year is.
  if (call.referenceYear != null) return call.referenceYear < yearIn(now, call.timezone) ? 'closed' : 'open';
  if (call.openingDate) return 'open';
  // No date at all (a source that does not date the programme): saying "open" would be a claim.
  return 'unknown';
}

/** Whole days left before the deadline (0 on its last day), or null without one. */
export const daysLeft = (call: CallDates, now: Date = new Date()): number | null =>
  call.deadline ? Math.max(0, Math.floor((new Date(call.deadline).getTime() - now.getTime()) / DAY_MS)) : null;
