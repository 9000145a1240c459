/**
 * The plugin's write endpoints and query parameters as the bad-input corpus generates them: each
 * body described from the plugin's zod schemas where they are exported (else beside the schema it
 * mirrors, checked against the plugin's own check function), each query parameter from
 * PUBLIC_QUERY or beside its schema, and the files a contributor could send. Keyed by the route
 * table's `<type> <METHOD> <path>`, so a route added to the table without a description here fails
 * the corpus's coverage test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ZodTypeAny } from 'zod';
import { PDF, PNG } from './contributors';
import { PROTOTYPE_KEYS, choice, fromZod, list, names, number, object, setAt, text, type Field, type Mutation, type Path } from './bad-input-arbitraries';
import { ACTOR_FIELDS, CASE_STUDY_FIELDS, checkAcceptInvitation, checkBodyKeys, checkDecision, checkInvitation, checkSubmission } from '../../plugins/knowledge-base/server/src/validation/submission';
import { ALERT_FREQUENCIES, DIGEST_WINDOW, parseDigestRequest, parseSubscription } from '../../plugins/knowledge-base/server/src/validation/subscription';
import { MAX_PAGE, MAX_PAGE_SIZE, MAX_PAGE_SIZE_ASKED, PUBLIC_QUERY, checkQueueQuery, parseListQuery, parseOneQuery } from '../../plugins/knowledge-base/server/src/validation/query';
import type { Issue } from '../../plugins/knowledge-base/server/src/validation/issues';
import { BENEFICIARIES, KB_TYPES, KB_TYPE_NAMES, SCOPE_LEVELS, type KbType } from '../../plugins/knowledge-base/server/src/shared/content-types';
import { LOCALES, isLocale, type Locale } from '../../plugins/knowledge-base/server/src/shared/locales';
import { SUBMISSION_STATUSES } from '../../plugins/knowledge-base/server/src/shared/moderation';
import { MAX_FILES, MAX_FILE_MB } from '../../plugins/knowledge-base/server/src/shared/attachments';

export const SEED = 20_260_101;
export const FIXTURES = join(__dirname, 'fixtures', 'seed');
/** How the CMS parses query strings (strapi::query's defaults, unchanged in cms/config). */
export const QS = { strictNullHandling: true, arrayLimit: 100, depth: 20 } as const;
export const THEME_SLUGS = readdirSync(join(FIXTURES, 'themes')).map((file) => file.replace(/\.json$/, ''));
export const slugOf = (type: KbType) => JSON.parse(readFileSync(join(FIXTURES, KB_TYPES[type].path, readdirSync(join(FIXTURES, KB_TYPES[type].path))[0]), 'utf8')).slug as string;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Who asks: Accept-Language, and on write routes sometimes a `locale` parameter, which comes first. */
export interface Caller {
  header?: string;
  query?: string;
  lang: Locale;
  /** The language of the header alone (what a `locale` the route cannot read falls back to). */
  headerLang: Locale;
}
/** Mostly the guide's three languages; then a region subtag, a first tag the guide has not, no header, a `locale` (valid, then not). */
export const CALLERS: Caller[] = [
  { header: 'fr', lang: 'fr', headerLang: 'fr' },
  { header: 'en', lang: 'en', headerLang: 'en' },
  { header: 'ar', lang: 'ar', headerLang: 'ar' },
  { header: 'ar-MA, fr;q=0.8', lang: 'ar', headerLang: 'ar' },
  { header: 'en', lang: 'en', headerLang: 'en' },
  { header: 'fr', lang: 'fr', headerLang: 'fr' },
  { header: 'de-CH, en;q=0.5', lang: 'en', headerLang: 'en' },
  { header: 'ar', lang: 'ar', headerLang: 'ar' },
  { lang: 'fr', headerLang: 'fr' },
  { header: 'ar', query: 'locale=en', lang: 'en', headerLang: 'ar' },
  { header: 'en', query: 'locale=zz', lang: 'en', headerLang: 'en' },
];
export const HEADER_CALLERS = CALLERS.filter((c) => !c.query);
export const languageHeader = (caller: Caller): Record<string, string> => (caller.header ? { 'accept-language': caller.header } : {});

