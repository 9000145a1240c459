import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Releases } from '../releases';

const release = (releases: Releases, page: string) => {
  const dir = releases.next();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  return dir;
};

describe('Releases', () => {
  let root: string;
  let releases: Releases;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kb-releases-'));
    releases = new Releases(join(root, 'releases'), join(root, 'current'));
  });

  it('serves nothing before the first switch', () => {
    expect(releases.served()).toBeUndefined();
  });

  it('switches the current link from one release to the next', () => {
    const first = release(releases, 'one');
    releases.switchTo(first);
    expect(readFileSync(join(root, 'current', 'index.html'), 'utf8')).toBe('one');
    const second = release(releases, 'two');
    expect(readFileSync(join(root, 'current', 'index.html'), 'utf8')).toBe('one'); // building does not touch what is served
    releases.switchTo(second);
    expect(readFileSync(join(root, 'current', 'index.html'), 'utf8')).toBe('two');
    expect(releases.served()).toBe(second);
    // no temporary links left behind
    expect(readdirSync(root).sort()).toEqual(['current', 'releases']);
  });

  it('prunes old releases but keeps the served one', () => {
    const dirs = [1, 2, 3, 4].map((n) => release(releases, String(n)));
    releases.switchTo(dirs[0]);
    const removed = releases.prune(2);
    const left = readdirSync(join(root, 'releases'));
    expect(left).toHaveLength(3);
    expect(left).toContain(dirs[0].split('/').pop());
    expect(left).toContain(dirs[3].split('/').pop());
    expect(removed).toHaveLength(1);
  });

  it('names the setting when the releases folder cannot be created', () => {
    writeFileSync(join(root, 'a-file'), '');
    const blocked = new Releases(join(root, 'a-file', 'releases'), join(root, 'current'));
    expect(() => blocked.next()).toThrow(`the releases folder ${join(root, 'a-file', 'releases')} cannot be created (siteBuilds.releasesDir)`);
  });

  it('names the setting when the served link cannot be written, and leaves no temporary link', () => {
    const blocked = new Releases(join(root, 'releases'), join(root, 'missing-folder', 'current'));
    const dir = release(blocked, 'one');
    expect(() => blocked.switchTo(dir)).toThrow(`the link ${join(root, 'missing-folder', 'current')} to the served release cannot be written (siteBuilds.current)`);
    expect(readdirSync(root).sort()).toEqual(['releases']);
  });

  it('discards a failed release without throwing', () => {
    const dir = release(releases, 'broken');
    releases.discard(dir);
    releases.discard(dir);
    expect(readdirSync(join(root, 'releases'))).toEqual([]);
  });
});
