/**
 * Rebuilds, from the seed files (`seed/<collection>/<slug>.json`), exactly the public
 * entries the plugin's API serves: one per document and locale, localized text flattened,
 * relations resolved to `{ slug, title|name, … }` in the same locale, inverse relations
 * computed and the funding-call status derived by the plugin's own rule.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_LOCALE,
  KB_TYPES,
  KB_TYPE_NAMES,
  LOCALES,
  deadlineStatus,
  type KbType,
  type Locale,
} from '@aimf/strapi-plugin-knowledge-base/shared';
import type { CallRef, PublicEntry } from './public-entry';

type Raw = Record<string, any>;
interface SeedDocument {
  type: KbType;
  file: string;
  raw: Raw;
  mtime: string;
}

export interface SeedOptions {
  /** The instant statuses are derived at (build time by default). */
  now?: Date;
  /** Called for relations naming an entry the seed does not have. */
  warn?: (message: string) => void;
}

/** Relation fields a seed file names by slug; they never appear in the entry as is. */
const RELATION_FIELDS: Record<KbType, string[]> = {
  'case-study': ['themes', 'actors', 'goodPractices', 'fundingCalls'],
  actor: ['themes', 'caseStudies', 'fundedCalls'],
  'funding-call': ['themes', 'funders', 'caseStudies', 'nextEdition'],
  'good-practice': ['themes', 'caseStudies', 'relatedPractices'],
  theme: ['parent', 'children'],
};

/** Reads every seed file; a file that is not valid JSON or has no slug fails with its name. */
export function readSeedDocuments(seedDir: string): SeedDocument[] {
  if (!existsSync(seedDir)) throw new Error(`Seed folder not found: ${seedDir}`);
  const documents: SeedDocument[] = [];
  for (const type of KB_TYPE_NAMES) {
    const folder = join(seedDir, KB_TYPES[type].path);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const file = join(folder, name);
      let raw: Raw;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`Malformed seed file ${file}: ${(error as Error).message}`, { cause: error });
      }
      if (!raw || typeof raw !== 'object' || typeof raw.slug !== 'string' || !raw.slug) {
        throw new Error(`Malformed seed file ${file}: no "slug"`);
      }
      if (!LOCALES.some((locale) => raw[locale])) {
        throw new Error(`Malformed seed file ${file}: no text in any locale (${LOCALES.join(', ')})`);
      }
      documents.push({ type, file, raw, mtime: statSync(file).mtime.toISOString() });
    }
  }
  return documents;
}

/** Slugs a relation field names: a slug, a list of slugs, or a list of `{ actor, role }`. */
const slugsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? v : v?.slug ?? v?.actor)).filter(Boolean)
      : [];

const uniq = (values: string[]) => [...new Set(values)];

/** A deadline as the API gives it: the same instant, in UTC (the call's own zone is its `timezone`). */
const instant = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

