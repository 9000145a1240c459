/**
 * One contract: the same seed files, imported into a real Strapi and read back through the public
 * API, give the site exactly the entries its seed reader makes of them, in every locale. Only what
 * a database assigns (ids, timestamps) may differ, and a field with no value may be absent, null or
 * an empty list (the pages read all three the same).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KB_TYPES, type KbType } from '@aimf/strapi-plugin-knowledge-base/shared';
import { apiEntries } from '../../site/src/loaders/api-entries';
import type { PublicEntry } from '../../site/src/loaders/public-entry';
import { seedEntries } from '../../site/src/loaders/seed-entries';
import { TestCms } from './harness';

const FIXTURE = join(__dirname, '..', '..', 'site', '__tests__', 'fixtures', 'seed');
/** The site's fixture seed, without its cover images: those are uploads an editor makes, not seed fields. */
const withoutCovers = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'kb-contract-')), 'seed');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const collection of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const file of readdirSync(join(dir, collection)).filter((f) => f.endsWith('.json'))) {
      const path = join(dir, collection, file);
      const { cover, ...entry } = JSON.parse(readFileSync(path, 'utf8'));
      if (cover !== undefined) writeFileSync(path, JSON.stringify(entry));
    }
  }
  return dir;
};
const SEED = withoutCovers();
const ASSIGNED = new Set(['documentId', 'updatedAt', 'publishedAt', 'createdAt', 'id']);

/** An entry with what the database assigns left out, its lists of related entries in a stable order. */
const comparable = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = value.map(comparable);
    return items.every((item) => item && typeof item === 'object' && 'slug' in (item as object))
      ? [...items].sort((a: any, b: any) => String(a.slug).localeCompare(String(b.slug)))
      : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => !ASSIGNED.has(key) && v != null && !(Array.isArray(v) && v.length === 0))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, comparable(v)]),
    );
  }
  return value;
};
const byKey = (entries: PublicEntry[]) =>
  Object.fromEntries(entries.map((e) => [`${e.collection}:${e.slug}:${e.locale}`, comparable(e)]));

describe('the public API and the site’s seed reader', () => {
  const cms = new TestCms('sqlite');

  beforeAll(async () => {
    await cms.seed(SEED);
    await cms.start();
  });
  afterAll(() => cms.dispose());

  it.each(Object.keys(KB_TYPES) as KbType[])('give the same %s entries, field for field, in every locale', async (type) => {
    const fromSeed = seedEntries(SEED, { now: new Date(), warn: () => undefined }).filter((e) => e.collection === type);
    const fromApi = await apiEntries(type, { url: cms.url });
    expect(fromSeed.length).toBeGreaterThan(0);
    expect(byKey(fromApi)).toEqual(byKey(fromSeed));
  });
});
