import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * Each build goes into a folder of its own under `releasesDir`; `current` is a symlink to the
 * one being served. A failed build never touches `current`.
 */
export class Releases {
  private made = 0;

  constructor(
    readonly releasesDir: string,
    readonly current: string,
  ) {}

  /** A fresh, empty folder for the next build, named so names sort by time. */
  next(): string {
    try {
      mkdirSync(this.releasesDir, { recursive: true });
    } catch (error) {
      throw new Error(`the releases folder ${resolve(this.releasesDir)} cannot be created (siteBuilds.releasesDir): ${(error as Error).message}`, { cause: error });
    }
    // time to the millisecond, then a counter: names sort in the order the releases were made
    const name = `${new Date().toISOString().replace(/[-:.]/g, '')}-${String(++this.made).padStart(4, '0')}-${process.pid}`;
    return join(this.releasesDir, name);
  }

  /** The release `current` points at, if any. */
  served(): string | undefined {
    try {
      return resolve(join(this.current, '..'), readlinkSync(this.current));
    } catch {
      return undefined;
    }
  }

  /** Points `current` at `release` atomically: a new symlink renamed over the old one, so a reader sees one or the other. */
  switchTo(release: string): void {
    const temporary = `${this.current}.${process.pid}.${Date.now()}`;
    try {
      symlinkSync(resolve(release), temporary, 'dir');
      renameSync(temporary, this.current);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new Error(`the link ${resolve(this.current)} to the served release cannot be written (siteBuilds.current): ${(error as Error).message}`, { cause: error });
    }
  }

  /** Removes a release that will never be served (its build failed); what cannot be removed now, `prune` removes later. */
  discard(release: string): void {
    try {
      rmSync(release, { recursive: true, force: true });
    } catch {
      // left for prune
    }
  }

  /** Removes failed and old releases, keeping the served one and the `keep` newest (so requests still reading an older one finish). */
  prune(keep: number, except: string[] = []): string[] {
    if (!existsSync(this.releasesDir)) return [];
    const served = this.served();
    const names = readdirSync(this.releasesDir).sort().reverse();
    const keepNames = new Set([...names.slice(0, keep), ...[served, ...except].filter(Boolean).map((p) => basename(p!))]);
    const removed = names.filter((name) => !keepNames.has(name));
    for (const name of removed) rmSync(join(this.releasesDir, name), { recursive: true, force: true });
    return removed;
  }
}
