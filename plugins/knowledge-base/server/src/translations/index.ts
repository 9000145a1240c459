import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../shared/locales';

export type MessageKey = keyof typeof en;
const messages: Record<Locale, Record<MessageKey, string>> = { fr, en, ar };

/** A message of the API in the caller's language, with `{name}` placeholders filled. */
export const translate = (locale: Locale, key: MessageKey, params: Record<string, unknown> = {}): string =>
  messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** The caller's language: the `locale` parameter when valid, else Accept-Language, else French. */
export const callerLocale = (query: Record<string, unknown>, acceptLanguage?: string): Locale => {
  if (isLocale(query.locale)) return query.locale;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
};
