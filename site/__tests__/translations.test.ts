import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../src/translations');
const load = (locale: string): Record<string, string> => JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8'));
const reference = load('fr');
const locales = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI translations', () => {
  it('has a file for each of the guide locales', () => {
    expect(locales.sort()).toEqual(['ar', 'en', 'fr']);
  });

  it.each(locales)('%s has every key of the French reference, and no other', (locale) => {
    const strings = load(locale);
    expect(Object.keys(reference).filter((key) => !(key in strings))).toEqual([]);
    expect(Object.keys(strings).filter((key) => !(key in reference))).toEqual([]);
  });

  it.each(locales)('%s has no empty string and keeps the placeholders of each key', (locale) => {
    const strings = load(locale);
    for (const [key, text] of Object.entries(reference)) {
      expect({ key, empty: !strings[key]?.trim() }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(strings[key]) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('labels every value of the enumerations the content uses', () => {
    const shared = readFileSync(join(__dirname, '../../plugins/knowledge-base/server/src/shared/content-types.ts'), 'utf8');
    const list = (name: string) => JSON.parse(shared.match(new RegExp(`${name} = (\\[[^\\]]*\\])`))![1].replace(/'/g, '"'));
    for (const stage of list('CASE_STUDY_STAGES')) expect(reference).toHaveProperty([`stage.${stage}`]);
    for (const role of list('ACTOR_ROLES')) expect(reference).toHaveProperty([`role.${role}`]);
    for (const beneficiary of list('BENEFICIARIES')) expect(reference).toHaveProperty([`beneficiary.${beneficiary}`]);
    for (const status of ['upcoming', 'open', 'closing-soon', 'closed', 'rolling', 'unknown']) expect(reference).toHaveProperty([`status.${status}`]);
    for (let sdg = 1; sdg <= 17; sdg++) expect(reference).toHaveProperty([`sdg.${sdg}`]);
  });
});
