/**
 * Bad input, generated: over a thousand malformed requests to every write endpoint and every query
 * parameter of the plugin's route table, against one real Strapi on SQLite. Bodies are generated
 * with fast-check (fixed seed) from the plugin's zod schemas and mutated: a required field dropped,
 * unknown and prototype keys (`__proto__`, `constructor`, `toString`…), values of another type, too
 * long, too many, nested 5,000 deep, numbers past their bounds, invalid dates and locales, text in
 * every script; queries likewise; then wrong content types, unreadable and oversized bodies,
 * oversized and polyglot uploads. Proves: no answer is a 5xx or a success; no row is written or
 * changed, no file is left in the attachments, uploads or temp folder, no mail is sent; every 4xx
 * names the field, in the caller's language (Accept-Language fr, en or ar, or the `locale` the caller
 * gave). The hand-picked cases that once failed are in bad-input.test.ts.
 */
import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import qs from 'qs';
import sharp from 'sharp';
import { ADMIN, TestCms } from './harness';
import { SmtpSink } from './smtp-sink';
import { PNG, caseStudy, kb, multipart, onboard } from './contributors';
import { PROTOTYPE_KEYS, mutation, names, toJson, type Path } from './bad-input-arbitraries';
import {
  BODIES, CALLERS, FIXTURES, HEADER_CALLERS, NO_BODY, NO_QUERY, QS, QUERIES, SEED, SUBSCRIPTION, THEME_SLUGS, TOKEN_PAGES,
  email, languageHeader, queryMutation, queryString, queryWords, slugOf, structure, subscriberLang, uploadArbitrary, validQuery,
  type Images, type Pairs, type QueryMutation,
} from './bad-input-endpoints';
import contentApiRoutes from '../../plugins/knowledge-base/server/src/routes/content-api';
import adminRoutes from '../../plugins/knowledge-base/server/src/routes/admin';
import { ALERT_FREQUENCIES } from '../../plugins/knowledge-base/server/src/validation/subscription';
import { PUBLIC_QUERY } from '../../plugins/knowledge-base/server/src/validation/query';
import { quoted } from '../../plugins/knowledge-base/server/src/validation/issues';
import { translate, type MessageKey } from '../../plugins/knowledge-base/server/src/translations';
import { KB_TYPES, KB_TYPE_NAMES } from '../../plugins/knowledge-base/server/src/shared/content-types';
import { LOCALES, isLocale, type Locale } from '../../plugins/knowledge-base/server/src/shared/locales';
import { MAX_FILES, MAX_FILE_MB } from '../../plugins/knowledge-base/server/src/shared/attachments';
import { CMS_DIR } from '../../scripts/lib/paths';
import fr from '../../plugins/knowledge-base/server/src/translations/fr.json';
import en from '../../plugins/knowledge-base/server/src/translations/en.json';
import ar from '../../plugins/knowledge-base/server/src/translations/ar.json';

const UPLOADS = join(CMS_DIR, 'public', 'uploads');

/** Every message of the plugin, per language: an answer's messages must be of the caller's. */
const MESSAGES: Record<Locale, Record<string, string>> = { fr, en, ar };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const template = (message: string, fixed: Record<string, string> = {}) =>
  new RegExp(`^${escape(message).replace(/\\\{(\w+)\\\}/g, (_, name: string) => (Object.prototype.hasOwnProperty.call(fixed, name) ? escape(fixed[name]) : '[\\s\\S]*'))}$`);
const TEMPLATES = Object.fromEntries(LOCALES.map((l) => [l, Object.values(MESSAGES[l]).map((m) => template(m))])) as Record<Locale, RegExp[]>;
const inLanguage = (message: unknown, lang: Locale) => typeof message === 'string' && message.length > 0 && TEMPLATES[lang].some((t) => t.test(message));
const UNKNOWN_KEYS: MessageKey[] = ['error.unknownField', 'error.unknownParameter', 'error.unknownFilter'];
const saysUnknown = (message: string, lang: Locale, key: string) => UNKNOWN_KEYS.some((k) => template(MESSAGES[lang][k], { name: quoted(key) }).test(message));

/** An answer as the suite reads it: JSON when it parses, else the text (HTML pages). */
interface Answer {
  status: number;
  type: string;
  text: string;
  json?: {
    data?: { token?: string; revision?: number; status?: string };
    error?: { name?: string; message?: unknown; details?: { errors?: { path: unknown; message: unknown }[] } };
  };
}