// The write endpoints: each body described once, from the plugin's schemas where they are exported.

type Check = (body: unknown) => Issue[];
export interface BodySpec {
  /** The route table's key: `<type> <METHOD> <path>`. */
  route: string;
  root: Field;
  /** The plugin's own check of this body, run in-process: the generated bodies must agree with it. */
  check?: Check;
  /** Paths shorter than this do not name a field (submissions' fields sit under `data`). */
  floor: number;
  /** Mutations beyond the generic ones: dates and years out of order. */
  extra?: fc.Arbitrary<Mutation>[];
  /** The caller's language for this body, when the body can choose it. */
  lang?: (caller: Caller, body: unknown) => Locale;
}

const words = (max: number) => text(max).valid as fc.Arbitrary<string>;
export const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.integer({ min: 0, max: 9999 })).map(([name, n]) => `${name}.${n}@example.org`);
const password = fc.tuple(fc.stringMatching(/^[A-Za-z]{4,20}$/), fc.integer({ min: 0, max: 99_999 })).map(([a, n]) => `${a}-${n}-Passw0rd`);
const HINTS: Record<string, Field> = {
  // matching(/^[A-Z]{2}$/) describes what it allows in words, not as a list.
  country: choice(['FR', 'SN', 'MA', 'TN', 'CI', 'LB']),
  url: text(2000, { valid: fc.webUrl({ validSchemes: ['http', 'https'] }) }),
  // Either an existing actor's slug or a new name, never both.
  'partners[]': object({ actor: text(200), name: text(200) }, { valid: fc.oneof(fc.record({ actor: words(200) }), fc.record({ name: words(200) })) }),
};

/** A submission's `data`: its fields from the schema, which are required or nullable as the plugin's check says. */
function submissionData(fields: Record<string, ZodTypeAny>, probe: (data: Record<string, unknown>) => Issue[], ensure: (data: Record<string, unknown>) => Record<string, unknown>): Field {
  const shape: Record<string, Field> = { locale: choice(LOCALES), ...Object.fromEntries(Object.entries(fields).map(([name, s]) => [name, fromZod(s, HINTS, name)])) };
  const full = ensure(fc.sample(fc.record(Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, f.valid])), { noNullPrototype: true }), { seed: SEED, numRuns: 1 })[0]);
  for (const [name, field] of Object.entries(shape)) {
    const without = Object.fromEntries(Object.entries(full).filter(([key]) => key !== name));
    field.required = probe(without).some((issue) => names(issue.path, ['data', name], 2));
    field.nullable = !probe({ ...full, [name]: null }).length;
  }
  const shaped = object(shape, { required: true });
  return { ...shaped, valid: shaped.valid.map((data) => ensure(data as Record<string, unknown>)) };
}
const yearsInOrder = (data: Record<string, unknown>) =>
  typeof data.yearStart === 'number' && typeof data.yearEnd === 'number' && data.yearEnd < data.yearStart ? { ...data, yearEnd: data.yearStart } : data;
const someChange = (data: Record<string, unknown>) => (Object.keys(data).some((k) => k !== 'locale') ? data : { ...data, description: 'Une ville qui coopère.' });
/** A submission body: `{ data }`, checked as the contribution controller does (unknown top-level keys, then `data`). */
const submissionCheck = (kind: 'case-study' | 'actor-update', partial: boolean): Check => (body) => {
  if (!isRecord(body)) return checkSubmission(kind, body, partial).issues;
  const issues = checkBodyKeys(body, ['data']);
  if (body.data === undefined) return [...issues, { path: ['data'], key: 'error.required' }];
  return [...issues, ...checkSubmission(kind, body.data, partial).issues];
};
const wrapData = (data: Field): Field => object({ data }, { required: true });

