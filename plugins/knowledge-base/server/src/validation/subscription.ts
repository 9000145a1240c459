import { z } from 'zod';
import { BENEFICIARIES, SCOPE_LEVELS } from '../shared/content-types';
import { LOCALES, type Locale, DEFAULT_LOCALE } from '../shared/locales';
import type { Issue } from './issues';
import { blankAsAbsent, isRecord, oneOf, parseBody, refuse, strictObject } from './schema';

export const ALERT_FREQUENCIES = ['daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

export interface SubscriptionInput {
  email: string;
  locale: Locale;
  themes: string[];
  beneficiaries: string[];
  scopes: string[];
  frequency: AlertFrequency;
}

// One @, something on each side, a dot in the domain, no spaces: what a mail server can deliver to.
const EMAIL = /^[^\s@"<>(),;:\\]+@[^\s@"<>(),;:\\]+\.[^\s@"<>(),;:\\]{2,}$/;

/** Form posts send one value or many; JSON sends a list; either may be comma-separated. */
const asList = (raw: unknown): unknown => {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string') return raw.split(',').map((v) => v.trim()).filter(Boolean);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return raw;
};

/** A list filter: each value one of `allowed`, said with `unknownKey`; duplicates dropped. */
const list = (allowed: readonly string[] | Set<string>, unknownKey: 'alerts.error.unknownTheme' | 'error.invalidValue') =>
  z
    .preprocess(asList, z.array(z.string({ message: 'error.notList' }), { message: 'error.notList' }).max(50, 'error.notList'))
    .superRefine((values, ctx) => {
      const has = (v: string) => (allowed instanceof Set ? allowed.has(v) : allowed.includes(v));
      const shown = allowed instanceof Set ? [...allowed].sort().join(', ') : allowed.join(', ');
      for (const value of values) if (!has(value)) refuse(ctx, unknownKey, { value: value.slice(0, 100), allowed: shown });
    })
    .transform((values) => [...new Set(values)]);

const subscriptionSchema = (themeSlugs: Set<string>) =>
  strictObject(
    {
      email: z.preprocess(blankAsAbsent, z.string({ message: 'error.notEmail' }).trim().toLowerCase().max(254, 'error.tooLong').regex(EMAIL, 'error.notEmail')),
      locale: z.preprocess(blankAsAbsent, oneOf(LOCALES, 'error.unknownLocale').optional()),
      themes: list(themeSlugs, 'alerts.error.unknownTheme'),
      beneficiaries: list(BENEFICIARIES, 'error.invalidValue'),
      scopes: list(SCOPE_LEVELS, 'error.invalidValue'),
      frequency: z.preprocess(blankAsAbsent, oneOf(ALERT_FREQUENCIES).optional()),
    },
    { unknown: 'error.unknownParameter' },
  );

/**
 * Checks a subscription request, every field at once. `themeSlugs` are the themes that exist:
 * a filter on an unknown theme would silently never match.
 */
export function parseSubscription(body: unknown, themeSlugs: Set<string>): { value: SubscriptionInput; issues: Issue[] } {
  const { data, issues } = parseBody(subscriptionSchema(themeSlugs), isRecord(body) ? body : {});
  return {
    value: {
      email: data?.email ?? '',
      locale: data?.locale ?? DEFAULT_LOCALE,
      themes: data?.themes ?? [],
      beneficiaries: data?.beneficiaries ?? [],
      scopes: data?.scopes ?? [],
      frequency: data?.frequency ?? 'weekly',
    },
    issues,
  };
}

const HOUR_MS = 60 * 60 * 1000;
/**
 * How far from the server's clock an editor may run the digest "as of": a day back, to replay a
 * run that failed; five minutes ahead, for clocks that differ. Further ahead would purge pending
 * subscriptions before their time and hold every subscriber's next digest until that date.
 */
export const DIGEST_WINDOW = { pastMs: 24 * HOUR_MS, futureMs: 5 * 60 * 1000 };

/** The editors' "send the digest now" (or as of `now`, within DIGEST_WINDOW of `clock`). */
export function parseDigestRequest(body: unknown, clock = new Date()): { value: { now: Date }; issues: Issue[] } {
  const min = new Date(clock.getTime() - DIGEST_WINDOW.pastMs);
  const max = new Date(clock.getTime() + DIGEST_WINDOW.futureMs);
  const schema = strictObject({
    now: z
      .string({ message: 'error.malformed' })
      .max(64, 'error.malformed')
      .transform((raw, ctx) => {
        const now = new Date(raw);
        if (Number.isNaN(now.getTime())) refuse(ctx, 'error.malformed');
        else if (now < min || now > max) refuse(ctx, 'error.dateRange', { min: min.toISOString(), max: max.toISOString() });
        else return now;
        return z.NEVER;
      })
      .optional(),
  });
  const { data, issues } = parseBody(schema, body ?? {});
  return { value: { now: data?.now ?? clock }, issues };
}

/** A link of an alert mail: its token. Not strict: mail clients and trackers add parameters of their own to links. */
const linkQuery = z.object({ token: z.string().min(1).max(1000) });

/** The token of a confirm or unsubscribe link, or null when there is none. */
export const linkToken = (query: unknown): string | null => linkQuery.safeParse(query).data?.token ?? null;
