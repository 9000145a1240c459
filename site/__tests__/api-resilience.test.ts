/**
 * A CMS the build cannot trust makes the build fail, with one line naming the URL and what was
 * wrong: unreachable, slower than KB_API_TIMEOUT_MS or KB_API_DEADLINE_MS, garbage, an HTML page
 * with 200, JSON cut short, no pagination, entries of another locale, counts that disagree with
 * the pagination or change from one page to the next. Each case is a tiny fake CMS (node:http)
 * read by the loader itself; two of them are read by the real site build (scripts/build.mjs),
 * which must exit 1 with that line. That the served site then stays the previous one is proven
 * through the plugin's builds (cms/tests/publish-to-live.test.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_DEADLINE_MS, API_TIMEOUT_MS, ApiAnswerError, apiEntries, apiLimits } from '../src/loaders/api-entries';
import { buildSite, FIXTURE_NOW } from './test-utils/build';

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

/** A fake CMS for one case, on a loopback port of its own. */
async function fakeCms(handler: Handler) {
  const server = createServer((request, response) => handler(request, response, new URL(request.url!, 'http://cms')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the cases that never answer hold theirs open
      }),
  };
}

const json = (response: ServerResponse, body: unknown, type = 'application/json; charset=utf-8') =>
  response.writeHead(200, { 'content-type': type }).end(typeof body === 'string' ? body : JSON.stringify(body));

