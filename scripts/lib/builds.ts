import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.cache', '.tmp', '.strapi', 'data', '__tests__', 'tests', 'public']);

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Holds a directory lock for `stamp`, so two processes (two test runs, a test and `npm start`) never build into the same folder at once. */
function withLock<T>(stamp: string, fn: () => T): T {
  // outside the output folder, which the build itself may wipe
  const lock = join(tmpdir(), `aimf-build-${createHash('sha1').update(stamp).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than ten minutes belongs to a build that died
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const newestSource = (sources: string[]) =>
  Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)));

const isFresh = (sources: string[], stamp: string) => existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(sources);

/** Runs `command` unless `stamp` is newer than every source file under `sources`. */
export function buildIfStale(sources: string[], stamp: string, command: string[], cwd: string): boolean {
  if (isFresh(sources, stamp)) return false;
  return withLock(stamp, () => {
    if (isFresh(sources, stamp)) return false; // another process built it while we waited
    const result = spawnSync(command[0], command.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      throw new Error(`${command.join(' ')} failed in ${cwd}`);
    }
    writeFileSync(stamp, new Date().toISOString());
    return true;
  });
}
