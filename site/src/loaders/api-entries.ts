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

  const entries: PublicEntry[] = [];
  for (const locale of LOCALES) {
    for (let page = 1, pageCount = 1; page <= pageCount; page++) {
      const url = `${base}/api/knowledge-base/${KB_TYPES[type].path}?locale=${locale}&page=${page}&pageSize=${pageSize}`;
      let response: Response;
      try {
        response = await get(url, { headers, signal: AbortSignal.timeout(60_000) });
      } catch (error) {
        throw new Error(`Knowledge-base API unreachable at ${url}: ${(error as Error).message}`);
      }
      if (!response.ok) throw new Error(`Knowledge-base API answered ${response.status} for ${url}`);
      const body = (await response.json()) as ListResponse;
      if (!Array.isArray(body?.data)) throw new Error(`Knowledge-base API: unexpected answer for ${url}`);
      // Strapi answers in the locale asked for; the entry carries it too, but make sure.
      entries.push(...body.data.map((entry) => ({ ...entry, collection: type, locale: entry.locale ?? locale }) as PublicEntry));
      pageCount = body.meta?.pagination?.pageCount ?? 1;
    }
  }
  return entries;
}
