import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Quote-backed facts: every structured value of a seed entry that states a fact (a city, a year,
 * a stage, an actor's role, a funder…) carries a short verbatim quote from a document the entry
 * cites, in its `evidence` map (field → quote or quotes). A value with no quote is null: "the
 * source does not say". Text fields are the editor's writing and are checked by reading.
 */

/** The keys an entry's `evidence` may hold, and must hold for each fact it states. */
export function factKeys(collection: string, data: Record<string, any>): string[] {
  const present = (field: string) => data[field] != null && data[field] !== '';
  const scalars = (fields: string[]) => fields.filter(present);
  const members = (field: string, key: (item: any) => string, states = (_item: any) => true) =>
    ((data[field] ?? []) as any[]).filter(states).map((item) => `${field}.${key(item)}`);
  switch (collection) {
    case 'case-studies':
      return [
        ...scalars(['city', 'country', 'yearStart', 'yearEnd', 'stage']),
        // An actor's role; an actor the source names without one is linked with a null role.
        ...members('actors', (a) => a.actor, (a) => a.role != null),
        // A result's figure and year; the indicator is the editor's wording.
        ...((data.fr?.results ?? []) as any[]).flatMap((r, i) => (r.value != null || r.year != null ? [`results.${i}`] : [])),
      ];
    case 'actors':
      return scalars(['type', 'city', 'country', 'aimfMember']);
    case 'funding-calls':
      return [
        ...scalars(['instrument', 'scopeLevel', 'amountMin', 'amountMax', 'cofinancingRate', 'openingDate', 'deadline', 'recurrence', 'referenceYear']),
        ...members('funders', (slug) => slug),
        ...members('eligibleBeneficiaries', (value) => value),
        ...members('countries', (code) => code),
      ];
    default:
      return [];
  }
}

export const EVIDENCE_QUOTE = { min: 4, max: 400 } as const;

/**
 * What makes a quote and a document comparable: the PDF's extraction breaks lines anywhere, splits
 * words with hyphens and keeps ligatures and typographic quotes; none of that is a difference.
 */
export const comparable = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, '');

const withoutHyphens = (text: string) => text.replace(/-/g, '');

export interface EvidenceProblem {
  file: string;
  path: string;
  message: string;
}

export interface SourceDocuments {
  has(name: string): boolean;
  contains(name: string, quote: string): boolean;
}

/** The source documents, read once, kept in comparable form. */
export function sourceDocuments(dir: string): SourceDocuments {
  const cache = new Map<string, { plain: string; loose: string } | null>();
  const read = (name: string) => {
    if (!cache.has(name)) {
      try {
        const plain = comparable(readFileSync(join(dir, name), 'utf8'));
        cache.set(name, { plain, loose: withoutHyphens(plain) });
      } catch {
        cache.set(name, null);
      }
    }
    return cache.get(name);
  };
  return {
    has: (name) => read(name) != null,
    contains: (name, quote) => {
      const doc = read(name);
      if (!doc) return false;
      const q = comparable(quote);
      return doc.plain.includes(q) || doc.loose.includes(withoutHyphens(q));
    },
  };
}

const quotesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Every problem with one entry's evidence: a fact without a quote, a quote not in the cited documents, a key for no fact. */
export function evidenceProblems(
  entry: { collection: string; file: string; data: Record<string, any> },
  documents: SourceDocuments,
): EvidenceProblem[] {
  const { collection, file, data } = entry;
  const problems: EvidenceProblem[] = [];
  const expected = factKeys(collection, data);
  const evidence: Record<string, unknown> = data.evidence ?? {};
  const cited = [...new Set(((data.sources ?? []) as { document: string }[]).map((s) => s.document))].filter((d) => documents.has(d));
  if (!cited.length && expected.length) return [{ file, path: 'sources', message: 'cites no document that can be read, so no fact can be checked' }];
  for (const key of expected) {
    if (!Object.hasOwn(evidence, key)) problems.push({ file, path: `evidence.${key}`, message: `no quote for ${key}: quote the cited section, or set the value to null (the source does not say)` });
  }
  for (const [key, value] of Object.entries(evidence)) {
    if (!expected.includes(key)) {
      problems.push({ file, path: `evidence.${key}`, message: `quotes a fact the entry does not state (${key} is null or absent)` });
      continue;
    }
    for (const quote of quotesOf(value)) {
      if (typeof quote !== 'string' || quote.trim().length < EVIDENCE_QUOTE.min || quote.length > EVIDENCE_QUOTE.max) {
        problems.push({ file, path: `evidence.${key}`, message: `a quote is ${EVIDENCE_QUOTE.min}–${EVIDENCE_QUOTE.max} characters of the source` });
      } else if (!cited.some((d) => documents.contains(d, quote))) {
        problems.push({ file, path: `evidence.${key}`, message: `not found in ${cited.join(' or ')}: "${quote.slice(0, 80)}"` });
      }
    }
  }
  return problems;
}

/**
 * Proper names stay as the source writes them in every language (a translation may follow in
 * brackets): an organisation's English or Arabic name must begin with its French name.
 */
export function renamedProblems(entry: { collection: string; file: string; data: Record<string, any> }): EvidenceProblem[] {
  if (entry.collection !== 'actors') return [];
  const name = entry.data.fr?.name as string | undefined;
  if (!name) return [];
  return (['en', 'ar'] as const)
    .filter((locale) => entry.data[locale]?.name != null && !String(entry.data[locale].name).startsWith(name))
    .map((locale) => ({ file: entry.file, path: `${locale}.name`, message: `changes the organisation's name "${name}" (keep it, a translation may follow in brackets)` }));
}
