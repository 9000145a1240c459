import { join } from 'node:path';
import { deadlineStatus } from '../../plugins/knowledge-base/server/src/shared/deadline-status';
import { loadSeed } from '../load';
import { SYNTHETIC_DOCUMENT } from '../schema';

const { entries, problems } = loadSeed(join(__dirname, '..'));
const of = (collection: string) => entries.filter((e) => e.collection === collection);

describe('seed files', () => {
  it('all match their collection’s schema and name only slugs that exist', () => {
    expect(problems.map((p) => `${p.file} ${p.path}: ${p.message}`)).toEqual([]);
  });

  it('cover the source documents: ≥70 case studies, ≥120 actors, ≥50 good practices, ≥20 funding calls', () => {
    expect(of('case-studies').length).toBeGreaterThanOrEqual(70);
    expect(of('actors').length).toBeGreaterThanOrEqual(120);
    expect(of('good-practices').length).toBeGreaterThanOrEqual(50);
    expect(of('funding-calls').length).toBeGreaterThanOrEqual(20);
    expect(of('themes').filter((t) => !t.data.parent).length).toBeGreaterThanOrEqual(4);
  });

  it('have French, English and Arabic, the translations marked as machine-made or reviewed', () => {
    const incomplete = entries.filter((e) => !e.data.en || !e.data.ar).map((e) => e.file);
    expect(incomplete).toEqual([]);
    const unmarked = entries.filter((e) => ['en', 'ar'].some((l) => e.data[l].translationOrigin === 'original')).map((e) => e.file);
    expect(unmarked).toEqual([]);
  });

  it('cite no synthetic source (those are for benchmarks only)', () => {
    expect(entries.filter((e) => e.data.sources.some((s: { document: string }) => s.document === SYNTHETIC_DOCUMENT)).map((e) => e.file)).toEqual([]);
  });

  it('hold no e-mail address (no data on private individuals)', () => {
    const withEmail = entries.filter((e) => /[\w.+-]+@[\w-]+\.[\w.]+/.test(JSON.stringify(e.data))).map((e) => e.file);
    expect(withEmail).toEqual([]);
  });

  it('never show a programme of the 2015 report as open: closed, standing, or undated', () => {
    const from2015 = of('funding-calls').filter((c) => c.data.sources.every((s: { document: string }) => s.document.startsWith('001_')));
    expect(from2015.length).toBeGreaterThan(0);
    const open = from2015.filter((c) => !['closed', 'rolling', 'unknown'].includes(deadlineStatus(c.data))).map((c) => c.file);
    expect(open).toEqual([]);
  });
});

describe('seed schema', () => {
  it('names the file and the field of each problem', () => {
    const { problems: fixture } = loadSeed(join(__dirname, 'fixtures', 'broken'));
    expect(fixture.map((p) => `${p.file} ${p.path}`).sort()).toEqual([
      'actors/bad-actor.json type',
      'case-studies/wrong-name.json slug',
      'case-studies/wrong-name.json themes',
      'funding-calls/invented-deadline.json deadline',
      'themes/not-json.json ',
    ]);
  });
});