interface Page {
  data: Record<string, unknown>[];
  meta: { locale: string | null; pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** `total` actors per locale, `size` a page, as the plugin answers them; `page` overrides what a page says. */
const actors = (total: number, size: number, page: (n: number, answer: Page) => unknown = (_, answer) => answer): Handler => (_, response, url) => {
  const n = Number(url.searchParams.get('page'));
  const locale = url.searchParams.get('locale');
  const data = Array.from({ length: total }, (_, i) => ({ collection: 'actor', documentId: `d${i}`, locale, slug: `actor-${i}`, name: `Actor ${i}` })).slice((n - 1) * size, n * size);
  json(response, page(n, { data, meta: { locale, pagination: { page: n, pageSize: size, pageCount: Math.ceil(total / size), total } } }));
};

/** The port of a server that was closed: nothing listens there. */
const closedPort = async () => {
  const cms = await fakeCms(() => undefined);
  await cms.close();
  return cms.url;
};

const CASES: { name: string; handler?: Handler; options?: { timeoutMs?: number; deadlineMs?: number }; expected: RegExp }[] = [
  { name: 'unreachable (nothing listens)', expected: /^Knowledge-base API: unreachable \(.*ECONNREFUSED.*\), at http:\/\/127\.0\.0\.1:\d+\/api\/knowledge-base\/actors\?locale=[a-z]{2}&page=1&pageSize=100$/ },
  { name: 'no answer within the timeout', handler: () => undefined, options: { timeoutMs: 300 }, expected: /no complete answer within 0\.3 s \(KB_API_TIMEOUT_MS\), at .*actors\?locale=[a-z]{2}&page=1/ },
  {
    name: 'headers at once, then half a page and silence',
    handler: (_, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' }).write('{"data":[{"collection":"actor",'),
    options: { timeoutMs: 300 },
    expected: /no complete answer within 0\.3 s \(KB_API_TIMEOUT_MS\)/,
  },
  {
    name: 'every page slow, the whole collection beyond the deadline',
    handler: (request, response, url) => setTimeout(() => actors(5, 2)(request, response, url), 150),
    options: { timeoutMs: 5_000, deadlineMs: 250 },
    expected: /reading the actor entries took longer than 0\.25 s \(KB_API_DEADLINE_MS\), at .*actors\?locale=[a-z]{2}&page=\d&/,
  },
  { name: 'an error status', handler: (_, response) => response.writeHead(502).end('{}'), expected: /answered 502 Bad Gateway, at .*actors\?locale=/ },
  {
    name: 'an HTML error page with status 200',
    handler: (_, response) => json(response, '<!doctype html><h1>502 Bad Gateway</h1>', 'text/html; charset=utf-8'),
    expected: /answered text\/html instead of JSON \(status 200\)/,
  },
  { name: 'no content type', handler: (_, response) => response.writeHead(200).end('{"data":[]}'), expected: /answered no content type instead of JSON/ },
  { name: 'garbage text', handler: (_, response) => json(response, 'Service temporarily overloaded'), expected: /answered JSON that is cut short or malformed \(.*; 30 characters\)/ },
  { name: 'garbage bytes', handler: (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from([0xff, 0xfe, 0x00, 0x7b])), expected: /answered 4 bytes that are not UTF-8 text/ },
  {
    name: 'JSON cut short (a half page, properly ended)',
    handler: (_, response) => {
      const whole = JSON.stringify({ data: [{ collection: 'actor', documentId: 'd', locale: 'fr', slug: 'a' }], meta: { pagination: { page: 1, pageSize: 2, pageCount: 1, total: 1 } } });
      json(response, whole.slice(0, whole.length / 2));
    },
    expected: /answered JSON that is cut short or malformed \(.+ in JSON at position \d+.*; \d+ characters\)/,
  },
  {
    name: 'a half page, then the connection dropped',
    handler: (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' }).write('{"data":[', () => response.socket?.destroy());
    },
    expected: /the answer was cut short \(.+\), at .*actors\?locale=/,
  },
  {
    name: 'no pagination',
    handler: (_, response, url) => json(response, { data: [{ collection: 'actor', documentId: 'd', locale: url.searchParams.get('locale'), slug: 'a' }], meta: {} }),
    expected: /not a list answer of the plugin \(meta\.pagination: Invalid input: expected object, received undefined\)/,
  },
  { name: 'data that is not a list', handler: actors(1, 2, (_, answer) => ({ ...answer, data: { 0: answer.data[0] } })), expected: /not a list answer of the plugin \(data: Invalid input: expected array, received object\)/ },
  {
    name: 'an entry of another locale',
    handler: actors(1, 2, (_, answer) => (answer.meta.locale === 'fr' ? { ...answer, data: [{ ...answer.data[0], locale: 'en' }] } : answer)),
    expected: /not a list answer of the plugin \(data\.0\.locale: Invalid input: expected "fr"\), at .*locale=fr/,
  },
  { name: 'an entry without a slug', handler: actors(1, 2, (_, answer) => ({ ...answer, data: [{ ...answer.data[0], slug: undefined }] })), expected: /\(data\.0\.slug: Invalid input: expected string, received undefined\)/ },
  {
    name: 'a page count in the millions',
    handler: actors(1, 2, (_, answer) => ({ ...answer, meta: { pagination: { page: 1, pageSize: 1, pageCount: 5_000_000, total: 5_000_000 } } })),
    expected: /meta\.pagination\.pageCount: Too big: expected number to be <=10000\)/,
  },
  {
    name: 'a pagination that does not add up',
    handler: actors(5, 2, (_, answer) => ({ ...answer, meta: { pagination: { ...answer.meta.pagination, pageCount: 2 } } })),
    expected: /pagination does not add up \(5 entries, 2 a page, but 2 pages\)/,
  },
  {
    name: 'fewer entries than the pagination says',
    handler: actors(3, 2, (n, answer) => (n === 1 ? { ...answer, data: answer.data.slice(0, 1) } : answer)),
    expected: /1 entries on page 1 where the pagination \(3 entries, 2 a page\) means 2, at .*page=1/,
  },
  {
    name: 'more entries than the pagination says, on the last page',
    handler: actors(3, 2, (n, answer) => (n === 2 ? { ...answer, data: [...answer.data, { ...answer.data[0], slug: 'extra' }] } : answer)),
    expected: /2 entries on page 2 where the pagination \(3 entries, 2 a page\) means 1, at .*page=2/,
  },
  {
    name: 'a page count that changes mid-way',
    handler: (request, response, url) => (Number(url.searchParams.get('page')) === 1 ? actors(3, 2) : actors(5, 2))(request, response, url),
    expected: /the [a-z]{2} actor list changed while it was read \(page 1: 3 entries in 2 pages; page 2: 5 entries in 3 pages\), at .*page=2/,
  },
  {
    name: 'the same entry on two pages',
    handler: actors(4, 2, (n, answer) => (n === 2 ? { ...answer, data: [answer.data[0], { ...answer.data[1], slug: 'actor-0' }] } : answer)),
    expected: /the [a-z]{2} actor "actor-0" came twice/,
  },
  { name: 'the page after the one asked', handler: actors(3, 2, (_, answer) => ({ ...answer, meta: { pagination: { ...answer.meta.pagination, page: 2 } } })), expected: /answered page 2 when page 1 was asked/ },
];

const refused: string[] = [];
let failedBuilds = 0;
afterAll(() => {
  if (process.env.KB_SHOW_MESSAGES) console.log(refused.join('\n'));
  console.log(`api resilience: ${refused.length} untrustworthy answers refused by the loader with one line each, ${failedBuilds} real site builds exited 1 with that line (default timeout ${API_TIMEOUT_MS / 1000} s)`);
});

describe('the loader refuses a CMS answer it cannot trust', () => {
  it('reads a well-formed answer of several pages (the control)', async () => {
    const cms = await fakeCms(actors(5, 2));
    try {
      const entries = await apiEntries('actor', { url: cms.url, timeoutMs: 5_000, deadlineMs: 10_000 });
      expect(entries.filter((e) => e.locale === 'fr').map((e) => e.slug)).toEqual(['actor-0', 'actor-1', 'actor-2', 'actor-3', 'actor-4']);
      expect(entries).toHaveLength(15);
    } finally {
      await cms.close();
    }
  });

  it('takes its limits from KB_API_TIMEOUT_MS and KB_API_DEADLINE_MS, and stops on a wrong one', () => {
    expect(apiLimits({})).toEqual({ timeoutMs: API_TIMEOUT_MS, deadlineMs: API_DEADLINE_MS });
    expect(apiLimits({ KB_API_TIMEOUT_MS: '1500', KB_API_DEADLINE_MS: '90000' })).toEqual({ timeoutMs: 1500, deadlineMs: 90_000 });
    for (const wrong of ['soon', '0', '-5', '1.5', '60s']) {
      expect(() => apiLimits({ KB_API_TIMEOUT_MS: wrong })).toThrow(`KB_API_TIMEOUT_MS must be a whole number of milliseconds (at least 1), not "${wrong}"`);
    }
    expect(() => apiLimits({ KB_API_DEADLINE_MS: 'never' })).toThrow(/^KB_API_DEADLINE_MS must be a whole number/);
  });

  it.each(CASES)('$name', async ({ handler, options, expected }) => {
    const cms = handler ? await fakeCms(handler) : undefined;
    const url = cms?.url ?? (await closedPort());
    try {
      const error = await apiEntries('actor', { url, ...options }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiAnswerError);
      const message = (error as Error).message;
      expect(message).toMatch(expected);
      expect(message).not.toContain('\n');
      expect(message).toContain(`${url}/api/knowledge-base/actors?locale=`);
      refused.push(message);
    } finally {
      await cms?.close();
    }
  });
});

describe('the site build stops on an answer it cannot trust', () => {
  const build = (cms: string, env: Record<string, string> = {}) =>
    buildSite('cms-garbage', { KB_API_URL: cms, KB_NOW: FIXTURE_NOW, ...env }).then(
      () => undefined,
      (error: Error) => error.message,
    );
  /** The loader's line in the build's log. */
  const line = (log: string) => log.split('\n').find((l) => l.startsWith('Knowledge-base API: '));

  it('exits 1 on an HTML page answered with 200', async () => {
    const cms = await fakeCms((_, response) => json(response, '<!doctype html><p>Maintenance</p>', 'text/html'));
    try {
      const failed = await build(cms.url);
      expect(failed).toMatch(/^astro build \(cms-garbage\) failed with code 1:/);
      expect(line(failed!)).toMatch(/^Knowledge-base API: answered text\/html instead of JSON \(status 200\), at http:\/\/127\.0\.0\.1:\d+\/api\/knowledge-base\/[a-z-]+\?locale=(fr|en|ar)&page=1&pageSize=100$/);
      failedBuilds++;
    } finally {
      await cms.close();
    }
  }, 120_000);

  it('exits 1 when the CMS is slower than KB_API_TIMEOUT_MS', async () => {
    const cms = await fakeCms(() => undefined);
    try {
      const started = Date.now();
      const failed = await build(cms.url, { KB_API_TIMEOUT_MS: '1500' });
      expect(failed).toMatch(/^astro build \(cms-garbage\) failed with code 1:/);
      expect(line(failed!)).toMatch(/^Knowledge-base API: no complete answer within 1\.5 s \(KB_API_TIMEOUT_MS\), at http:\/\/127\.0\.0\.1:\d+\/api\/knowledge-base\//);
      failedBuilds++;
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      await cms.close();
    }
  }, 120_000);
});