export function seedEntries(seedDir: string, options: SeedOptions = {}): PublicEntry[] {
  const now = options.now ?? new Date();
  const report = options.warn ?? ((message: string) => console.warn(message));
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (!warned.has(message)) report(message);
    warned.add(message);
  };
  const documents = readSeedDocuments(seedDir);

  const index = new Map<string, SeedDocument>();
  const key = (type: KbType, slug: string) => `${type}:${slug}`;
  for (const doc of documents) {
    const k = key(doc.type, doc.raw.slug);
    if (index.has(k)) throw new Error(`Duplicate slug "${doc.raw.slug}" in ${doc.file} and ${index.get(k)!.file}`);
    index.set(k, doc);
  }
  const all = (type: KbType) => documents.filter((d) => d.type === type);

  /** The target of a relation, or undefined (with a warning) when the seed lacks it. */
  const target = (from: SeedDocument, type: KbType, slug: string): SeedDocument | undefined => {
    const doc = index.get(key(type, slug));
    if (!doc) warn(`${from.file}: relation to unknown ${type} "${slug}" ignored`);
    return doc;
  };

  /** Localized text of a document, French when it has no translation in `locale`. */
  const text = (doc: SeedDocument, locale: Locale): Raw =>
    doc.raw[locale] ?? doc.raw[DEFAULT_LOCALE] ?? doc.raw[LOCALES.find((l) => doc.raw[l])!];

  const themeRef = (doc: SeedDocument, locale: Locale) => ({ slug: doc.raw.slug, name: text(doc, locale).name });
  const practiceRef = (doc: SeedDocument, locale: Locale) => ({ slug: doc.raw.slug, title: text(doc, locale).title });
  const caseRef = (doc: SeedDocument, locale: Locale) => ({
    slug: doc.raw.slug,
    title: text(doc, locale).title,
    city: doc.raw.city ?? null,
    country: doc.raw.country ?? null,
  });
  const actorRef = (doc: SeedDocument, locale: Locale) => ({
    slug: doc.raw.slug,
    name: text(doc, locale).name,
    type: doc.raw.type ?? null,
  });
  const callRef = (doc: SeedDocument, locale: Locale): CallRef => {
    const dates = {
      deadline: instant(doc.raw.deadline),
      openingDate: doc.raw.openingDate ?? null,
      timezone: doc.raw.timezone ?? null,
      recurrence: doc.raw.recurrence ?? null,
      referenceYear: doc.raw.referenceYear ?? null,
    };
    return { slug: doc.raw.slug, title: text(doc, locale).title, ...dates, status: deadlineStatus(dates, now) };
  };

  /**
   * Related entries as the CMS relates them: per locale, so an entry links only to those written in
   * its language (the API's relations leave the others out, and the two sources must agree).
   */
  const refs = <T>(locale: Locale, from: SeedDocument, type: KbType, slugs: string[], make: (d: SeedDocument) => T): T[] =>
    uniq(slugs).flatMap((slug) => {
      const doc = target(from, type, slug);
      return doc && doc.raw[locale] ? [make(doc)] : [];
    });
  /**
   * Documents of `type` whose `field` names `slug` (the inverse side of a relation). Each (type, field)
   * is indexed once, on first use: scanning every document for every page's relations grew with the
   * square of the guide.
   */
  const inverse = new Map<string, Map<string, string[]>>();
  const namedBy = (type: KbType, field: string, slug: string): string[] => {
    let bySlug = inverse.get(`${type} ${field}`);
    if (!bySlug) {
      bySlug = new Map();
      for (const d of all(type)) {
        for (const named of uniq(slugsOf(d.raw[field]))) {
          const namers = bySlug.get(named) ?? [];
          namers.push(d.raw.slug as string);
          bySlug.set(named, namers);
        }
      }
      inverse.set(`${type} ${field}`, bySlug);
    }
    return bySlug.get(slug) ?? [];
  };

  const relations = (doc: SeedDocument, locale: Locale): Raw => {
    const { raw } = doc;
    const themes = refs(locale, doc, 'theme', slugsOf(raw.themes), (d) => themeRef(d, locale));
    switch (doc.type) {
      case 'case-study': {
        const roles = new Map<string, string | null>(
          (Array.isArray(raw.actors) ? raw.actors : []).map((a: any) =>
            typeof a === 'string' ? [a, null] : [a.actor ?? a.slug, a.role ?? null],
          ),
        );
        return {
          themes,
          actors: refs(locale, doc, 'actor', slugsOf(raw.actors), (d) => ({ ...actorRef(d, locale), role: roles.get(d.raw.slug) ?? null })),
          goodPractices: refs(
            locale,
            doc,
            'good-practice',
            [...slugsOf(raw.goodPractices), ...namedBy('good-practice', 'caseStudies', raw.slug)],
            (d) => practiceRef(d, locale),
          ),
          fundingCalls: refs(
            locale,
            doc,
            'funding-call',
            [...slugsOf(raw.fundingCalls), ...namedBy('funding-call', 'caseStudies', raw.slug)],
            (d) => callRef(d, locale),
          ),
          cover: raw.cover ?? null,
        };
      }
      case 'actor':
        return {
          themes,
          caseStudies: refs(
            locale,
            doc,
            'case-study',
            [...slugsOf(raw.caseStudies), ...namedBy('case-study', 'actors', raw.slug)],
            (d) => caseRef(d, locale),
          ),
          fundedCalls: refs(
            locale,
            doc,
            'funding-call',
            [...slugsOf(raw.fundedCalls), ...namedBy('funding-call', 'funders', raw.slug)],
            (d) => callRef(d, locale),
          ),
          logo: raw.logo ?? null,
        };
      case 'funding-call': {
        const next = raw.nextEdition ? target(doc, 'funding-call', raw.nextEdition) : undefined;
        const nextHere = next?.raw[locale] ? next : undefined;
        return {
          themes,
          funders: refs(locale, doc, 'actor', slugsOf(raw.funders), (d) => actorRef(d, locale)),
          caseStudies: refs(
            locale,
            doc,
            'case-study',
            [...slugsOf(raw.caseStudies), ...namedBy('case-study', 'fundingCalls', raw.slug)],
            (d) => caseRef(d, locale),
          ),
          nextEdition: nextHere ? callRef(nextHere, locale) : null,
          status: deadlineStatus(raw, now),
        };
      }
      case 'good-practice':
        return {
          themes,
          caseStudies: refs(
            locale,
            doc,
            'case-study',
            [...slugsOf(raw.caseStudies), ...namedBy('case-study', 'goodPractices', raw.slug)],
            (d) => caseRef(d, locale),
          ),
          relatedPractices: refs(locale, doc, 'good-practice', slugsOf(raw.relatedPractices), (d) => practiceRef(d, locale)),
        };
      case 'theme': {
        const parent = raw.parent ? target(doc, 'theme', raw.parent) : undefined;
        return {
          parent: parent ? themeRef(parent, locale) : null,
          children: refs(locale, doc, 'theme', namedBy('theme', 'parent', raw.slug), (d) => themeRef(d, locale)),
        };
      }
    }
  };

  const entries: PublicEntry[] = [];
  for (const doc of documents) {
    const fields = Object.fromEntries(
      Object.entries(doc.raw).filter(
        ([field]) => !(LOCALES as readonly string[]).includes(field) && !RELATION_FIELDS[doc.type].includes(field),
      ),
    );
    if ('deadline' in fields) fields.deadline = instant(fields.deadline);
    // Like the API: a document has an entry only in the locales it is written in.
    for (const locale of LOCALES.filter((l) => doc.raw[l])) {
      entries.push({
        collection: doc.type,
        documentId: createHash('sha1').update(`${doc.type}:${doc.raw.slug}`).digest('hex').slice(0, 24),
        locale,
        ...fields,
        slug: doc.raw.slug,
        updatedAt: doc.raw.updatedAt ?? doc.mtime,
        publishedAt: doc.raw.publishedAt ?? doc.mtime,
        ...doc.raw[locale],
        ...relations(doc, locale),
      } as PublicEntry);
    }
  }
  return entries;
}
