/**
 * Load, on loopback and bounded in time: 200 concurrent readers of the served site (the site
 * server process of `npm start`, serving the build the plugin made from a real CMS: home pages,
 * listings, entries, search index files) and, in the same window, 20 contributors of two
 * organisations submitting case studies through the contribution API (one in five with a file),
 * for LOAD_SECONDS (60 by default, as in CI). Proves 0 errors: every read a 2xx, every submission
 * a 201, none refused, dropped or timed out; and nothing acknowledged lost: the editors' queue
 * holds exactly the submissions that got a 201, and the attachments folder exactly their files.
 * Prints requests/s and p95 for both. On SQLite (LOAD_DATABASE=postgres for PostgreSQL), the
 * default database and the one with a single writer, where 20 concurrent contributors contend most.
 *
 * Each contributor connects from a loopback address of their own (127.0.0.10…29), as each city
 * has its own: Strapi's login limit (5 per IP in 5 minutes) then lets all 20 sign in. The
 * plugin's submission limits (20 per user, 60 per IP an hour) are raised for this suite, since its
 * contributors submit without pause and would be 429 within seconds: those limits are proven in
 * contribution-limits.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../scripts/lib/cms';
import { until } from '../../scripts/lib/live-site';
import { ROOT } from '../../scripts/lib/paths';
import { caseStudy, multipart, PASSWORD, PNG, storedAttachments, tokenOf } from './contributors';
import type { Database } from './databases';
import { TestCms } from './harness';
import { SmtpSink } from './smtp-sink';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const SECONDS = Number(process.env.LOAD_SECONDS || 60);
const READERS = 200;
const CONTRIBUTORS = 20;
/** SQLite unless LOAD_DATABASE=postgres: one booted Strapi, on the database the most contended by concurrent writers. */
const DATABASE: Database = process.env.LOAD_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const ORGANISATIONS = ['ville-fixture', 'fonds-fixture'];

interface ReadersResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytes: number;
  asked: number;
  failures: string[];
}

