import { spawn } from 'node:child_process';

export interface BuildPhases {
  /** Reading the entries from the CMS (the content layer sync). */
  fetch: number;
  /** Rendering pages and assets. */
  render: number;
  /** The Pagefind index. */
  index: number;
}

export interface BuildOutcome {
  ok: boolean;
  durationMs: number;
  phases?: BuildPhases;
  pages?: number;
  exitCode: number | null;
  logTail: string;
}

const FETCHED = /\[content\] Synced content/;
const INDEXED = /\[pagefind\] indexed (\d+) pages in (\d+) ms/;
const TAIL_CHARS = 4000;

/**
 * Runs one site build: `command` with `{outDir}` replaced by `outDir`. Reads the phases from
 * the build's own log lines: the content sync for fetch, the Pagefind line for the index.
 */
export function runBuild(
  command: string[],
  { cwd, env, outDir, timeoutMs = 15 * 60_000 }: { cwd: string; env: NodeJS.ProcessEnv; outDir: string; timeoutMs?: number },
): Promise<BuildOutcome> {
  const started = Date.now();
  const args = command.map((part) => part.split('{outDir}').join(outDir));
  let output = '';
  let fetchedAt: number | undefined;
  let index: { pages: number; ms: number } | undefined;
  let pending = '';

  return new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Asked to stop first, so a build made of steps (the site's scripts/build.mjs) stops the step it runs;
    // killed if it has not within a few seconds.
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-TAIL_CHARS * 4);
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (fetchedAt === undefined && FETCHED.test(line)) fetchedAt = Date.now();
        const indexed = INDEXED.exec(line);
        if (indexed) index = { pages: Number(indexed[1]), ms: Number(indexed[2]) };
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    let finished = false;
    const finish = (exitCode: number | null, error?: Error) => {
      if (finished) return; // 'error' and 'close' can both fire
      finished = true;
      clearTimeout(timer);
      clearTimeout(killer);
      const durationMs = Date.now() - started;
      const ok = exitCode === 0 && !error;
      const fetch = fetchedAt !== undefined ? fetchedAt - started : undefined;
      resolve({
        ok,
        durationMs,
        exitCode,
        pages: index?.pages,
        phases:
          ok && fetch !== undefined
            ? { fetch, index: index?.ms ?? 0, render: Math.max(0, durationMs - fetch - (index?.ms ?? 0)) }
            : undefined,
        logTail: (error ? `${error.message}\n` : '') + output.slice(-TAIL_CHARS),
      });
    };
    child.once('error', (error) => finish(null, error));
    child.once('close', (code) => finish(code));
  });
}