const caseStudyData = (partial: boolean) => submissionData(CASE_STUDY_FIELDS, (data) => submissionCheck('case-study', partial)({ data }), yearsInOrder);
const CASE_STUDY = wrapData(caseStudyData(false));
const CASE_STUDY_EDIT = wrapData(caseStudyData(true));
const ACTOR_UPDATE = wrapData(submissionData(ACTOR_FIELDS, (data) => submissionCheck('actor-update', false)({ data }), someChange));

/** Invalid dates: years out of order, instants that are no date or outside the digest's window. */
const yearsReversed = (root: Field) =>
  fc.tuple(root.valid, fc.integer({ min: 1801, max: 2100 }), fc.integer({ min: 1, max: 200 })).map(([body, start, back]): Mutation => ({
    kind: 'wrong', what: `yearEnd ${Math.max(1800, start - back)} before yearStart ${start}`, path: ['data', 'yearEnd'],
    body: setAt(setAt(body, ['data', 'yearStart'], start), ['data', 'yearEnd'], Math.max(1800, start - back)),
  }));
const BAD_INSTANTS = fc.oneof(
  fc.constantFrom('2024-13-45T00:00:00Z', '2024-02-30', 'soon', 'now', 'Infinity', '31/12/2025', '0000-00-00T00:00:00Z', '+275760-09-13T00:00:00.001Z', '1970-01-01T00:00:00Z', '2098-12-15T07:00:00Z', 'T', '٢٠٢٥-٠١-٠١'),
  fc.integer({ min: 2, max: 3650 }).map((days) => new Date(Date.now() - days * 86_400_000).toISOString()),
  fc.integer({ min: 1, max: 10_000 }).map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString()),
);

export const SUBSCRIPTION = object({
  email: text(254, { required: true, valid: email }),
  locale: choice(LOCALES),
  themes: list(choice(THEME_SLUGS), 50, { splits: true, nullable: true }),
  beneficiaries: list(choice(BENEFICIARIES), 50, { splits: true, nullable: true }),
  scopes: list(choice(SCOPE_LEVELS), 50, { splits: true, nullable: true }),
  frequency: choice(ALERT_FREQUENCIES),
});
/** Alerts answer in the language the subscriber chose in the form, else as any route does. */
export const subscriberLang = (caller: Caller, body: unknown): Locale => {
  const chosen = isRecord(body) ? body.locale : undefined;
  if (isLocale(chosen)) return chosen;
  return chosen === undefined || chosen === null ? caller.lang : caller.headerLang;
};
const decision = (commentRequired: boolean) =>
  object({ revision: number(1, Number.MAX_SAFE_INTEGER, { required: true }), comment: text(5000, { required: commentRequired }) });
const DIGEST = object({ now: text(64, { valid: fc.integer({ min: -DIGEST_WINDOW.pastMs + 3_600_000, max: 0 }).map((ms) => new Date(Date.now() + ms).toISOString()) }) });

const RESET_SHAPE = { code: text(200, { required: true, valid: fc.stringMatching(/^[0-9a-z]{9}\.[0-9a-f]{64}$/) }), password: text(128, { required: true, valid: password }), passwordConfirmation: text(1000, { required: true }), deviceId: text(200) };
const RESET = object(RESET_SHAPE, { valid: object(RESET_SHAPE).valid.map((body) => ({ ...(body as Record<string, unknown>), passwordConfirmation: (body as Record<string, unknown>).password })) });

