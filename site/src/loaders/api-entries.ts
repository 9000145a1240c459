/**
 * Reads every published entry of one collection, in every locale, from the plugin's public API.
 * Any answer it cannot trust (unreachable, too slow, not JSON, cut short, not the list the plugin
 * sends, pages that disagree) throws one line naming the URL and what was wrong: the build fails
 * and the site served stays the previous one.
 */
import { z } from 'zod/v4';
import { KB_TYPES, LOCALES, type KbType, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import type { PublicEntry } from './public-entry';

/** One request, from sending it to the last byte of its answer. */
export const API_TIMEOUT_MS = 60_000;
/** All the requests of one collection (Astro reads the collections side by side, so: of the build's fetch). */
export const API_DEADLINE_MS = 10 * 60_000;
/** A page of 100 entries is a few hundred KB: anything near this is not an answer of the plugin. */
const MAX_ANSWER_BYTES = 64 * 2 ** 20;
/** The API refuses page numbers beyond this; a page count above it is garbage, not a plan. */
const MAX_PAGES = 10_000;

/** The limits set by `KB_API_TIMEOUT_MS` and `KB_API_DEADLINE_MS`: whole milliseconds ≥ 1, or the build stops saying which is wrong. */
export function apiLimits(env: Record<string, string | undefined> = process.env): { timeoutMs: number; deadlineMs: number } {
  const milliseconds = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number of milliseconds (at least 1), not ${JSON.stringify(value)}`);
    return Number(value);
  };
  return { timeoutMs: milliseconds('KB_API_TIMEOUT_MS', API_TIMEOUT_MS), deadlineMs: milliseconds('KB_API_DEADLINE_MS', API_DEADLINE_MS) };
}

export interface ApiOptions {
  url: string;
  token?: string;
  pageSize?: number;
  /** Per request (`KB_API_TIMEOUT_MS`); default {@link API_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** For the whole collection (`KB_API_DEADLINE_MS`); default {@link API_DEADLINE_MS}. */
  deadlineMs?: number;
  fetch?: typeof fetch;
}

const count = z.number().int().nonnegative();

/** What the loader relies on in a list answer of the plugin (services/entries.ts); other fields pass through. */
const listAnswer = (type: KbType, locale: Locale) =>
  z.object({
    data: z.array(
      z.looseObject({
        collection: z.literal(type),
        locale: z.literal(locale),
        documentId: z.string().min(1),
        slug: z.string().min(1),
      }),
    ),
    meta: z.object({
      pagination: z.object({ page: count.min(1), pageSize: count.min(1), pageCount: count.max(MAX_PAGES), total: count }),
    }),
  });
type ListAnswer = z.infer<ReturnType<typeof listAnswer>>;

/** The first issues of a failed parse, on one line: `meta.pagination: Invalid input…; data.0.locale: …`. */
const issues = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`)
    .join('; ') + (error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '');

/** Why the entries could not be read: one line, the problem then the URL. */
export class ApiAnswerError extends Error {
  constructor(url: string, problem: string) {
    super(`Knowledge-base API: ${problem.replace(/\s+/g, ' ')}, at ${url}`);
    this.name = 'ApiAnswerError';
  }
}
const failure = (url: string, problem: string) => new ApiAnswerError(url, problem);
/** Failures that a second reading may not meet: the list changed while it was read. */
const CHANGED = new WeakSet<ApiAnswerError>();
const changed = (url: string, problem: string) => {
  const error = failure(url, problem);
  CHANGED.add(error);
  return error;
};

/** The network error's own reason (`ECONNREFUSED`, `other side closed`) rather than undici's "fetch failed". */
const reason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.message || cause?.code || (error as Error)?.message || String(error);
};

/** The body, read to its end within the request's signal and {@link MAX_ANSWER_BYTES}, as text. */
async function readBody(response: Response, url: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body?.getReader();
  if (!reader) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw failure(url, `answered more than ${MAX_ANSWER_BYTES / 2 ** 20} MB for one page`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw failure(url, `answered ${bytes} bytes that are not UTF-8 text`);
  }
}

