import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, ServerResponse, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import sirv from 'sirv';

export interface SiteServerOptions {
  /** The build to serve, read per request: pointing it at a new build switches the site between two requests. `undefined` while there is none (503). */
  root: () => string | undefined;
  /** Compress text with gzip on the fly, as a static host does (the search benchmark measures what such a host sends). */
  gzip?: boolean;
  /** Where a request that failed is reported; the server keeps serving the others. */
  log?: (message: string) => void;
}

const ALLOW = 'GET, HEAD';
/** Far beyond any page of the guide (a 100-letter Arabic slug is 600 characters once encoded). */
const MAX_PATH = 2048;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HEADERS_FILE = '_headers';
/** Types that are text: sent with their charset, and compressed when asked. */
const TEXT = /^(text\/|application\/([\w.+-]+\+)?(json|xml)$)/;
const COMPRESSIBLE = (type: string) => TEXT.test(type) || type === 'image/svg+xml';

/**
 * The answer to one request of the site. sirv names a file's type after its extension; this adds
 * what browsers need. Generic as ServerResponse is, so that `createServer` accepts it.
 */
class SiteResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  /** Set when the request accepts gzip and the server compresses. */
  gzip = false;

  override writeHead(status: number, ...rest: any[]): this {
    const headers = rest.find((value) => typeof value === 'object') as OutgoingHttpHeaders | undefined;
    // Only sirv's answers for a file name their type this way; ours are already complete.
    if (headers?.['Content-Type'] !== undefined) {
      // Pagefind's index files (.pf_meta, .pf_fragment, .pagefind…) have no registered type.
      const type = String(headers['Content-Type']).split(';')[0] || 'application/octet-stream';
      headers['Content-Type'] = TEXT.test(type) ? `${type}; charset=utf-8` : type;
      if (this.gzip && status === 200 && COMPRESSIBLE(type)) {
        delete headers['Content-Length'];
        headers['Content-Encoding'] = 'gzip';
        // sirv pipes the file into this response right after: put gzip in between.
        this.once('pipe', (file: Readable) => {
          file.unpipe(this);
          pipeline(file, createGzip({ level: 6 }), this, () => undefined);
        });
      }
    }
    return super.writeHead(status, ...rest);
  }
}

/** Answers with a short text; every answer of the server, files included, says `nosniff`. */
function answer(response: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
}

/** The decoded path a request's target names, or why it names none (400, 414). */
function requestedPath(url: string): string | 400 | 414 {
  // Absolute-form (`http://host/…`) and `*` targets are for proxies and OPTIONS, which this server is not.
  if (!url.startsWith('/')) return 400;
  const raw = url.split(/[?#]/, 1)[0];
  if (raw.length > MAX_PATH) return 414;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return 400; // malformed percent-encoding: `/%`, `/fr/%E0%A4%A`, `/%C0%AF`
  }
  if (/[\0-\x1f\x7f\\]/.test(path)) return 400;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return 400;
  return path;
}

/** Dotfiles are not part of a site, except `/.well-known/` (RFC 8615); nor is the headers file the build wrote for the server. */
const hidden = (path: string) => path === `/${HEADERS_FILE}` || path.split('/').some((segment) => segment.startsWith('.') && segment !== '.well-known');

/**
 * The headers a build asks for on every answer (its Content-Security-Policy, frame and referrer policies):
 * the `/*` block of its `_headers`, the file static hosts read (site/integrations/security-headers.ts writes it).
 */
const buildHeaders = (dir: string): Record<string, string> => {
  const file = join(dir, HEADERS_FILE);
  const headers: Record<string, string> = {};
  if (!existsSync(file)) return headers;
  let all = false;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!/^\s/.test(line)) all = line.trim() === '/*';
    else if (all && line.includes(':')) headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
  }
  return headers;
};

/** The build's own 404 page, with status 404. */
function notFound(dir: string, response: SiteResponse) {
  const page = join(dir, '404.html');
  if (!existsSync(page)) return answer(response, 404, 'Not found');
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  createReadStream(page).pipe(response);
}

/**
 * The static server of a built site, on `sirv`: GET and HEAD only, malformed targets refused
 * with 400, and an error in one request answered 500 and logged, never thrown at the process.
 * Not listening yet: call `listen`.
 */
export function siteServer({ root, gzip = false, log = console.error }: SiteServerOptions): Server {
  // One sirv per build folder. `dev` makes sirv look a file up when it is asked for instead of
  // listing the whole folder first: a new build (tens of thousands of files) is served at once.
  let handler: { dir: string; serve: sirv.RequestHandler; headers: Record<string, string> } | undefined;
  const serving = (dir: string) => {
    if (handler?.dir !== dir) {
      const serve = sirv(dir, {
        dev: true,
        etag: true,
        extensions: ['html'],
        // Hashed assets never change; pages must be revalidated so a new build shows at once.
        setHeaders: (response, pathname) => response.setHeader('cache-control', pathname.startsWith('/_astro/') ? IMMUTABLE : 'no-cache'),
      });
      handler = { dir, serve, headers: buildHeaders(dir) };
    }
    return handler;
  };

  const failed = (request: IncomingMessage, response: ServerResponse, error: unknown) => {
    log(`site server: ${request.method} ${request.url?.slice(0, 200)} failed: ${error instanceof Error ? error.stack : error}`);
    if (response.headersSent) response.destroy();
    else answer(response, 500, 'Internal error');
  };

  // Node would refuse a request without Host itself, in an answer without `nosniff`.
  const server = createServer<typeof IncomingMessage, typeof SiteResponse>({ ServerResponse: SiteResponse, requireHostHeader: false }, (request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'Method not allowed', { allow: ALLOW });
      if (request.httpVersion === '1.1' && !request.headers.host) return answer(response, 400, 'Bad request: no Host');
      const path = requestedPath(request.url ?? '');
      if (typeof path === 'number') return answer(response, path, path === 414 ? 'URI too long' : 'Bad request');
      const dir = root();
      if (!dir) return answer(response, 503, 'The guide is being built', { 'retry-after': '5' });
      const build = serving(dir);
      for (const [name, value] of Object.entries(build.headers)) response.setHeader(name, value);
      if (hidden(path)) return notFound(dir, response);
      // sirv answers a reversed range by throwing and a suffix range with the wrong bytes; whole files are always right.
      delete request.headers.range;
      response.gzip = gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (gzip) response.setHeader('vary', 'Accept-Encoding');
      // A file that vanishes between its lookup and its reading (an old build pruned) fails here.
      response.on('pipe', (file: Readable) => file.once('error', (error) => failed(request, response, error)));
      build.serve(request, response, () => notFound(dir, response));
    } catch (error) {
      failed(request, response, error);
    }
  });
  // Requests Node cannot parse (a raw null byte, headers too large): answered as Node would, with `nosniff`.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Not in the middle of another answer on the same connection.
    if (!socket.writable || socket.bytesWritten > 0) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nx-content-type-options: nosniff\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
  });
  return server;
}

/** Serves the build `root()` names on `host:port`; resolves once listening. */
export function serveStatic(root: () => string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = siteServer({ root });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
