/**
 * The site server of `npm start` (scripts/serve-site.ts), as its own process on loopback, under
 * the requests an attacker sends first (issue 14, point 2): malformed targets and methods other
 * than GET and HEAD each get their 4xx, with `nosniff`, and the same process serves the guide
 * afterwards, with the security headers its build's `_headers` asks for (never the file itself).
 * Requests go out byte for byte over a socket: an HTTP client would fix them first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/cms';
import { until } from '../lib/live-site';
import { ROOT } from '../lib/paths';

interface Answer {
  status: number;
  headers: Record<string, string>;
}

/** Writes `request` as it is and reads the status line and headers of the answer. */
function send(port: number, request: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = received.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
      socket.destroy();
    });
    // The server may close while a refused body is still being written: the answer came first.
    socket.on('error', () => undefined);
    socket.on('close', () => reject(new Error(`the connection closed without an answer to ${JSON.stringify(request.slice(0, 80))}`)));
    socket.write(request);
  });
}

const request = (target: string, method = 'GET', extra = '') => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`;

/** What is sent, and the status it must get. */
const MALFORMED: [string, string, number][] = [
  ['a lone percent sign', request('/%'), 400],
  ['a truncated UTF-8 sequence (the issue\'s example)', request('/fr/%E0%A4%A'), 400],
  ['two percent signs', request('/%%'), 400],
  ['percent and no hex digits', request('/fr/%zz/'), 400],
  ['a UTF-8 sequence cut short', request('/%E0%A4'), 400],
  ['bytes that are not UTF-8', request('/%FF%FE'), 400],
  ['an overlong UTF-8 slash', request('/%C0%AF'), 400],
  ['a lone UTF-16 surrogate', request('/%ED%A0%80'), 400],
  ['bad encoding before a query', request('/fr/%?q=1'), 400],
  ['an encoded null byte', request('/%00'), 400],
  ['a null byte before an extension', request('/index.html%00.css'), 400],
  ['an encoded CR LF (header injection)', request('/%0d%0aSet-Cookie:%20a=1'), 400],
  ['encoded slashes climbing out', request('/..%2f..%2fetc/passwd'), 400],
  ['dot segments climbing out', request('/../../etc/passwd'), 400],
  ['encoded dot segments', request('/%2e%2e/%2e%2e/etc/passwd'), 400],
  ['encoded backslashes', request('/fr/..%5c..%5cetc%5cpasswd'), 400],
  ['a trailing dot segment', request('/fr/entry/..'), 400],
  ['a dot segment', request('/fr/./entry/'), 400],
  ['a path of 6,000 characters', request(`/${'a/'.repeat(3000)}`), 414],
  ['a path of 20,000 characters (beyond the header limit)', request(`/${'x'.repeat(20_000)}`), 431],
  ['an absolute-form target (proxy request)', request('http://evil.example/fr/'), 400],
  ['an asterisk target', request('*'), 400],
  ['a raw null byte', request('/\0'), 400],
  ['a space inside the target', request('/fr/a b'), 400],
  ['no Host header', 'GET /fr/ HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
  ['an unknown HTTP version', 'GET /fr/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n', 400],
  ['a dotfile', request('/.git/config'), 404],
];

const BODY = 'x'.repeat(64 * 1024);
const METHODS: [string, string][] = [
  ['PUT', request('/fr/entry/', 'PUT', 'Content-Length: 5\r\n') + 'hello'],
  ['DELETE', request('/fr/entry/', 'DELETE')],
  ['TRACE', request('/', 'TRACE')],
  ['OPTIONS', request('/fr/', 'OPTIONS')],
  ['OPTIONS *', request('*', 'OPTIONS')],
  ['PATCH', request('/fr/entry/', 'PATCH', 'Content-Length: 2\r\n') + '{}'],
  ['POST with a 64 KB body', request('/fr/entry/', 'POST', `Content-Type: text/plain\r\nContent-Length: ${BODY.length}\r\n`) + BODY],
  ['PROPFIND', request('/', 'PROPFIND')],
];

/** What the build's `_headers` asks for on every answer (site/integrations/security-headers.ts writes it). */
const BUILD_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'",
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

describe('the site server process', () => {
  const root = mkdtempSync(join(tmpdir(), 'kb-serve-site-'));
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    const release = join(root, 'release');
    mkdirSync(join(release, 'fr', 'entry'), { recursive: true });
    writeFileSync(join(release, 'fr', 'entry', 'index.html'), '<html>entry</html>');
    writeFileSync(join(release, '404.html'), '<html>not found</html>');
    mkdirSync(join(release, '.git'));
    writeFileSync(join(release, '.git', 'config'), 'secret');
    writeFileSync(join(release, '_headers'), `/*\n${Object.entries(BUILD_HEADERS).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n/fr/*\n  X-Other: not for all\n`);
    symlinkSync(release, join(root, 'current'));
    port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'serve-site.ts'), '--port', String(port), '--current', join(root, 'current')], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    await until('the site server to answer', async () => ((await fetch(`http://127.0.0.1:${port}/fr/entry/`).catch(() => undefined))?.ok ? true : undefined), { timeoutMs: 30_000, everyMs: 100 });
  });
  afterAll(() => {
    server.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  const stillServes = async () => {
    expect(server.exitCode).toBeNull();
    // A malformed query is the page's business (the search reads it), not the server's.
    for (const path of ['/fr/entry/', '/fr/entry/?q=%E0%A4%A']) {
      const page = await fetch(`http://127.0.0.1:${port}${path}`);
      expect([path, page.status, await page.text()]).toEqual([path, 200, '<html>entry</html>']);
    }
  };

  it('answers a burst of malformed targets, each with its 4xx, and serves the guide afterwards', async () => {
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(MALFORMED.map(([, raw]) => send(port, raw)));
      const got = MALFORMED.map(([what], i) => [what, answers[i].status, answers[i].headers['x-content-type-options']]);
      expect(got).toEqual(MALFORMED.map(([what, , status]) => [what, status, 'nosniff']));
    }
    await stillServes();
  });

  it('answers every method but GET and HEAD with 405 and Allow: GET, HEAD, and serves the guide afterwards', async () => {
    const answers = await Promise.all(METHODS.map(([, raw]) => send(port, raw)));
    const got = METHODS.map(([method], i) => [method, answers[i].status, answers[i].headers.allow, answers[i].headers['x-content-type-options']]);
    expect(got).toEqual(METHODS.map(([method]) => [method, 405, 'GET, HEAD', 'nosniff']));
    await stillServes();
    const head = await fetch(`http://127.0.0.1:${port}/fr/entry/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends the headers the build asks for in its _headers on pages and on its 404, and never serves that file', async () => {
    const lower = Object.fromEntries(Object.entries(BUILD_HEADERS).map(([name, value]) => [name.toLowerCase(), value]));
    for (const [path, status] of [['/fr/entry/', 200], ['/nowhere/', 404], ['/_headers', 404]] as const) {
      const answer = await send(port, request(path));
      expect({ path, status: answer.status, ...Object.fromEntries(Object.keys(lower).map((name) => [name, answer.headers[name]])) }).toEqual({ path, status, ...lower });
      expect(answer.headers['x-other']).toBeUndefined();
    }
  });
});
