import { join } from 'node:path';
import { resultKey, runOrder, summary } from '../bench';
import { templateOf } from '../bench/page-weight';
import { summarize } from '../bench/stats';

describe('bench runner', () => {
  it('names each result after its file, in camelCase', () => {
    expect(resultKey('site-build.ts')).toBe('siteBuild');
    expect(resultKey('search-payload')).toBe('searchPayload');
    expect(resultKey('publish-to-live.ts')).toBe('publishToLive');
    expect(resultKey('apiLatency')).toBe('apiLatency');
  });

  it('summarizes each benchmark with its machine, date and commit, figures as median (min–max), and errors', () => {
    const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, node: 'v20.0.0', platform: 'linux-x64' };
    const text = summary({
      siteBuild: { machine, date: '2026-11-22T10:00:00.000Z', commit: 'abc123', seconds: 60, figures: { build: summarize([3, 1, 2], 's'), goals: { ratio: { value: 1.2, met: true } } } },
      apiLatency: { machine, date: '2026-11-22T10:05:00.000Z', commit: 'abc123', seconds: 5, error: 'PostgreSQL unreachable\nstack' },
    });
    expect(text).toContain('## siteBuild');
    expect(text).toContain('2026-11-22 10:00 UTC · commit abc123 · Test CPU, 2 cores, 4 GiB, Node v20.0.0');
    expect(text).toContain('| build | 2 s (1–3, 3 runs) |');
    expect(text).toContain('| goals.ratio | value: 1.2 · met: true |');
    expect(text).toContain('**Failed:** PostgreSQL unreachable');
    expect(text).not.toContain('stack');
  });

  it('runs siteBuild before searchPayload, which searches the guide it built, then the rest by name', () => {
    expect(runOrder(['apiLatency', 'pageWeight', 'publishToLive', 'searchPayload', 'siteBuild'])).toEqual(['siteBuild', 'searchPayload', 'apiLatency', 'pageWeight', 'publishToLive']);
    expect(runOrder(['searchPayload', 'apiLatency'])).toEqual(['searchPayload', 'apiLatency']);
  });

  it('says how long the last run of every benchmark took, end to end, and which failed', () => {
    const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, node: 'v20.0.0', platform: 'linux-x64' };
    const results = {
      _lastFullRun: { date: '2026-11-22T10:00:00.000Z', commit: 'abc123', minutes: 27.5, benchmarks: ['siteBuild', 'apiLatency'], failed: ['apiLatency'] },
      siteBuild: { machine, date: '2026-11-22T10:00:00.000Z', commit: 'abc123', seconds: 60, figures: {} },
    };
    const text = summary(results as unknown as Parameters<typeof summary>[0]);
    expect(text).toContain('Last run of every benchmark in one go: 2026-11-22 10:00 UTC, commit abc123, 27.5 minutes end to end; failed: apiLatency.');
    expect(text).not.toContain('## _lastFullRun');
    expect(text).toContain('## siteBuild');
  });
});

describe('page weight templates', () => {
  it('tells entry pages from lists, indexes and the other templates', () => {
    expect(templateOf(join('fr', 'case-studies', 'lagos-dechets', 'index.html'))).toBe('entry: case-studies');
    expect(templateOf(join('fr', 'case-studies', 'index.html'))).toBe('list: case-studies');
    expect(templateOf(join('ar', 'actors', 'sort', 'recent', 'page', '8', 'index.html'))).toBe('list: actors');
    expect(templateOf(join('en', 'themes', 'index.html'))).toBe('themes index');
    expect(templateOf(join('en', 'themes', 'dechets', 'index.html'))).toBe('theme');
    expect(templateOf(join('en', 'countries', 'sn', 'index.html'))).toBe('country');
    expect(templateOf(join('fr', 'index.html'))).toBe('home');
    expect(templateOf('index.html')).toBe('language choice');
    expect(templateOf('404.html')).toBe('404');
    expect(templateOf(join('fr', 'contribuer', 'index.html'))).toBe('contribute');
    expect(templateOf(join('ar', 'contribute', 'index.html'))).toBe('contribute');
  });
});
