// Facet counts: what checking each value would give, for the facets whose filter data is loaded.
import { facetData, filterArg, type Counts, type Pagefind, type PagefindSearch } from './pagefind';
import type { FacetList } from './facets';
import type { SearchState } from './url-state';

/** What the counts are for: the current state, and the number of the latest run (older counts are dropped). */
export interface CountedSearch {
  readonly state: SearchState;
  readonly sequence: number;
}

export class FacetCounts {
  // A facet's filter data (the pages of each value) is fetched only once the facet is opened or used: most searches never need it.
  private readonly loaded = new Set<string>();
  private readonly asked = new Set<string>();

  constructor(
    private readonly pagefind: Promise<Pagefind>,
    private readonly search: CountedSearch,
    private readonly facets: FacetList,
  ) {}

  /** The facets loaded so far: those a search starting now can count. */
  countable(): Set<string> {
    return new Set(this.loaded);
  }

  /** Facets a search filtered on were loaded by that search: they are counted from then on. */
  used(facets: Iterable<string>): void {
    for (const facet of facets) this.loaded.add(facet);
  }

  /** Loads one facet's data when it is first opened, then counts the loaded facets for the current state. */
  async open(facet: string): Promise<void> {
    if (this.asked.has(facet)) return;
    this.asked.add(facet);
    this.facets.busy(facet);
    const pagefind = await this.pagefind;
    await pagefind.preload(null, facetData(facet));
    this.loaded.add(facet);
    const mine = this.search.sequence;
    const { state } = this.search;
    const term = state.q.trim() || null;
    const facets = this.countable();
    const searched = term || Object.keys(state.filters).length || state.sort;
    await this.refresh(mine, term, facets, searched ? await pagefind.search(term, { filters: filterArg(state.filters) }) : undefined);
  }

  /**
   * Counts of the given facets (those loaded before `search` was asked) for the current state:
   * a chosen facet counts what its other values would add.
   */
  async refresh(mine: number, term: string | null, facets: Set<string>, search?: PagefindSearch): Promise<void> {
    if (!facets.size) return;
    for (const facet of facets) this.facets.busy(facet);
    const chosen = Object.keys(this.search.state.filters);
    const pagefind = await this.pagefind;
    // Nothing asked yet: the counts are those of the whole guide.
    const base = search ?? (await pagefind.search(null));
    const counts: Counts = { ...base.filters };
    for (const facet of chosen.filter((f) => facets.has(f))) {
      // With a query and this one facet chosen, Pagefind's unfiltered counts are the answer; otherwise search without the facet.
      counts[facet] =
        term && chosen.length === 1
          ? (base.totalFilters[facet] ?? {})
          : ((await pagefind.search(term, { filters: filterArg(this.search.state.filters, facet) })).filters[facet] ?? {});
    }
    if (mine === this.search.sequence) this.facets.showCounts(counts, facets, this.search.state.filters);
  }
}
