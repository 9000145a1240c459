/**
 * Every entry of the guide in every locale. A document without a translation in a locale
 * still has a page there: its French text (or, failing that, any text) stands in, marked
 * as a fallback so pages can say so and tag it `lang`.
 */
import { getCollection } from 'astro:content';
import { LOCALES as ALL_LOCALES, type KbType, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { DEFAULT_LOCALE, LOCALES } from './i18n';
import type { EntryByType, PublicEntry } from '../loaders/public-entry';

export interface View<T extends PublicEntry = PublicEntry> {
  data: T;
  /** The locale of the page. */
  locale: Locale;
  /** The locale the text is written in: differs from `locale` on a fallback. */
  lang: Locale;
  fallback: boolean;
  /** Locales this document is really written in. */
  translations: Locale[];
}

const COLLECTIONS = {
  'case-study': 'caseStudies',
  actor: 'actors',
  'funding-call': 'fundingCalls',
  'good-practice': 'goodPractices',
  theme: 'themes',
} as const;

type Documents = Map<string, Partial<Record<Locale, PublicEntry>>>;
let loaded: Promise<Record<KbType, Documents>> | undefined;

const load = () =>
  (loaded ??= (async () => {
    const byType = {} as Record<KbType, Documents>;
    for (const [type, name] of Object.entries(COLLECTIONS) as [KbType, (typeof COLLECTIONS)[KbType]][]) {
      const documents: Documents = new Map();
      for (const { data } of await getCollection(name)) {
        const entry = data as unknown as PublicEntry;
        documents.set(entry.slug, { ...documents.get(entry.slug), [entry.locale]: entry });
      }
      byType[type] = documents;
    }
    return byType;
  })());

const view = <K extends KbType>(versions: Partial<Record<Locale, PublicEntry>>, locale: Locale): View<EntryByType[K]> => {
  // The guide's languages (guide.config.ts); a text in another of the plugin's locales can still stand in.
  const translations = LOCALES.filter((l) => versions[l]);
  const lang = versions[locale] ? locale : versions[DEFAULT_LOCALE] ? DEFAULT_LOCALE : translations[0] ?? ALL_LOCALES.find((l) => versions[l])!;
  return { data: versions[lang] as EntryByType[K], locale, lang, fallback: lang !== locale, translations };
};

/** Every document of a type, as seen from `locale`. */
export async function entriesIn<K extends KbType>(type: K, locale: Locale): Promise<View<EntryByType[K]>[]> {
  const documents = (await load())[type];
  return [...documents.values()].map((versions) => view<K>(versions, locale));
}

/** One document as seen from `locale`, or undefined when the guide does not publish it. */
export async function entryIn<K extends KbType>(type: K, slug: string, locale: Locale): Promise<View<EntryByType[K]> | undefined> {
  const versions = (await load())[type].get(slug);
  return versions ? view<K>(versions, locale) : undefined;
}
