import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed } from '../../seed/load';
import { SYNTHETIC_DOCUMENT } from '../../seed/schema';
import { SEED_DIR } from '../lib/paths';
import { syntheticCounts, writeSyntheticSeed } from '../lib/synthetic';

const folders: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-synthetic-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every file of a folder, by relative path, with its content. */
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const file = join(d.parentPath ?? (d as any).path, d.name);
      return [file.slice(dir.length), readFileSync(file, 'utf8')];
    }));

describe('writeSyntheticSeed', () => {
  const dir = fresh();
  const { counts } = writeSyntheticSeed(dir, { entries: 300, seed: 42 });
  const { entries, problems } = loadSeed(dir);

  it('writes 300 entries that pass the seed schema and whose relations all resolve', () => {
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(300);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('spreads them like the real seed: most actors and practices, fewer calls and themes', () => {
    expect(counts.actors).toBeGreaterThan(counts['case-studies']);
    expect(counts['good-practices']).toBeGreaterThan(counts['case-studies']);
    expect(counts['case-studies']).toBeGreaterThan(counts['funding-calls']);
    expect(counts['case-studies']).toBeGreaterThan(counts.themes);
    expect(syntheticCounts(5)).toEqual({ themes: 1, actors: 1, 'funding-calls': 1, 'good-practices': 1, 'case-studies': 1 });
  });

  it('gives every entry French, English and Arabic text, Arabic in Arabic script, and relations to other entries', () => {
    expect(entries.filter((e) => !e.data.fr || !e.data.en || !e.data.ar)).toEqual([]);
    const cases = entries.filter((e) => e.collection === 'case-studies');
    for (const e of cases) {
      expect(e.data.ar.title).toMatch(/[\u0600-\u06ff]/);
      expect(e.data.fr.body.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(e.data.actors.length).toBeGreaterThan(0);
    }
    expect(new Set(cases.map((e) => e.data.fr.body)).size).toBe(cases.length);
  });

  it('marks every entry as synthetic in its sources', () => {
    expect(entries.filter((e) => e.data.sources.some((s: { document: string }) => s.document !== SYNTHETIC_DOCUMENT))).toEqual([]);
  });

  it('writes the same files for the same seed number, and other files for another', () => {
    const again = fresh();
    writeSyntheticSeed(again, { entries: 300, seed: 42 });
    expect(snapshot(again)).toEqual(snapshot(dir));
    const other = fresh();
    writeSyntheticSeed(other, { entries: 300, seed: 43 });
    expect(snapshot(other)).not.toEqual(snapshot(dir));
  });

  it('refuses to overwrite the real seed and a count below one entry per collection', () => {
    expect(() => writeSyntheticSeed(SEED_DIR, { entries: 300 })).toThrow(/real seed/);
    expect(() => writeSyntheticSeed(fresh(), { entries: 4 })).toThrow(/≥ 5/);
  });
});
