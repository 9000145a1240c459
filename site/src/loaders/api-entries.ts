/** Reads every published entry of one collection, in every locale, from the plugin's public API. */
import { KB_TYPES, LOCALES, type KbType } from '@aimf/strapi-plugin-knowledge-base/shared';
import type { PublicEntry } from './public-entry';

export interface ApiOptions {
  url: string;
  token?: string;
  pageSize?: number;
  fetch?: typeof fetch;
}

interface ListResponse {
  data: PublicEntry[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

export async function apiEntries(type: KbType, options: ApiOptions): Promise<PublicEntry[]> {
  const get = options.fetch ?? fetch;
  const pageSize = options.pageSize ?? 100;
  const base = options.url.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const page = async (locale: (typeof LOCALES)[number], number: number): Promise<ListResponse> => {
    const url = `${base}/api/knowledge-base/${KB_TYPES[type].path}?locale=${locale}&page=${number}&pageSize=${pageSize}`;
    let response: Response;
    try {
      response = await get(url, { headers, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw new Error(`Knowledge-base API unreachable at ${url}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new Error(`Knowledge-base API answered ${response.status} for ${url}`);
    const body = (await response.json()) as ListResponse;
    if (!Array.isArray(body?.data)) throw new Error(`Knowledge-base API: unexpected answer for ${url}`);
    return body;
  };
  // Locales side by side, and a locale's later pages once its first says how many there are: a
  // rebuild after a publish waits on these requests before it renders anything.
  const inLocale = async (locale: (typeof LOCALES)[number]): Promise<PublicEntry[]> => {
    const first = await page(locale, 1);
    const pageCount = first.meta?.pagination?.pageCount ?? 1;
    const rest = await Promise.all(Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => page(locale, i + 2)));
    // Strapi answers in the locale asked for; the entry carries it too, but make sure.
    return [first, ...rest].flatMap((body) => body.data.map((entry) => ({ ...entry, collection: type, locale: entry.locale ?? locale }) as PublicEntry));
  };
  return (await Promise.all(LOCALES.map(inLocale))).flat();
}