export const BODIES: BodySpec[] = [
  { route: 'content-api POST /alerts', root: SUBSCRIPTION, check: (body) => parseSubscription(body, new Set(THEME_SLUGS)).issues, floor: 1, lang: subscriberLang },
  {
    route: 'content-api POST /contribution/invitations/accept',
    root: object({ token: text(200, { required: true, valid: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) }), password: text(128, { required: true, valid: password }), locale: choice(LOCALES) }),
    check: (body) => checkAcceptInvitation(body).issues,
    floor: 1,
  },
  { route: 'content-api POST /contribution/submissions', root: CASE_STUDY, check: submissionCheck('case-study', false), floor: 2, extra: [yearsReversed(CASE_STUDY)] },
  { route: 'content-api PUT /contribution/submissions/:id', root: CASE_STUDY_EDIT, check: submissionCheck('case-study', true), floor: 2, extra: [yearsReversed(CASE_STUDY_EDIT)] },
  { route: 'content-api POST /contribution/actor-updates', root: ACTOR_UPDATE, check: submissionCheck('actor-update', false), floor: 2 },
  { route: 'admin POST /alerts/digest', root: DIGEST, check: (body) => parseDigestRequest(body).issues, floor: 1, extra: [fc.tuple(DIGEST.valid, BAD_INSTANTS).map(([body, now]) => ({ kind: 'wrong', what: `digest as of “${now}”`, path: ['now'], body: setAt(body, ['now'], now) }))] },
  { route: 'admin POST /moderation/submissions/:id/accept', root: decision(false), check: (body) => checkDecision(body, false).issues, floor: 1 },
  { route: 'admin POST /moderation/submissions/:id/request-changes', root: decision(true), check: (body) => checkDecision(body, true).issues, floor: 1 },
  { route: 'admin POST /moderation/submissions/:id/reject', root: decision(true), check: (body) => checkDecision(body, true).issues, floor: 1 },
  {
    route: 'admin POST /moderation/invitations',
    root: object({ email: text(254, { required: true, valid: email }), organisation: text(200, { required: true, valid: fc.constantFrom('ville-fixture', 'fonds-fixture') }), locale: choice(LOCALES) }),
    check: (body) => checkInvitation(body).issues,
    floor: 1,
  },
  // users-permissions' routes, answered by the plugin's password-reset service (its schemas are not exported).
  { route: 'auth POST /auth/forgot-password', root: object({ email: text(254, { required: true, valid: email }) }), floor: 1 },
  {
    route: 'auth POST /auth/reset-password',
    root: RESET,
    floor: 1,
  },
];
/** Write routes that read no body: what they do with one is checked, but it names no field. */
export const NO_BODY = ['content-api POST /alerts/unsubscribe', 'admin POST /site-builds'];

// The query parameters: the public lists' from PUBLIC_QUERY, the others declared beside their schema.

export interface Param {
  kind: 'int' | 'choice' | 'text' | 'filters' | 'statuses';
  min?: number;
  max?: number;
  allowed?: readonly string[];
  filters?: Record<string, readonly string[] | undefined>;
}
export interface QuerySpec {
  route: string;
  params: Record<string, Param>;
  check: (query: Record<string, unknown>) => Issue[];
}
const localeParam: Param = { kind: 'choice', allowed: LOCALES };
const page: Param = { kind: 'int', min: 1, max: MAX_PAGE };
export const QUERIES: QuerySpec[] = [
  ...KB_TYPE_NAMES.map((type) => ({
    route: `content-api GET /${KB_TYPES[type].path}`,
    params: {
      locale: localeParam, page, pageSize: { kind: 'int', min: 1, max: MAX_PAGE_SIZE_ASKED },
      sort: { kind: 'choice', allowed: PUBLIC_QUERY[type].sorts.flatMap((s) => [s, `${s}:asc`, `${s}:desc`]) },
      filters: { kind: 'filters', filters: Object.fromEntries(Object.entries(PUBLIC_QUERY[type].filters).map(([name, spec]) => [name, spec.allowed])) },
    } satisfies Record<string, Param>,
    check: (query: Record<string, unknown>) => parseListQuery(type, query).issues,
  })),
  ...KB_TYPE_NAMES.map((type) => ({ route: `content-api GET /${KB_TYPES[type].path}/:slug`, params: { locale: localeParam }, check: (query: Record<string, unknown>) => parseOneQuery(query).issues })),
  {
    route: 'admin GET /moderation/submissions',
    params: {
      status: { kind: 'statuses', allowed: SUBMISSION_STATUSES, max: 200 }, organisation: { kind: 'text', max: 100 },
      olderThanDays: { kind: 'int', min: 0, max: 3650 }, page, pageSize: { kind: 'int', min: 1, max: MAX_PAGE_SIZE }, locale: localeParam,
    },
    check: (query) => checkQueueQuery(query).issues,
  },
];
/** Pages opened from a link in a mail: their one parameter is the link's token. */
export const TOKEN_PAGES = ['content-api GET /alerts/confirm', 'content-api GET /alerts/unsubscribe', 'content-api POST /alerts/unsubscribe'];
/** Routes that read no query parameter (but `locale`, for the language of their messages). */
export const NO_QUERY = [
  'content-api GET /openapi.json', 'content-api GET /contribution/me', 'content-api GET /contribution/submissions', 'content-api GET /contribution/submissions/:id',
  'content-api GET /contribution/submissions/:id/attachments/:file', 'admin GET /overview', 'admin GET /site-builds', 'admin GET /moderation/submissions/:id',
  'admin GET /moderation/submissions/:id/attachments/:file', 'admin GET /moderation/organisations',
];

