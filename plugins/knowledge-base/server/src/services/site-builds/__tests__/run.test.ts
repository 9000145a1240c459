import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../run';

// A stand-in for `astro build` that prints the same phase lines and writes into {outDir}.
const FAKE_BUILD = `
const { mkdirSync, writeFileSync } = require('node:fs');
const out = process.argv[1];
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
sleep(100);
console.log('12:00:00 [content] Synced content');
sleep(150);
if (process.env.FAIL) { console.error('Error: broken page'); process.exit(3); }
mkdirSync(out, { recursive: true });
writeFileSync(out + '/index.html', 'ok ' + process.env.KB_API_URL);
console.log('[pagefind] indexed 42 pages in 120 ms');
`;

describe('runBuild', () => {
  const outDir = () => join(mkdtempSync(join(tmpdir(), 'kb-run-')), 'out');

  it('runs the command with {outDir} filled and reads the phases from its log', async () => {
    const out = outDir();
    const outcome = await runBuild([process.execPath, '-e', FAKE_BUILD, '{outDir}'], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, KB_API_URL: 'http://cms' },
      outDir: out,
    });
    expect(outcome.ok).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('ok http://cms');
    expect(outcome.pages).toBe(42);
    expect(outcome.phases!.index).toBe(120);
    expect(outcome.phases!.fetch).toBeGreaterThanOrEqual(100);
    expect(outcome.phases!.fetch + outcome.phases!.render + outcome.phases!.index).toBeLessThanOrEqual(outcome.durationMs);
  });

  it('reports a failing build with its exit code and the end of its log', async () => {
    const out = outDir();
    const outcome = await runBuild([process.execPath, '-e', FAKE_BUILD, '{outDir}'], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, FAIL: '1' },
      outDir: out,
    });
    expect(outcome).toMatchObject({ ok: false, exitCode: 3 });
    expect(outcome.logTail).toContain('Error: broken page');
    expect(outcome.phases).toBeUndefined();
    expect(existsSync(out)).toBe(false);
  });

  it('reports a command that cannot start', async () => {
    const outcome = await runBuild(['/nonexistent/astro', 'build'], { cwd: tmpdir(), env: {}, outDir: outDir() });
    expect(outcome.ok).toBe(false);
    expect(outcome.logTail).toMatch(/ENOENT/);
  });

  it('stops a build that outlives its time, and the step it was running (the site build is two steps)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-run-'));
    const step = join(dir, 'step-pid');
    // A build made of steps, like the site's scripts/build.mjs: it passes SIGTERM on to the step it runs.
    const STEPPED = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'require("node:fs").writeFileSync(${JSON.stringify(step)}, String(process.pid)); setInterval(() => {}, 1000)'], { stdio: 'inherit' });
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', () => process.exit(1));
`;
    const outcome = await runBuild([process.execPath, '-e', STEPPED], { cwd: dir, env: {}, outDir: outDir(), timeoutMs: 1_000 });
    expect(outcome.ok).toBe(false);
    const pid = Number(readFileSync(step, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(); // the step is gone too
  });

  it('kills a build that does not stop when asked', async () => {
    const started = Date.now();
    const outcome = await runBuild([process.execPath, '-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], {
      cwd: tmpdir(),
      env: {},
      outDir: outDir(),
      timeoutMs: 500,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.exitCode).toBeNull(); // ended by a signal, SIGKILL
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000); // given its few seconds first
  });
});
