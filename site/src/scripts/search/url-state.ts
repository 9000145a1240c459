// The search's whole state and its URL (`?q=…&theme=…&sort=…&page=…`), so a search can be shared and the back button works.
import { sortFrom, type SortKey } from './sort';

export interface SearchState {
  q: string;
  /** Facet → the values chosen (any of them); only facets with a value chosen. */
  filters: Record<string, string[]>;
  sort: SortKey;
  page: number;
}

export function readUrl(facets: readonly string[]): SearchState {
  const params = new URLSearchParams(location.search);
  const filters: SearchState['filters'] = {};
  for (const facet of facets) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = [...new Set(values)];
  }
  return {
    q: params.get('q') ?? '',
    filters,
    sort: sortFrom(params.get('sort')),
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

export function urlOf(state: SearchState, facets: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of facets) for (const value of state.filters[facet] ?? []) params.append(facet, value);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** A new state gets a history entry of its own (`push`), or takes the current one's place (`replace`, while typing). */
export function writeUrl(state: SearchState, facets: readonly string[], how: 'push' | 'replace'): void {
  const url = urlOf(state, facets);
  if (url !== `${location.pathname}${location.search}`) history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
}