/** A query's pairs as the caller writes them: `null` is a bare key (`?page`). */
export type Pairs = [string, string | null][];
const encodeKey = (key: string) => key.split(/(\[|\])/).map((part) => (part === '[' || part === ']' ? part : encodeURIComponent(part))).join('');
export const queryString = (pairs: Pairs) => pairs.map(([k, v]) => (v === null ? encodeKey(k) : `${encodeKey(k)}=${encodeURIComponent(v)}`)).join('&');

export interface QueryMutation {
  what: string;
  kind: 'unknown' | 'prototype' | 'wrong' | 'oversize' | 'structure' | 'filter';
  path: Path;
  key?: string;
  pairs: Pairs;
}
export const queryWords = (max = 30) => fc.string({ unit: fc.constantFrom('a', 'z', 'Q', '7', 'é', 'ع', '中', '😀', '-', '_', ' ', '.', ':', '%', '\u200f', '$'), minLength: 1, maxLength: max });
const notInteger = fc.oneof(queryWords(12).filter((s) => !/^-?\d+$/.test(s)), fc.constantFrom('1.5', '1e3', '0x10', '+5', ' 7', '٣', '１', '--1', 'NaN', 'Infinity', '1,2', '2 '));
/** The parameter as a list, an object, a bare key (null; a form reads it as ''), or nested too deep. */
export const structure = (name: string, bare = true): fc.Arbitrary<QueryMutation> =>
  fc.oneof(
    fc.constant<Pairs>([[`${name}[]`, '1']]),
    fc.constant<Pairs>([[`${name}[0]`, '1'], [`${name}[1]`, '2']]),
    queryWords(8).map<Pairs>((k) => [[`${name}[${k.replace(/[[\]]/g, '') || 'k'}]`, '1']]),
    ...(bare ? [fc.constant<Pairs>([[name, null]])] : []),
    fc.integer({ min: 9, max: 25 }).map<Pairs>((levels) => [[`${name}${'[a]'.repeat(levels)}`, 'x']]),
  ).map((pairs) => ({ kind: 'structure', what: `${name} as ${queryString(pairs).slice(0, 60)}`, path: [name], pairs }));

