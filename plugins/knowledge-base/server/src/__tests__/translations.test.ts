import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTOR_PROPOSAL_FIELDS } from '../shared/moderation';
import { CASE_STUDY_FIELDS } from '../validation/submission';

/** The plugin's two sets of strings: the API's messages (server) and the admin pages' (admin). */
const SETS = {
  server: join(__dirname, '../translations'),
  admin: join(__dirname, '../../../admin/src/translations'),
};
const load = (dir: string, locale: string): Record<string, string> => JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(SETS))('the plugin’s %s strings', (_name, dir) => {
  const reference = load(dir, 'en');

  it.each(['fr', 'ar'])('%s has every key of the English set, and no other, none empty, with the same placeholders', (locale) => {
    const strings = load(dir, locale);
    expect(Object.keys(reference).filter((key) => !(key in strings))).toEqual([]);
    expect(Object.keys(strings).filter((key) => !(key in reference))).toEqual([]);
    for (const [key, text] of Object.entries(reference)) {
      expect({ key, empty: !strings[key]?.trim() }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(strings[key]) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });
});

it('names in the Moderation page every field a submission can show', () => {
  const admin = load(SETS.admin, 'en');
  const shown = [...Object.keys(CASE_STUDY_FIELDS), ...Object.keys(ACTOR_PROPOSAL_FIELDS), 'slug', 'attachments'];
  expect(shown.filter((key) => !admin[`moderation.field.${key}`])).toEqual([]);
});