export async function apiEntries(type: KbType, options: ApiOptions): Promise<PublicEntry[]> {
  const get = options.fetch ?? fetch;
  const pageSize = options.pageSize ?? 100;
  const timeoutMs = options.timeoutMs ?? API_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? API_DEADLINE_MS;
  const deadline = Date.now() + deadlineMs;
  const base = options.url.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const list = `${base}/api/knowledge-base/${KB_TYPES[type].path}`;
  const pageUrl = (locale: Locale, number: number) => `${list}?locale=${locale}&page=${number}&pageSize=${pageSize}`;

  /** One page, as sent (status, type, JSON, shape), or a thrown one-line reason. */
  const page = async (locale: Locale, number: number): Promise<ListAnswer> => {
    const url = pageUrl(locale, number);
    const left = deadline - Date.now();
    const cutByDeadline = left < timeoutMs;
    const tooLong = () =>
      cutByDeadline
        ? `reading the ${type} entries took longer than ${deadlineMs / 1000} s (KB_API_DEADLINE_MS)`
        : `no complete answer within ${timeoutMs / 1000} s (KB_API_TIMEOUT_MS)`;
    if (left <= 0) throw failure(url, tooLong());
    const signal = AbortSignal.timeout(Math.min(timeoutMs, left));
    let text: string;
    let answered = false;
    try {
      const response = await get(url, { headers, signal });
      answered = true;
      if (!response.ok) throw failure(url, `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      const contentType = response.headers.get('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) {
        throw failure(url, `answered ${contentType.split(';')[0] || 'no content type'} instead of JSON (status ${response.status})`);
      }
      text = await readBody(response, url);
    } catch (error) {
      if (error instanceof ApiAnswerError) throw error;
      if (signal.aborted) throw failure(url, tooLong());
      throw failure(url, answered ? `the answer was cut short (${reason(error)})` : `unreachable (${reason(error)})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw failure(url, `answered JSON that is cut short or malformed (${(error as Error).message}; ${text.length} characters)`);
    }
    const parsed = listAnswer(type, locale).safeParse(json);
    if (!parsed.success) throw failure(url, `not a list answer of the plugin (${issues(parsed.error)})`);
    const { pagination } = parsed.data.meta;
    const { page: said, pageSize: size, pageCount, total } = pagination;
    if (said !== number) throw failure(url, `answered page ${said} when page ${number} was asked`);
    if (pageCount !== Math.ceil(total / size)) throw failure(url, `pagination does not add up (${total} entries, ${size} a page, but ${pageCount} pages)`);
    const expected = Math.max(0, Math.min(size, total - (number - 1) * size));
    if (parsed.data.data.length !== expected) {
      throw failure(url, `${parsed.data.data.length} entries on page ${number} where the pagination (${total} entries, ${size} a page) means ${expected}`);
    }
    return parsed.data;
  };

  // Locales side by side, and a locale's later pages once its first says how many there are: a
  // rebuild after a publish waits on these requests before it renders anything.
  const readLocale = async (locale: Locale): Promise<PublicEntry[]> => {
    const first = await page(locale, 1);
    const { pageCount, total } = first.meta.pagination;
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pageCount - 1) }, async (_, i) => {
        const later = await page(locale, i + 2);
        const said = later.meta.pagination;
        // A publish between two pages shifts the entries: this build would miss or repeat one, the next one will not.
        if (said.pageCount !== pageCount || said.total !== total) {
          throw changed(
            pageUrl(locale, i + 2),
            `the ${locale} ${type} list changed while it was read (page 1: ${total} entries in ${pageCount} pages; page ${i + 2}: ${said.total} entries in ${said.pageCount} pages)`,
          );
        }
        return later;
      }),
    );
    const entries = [first, ...rest].flatMap((body) => body.data as unknown as PublicEntry[]);
    const seen = new Set<string>();
    for (const entry of entries) {
      if (seen.has(entry.slug)) throw changed(`${list}?locale=${locale}`, `the ${locale} ${type} "${entry.slug}" came twice (the list changed while it was read?)`);
      seen.add(entry.slug);
    }
    return entries;
  };
  /** A list that changed while it was read (an editor published meanwhile) is read again, twice at most. */
  const inLocale = async (locale: Locale): Promise<PublicEntry[]> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await readLocale(locale);
      } catch (error) {
        if (!(error instanceof ApiAnswerError && CHANGED.has(error)) || attempt >= 3) throw error;
      }
    }
  };
  return (await Promise.all(LOCALES.map(inLocale))).flat();
}