/** One valid query of `spec`'s parameters (each present or not). */
const slug = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 20 });
export function validQuery(spec: QuerySpec): fc.Arbitrary<Pairs> {
  const value = (name: string, param: Param): fc.Arbitrary<Pairs | undefined>[] => {
    const one = (v: fc.Arbitrary<string>) => [fc.option(v.map((x): Pairs => [[name, x]]), { nil: undefined })];
    if (param.kind === 'int') return one(fc.integer({ min: param.min!, max: Math.min(param.max!, 1_000_000) }).map(String));
    if (param.kind === 'choice') return one(fc.constantFrom(...param.allowed!));
    if (param.kind === 'text') return one(queryWords(Math.min(param.max!, 30)).filter((s) => s.trim() !== ''));
    if (param.kind === 'statuses') return one(fc.subarray([...param.allowed!], { minLength: 1 }).map((v) => v.join(',')));
    return Object.entries(param.filters!).map(([filter, allowed]) => fc.option((allowed ? fc.constantFrom(...allowed) : slug).map((v): Pairs => [[`${name}[${filter}]`, v]]), { nil: undefined }));
  };
  return fc.tuple(...Object.entries(spec.params).flatMap(([name, param]) => value(name, param))).map((parts) => parts.flatMap((p) => p ?? []));
}

/** One mutation of a valid query of `spec` that its schema refuses, naming the parameter it breaks. */
export function queryMutation(spec: QuerySpec): fc.Arbitrary<QueryMutation> {
  const known = (name: string) => Object.prototype.hasOwnProperty.call(spec.params, name);
  const forParam = (name: string, param: Param): fc.Arbitrary<QueryMutation>[] => {
    const one = (kind: QueryMutation['kind'], what: string, value: fc.Arbitrary<string>) => value.map((v) => ({ kind, what: `${name} ${what} “${v.slice(0, 40)}”`, path: [name], pairs: [[name, v]] as Pairs }));
    const options = [structure(name)];
    if (param.kind === 'int') {
      options.push(one('wrong', 'not a whole number', notInteger));
      options.push(one('oversize', 'out of bounds', fc.oneof(fc.integer({ min: param.max! + 1, max: param.max! + 1000 }).map(String), fc.integer({ min: param.min! - 1000, max: param.min! - 1 }).map(String), fc.integer({ min: 20, max: 400 }).map((n) => '9'.repeat(n)))));
    }
    if (param.kind === 'choice') options.push(one('wrong', 'not one of the allowed', queryWords().filter((v) => !param.allowed!.includes(v))));
    if (param.kind === 'text') options.push(one('oversize', 'too long', fc.integer({ min: param.max! + 1, max: param.max! + 300 }).map((n) => 'ع'.repeat(n))));
    if (param.kind === 'statuses') {
      options.push(one('wrong', 'an unknown status', queryWords().filter((v) => v.split(',').some((s) => !param.allowed!.includes(s)))));
      options.push(one('oversize', 'too long', fc.integer({ min: 25, max: 60 }).map((n) => Array(n).fill('submitted').join(','))));
    }
    if (param.kind === 'filters') {
      const filters = param.filters!;
      const names = Object.keys(filters);
      const at = (filter: string, what: string, pairs: fc.Arbitrary<Pairs>): fc.Arbitrary<QueryMutation> => pairs.map((p) => ({ kind: 'filter', what: `filters[${filter}] ${what}`, path: ['filters', filter], pairs: p }));
      options.push(
        queryWords(20).filter((n) => !names.includes(n) && !/[[\]]/.test(n) && !PROTOTYPE_KEYS.includes(n)).map((n) => ({ kind: 'unknown' as const, what: `unknown filter “${n}”`, path: ['filters', n], key: n, pairs: [[`filters[${n}]`, 'x']] as Pairs })),
        fc.constant({ kind: 'structure' as const, what: 'filters as text', path: ['filters'], pairs: [['filters', 'x']] as Pairs }),
        fc.oneof(...names.map((f) =>
          fc.oneof(
            at(f, 'value too long', fc.integer({ min: 201, max: 400 }).map((n) => [[`filters[${f}]`, 'x'.repeat(n)]])),
            at(f, 'too many values', fc.integer({ min: 101, max: 150 }).map((n) => [[`filters[${f}]`, Array.from({ length: n }, (_, i) => `v${i}`).join(',')]])),
            at(f, 'with an operator', fc.constantFrom('$eq', '$ne', '$in', '$containsi', '$null').map((op) => [[`filters[${f}][${op}]`, 'x']])),
            at(f, 'as 150 indexed values', fc.constant(Array.from({ length: 150 }, (_, i): [string, string] => [`filters[${f}][${i}]`, 'x']))),
            at(f, 'nested too deep', fc.integer({ min: 9, max: 19 }).map((levels) => [[`filters[${f}]${'[a]'.repeat(levels)}`, 'x']])),
            ...(filters[f] ? [at(f, 'not one of the allowed', queryWords().filter((v) => v.split(',').some((s) => s.trim() && !filters[f]!.includes(s.trim()))).map((v) => [[`filters[${f}]`, v]]))] : []),
          ),
        )),
      );
    }
    return options;
  };
  const strapiNative = ['populate', 'fields', 'publicationState', 'status', 'pagination[page]', '_q', 'filters[$or][0][title]', 'id', 'documentId', 'lang', 'limit', 'offset', 'start'].filter((k) => !known(k.split('[')[0]));
  return fc.tuple(
    validQuery(spec),
    fc.oneof(
      ...Object.entries(spec.params).flatMap(([name, param]) => forParam(name, param)),
      fc.oneof(fc.constantFrom(...strapiNative), queryWords(20).filter((k) => !/[[\]]/.test(k) && !known(k) && !PROTOTYPE_KEYS.includes(k) && k.trim() !== ''))
        .map((k) => ({ kind: 'unknown' as const, what: `unknown parameter “${k}”`, path: [k.split('[')[0]], key: k.split('[')[0], pairs: [[k, '1']] as Pairs })),
      fc.constantFrom(...PROTOTYPE_KEYS).chain((k) =>
        fc.constantFrom<Pairs>([[k, '1']], [[`${k}[x]`, '1']], [[`${k}[prototype][polluted]`, '1']]).map((pairs) => ({ kind: 'prototype' as const, what: `prototype key ${queryString(pairs)}`, path: [k], key: k, pairs })),
      ),
    ),
  ).map(([valid, m]) => {
    // The mutated parameter replaces any valid value of it; a mutated filter leaves the other filters.
    const [name, filter] = m.path.map(String);
    const kept = valid.filter(([k]) => (name === 'filters' && filter !== undefined ? !k.startsWith(`filters[${filter}]`) : k.split('[')[0] !== name));
    return { ...m, pairs: [...kept, ...m.pairs] };
  });
}