/** Every file of a build, as the paths a reader asks for (`fr/index.html` → `/fr/`). */
const sitePaths = (dist: string): string[] => {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(dist).map((file) => `/${relative(dist, file).split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1'));
};

interface Answer {
  status: number;
  body: unknown;
}

/** A contributor's HTTP client, connecting from `address` (a loopback address of their own), keeping its connection. */
function clientFrom(base: string, address: string) {
  const agent = new Agent({ keepAlive: true, localAddress: address });
  const send = async (method: string, path: string, { jwt, body }: { jwt?: string; body?: string | FormData } = {}): Promise<Answer> => {
    // A form is encoded as fetch would send it: the bytes and their multipart boundary.
    const encoded = body instanceof FormData ? new Request(base, { method: 'POST', body }) : undefined;
    const bytes = encoded ? Buffer.from(await encoded.arrayBuffer()) : body;
    const headers: Record<string, string> = { 'content-type': encoded?.headers.get('content-type') ?? 'application/json' };
    if (jwt) headers.authorization = `Bearer ${jwt}`;
    return new Promise((resolve, reject) => {
      const outgoing = request(`${base}${path}`, { method, agent, headers }, (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk) => (text += chunk));
        incoming.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: incoming.statusCode ?? 0, body: parsed });
        });
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      // Bounded: a submission still unanswered after a minute counts as an error.
      outgoing.setTimeout(60_000, () => outgoing.destroy(new Error(`no answer within 60 s to ${method} ${path}`)));
      outgoing.end(bytes);
    });
  };
  return { send, close: () => agent.destroy() };
}
type Client = ReturnType<typeof clientFrom>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

describe('load: 200 readers and 20 contributors at once', () => {
  const work = mkdtempSync(join(tmpdir(), 'kb-load-'));
  const current = join(work, 'current');
  const cms = new TestCms(DATABASE);
  const smtp = new SmtpSink();
  Object.assign(cms.env, {
    KB_SITE_BUILDS: 'true',
    KB_SITE_RELEASES: join(work, 'releases'),
    KB_SITE_CURRENT: current,
    KB_CACHE_DIR: join(work, 'astro-cache'),
    KB_SITE_REBUILD_CRON: '',
    KB_SUBMISSIONS_PER_USER: '100000',
    KB_SUBMISSIONS_PER_IP: '100000',
    KB_EDITOR_EMAILS: 'moderation@aimf.example',
  });
  let server: ChildProcess;
  let site: string;
  const contributors: { client: Client; jwt: string; organisation: string }[] = [];

  /** Invited by the editor, the link taken from the e-mail, accepted and logged in from the contributor's own address. */
  const onboard = async (i: number) => {
    const organisation = ORGANISATIONS[i % ORGANISATIONS.length];
    const email = `load-${i}@${organisation}.example`;
    const client = clientFrom(cms.url, `127.0.0.${10 + i}`);
    const invited = await cms.admin('/knowledge-base/moderation/invitations', { method: 'POST', body: JSON.stringify({ email, organisation, locale: ['fr', 'en', 'ar'][i % 3] }) });
    expect(invited.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes(email) && Boolean(tokenOf(m.text)));
    expect((await client.send('POST', '/api/knowledge-base/contribution/invitations/accept', { body: JSON.stringify({ token: tokenOf(mail.text), password: PASSWORD }) })).status).toBe(201);
    const login = await client.send('POST', '/api/auth/local', { body: JSON.stringify({ identifier: email, password: PASSWORD }) });
    expect(login.status).toBe(200);
    contributors.push({ client, jwt: (login.body as { jwt: string }).jwt, organisation });
  };

  beforeAll(async () => {
    await smtp.start();
    Object.assign(cms.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
    await cms.seed(FIXTURES);
    await cms.start();
    await until('the first site build', async () => {
      const { data } = (await (await cms.admin('/knowledge-base/site-builds')).json()) as { data: { status: string; logTail: string | null }[] };
      if (data[0]?.status === 'failed') throw new Error(`the first site build failed:\n${data[0].logTail}`);
      return data[0]?.status === 'succeeded' ? true : undefined;
    });
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'serve-site.ts'), '--port', String(port), '--host', '127.0.0.1', '--current', current], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    site = `http://127.0.0.1:${port}`;
    await until('the site server', async () => ((await fetch(`${site}/fr/`).catch(() => undefined))?.ok ? true : undefined), { timeoutMs: 30_000, everyMs: 100 });
    for (let i = 0; i < CONTRIBUTORS; i++) await onboard(i);
  }, 360_000);
  afterAll(async () => {
    for (const { client } of contributors) client.close();
    server?.kill('SIGKILL');
    await cms.dispose();
    await smtp.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it(`serves every read and keeps every submission for ${SECONDS} s`, async () => {
    const dist = realpathSync(current);
    const paths = sitePaths(dist);
    const kinds = {
      home: paths.filter((p) => /^\/([a-z]{2}\/)?$/.test(p)),
      listings: paths.filter((p) => /^\/[a-z]{2}\/[^/]+\/(\d+\/)?$/.test(p)),
      entries: paths.filter((p) => /^\/[a-z]{2}\/[^/]+\/[^/]+\/$/.test(p) && !/\/\d+\/$/.test(p)),
      search: paths.filter((p) => p.startsWith('/pagefind/')),
    };
    for (const [kind, list] of Object.entries(kinds)) expect([kind, list.length > 0]).toEqual([kind, true]);
    // Each page once, and the search files in proportion: a reader who searches loads a handful of them.
    const mix = [...kinds.home, ...kinds.listings, ...kinds.entries, ...kinds.search.filter((_, i) => i % 2 === 0)];

    const plan = join(work, 'readers.json');
    writeFileSync(plan, JSON.stringify({ url: site, connections: READERS, seconds: SECONDS, paths: mix }));
    const readersDone = new Promise<ReadersResult>((resolve, reject) => {
      const child = spawn(process.execPath, [join(__dirname, 'load-readers.mjs'), plan], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`the readers exited ${code}:\n${err}`))));
    });

    const end = Date.now() + SECONDS * 1000;
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    const unexpected: string[] = [];
    const accepted = Array.from({ length: CONTRIBUTORS }, () => 0);
    let withFiles = 0;
    const contributor = async (n: number) => {
      for (let round = 0; Date.now() < end; round++) {
        const { client, jwt, organisation } = contributors[n];
        const data = caseStudy({ title: `Charge ${n} ${round} ${organisation}`, partners: [] });
        const file = round % 5 === 4;
        const started = performance.now();
        const reply = await client
          .send('POST', '/api/knowledge-base/contribution/submissions', { jwt, body: file ? multipart(data, [{ name: 'photo.png', content: PNG }]) : JSON.stringify({ data }) })
          .catch((error: Error) => ({ status: 0, body: error.message }));
        times.push(performance.now() - started);
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        if (reply.status === 201) {
          accepted[n]++;
          if (file) withFiles++;
        } else if (unexpected.length < 5) unexpected.push(`${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
      }
    };
    const started = Date.now();
    await Promise.all(contributors.map((_, n) => contributor(n)));
    const contributorSeconds = (Date.now() - started) / 1000;
    const readers = await readersDone;

    times.sort((a, b) => a - b);
    const submissions = times.length;
    const ok = accepted.reduce((a, b) => a + b, 0);
    console.log(
      `load (${SECONDS} s, ${DATABASE}, loopback): readers ${READERS} connections over ${mix.length} paths (${kinds.home.length} home, ${kinds.listings.length} listing, ${kinds.entries.length} entry pages, ${Math.ceil(kinds.search.length / 2)} search files): ` +
        `${readers.requests} requests, ${Math.round(readers.perSecond)} req/s, p50 ${Math.round(readers.p50)} ms, p95 ${Math.round(readers.p95)} ms, p99 ${Math.round(readers.p99)} ms, max ${Math.round(readers.max)} ms, ` +
        `${readers.non2xx} non-2xx, ${readers.errors} errors, ${readers.timeouts} timeouts; ` +
        `contributors ${CONTRIBUTORS}: ${submissions} submissions (${withFiles} with a file), ${(submissions / contributorSeconds).toFixed(1)} req/s, ` +
        `p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(percentile(times, 95))} ms, max ${Math.round(times.at(-1) ?? 0)} ms, ${submissions - ok} not 201 (${JSON.stringify(statuses)})`,
    );

    // Readers: every request answered 2xx, every path of the mix asked.
    expect({ non2xx: readers.non2xx, errors: readers.errors, timeouts: readers.timeouts, failures: readers.failures }).toEqual({ non2xx: 0, errors: 0, timeouts: 0, failures: [] });
    expect(Object.keys(readers.statuses)).toEqual(['200']);
    expect(readers.asked).toBe(mix.length);
    expect(readers.requests).toBeGreaterThan(mix.length);
    // Contributors: every submission a 201, every contributor served.
    expect(unexpected).toEqual([]);
    expect(ok).toBe(submissions);
    expect(accepted.every((count) => count > 0)).toBe(true);
    // Nothing acknowledged lost, nothing extra: the editors' queue and the private files hold exactly what got a 201.
    const queue = (await (await cms.admin('/knowledge-base/moderation/submissions?pageSize=1')).json()) as { meta: { pagination: { total: number } } };
    expect(queue.meta.pagination.total).toBe(ok);
    expect(storedAttachments(cms)).toBe(withFiles);
    // Both servers still up, the site unchanged (submissions publish nothing).
    expect(server.exitCode).toBeNull();
    expect((await fetch(`${site}/fr/`)).status).toBe(200);
    expect(existsSync(current) && realpathSync(current)).toBe(dist);
  }, (SECONDS + 180) * 1000);
});