/** What the answer to one bad request must be. */
interface Expect {
  /** The caller's language. */
  lang: Locale;
  /** The path the answer must name, and how deep a path must be to name a field. */
  path?: Path;
  floor?: number;
  /** For an unknown key: the message must call it unknown, by its name. */
  unknownKey?: string;
  required?: boolean;
  /** Answers that are HTML pages: the link's page, or the form's. */
  page?: 'token' | 'form';
  /** Routes that read no body or query: the status the clean request gets. */
  sameAs?: number;
}
/** What is wrong with an answer to a bad request: nothing when it is a 4xx naming the field, in the caller's language. */
const problemsOf = (answer: Answer, expect: Expect): string[] => {
  const { status } = answer;
  if (status >= 500) return [`${status}`];
  // A route that reads no input answers junk as it answers nothing; or refuses it as any route refuses bad input.
  const asClean = expect.sameAs === status;
  if (status < 400) return asClean ? [] : expect.sameAs !== undefined ? [`${status} where the clean request gets ${expect.sameAs}`] : [`accepted (${status})`];
  if (status === 429) return ['rate-limited'];
  const problems: string[] = [];
  if (expect.page === 'token' && answer.type.startsWith('text/html')) {
    if (!answer.text.includes(`lang="${expect.lang}"`) || !answer.text.includes(translate(expect.lang, 'alerts.page.badToken.text'))) problems.push(`the link's page not in ${expect.lang}`);
    return problems;
  }
  let errors: { path: unknown; message: unknown }[] | undefined;
  let summary: unknown;
  if (expect.page === 'form' && answer.type.startsWith('text/html')) {
    const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    errors = [...answer.text.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => {
      const [path, ...message] = unescape(item).split(' : ');
      return { path: path ? path.split('.') : [], message: message.join(' : ') };
    });
    summary = translate(expect.lang, 'alerts.error.invalid');
    if (!answer.text.includes(`lang="${expect.lang}"`) || !answer.text.includes(translate(expect.lang, 'alerts.error.invalid'))) problems.push(`the form's page not in ${expect.lang}`);
  } else {
    errors = answer.json?.error?.details?.errors;
    summary = answer.json?.error?.message;
  }
  const fieldLevel = Array.isArray(errors) && errors.length > 0 && errors.every((e) => Array.isArray(e.path) && typeof e.message === 'string');
  const short = [...(!asClean && !fieldLevel ? ['no field-level message'] : []), ...(inLanguage(summary, expect.lang) ? [] : [`not in ${expect.lang}`])];
  if (short.length) problems.push(`${status} ${answer.json?.error?.name ?? ''} “${String(summary ?? answer.text).slice(0, 90)}”: ${short.join(', ')}`);
  if (asClean || !fieldLevel || !errors) return problems;
  const foreign = errors.filter((e) => !inLanguage(e.message, expect.lang));
  if (foreign.length) problems.push(`field message “${String(foreign[0].message).slice(0, 80)}” not in ${expect.lang}`);
  // A `__proto__` key in JSON: Strapi's parser refuses the whole body before any field is read, so the key is named at the top.
  const protoRefused = expect.unknownKey === '__proto__' && errors.some((e) => JSON.stringify(e.path) === '["__proto__"]' && saysUnknown(String(e.message), expect.lang, '__proto__'));
  if (expect.path && !protoRefused) {
    const named = errors.filter((e) => names((e.path as Path).map(String), expect.path!.map(String), expect.floor ?? 1));
    if (!named.length) problems.push(`${expect.path.join('.') || '(body)'} not named (named: ${errors.map((e) => (e.path as Path).join('.')).slice(0, 4).join(', ')})`);
    const exact = errors.find((e) => JSON.stringify((e.path as Path).map(String)) === JSON.stringify(expect.path!.map(String)));
    if (expect.unknownKey !== undefined && !(exact && saysUnknown(String(exact.message), expect.lang, expect.unknownKey))) problems.push(`unknown key not called unknown: ${JSON.stringify(exact?.message ?? named[0]?.message)}`);
    if (expect.required && !(exact && exact.message === translate(expect.lang, 'error.required'))) problems.push(`dropped field not called required: ${JSON.stringify(exact?.message)}`);
  }
  return problems;
};