// Uploads: polyglot and misnamed files, generated.

export interface Upload {
  what: string;
  files: { field: string; name: string; content: Buffer }[];
  /** The index of a file the answer must name, when one is refused for what it is. */
  refused: number[];
}
export const SCRIPT = "fetch('/admin/users/me').then(r=>r.text()).then(t=>fetch('/steal?'+t))";
/** What a file starts with: magic bytes of an accepted type and nothing after them, a whole real file, or another type. */
const heads = ({ jpeg, webp }: Images) => [
  { name: 'PNG magic', bytes: PNG.subarray(0, 8), type: 'png', whole: false },
  { name: 'PNG header', bytes: PNG.subarray(0, 33), type: 'png', whole: false },
  { name: 'JPEG magic', bytes: jpeg.subarray(0, 3), type: 'jpeg', whole: false },
  { name: 'WebP magic', bytes: webp.subarray(0, 16), type: 'webp', whole: false },
  { name: 'PDF magic', bytes: Buffer.from('%PDF-1.7\n'), type: 'pdf', whole: false },
  { name: 'a real PNG', bytes: PNG, type: 'png', whole: true },
  { name: 'a real JPEG', bytes: jpeg, type: 'jpeg', whole: true },
  { name: 'a real PDF', bytes: PDF, type: 'pdf', whole: true },
  { name: 'GIF magic', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), type: null, whole: false },
  { name: 'ZIP magic', bytes: Buffer.from('PK\x03\x04', 'latin1'), type: null, whole: false },
  { name: 'nothing', bytes: Buffer.alloc(0), type: null, whole: false },
];
const PAYLOADS = [
  `<html><script>${SCRIPT}</script></html>`, `<svg xmlns="http://www.w3.org/2000/svg" onload="${SCRIPT}"/>`, `<?php system($_GET['c']); ?>`,
  `<!--#exec cmd="ls" -->`, '\u0000\u0001\u0002 binary', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`, '',
];
const EXTENSIONS: Record<string, string[]> = { png: ['.png'], jpeg: ['.jpg', '.jpeg'], webp: ['.webp'], pdf: ['.pdf'] };
/** Real JPEG and WebP images (made with sharp by the caller), whose first bytes the polyglots borrow. */
export interface Images {
  jpeg: Buffer;
  webp: Buffer;
}
export const uploadArbitrary = (images: Images): fc.Arbitrary<Upload> => {
  const polyglot = fc.record({
    head: fc.constantFrom(...heads(images)),
    payload: fc.constantFrom(...PAYLOADS),
    stem: fc.oneof(fc.string({ unit: fc.constantFrom('a', 'é', 'ع', '😀', ' ', '.', '-', '%', '\u202e'), minLength: 1, maxLength: 20 }), fc.constantFrom('../../x', '..\\..\\x', '/etc/passwd', 'C:\\x', 'a'.repeat(300), '\u0000x')),
    ext: fc.constantFrom('.png', '.jpg', '.jpeg', '.webp', '.pdf', '.PNG', '.html', '.svg', '.js', '.php', '.png.html', '.pdf.exe', '.gif', ''),
  }).filter(({ head, ext }) => !head.whole || !EXTENSIONS[head.type!].includes(ext.toLowerCase()));
  const file = (p: { head: { bytes: Buffer }; payload: string; stem: string; ext: string }) => ({ field: 'files', name: `${p.stem}${p.ext}`, content: Buffer.concat([p.head.bytes, Buffer.from(p.payload)]) });
  const good = { field: 'files', name: 'photo.png', content: PNG };
  return fc.oneof(
    { weight: 6, arbitrary: polyglot.map((p) => ({ what: `${p.head.name} + ${JSON.stringify(p.payload.slice(0, 20))} named ${JSON.stringify(`${p.stem.slice(0, 20)}${p.ext}`)}`, files: [file(p)], refused: [0] })) },
    { weight: 2, arbitrary: fc.tuple(polyglot, fc.boolean()).map(([p, first]) => ({ what: `a real PNG ${first ? 'after' : 'before'} ${p.head.name} named ${p.ext || '(none)'}`, files: first ? [good, file(p)] : [file(p), good], refused: [first ? 1 : 0] })) },
    { weight: 1, arbitrary: fc.integer({ min: MAX_FILES + 1, max: MAX_FILES + 3 }).map((n) => ({ what: `${n} real PNGs`, files: Array.from({ length: n }, (_, i) => ({ ...good, name: `p${i}.png` })), refused: [] })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4096 }).map((extra) => ({ what: `a PNG ${extra} bytes over ${MAX_FILE_MB} MB`, files: [{ ...good, content: Buffer.concat([PNG, Buffer.alloc(MAX_FILE_MB * 2 ** 20 + extra - PNG.length)]) }], refused: [0] })) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'file', 'files[]', 'data', 'attachments', 'files.0'), fc.string({ minLength: 1, maxLength: 20 }).filter((n) => n !== 'files' && !/["\r\n]/.test(n))).map((field) => ({ what: `a PNG under the field “${field}”`, files: [{ ...good, field }], refused: [] })) },
    { weight: 1, arbitrary: fc.constantFrom('a.png', 'a.pdf', '.png').map((name) => ({ what: `an empty file named ${name}`, files: [{ field: 'files', name, content: Buffer.alloc(0) }], refused: [0] })) },
  );
};

