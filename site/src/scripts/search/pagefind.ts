// Pagefind's JS API as the search page uses it: loading the index of the page's language, and the filters argument.

export type Counts = Record<string, Record<string, number>>;

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindSearch {
  results: { id: string; data: () => Promise<ResultData> }[];
  /** Counts only for the facets whose filter data is loaded. */
  filters: Counts;
  totalFilters: Counts;
}

export type SearchOptions = { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> };

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  preload(term: string | null, options?: SearchOptions): Promise<void>;
}

/** The bundle written after the build (integrations/pagefind.ts); it picks the index of the page's `<html lang>`. */
export async function loadPagefind(): Promise<Pagefind> {
  const bundle = new URL('/pagefind/pagefind.js', location.href).href;
  const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

/** Values of one facet are alternatives (any); facets narrow each other (all). `except` leaves one facet out. */
export const filterArg = (filters: Record<string, string[]>, except?: string) =>
  Object.fromEntries(Object.entries(filters).filter(([facet, values]) => facet !== except && values.length).map(([facet, values]) => [facet, { any: values }]));

/** Only a facet's own filter file: what counting that facet needs. */
export const facetData = (facet: string): SearchOptions => ({ filters: { [facet]: { any: [] } } });