describe('bad input, generated (fast-check), on SQLite', () => {
  const tableRoutes = [
    ...contentApiRoutes.routes.map((r) => `content-api ${r.method} ${r.path}`),
    ...adminRoutes.routes.map((r) => `admin ${r.method} ${r.path}`),
  ];

  it('covers every route of the plugin’s route table: each write route’s body, each read route’s parameters', () => {
    const covered = new Set([...BODIES.map((b) => b.route), ...NO_BODY, ...QUERIES.map((q) => q.route), ...TOKEN_PAGES, ...NO_QUERY]);
    expect(tableRoutes.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !route.startsWith('auth ') && !tableRoutes.includes(route))).toEqual([]);
    // Every public filter and sort, as the schema lists them.
    for (const type of KB_TYPE_NAMES) {
      const params = QUERIES.find((q) => q.route === `content-api GET /${KB_TYPES[type].path}`)!.params;
      expect(Object.keys(params.filters.filters!)).toEqual(Object.keys(PUBLIC_QUERY[type].filters));
    }
  });

  describe.each(BODIES.filter((b) => b.check).map((b) => [b.route, b] as const))('%s, in-process', (_route, spec) => {
    it('generated valid bodies pass the plugin’s check', () => {
      fc.assert(fc.property(spec.root.valid, (body) => expect(spec.check!(JSON.parse(toJson(body)))).toEqual([])), { seed: SEED, numRuns: 150 });
    });
    it('every mutation fails it, naming the mutated field', () => {
      const mutations = fc.oneof(mutation(spec.root), ...(spec.extra ?? []));
      fc.assert(
        fc.property(mutations, (m) => {
          const issues = spec.check!(JSON.parse(toJson(m.body)));
          expect({ what: m.what, named: issues.some((issue) => names(issue.path, m.path, spec.floor)) }).toEqual({ what: m.what, named: true });
        }),
        { seed: SEED, numRuns: 250 },
      );
    });
  });

  it.each(QUERIES.map((q) => [q.route, q] as const))('%s, in-process: valid queries pass, every mutation (but prototype keys, dropped by the parser) fails', (_route, spec) => {
    fc.assert(fc.property(validQuery(spec), (pairs) => expect(spec.check(qs.parse(queryString(pairs), QS))).toEqual([])), { seed: SEED, numRuns: 100 });
    fc.assert(
      fc.property(queryMutation(spec).filter((m) => m.kind !== 'prototype'), (m) => {
        const issues = spec.check(qs.parse(queryString(m.pairs), QS));
        expect({ what: m.what, query: queryString(m.pairs).slice(0, 200), named: issues.some((issue) => names(issue.path, m.path)) }).toMatchObject({ named: true });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  describe('over HTTP', () => {
    const cms = new TestCms('sqlite');
    const smtp = new SmtpSink();
    // The CMS's temp folder (TMPDIR), watched: made when the CMS starts, so a filtered run leaves none behind.
    let temp = '';
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let jwt = '';
    let adminToken = '';
    let carrier = { id: '', revision: 0, file: '' };
    let images: Images;
    let db: { prepare: (sql: string) => { all: () => Record<string, unknown>[]; get: () => Record<string, number> }; close: () => void };
    const ids = () => ({ ':id': carrier.id, ':file': carrier.file });

    // What bad input must never change: every table's rows, the tables it could edit, the folders, the mail.
    const WATCHED = ['kb_submissions', 'kb_alert_subscriptions', 'kb_invitations', 'kb_contributors', 'up_users', 'kb_moderation_events'];
    const FOLDERS = ['attachments', 'uploads', 'temp'] as const;
    /** Every file and folder under `dir`, by its path there. */
    const walk = (dir: string): string[] => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : []);
    const snapshot = () => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', 'strapi_sessions')").all().map((r) => String(r.name));
      const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get().n as number]));
      const content = Object.fromEntries(WATCHED.map((t) => [t, createHash('sha1').update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY id`).all())).digest('hex')]));
      return { rows, content, files: { attachments: walk(cms.env.KB_ATTACHMENTS_DIR), uploads: walk(UPLOADS), temp: walk(temp) } };
    };
    type Snapshot = ReturnType<typeof snapshot>;
    const changes = (a: Snapshot, b: Snapshot) => [
      ...Object.keys(b.rows).filter((t) => b.rows[t] !== a.rows[t]).map((t) => `${b.rows[t] - (a.rows[t] ?? 0)} rows in ${t}`),
      ...WATCHED.filter((t) => a.content[t] !== b.content[t] && a.rows[t] === b.rows[t]).map((t) => `a row of ${t} changed`),
      ...FOLDERS.flatMap((f) => {
        const added = b.files[f].filter((name) => !a.files[f].includes(name));
        const removed = a.files[f].filter((name) => !b.files[f].includes(name));
        return added.length || removed.length ? [`files in ${f}: ${[...added.map((n) => `+${n}`), ...removed.map((n) => `-${n}`)].join(' ')}`] : [];
      }),
    ];

    interface Request {
      method: string;
      path: string;
      headers?: Record<string, string>;
      body?: Buffer | string;
      auth?: 'contributor' | 'editor';
    }
    let authRequests = 0;
    const send = (req: Request, spread = true) =>
      new Promise<Answer>((resolve, reject) => {
        const url = new URL(cms.url);
        const headers: Record<string, string> = { ...req.headers };
        if (req.auth) headers.authorization = `Bearer ${req.auth === 'editor' ? adminToken : jwt}`;
        const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
        if (body) headers['content-length'] ??= String(body.length);
        // users-permissions allows 5 requests per IP on its auth routes every 5 minutes: spread them over loopback addresses.
        const auth = spread && req.path.startsWith('/api/auth/');
        const options = auth ? { agent: false as const, localAddress: `127.0.${1 + Math.floor(authRequests / 1000)}.${2 + (Math.floor(authRequests++ / 4) % 250)}` } : { agent };
        const request = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, ...options }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              // HTML pages, or nothing
            }
            resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), text, json: json as Answer['json'] });
          });
        });
        // Where loopback is one address only (not Linux), the auth routes are sent from it.
        request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRNOTAVAIL' && auth ? send(req, false).then(resolve, reject) : reject(error)));
        request.end(body);
      });
    const formData = async (form: FormData) => {
      const encoded = new Request('http://x/', { method: 'POST', body: form });
      return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
    };
    const urlOf = (route: string, query = '') => {
      const [type, , path] = route.split(' ');
      const base = type === 'admin' ? '/knowledge-base' : type === 'auth' ? '/api' : '/api/knowledge-base';
      const filled = path.replace(/:id|:file/g, (p) => ids()[p as ':id' | ':file']).replace(/:slug/, () => slugOf(KB_TYPE_NAMES.find((t) => route.includes(`/${KB_TYPES[t].path}/`))!));
      return `${base}${filled}${query ? `?${query}` : ''}`;
    };
    const authOf = (route: string): Request['auth'] => (route.startsWith('admin') ? 'editor' : route.includes('/contribution/') && !route.includes('/invitations/accept') ? 'contributor' : undefined);

    const tried = new Map<string, number>();
    const statuses = new Map<number, number>();
    const found: { area: string; route: string; what: string; problem: string }[] = [];
    let fivexx = 0;
    const stored = { rows: 0, files: 0, mails: 0 };
    let before: Snapshot;

    /** Sends one bad request, checks its answer and that nothing changed, and records the outcome. */
    const attempt = async (area: string, route: string, what: string, req: Request, expect: Expect) => {
      const answer = await send(req);
      tried.set(route, (tried.get(route) ?? 0) + 1);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500) fivexx++;
      const problems = problemsOf(answer, expect);
      const after = snapshot();
      const changed = changes(before, after);
      if (changed.length) {
        problems.push(`stored: ${changed.join(', ')}`);
        stored.rows += Object.keys(after.rows).reduce((n, t) => n + Math.abs(after.rows[t] - (before.rows[t] ?? 0)), 0) + WATCHED.filter((t) => before.content[t] !== after.content[t] && before.rows[t] === after.rows[t]).length;
        stored.files += FOLDERS.reduce((n, f) => n + after.files[f].filter((name) => !before.files[f].includes(name)).length, 0);
        before = after;
      }
      for (const problem of problems) found.push({ area, route, what: `${what} [${expect.lang}]`, problem });
      return answer;
    };
    /** Mail goes out after the answer: what a test's requests sent is counted when it ends. */
    let mailsBefore = 0;
    beforeEach(() => {
      mailsBefore = smtp.mails.length;
    });
    const mailsSent = async (area: string, route: string) => {
      await new Promise((r) => setTimeout(r, 300));
      const sent = smtp.mails.length - mailsBefore;
      stored.mails += sent;
      if (sent) found.push({ area, route, what: `this test’s requests [${smtp.mails.slice(-sent).map((m) => m.to.join(',')).join(' ')}]`, problem: `stored: ${sent} mails sent` });
    };
    /** The problems of one area (of one route), grouped by what went wrong, an example of each. */
    const report = (area: string) => {
      const groups = new Map<string, { count: number; example: string }>();
      for (const f of found.filter((x) => x.area === area)) {
        const key = `${f.route}: ${f.problem.replace(/“[^”]*”/g, '“…”').replace(/\(named: [^)]*\)/, '').replace(/not in (fr|en|ar)\b/, 'not in the caller’s language')}`;
        const group = groups.get(key) ?? { count: 0, example: `${f.what.slice(0, 160)} → ${f.problem.slice(0, 200)}` };
        group.count++;
        groups.set(key, group);
      }
      return [...groups].map(([key, g]) => `${g.count}× ${key}\n      e.g. ${g.example}`);
    };

    beforeAll(async () => {
      temp = mkdtempSync(join(tmpdir(), 'kb-corpus-tmp-'));
      await smtp.start();
      const image = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#3a7' } });
      images = { jpeg: await image().jpeg().toBuffer(), webp: await image().webp().toBuffer() };
      Object.assign(cms.env, {
        TMPDIR: temp,
        SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
        KB_SITE_URL: 'https://guide.example', KB_EDITOR_EMAILS: 'moderation@aimf.example',
        KB_SUBMISSIONS_PER_USER: '100000', KB_SUBMISSIONS_PER_IP: '100000',
        KB_ALERTS_PER_IP_PER_HOUR: '100000', KB_ALERTS_PER_ADDRESS_PER_DAY: '100000',
      });
      await cms.seed(FIXTURES);
      await cms.start();
      jwt = await onboard(cms, smtp, 'mairie@fixtureville.example', 'ville-fixture', 'fr');
      // The submission edits and decisions are aimed at: a real one, pending, with a file.
      const created = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, body: multipart(caseStudy({ title: 'Porteuse du corpus', partners: [] }), [{ name: 'plan.png', content: PNG }]) });
      expect(created.status).toBe(201);
      carrier = { id: created.body.data.id, revision: created.body.data.revision, file: created.body.data.attachments[0].id };
      const login = await send({ method: 'POST', path: '/admin/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
      adminToken = login.json!.data!.token!;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Sqlite = require('better-sqlite3');
      db = new Sqlite(cms.env.DATABASE_FILENAME, { readonly: true, timeout: 5000 });
      await new Promise((r) => setTimeout(r, 500));
      before = snapshot();
    }, 300_000);

    afterAll(async () => {
      const requests = (kind: (problem: string) => boolean) => new Set(found.filter((f) => kind(f.problem)).map((f) => `${f.area} ${f.route} ${f.what}`)).size;
      const total = [...tried.values()].reduce((a, b) => a + b, 0);
      const perRoute = [...tried].map(([route, n]) => `${route.replace(/^content-api /, '')} ${n}`).join('; ');
      console.log(
        `bad-input corpus: ${total} requests (${perRoute}); statuses ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')}; ` +
          `5xx: ${fivexx}; rows stored or changed: ${stored.rows}; files stored: ${stored.files} (attachments, uploads, temp); mails sent: ${stored.mails}; ` +
          `bad requests accepted: ${requests((p) => p.startsWith('accepted') || p.includes('where the clean request'))}; ` +
          `4xx without a field-level message in the caller's language: ${requests((p) => !p.startsWith('accepted') && !p.startsWith('stored') && !p.includes('where the clean request') && p !== 'rate-limited')}`,
      );
      db?.close();
      agent.destroy();
      await cms.dispose();
      await smtp.stop();
      if (temp) rmSync(temp, { recursive: true, force: true });
    });

    const RUNS = { body: 35, multipart: 20, form: 40, query: 22, token: 12, none: 4, upload: 45 };

    it.each(BODIES.map((b) => [b.route, b] as const))('%s: generated bad bodies get a field-level 4xx in the caller’s language, nothing stored', async (route, spec) => {
      const cases = fc.sample(fc.oneof({ weight: 5, arbitrary: mutation(spec.root) }, ...(spec.extra ?? []).map((arbitrary) => ({ weight: 1, arbitrary }))), { seed: SEED, numRuns: RUNS.body });
      for (const [i, m] of cases.entries()) {
        const caller = CALLERS[i % CALLERS.length];
        const lang = spec.lang ? spec.lang(caller, m.body) : caller.lang;
        await attempt('bodies', route, m.what, {
          method: route.split(' ')[1], path: urlOf(route, caller.query), auth: authOf(route),
          headers: { 'content-type': 'application/json', ...languageHeader(caller) },
          body: toJson(m.body),
        }, { lang, path: m.path, floor: spec.floor, unknownKey: m.kind === 'unknown' ? m.key : undefined, required: m.kind === 'drop' });
      }
      await mailsSent('bodies', route);
      expect(report('bodies').filter((line) => line.includes(`× ${route}:`))).toEqual([]);
    }, 240_000);

    it.each(['content-api POST /contribution/submissions', 'content-api PUT /contribution/submissions/:id'])('%s as multipart: generated bad `data` and form fields get a field-level 4xx, nothing stored', async (route) => {
      const spec = BODIES.find((b) => b.route === route)!;
      const cases = fc.sample(mutation(spec.root), { seed: SEED + 1, numRuns: RUNS.multipart });
      for (const [i, m] of cases.entries()) {
        const caller = HEADER_CALLERS[i % HEADER_CALLERS.length];
        // Top-level keys become form fields; `data` its JSON text.
        const form = new FormData();
        const body = m.body as Record<string, unknown>;
        for (const key of Object.keys(body)) form.append(key, key === 'data' || typeof body[key] !== 'string' ? toJson(body[key]) : (body[key] as string));
        const encoded = await formData(form);
        await attempt('multipart', route, `multipart: ${m.what}`, {
          method: route.split(' ')[1], path: urlOf(route), auth: 'contributor', headers: { 'content-type': encoded.type, ...languageHeader(caller) }, body: encoded.body,
        }, { lang: caller.lang, path: m.path, floor: 1, unknownKey: m.kind === 'unknown' ? m.key : undefined, required: m.kind === 'drop' });
      }
      await mailsSent('multipart', route);
      expect(report('multipart').filter((line) => line.includes(`× ${route}:`))).toEqual([]);
    }, 240_000);

    it('POST /alerts as a form post: generated bad fields get the form’s page naming them, in the caller’s language, nothing stored', async () => {
      const route = 'content-api POST /alerts';
      const field = (name: string) => SUBSCRIPTION.shape![name];
      const valid = fc.record({ email, locale: fc.constantFrom(...LOCALES), themes: fc.subarray(THEME_SLUGS), frequency: fc.constantFrom(...ALERT_FREQUENCIES) }, { requiredKeys: ['email'] })
        .map((v): Pairs => Object.entries(v).flatMap(([k, value]) => (Array.isArray(value) ? value.map((x): [string, string] => [k, x]) : [[k, String(value)] as [string, string]])));
      interface FormMutation {
        what: string;
        path: Path;
        key?: string;
        /** The valid field it replaces. */
        replace?: string;
        pairs: Pairs;
      }
      const mutations = fc.tuple(valid, fc.oneof<fc.Arbitrary<FormMutation>[]>(
        fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), queryWords(20).filter((k) => !/[[\].:]/.test(k) && !Object.prototype.hasOwnProperty.call(SUBSCRIPTION.shape!, k) && k.trim() !== '')).map((k) => ({ what: `unknown field “${k}”`, path: [k], key: k, replace: undefined as string | undefined, pairs: [[k, 'x']] as Pairs })),
        fc.constantFrom('email', 'locale', 'themes', 'frequency').chain((name) => structure(name, name === 'email').map((s) => ({ what: s.what, path: [name], key: undefined, replace: name, pairs: s.pairs }))),
        fc.constant({ what: 'email dropped', path: ['email'], key: undefined, replace: 'email', pairs: [] as Pairs }),
        queryWords().filter((v) => !v.includes('@')).map((v) => ({ what: `email “${v}”`, path: ['email'], key: undefined, replace: 'email', pairs: [['email', v]] as Pairs })),
        fc.integer({ min: 255, max: 400 }).map((n) => ({ what: `email of ${n} characters`, path: ['email'], key: undefined, replace: 'email', pairs: [['email', `${'a'.repeat(n)}@example.org`]] as Pairs })),
        fc.constantFrom('locale', 'frequency').chain((name) => queryWords().filter((v) => !(field(name).allowed ?? []).includes(v) && v.trim() !== '').map((v) => ({ what: `${name} “${v}”`, path: [name], key: undefined, replace: name, pairs: [[name, v]] as Pairs }))),
        fc.constantFrom('themes', 'beneficiaries', 'scopes').chain((name) => queryWords(20).filter((v) => v.split(',').some((s) => s.trim() && !field(name).item!.allowed!.includes(s.trim()))).map((v) => ({ what: `${name} “${v}”`, path: [name], key: undefined, replace: name, pairs: [[name, v]] as Pairs }))),
      ));
      const cases = fc.sample(mutations, { seed: SEED + 2, numRuns: RUNS.form });
      for (const [i, [validPairs, m]] of cases.entries()) {
        const caller = CALLERS[i % CALLERS.length];
        const pairs = [...validPairs.filter(([k]) => k !== m.replace), ...m.pairs];
        await attempt('form', route, `form: ${m.what}`, {
          method: 'POST', path: urlOf(route, caller.query), headers: { 'content-type': 'application/x-www-form-urlencoded', ...languageHeader(caller) }, body: queryString(pairs),
        }, { lang: subscriberLang(caller, qs.parse(queryString(pairs), { allowDots: true })), path: m.path, unknownKey: m.key, page: 'form' });
      }
      await mailsSent('form', route);
      expect(report('form')).toEqual([]);
    }, 240_000);

    it.each(QUERIES.map((q) => [q.route, q] as const))('%s: generated bad query parameters get a field-level 400 in the caller’s language', async (route, spec) => {
      // Prototype keys on every route, besides those drawn: the parser drops them, so each route must be tried.
      const prototypeKeys: QueryMutation[] = ['constructor', '__proto__', 'toString'].map((key, i) => ({
        kind: 'prototype', what: `prototype key ${key}`, path: [key], key, pairs: [[[`${key}`, `${key}[polluted]`, `${key}[prototype][polluted]`][i], '1']],
      }));
      const cases = [...fc.sample(queryMutation(spec), { seed: SEED + 3, numRuns: RUNS.query }), ...prototypeKeys];
      for (const [i, m] of cases.entries()) {
        const caller = HEADER_CALLERS[i % HEADER_CALLERS.length];
        const parsed = qs.parse(queryString(m.pairs), QS);
        // A valid `locale` parameter chooses the language; else Accept-Language.
        const lang = isLocale(parsed.locale) ? parsed.locale : caller.lang;
        await attempt('queries', route, `${m.what} (?${queryString(m.pairs).slice(0, 120)})`, {
          method: 'GET', path: urlOf(route, queryString(m.pairs)), auth: authOf(route), headers: languageHeader(caller),
        }, { lang, path: m.path, unknownKey: m.kind === 'unknown' || m.kind === 'prototype' ? m.key : undefined });
      }
      await mailsSent('queries', route);
      expect(report('queries').filter((line) => line.includes(`× ${route}:`))).toEqual([]);
    }, 240_000);

    it.each(TOKEN_PAGES)('%s: generated bad tokens get the link’s page in the caller’s language, nothing changed', async (route) => {
      const tokens = fc.oneof(
        queryWords(60).map<Pairs>((t) => [['token', t]]),
        fc.stringMatching(/^[A-Za-z0-9_.-]{20,120}$/).map<Pairs>((t) => [['token', t]]),
        fc.integer({ min: 2000, max: 7000 }).map<Pairs>((n) => [['token', 'x'.repeat(n)]]),
        structure('token').map((s) => s.pairs),
        fc.constant<Pairs>([]),
      );
      const cases = fc.sample(fc.tuple(tokens, fc.option(fc.constantFrom(...LOCALES, 'zz', 'FR'))), { seed: SEED + 4, numRuns: RUNS.token });
      for (const [i, [pairs, locale]] of cases.entries()) {
        const caller = HEADER_CALLERS[i % HEADER_CALLERS.length];
        const query = queryString([...pairs, ...(locale ? [['locale', locale] as [string, string]] : [])]);
        const lang = locale && isLocale(locale) ? locale : caller.lang;
        await attempt('tokens', route, `?${query.slice(0, 100)}`, { method: route.split(' ')[1], path: urlOf(route, query), headers: languageHeader(caller) }, { lang, page: 'token' });
      }
      await mailsSent('tokens', route);
      expect(report('tokens').filter((line) => line.includes(`× ${route}:`))).toEqual([]);
    }, 120_000);

    it('routes that read no parameter ignore generated junk ones: the same answer as without, never a 5xx', async () => {
      for (const route of [...NO_QUERY, ...NO_BODY.filter((r) => r.includes('site-builds'))]) {
        const method = route.split(' ')[1];
        const clean = await send({ method, path: urlOf(route), auth: authOf(route) });
        const junk = fc.sample(fc.oneof(
          fc.constantFrom(...PROTOTYPE_KEYS).map<Pairs>((k) => [[k, '1'], [`${k}[x]`, 'y']]),
          queryWords(12).filter((k) => !/[[\]]/.test(k) && k !== 'locale').map<Pairs>((k) => [[k, '1']]),
          fc.constantFrom<Pairs>([['page', '1e400']], [['locale[]', 'en']], [['filters[a][b][c][d][e][f][g][h][i]', 'x']], [['populate', '*']], [['x', 'ع'.repeat(3000)]]),
        ), { seed: SEED + 5, numRuns: RUNS.none });
        for (const [i, pairs] of junk.entries()) {
          const caller = HEADER_CALLERS[i % HEADER_CALLERS.length];
          await attempt('ignored', route, `?${queryString(pairs).slice(0, 100)}`, {
            method, path: urlOf(route, queryString(pairs)), auth: authOf(route), headers: languageHeader(caller),
          }, { lang: caller.lang, sameAs: clean.status });
        }
      }
      await mailsSent('ignored', 'no-parameter routes');
      expect(report('ignored')).toEqual([]);
    }, 120_000);

    it('every write route: wrong content types and unreadable bodies get a field-level 4xx in the caller’s language, nothing stored', async () => {
      const valid = Object.fromEntries(BODIES.map((b) => [b.route, toJson(fc.sample(b.root.valid, { seed: SEED, numRuns: 1 })[0])]));
      const bad = Object.fromEntries(BODIES.map((b) => [b.route, toJson(fc.sample(mutation(b.root), { seed: SEED + 6, numRuns: 1 })[0].body)]));
      const VARIANTS: [string, (route: string) => { type?: string; body: string | Buffer }][] = [
        ['a valid body as text/plain', (r) => ({ type: 'text/plain', body: valid[r] ?? '{}' })],
        ['a valid body as application/octet-stream', (r) => ({ type: 'application/octet-stream', body: valid[r] ?? '{}' })],
        ['a valid body with no content type', (r) => ({ body: valid[r] ?? '{}' })],
        ['a valid body as a form post', (r) => ({ type: 'application/x-www-form-urlencoded', body: valid[r] ?? '{}' })],
        ['XML', () => ({ type: 'application/xml', body: '<?xml version="1.0"?><data><title>x</title></data>' })],
        ['JSON that does not parse', () => ({ type: 'application/json', body: '{"data": {"title": "x",' })],
        ['JSON text that is not an object', () => ({ type: 'application/json', body: '"data"' })],
        ['JSON null', () => ({ type: 'application/json', body: 'null' })],
        ['a JSON list', () => ({ type: 'application/json', body: '[{"data":{}}]' })],
        ['an empty JSON body', () => ({ type: 'application/json', body: '' })],
        ['JSON with a byte-order mark and invalid UTF-8', (r) => ({ type: 'application/json', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from((bad[r] ?? '{}').slice(0, -1)), Buffer.from([0xff, 0xfe, 0x22, 0x7d])]) })],
        ['an invalid body as application/vnd.api+json', (r) => ({ type: 'application/vnd.api+json', body: bad[r] ?? '{"x":1}' })],
        ['an invalid body in UTF-16', (r) => ({ type: 'application/json; charset=utf-16le', body: Buffer.from(bad[r] ?? '{"x":1}', 'utf16le') })],
        ['a __proto__ key in JSON', () => ({ type: 'application/json', body: '{"__proto__":{"isAdmin":true}}' })],
        ['JSON over 1 MB', () => ({ type: 'application/json', body: `{"data":"${'x'.repeat(1_200_000)}"}` })],
        ['a form post over 56 kB', () => ({ type: 'application/x-www-form-urlencoded', body: `email=${'x'.repeat(60_000)}` })],
        ['text over 1 MB', () => ({ type: 'text/plain', body: 'x'.repeat(1_100_000) })],
        ['multipart with no boundary', () => ({ type: 'multipart/form-data', body: 'x' })],
        ['multipart', () => ({ type: 'multipart/form-data; boundary=b', body: '--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"title":5}\r\n--b--\r\n' })],
      ];
      let i = 0;
      for (const route of [...BODIES.map((b) => b.route), ...NO_BODY]) {
        for (const [what, make] of VARIANTS) {
          // No body asks the digest for now, as `{}` does: an empty one is no bad input there.
          if (route === 'admin POST /alerts/digest' && what === 'an empty JSON body') continue;
          const caller = HEADER_CALLERS[i++ % HEADER_CALLERS.length];
          const { type, body } = make(route);
          await attempt('content types', route, what, {
            method: route.split(' ')[1], path: urlOf(route, route.includes('unsubscribe') ? 'token=x' : ''), auth: authOf(route),
            headers: { ...(type ? { 'content-type': type } : {}), ...languageHeader(caller) }, body,
          }, { lang: caller.lang, page: route.includes('unsubscribe') ? 'token' : route === 'content-api POST /alerts' && /form|html/.test(type ?? '') ? 'form' : undefined, sameAs: route.includes('site-builds') ? 409 : undefined });
        }
      }
      await mailsSent('content types', 'write routes');
      expect(report('content types')).toEqual([]);
    }, 240_000);

    it.each(['content-api POST /contribution/submissions', 'content-api PUT /contribution/submissions/:id'])('%s: generated polyglot, misnamed, oversized and misplaced files are refused at their field, no file kept anywhere', async (route) => {
      const cases = fc.sample(uploadArbitrary(images), { seed: SEED + 7, numRuns: route.startsWith('content-api POST') ? RUNS.upload : Math.round(RUNS.upload / 3) });
      const data = route.includes('PUT') ? { summary: 'Avec des fichiers.' } : caseStudy({ title: 'Fichiers refusés', partners: [] });
      for (const [i, upload] of cases.entries()) {
        const caller = HEADER_CALLERS[i % HEADER_CALLERS.length];
        const form = new FormData();
        form.append('data', JSON.stringify(data));
        for (const f of upload.files) form.append(f.field, new Blob([new Uint8Array(f.content)]), f.name);
        const encoded = await formData(form);
        // A control character in a file's name makes the form itself unreadable: refused as a whole.
        const unreadable = upload.files.some((f) => [...f.name].some((c) => c.charCodeAt(0) < 0x20));
        const misplaced = upload.files.find((f) => f.field !== 'files');
        const expectedPath: Path = unreadable ? [] : upload.refused.length ? ['files', upload.refused[0]] : misplaced ? [misplaced.field.slice(0, 50)] : ['files'];
        await attempt('uploads', route, upload.what, {
          method: route.split(' ')[1], path: urlOf(route), auth: 'contributor', headers: { 'content-type': encoded.type, ...languageHeader(caller) }, body: encoded.body,
        }, { lang: caller.lang, path: expectedPath });
      }
      // Cut short, fields repeated, or declared past the limit: refused before a file is kept.
      const whole = await formData(multipart(data, [{ name: 'plan.png', content: PNG }]));
      const boundary = /boundary=(.+)$/.exec(whole.type)![1];
      const cuts = fc.sample(fc.integer({ min: 10, max: whole.body.length - boundary.length - 10 }), { seed: SEED + 8, numRuns: 6 });
      for (const [i, cut] of cuts.entries()) {
        const caller = HEADER_CALLERS[i % HEADER_CALLERS.length];
        await attempt('uploads', route, `a multipart body cut at byte ${cut}`, { method: route.split(' ')[1], path: urlOf(route), auth: 'contributor', headers: { 'content-type': whole.type, ...languageHeader(caller) }, body: whole.body.subarray(0, cut) }, { lang: caller.lang, path: [] });
      }
      const twice = new FormData();
      twice.append('data', JSON.stringify(data));
      twice.append('data', JSON.stringify(data));
      const repeated = await formData(twice);
      await attempt('uploads', route, '`data` sent twice', { method: route.split(' ')[1], path: urlOf(route), auth: 'contributor', headers: { 'content-type': repeated.type, 'accept-language': 'ar' }, body: repeated.body }, { lang: 'ar', path: [] });
      const big = await formData(multipart(data, Array.from({ length: MAX_FILES }, (_, n) => ({ name: `p${n}.png`, content: Buffer.concat([PNG, Buffer.alloc(MAX_FILE_MB * 2 ** 20 + 200 * 1024)]) }))));
      await attempt('uploads', route, `a ${Math.round(big.body.length / 2 ** 20)} MB body`, { method: route.split(' ')[1], path: urlOf(route), auth: 'contributor', headers: { 'content-type': big.type, 'accept-language': 'en' }, body: big.body }, { lang: 'en', path: [] });
      await mailsSent('uploads', route);
      expect(report('uploads').filter((line) => line.includes(`× ${route}:`))).toEqual([]);
    }, 240_000);

    it('after all of it: no 5xx, nothing stored, the carrier submission unchanged, the CMS still answering', async () => {
      await new Promise((r) => setTimeout(r, 1000));
      expect(changes(before, snapshot())).toEqual([]);
      expect({ fivexx, ...stored }).toEqual({ fivexx: 0, rows: 0, files: 0, mails: 0 });
      const seen = await send({ method: 'GET', path: `/api/knowledge-base/contribution/submissions/${carrier.id}`, auth: 'contributor' });
      expect([seen.status, seen.json?.data?.revision, seen.json?.data?.status]).toEqual([200, carrier.revision, 'submitted']);
      expect((await send({ method: 'GET', path: '/_health' })).status).toBe(204);
      expect([...tried.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(500);
    });
  });
});
