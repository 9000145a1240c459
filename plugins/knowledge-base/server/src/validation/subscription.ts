import { BENEFICIARIES, SCOPE_LEVELS } from '../shared/content-types';
import { LOCALES, isLocale, type Locale, DEFAULT_LOCALE } from '../shared/locales';
import type { Issue } from './issues';

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

const FIELDS = ['email', 'locale', 'themes', 'beneficiaries', 'scopes', 'frequency'];
// One @, something on each side, a dot in the domain, no spaces: what a mail server can deliver to.
const EMAIL = /^[^\s@"<>(),;:\\]+@[^\s@"<>(),;:\\]+\.[^\s@"<>(),;:\\]{2,}$/;

/** Form posts send one value or many; JSON sends a list; either may be comma-separated. */
const asList = (raw: unknown): string[] | null => {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string') return raw.split(',').map((v) => v.trim()).filter(Boolean);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return null;
};

/**
 * Checks a subscription request, every field at once. `themeSlugs` are the themes that exist:
 * a filter on an unknown theme would silently never match.
 */
export function parseSubscription(body: unknown, themeSlugs: Set<string>): { value: SubscriptionInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const data = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  for (const name of Object.keys(data)) {
    if (!FIELDS.includes(name)) issues.push({ path: [name], key: 'error.unknownParameter', params: { name } });
  }

  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : '';
  if (data.email === undefined || data.email === '') issues.push({ path: ['email'], key: 'error.required' });
  else if (email.length > 254) issues.push({ path: ['email'], key: 'error.tooLong', params: { max: 254 } });
  else if (!EMAIL.test(email)) issues.push({ path: ['email'], key: 'error.notEmail' });

  let locale: Locale = DEFAULT_LOCALE;
  if (data.locale !== undefined && data.locale !== '') {
    if (isLocale(data.locale)) locale = data.locale;
    else issues.push({ path: ['locale'], key: 'error.unknownLocale', params: { value: String(data.locale), allowed: LOCALES.join(', ') } });
  }

  const list = (name: 'themes' | 'beneficiaries' | 'scopes', allowed: readonly string[] | Set<string>, unknownKey: 'alerts.error.unknownTheme' | 'error.invalidValue'): string[] => {
    const values = asList(data[name]);
    if (values === null || values.length > 50) {
      issues.push({ path: [name], key: 'error.notList' });
      return [];
    }
    const has = (v: string) => (allowed instanceof Set ? allowed.has(v) : allowed.includes(v));
    for (const value of values) {
      if (!has(value)) {
        const shown = allowed instanceof Set ? [...allowed].sort().join(', ') : allowed.join(', ');
        issues.push({ path: [name], key: unknownKey, params: { value: value.slice(0, 100), allowed: shown } });
      }
    }
    return [...new Set(values)];
  };
  const themes = list('themes', themeSlugs, 'alerts.error.unknownTheme');
  const beneficiaries = list('beneficiaries', BENEFICIARIES, 'error.invalidValue');
  const scopes = list('scopes', SCOPE_LEVELS, 'error.invalidValue');

  let frequency: AlertFrequency = 'weekly';
  if (data.frequency !== undefined && data.frequency !== '') {
    if ((ALERT_FREQUENCIES as readonly unknown[]).includes(data.frequency)) frequency = data.frequency as AlertFrequency;
    else issues.push({ path: ['frequency'], key: 'error.invalidValue', params: { value: String(data.frequency), allowed: ALERT_FREQUENCIES.join(', ') } });
  }

  return { value: { email, locale, themes, beneficiaries, scopes, frequency }, issues };
}
