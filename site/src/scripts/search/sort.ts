// The orders a search can take: relevance (no key) or one of the sort keys the entry pages carry (SearchIndexData).
import type { SORT_KEYS } from '../../utils/search';

export type SortKey = '' | (typeof SORT_KEYS)[number];
type PagefindSort = Record<string, 'asc' | 'desc'>;

const SORTS: Record<SortKey, PagefindSort | undefined> = {
  '': undefined,
  newest: { newest: 'desc' },
  deadline: { deadline: 'asc' },
};

/** A sort named in a URL, or relevance when it names none we know. */
export const sortFrom = (value: string | null): SortKey => (value && Object.hasOwn(SORTS, value) ? (value as SortKey) : '');

/** Pagefind's sort option for a sort key; relevance has none. */
export const pagefindSort = (key: SortKey): PagefindSort | undefined => SORTS[key];
