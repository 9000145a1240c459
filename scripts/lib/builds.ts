import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

/** Runs `command` unless `stamp` is newer than every source file under `sources`. */
export function buildIfStale(sources: string[], stamp: string, command: string[], cwd: string): boolean {
  const sourceTime = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourceTime) return false;
  const result = spawnSync(command[0], command.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command.join(' ')} failed in ${cwd}`);
  }
  writeFileSync(stamp, new Date().toISOString());
  return true;
}
