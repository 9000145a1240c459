import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_COLLECTIONS, type SeedCollection } from './schema';

export interface SeedEntry {
  collection: SeedCollection;
  file: string;
  data: Record<string, any>;
}
export interface SeedProblem {
  file: string;
  path: string;
  message: string;
}

/** Which fields of each collection name other entries, and in which collection. */
export const RELATIONS: Record<SeedCollection, Record<string, SeedCollection>> = {
  themes: { parent: 'themes' },
  actors: { themes: 'themes' },
  'funding-calls': { funders: 'actors', themes: 'themes', nextEdition: 'funding-calls' },
  'good-practices': { themes: 'themes', caseStudies: 'case-studies', relatedPractices: 'good-practices' },
  'case-studies': { themes: 'themes', actors: 'actors', goodPractices: 'good-practices', fundingCalls: 'funding-calls' },
};

const named = (value: unknown): string[] =>
  value == null ? [] : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : v.actor)) : [String(value)];

/**
 * Reads and checks every seed file: its shape, that its name is its slug, and that every
 * slug it names exists. Problems name the file and the field.
 */
export function loadSeed(dir: string): { entries: SeedEntry[]; problems: SeedProblem[] } {
  const entries: SeedEntry[] = [];
  const problems: SeedProblem[] = [];
  for (const [collection, { schema }] of Object.entries(SEED_COLLECTIONS) as [SeedCollection, (typeof SEED_COLLECTIONS)[SeedCollection]][]) {
    let files: string[];
    try {
      files = readdirSync(join(dir, collection)).filter((f) => f.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const name of files) {
      const file = join(collection, name);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        problems.push({ file, path: '', message: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, path: issue.path.join('.'), message: issue.message });
        continue;
      }
      if (`${parsed.data.slug}.json` !== name) problems.push({ file, path: 'slug', message: `file name must be "${parsed.data.slug}.json"` });
      entries.push({ collection, file, data: parsed.data as Record<string, any> });
    }
  }

  const known = new Map<SeedCollection, Set<string>>();
  for (const entry of entries) {
    if (!known.has(entry.collection)) known.set(entry.collection, new Set());
    known.get(entry.collection)!.add(entry.data.slug);
  }
  for (const entry of entries) {
    for (const [field, target] of Object.entries(RELATIONS[entry.collection])) {
      for (const slug of named(entry.data[field])) {
        if (!known.get(target)?.has(slug)) problems.push({ file: entry.file, path: field, message: `names "${slug}", which is not in seed/${target}` });
      }
    }
  }
  return { entries, problems };
}
