/**
 * Quote-backed facts: every structured fact of every seed entry (city, country, years, stage,
 * actor type, roles, funders, instrument, beneficiaries, scope, recurrence, reference year,
 * amounts, results) has a verbatim quote, found in a document the entry cites; and
 * organisations keep their names in every language.
 */
import { join } from 'node:path';
import { comparable, evidenceProblems, factKeys, renamedProblems, sourceDocuments } from '../evidence';
import { loadSeed } from '../load';

const seedDir = join(__dirname, '..');
const documents = sourceDocuments(join(seedDir, 'documents'));
const { entries } = loadSeed(seedDir);
const line = (p: { file: string; path: string; message: string }) => `${p.file} ${p.path}: ${p.message}`;

describe('evidence of the seed', () => {
  it('has the five source documents in seed/documents', () => {
    for (const name of ['000_8e574027f4a084fb.txt', '001_f695345749e5eed6.txt', '002_3fbd6008e1083b73.txt', '003_8a1b5a3e89e4207d.txt', '004_994557f5daff7d16.txt']) {
      expect(documents.has(name)).toBe(true);
    }
  });

  it('quotes, from a cited document, every fact an entry states', () => {
    const problems = entries.flatMap((entry) => evidenceProblems(entry, documents));
    const quoted = entries.reduce((n, e) => n + factKeys(e.collection, e.data).length, 0);
    console.log(`evidence: ${quoted} facts quoted over ${entries.length} entries; ${problems.length} problems`);
    expect(problems.map(line)).toEqual([]);
  });

  it('keeps organisations’ names as the source writes them, in every language', () => {
    expect(entries.flatMap(renamedProblems).map(line)).toEqual([]);
  });
});

describe('the evidence check', () => {
  const doc = '001_f695345749e5eed6.txt';
  const entry = (data: Record<string, unknown>) => ({ collection: 'case-studies', file: 'case-studies/x.json', data: { sources: [{ document: doc, section: 's' }], ...data } });

  it('finds a quote across the PDF’s line breaks, ligatures and typographic apostrophes', () => {
    expect(comparable('Octobre 2015 –\n  Mars 2016')).toBe(comparable('octobre 2015 - mars 2016'));
    expect(comparable('ﬁnancement d’un')).toBe("financementd'un");
    expect(evidenceProblems(entry({ yearStart: 2015, evidence: { yearStart: 'Juillet-septembre 2015 : recrutement de l\'équipe technique' } }), documents)).toEqual([]);
  });

  it('names a fact without a quote, a quote not in the source, and a quote for a null value', () => {
    const problems = evidenceProblems(
      entry({ city: 'Lyon', stage: null, yearStart: 2015, evidence: { yearStart: 'a sentence the report never wrote', stage: 'Juillet-septembre 2015' } }),
      documents,
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['evidence.city', 'evidence.stage', 'evidence.yearStart']);
    expect(problems.find((p) => p.path === 'evidence.yearStart')!.message).toMatch(/not found in 001_/);
  });

  it('asks a quote for each actor’s role, each funder, each beneficiary and each result', () => {
    expect(factKeys('case-studies', { actors: [{ actor: 'a', role: 'funder' }, { actor: 'b', role: null }], fr: { results: [{ indicator: 'x', value: 3 }, { indicator: 'y' }] } })).toEqual(['actors.a', 'results.0']);
    expect(factKeys('funding-calls', { instrument: 'prize', funders: ['f'], eligibleBeneficiaries: ['smes'], recurrence: null })).toEqual(['instrument', 'funders.f', 'eligibleBeneficiaries.smes']);
    expect(factKeys('good-practices', { kind: 'practice' })).toEqual([]);
  });

  it('flags an organisation renamed in a translation, not one followed by a translation in brackets', () => {
    const actor = (en: string) => ({ collection: 'actors', file: 'actors/x.json', data: { fr: { name: 'Ville de Lyon' }, en: { name: en }, ar: { name: 'Ville de Lyon (مدينة ليون)' } } });
    expect(renamedProblems(actor('City of Lyon')).map((p) => p.path)).toEqual(['en.name']);
    expect(renamedProblems(actor('Ville de Lyon (City of Lyon)'))).toEqual([]);
  });
});
