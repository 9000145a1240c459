/**
 * How `npm start` keeps its children up (scripts/lib/supervisor.ts), with real processes on
 * loopback: the real site server (scripts/serve-site.ts) and a tiny HTTP server in Strapi's
 * place. A killed child is reported and restarted while the other answers every request; a
 * child that keeps crashing is given up after the policy's limit; stop() ends them all.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/cms';
import { until } from '../lib/live-site';
import { ROOT } from '../lib/paths';
import { Supervisor, type ChildSpec, type RestartPolicy } from '../lib/supervisor';

const POLICY: RestartPolicy = { backoffMs: 200, maxBackoffMs: 1000, maxCrashes: 3, windowMs: 60_000 };
const SITE = 'The site server';
const CMS = 'The CMS stand-in';

const answers = (url: string) => async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
/** A tiny HTTP server on `port`, in Strapi's place. */
const tinyServer = (name: string, port: number): ChildSpec => ({
  name,
  command: process.execPath,
  args: ['-e', `require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`],
  ready: answers(`http://127.0.0.1:${port}/`),
});
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the supervisor', () => {
  const root = mkdtempSync(join(tmpdir(), 'kb-supervisor-'));
  const logged: string[] = [];
  let supervisor: Supervisor;
  let siteUrl: string;
  let cmsUrl: string;
  let site: ChildSpec;
  let cms: ChildSpec;

  beforeAll(async () => {
    const release = join(root, 'release');
    mkdirSync(join(release, 'fr'), { recursive: true });
    writeFileSync(join(release, 'fr', 'index.html'), '<html>guide</html>');
    symlinkSync(release, join(root, 'current'));
    const [sitePort, cmsPort] = [await freePort(), await freePort()];
    siteUrl = `http://127.0.0.1:${sitePort}/fr/`;
    cmsUrl = `http://127.0.0.1:${cmsPort}/`;
    site = {
      name: SITE,
      command: process.execPath,
      args: ['--import', 'tsx', join(ROOT, 'scripts', 'serve-site.ts'), '--port', String(sitePort), '--current', join(root, 'current')],
      cwd: ROOT,
      ready: answers(siteUrl),
    };
    cms = tinyServer(CMS, cmsPort);
  });
  afterAll(async () => {
    await supervisor?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('restarts the site server killed with SIGKILL, while the other child answers every request', async () => {
    supervisor = new Supervisor([site, cms], POLICY, (message) => logged.push(message));
    await supervisor.start(CMS);
    await supervisor.start(SITE);
    const cmsPid = supervisor.pid(CMS);
    const killed = supervisor.pid(SITE)!;

    let polling = true;
    let cmsFailures = 0;
    let cmsAnswers = 0;
    const load = (async () => {
      while (polling) {
        const ok = await answers(cmsUrl)().catch(() => false);
        ok ? cmsAnswers++ : cmsFailures++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    try {
      process.kill(killed, 'SIGKILL');
      await until('the site server to answer again', async () => {
        const pid = supervisor.pid(SITE);
        return pid !== killed && supervisor.state(SITE) === 'running' && (await answers(siteUrl)().catch(() => false)) ? true : undefined;
      }, { timeoutMs: 30_000, everyMs: 50 });
    } finally {
      polling = false;
      await load;
    }

    expect(await (await fetch(siteUrl)).text()).toBe('<html>guide</html>');
    expect(alive(killed)).toBe(false);
    expect(supervisor.pid(CMS)).toBe(cmsPid);
    expect(cmsAnswers).toBeGreaterThan(5);
    expect(cmsFailures).toBe(0);
    const log = logged.join('\n');
    expect(log).toContain(`${SITE} was killed by SIGKILL`);
    expect(log).toContain(`Restarting ${SITE} in 0.2 s`);
    expect(log).toContain(`${SITE} is back.`);
    expect(log).not.toContain(CMS);
  });

  it('gives up on a child that crashes again at once, after the limit, and keeps the others running', async () => {
    logged.length = 0;
    const port = await freePort();
    const launches = join(root, 'launches');
    // Serves a moment the first time, then crashes; every restart crashes at once.
    const flaky: ChildSpec = {
      name: 'The flaky child',
      command: process.execPath,
      args: ['-e', `
        const fs = require('node:fs');
        const first = !fs.existsSync(${JSON.stringify(launches)});
        fs.appendFileSync(${JSON.stringify(launches)}, 'x');
        if (!first) { console.error('cannot start: broken'); process.exit(3); }
        require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1');
        setTimeout(() => process.exit(3), 300);`],
      ready: answers(`http://127.0.0.1:${port}/`),
    };
    const steadyPort = await freePort();
    const steady = tinyServer('The steady child', steadyPort);
    const withFlaky = new Supervisor([flaky, steady], POLICY, (message) => logged.push(message));
    try {
      await withFlaky.start(steady.name);
      await withFlaky.start(flaky.name);
      const steadyPid = withFlaky.pid(steady.name);
      await until('the supervisor to give up', async () => (withFlaky.state(flaky.name) === 'given up' ? true : undefined), { timeoutMs: 30_000, everyMs: 50 });
      // No restart after giving up.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(readFileSync(launches, 'utf8')).toBe('xxxx');
      const log = logged.join('\n');
      expect(log).toContain('The flaky child exited with code 3');
      expect(log).toContain('cannot start: broken');
      expect(log).toMatch(/Restarting The flaky child in 0\.2 s[^]*in 0\.4 s[^]*in 0\.8 s/);
      expect(log).toContain('The flaky child crashed 4 times within 60 s: it is not restarted again. The steady child keeps running.');
      expect(withFlaky.pid(steady.name)).toBe(steadyPid);
      expect(await answers(`http://127.0.0.1:${steadyPort}/`)()).toBe(true);
    } finally {
      await withFlaky.stop();
    }
  });

  it('reports a first start that fails with the child\'s last lines, and does not restart it', async () => {
    const broken = new Supervisor([{ name: 'The broken child', command: process.execPath, args: ['-e', 'console.error("missing secret"); process.exit(2)'], ready: async () => false }], POLICY, (message) => logged.push(message));
    await expect(broken.start('The broken child')).rejects.toThrow(/The broken child exited with code 2 while starting\. Its last lines:\nmissing secret/);
    expect(broken.state('The broken child')).toBe('stopped');
    await broken.stop();
  });

  it('stops every child on stop() and restarts none', async () => {
    const pids = [supervisor.pid(SITE)!, supervisor.pid(CMS)!];
    await supervisor.stop();
    expect(pids.map(alive)).toEqual([false, false]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pids.map(alive)).toEqual([false, false]);
    expect([supervisor.state(SITE), supervisor.state(CMS)]).toEqual(['stopped', 'stopped']);
    expect(await answers(siteUrl)().catch(() => false)).toBe(false);
    expect(existsSync(join(root, 'current'))).toBe(true);
  });
});
