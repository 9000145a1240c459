// <guide-search>: the search page's own UI over Pagefind's JS API (query, facets, sort, paging), its whole state in the URL.
import { readConfig, wordsOf, type Words } from './config';
import { FacetCounts } from './facet-counts';
import { FacetList, toggled } from './facets';
import { filterArg, loadPagefind, type Pagefind } from './pagefind';
import { pageClicked, pageOf, renderPages } from './pagination';
import { renderResult, resultCount } from './results';
import { pagefindSort, type SortKey } from './sort';
import { readUrl, urlOf, writeUrl, type SearchState } from './url-state';

const $ = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;

class GuideSearch extends HTMLElement {
  state!: SearchState;
  /** The number of the latest run: answers to an older one are dropped. */
  sequence = 0;
  private started = false;
  private facetNames: string[] = [];
  private words!: Words;
  private pagefind!: Promise<Pagefind>;
  private facets!: FacetList;
  private counts!: FacetCounts;
  /** While typing, each keystroke refines the history entry the first one started. */
  private typing = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const config = readConfig(this);
    this.words = wordsOf(config, document.documentElement.lang);
    this.facetNames = Object.keys(config.facets);
    this.hidden = false;
    this.state = readUrl(this.facetNames);
    this.facets = new FacetList($(this, '[data-search-facets]'), config, this.words, (facet) => void this.counts.open(facet));
    this.listen();
    this.pagefind = loadPagefind();
    this.counts = new FacetCounts(this.pagefind, this, this.facets);
    this.pagefind
      .then(() => this.run())
      .then(() => {
        this.dataset.ready = '';
      })
      .catch((error) => {
        $(this, '[data-search-status]').textContent = this.words.say('search.error');
        console.error(error);
      });
  }

  private urlOf(state: SearchState): string {
    return urlOf(state, this.facetNames);
  }

  /** The controls show the state (after a back or forward, or on arrival). */
  private syncControls(): void {
    const input = $<HTMLInputElement>(this, '#search-q');
    if (input.value !== this.state.q) input.value = this.state.q;
    $<HTMLSelectElement>(this, '#search-sort').value = this.state.sort;
    this.facets.show(this.state.filters);
    $<HTMLButtonElement>(this, '[data-search-clear]').hidden = !Object.keys(this.state.filters).length;
    const inFrench = this.querySelector<HTMLAnchorElement>('[data-search-in-french]');
    if (inFrench) inFrench.search = new URL(this.urlOf({ ...this.state, page: 1 }), location.href).search;
  }

  /** Results first; the counts of the open facets follow, so they never hold the results back. */
  private async run(): Promise<void> {
    const mine = ++this.sequence;
    this.syncControls();
    const { state, words } = this;
    const status = $(this, '[data-search-status]');
    const list = $<HTMLOListElement>(this, '[data-search-results]');
    const pages = $<HTMLElement>(this, '[data-search-pages]');
    const hrefOf = (page: number) => this.urlOf({ ...this.state, page });
    const term = state.q.trim() || null;
    const sort = pagefindSort(state.sort);
    if (!term && !Object.keys(state.filters).length && !sort) {
      list.replaceChildren();
      renderPages(pages, 0, state.page, hrefOf, words);
      status.textContent = words.say('search.prompt');
      this.counts.refresh(mine, null, this.counts.countable()).catch(console.error);
      return;
    }
    const loaded = this.counts.countable();
    const pagefind = await this.pagefind;
    const search = await pagefind.search(term, { filters: filterArg(state.filters), sort });
    // Facets in use were loaded by the search itself.
    this.counts.used(Object.keys(state.filters));
    for (const facet of Object.keys(state.filters)) loaded.add(facet);
    if (mine !== this.sequence) return;
    const { page, shown } = pageOf(search.results, state.page);
    const data = await Promise.all(shown.map((r) => r.data()));
    if (mine !== this.sequence) return;
    this.state.page = page;
    list.replaceChildren(...data.map((d) => renderResult(d, words)));
    renderPages(pages, search.results.length, page, hrefOf, words);
    status.textContent = resultCount(search.results.length, term, words);
    // Not awaited: whoever waits for the results (focus after paging) need not wait for the counts.
    this.counts.refresh(mine, term, loaded, search).catch(console.error);
  }

  /** A new state: a history entry of its own (`push`), or in place of the current one while typing. */
  private go(next: Partial<SearchState>, how: 'push' | 'replace'): Promise<void> {
    this.state = { ...this.state, ...next };
    writeUrl(this.state, this.facetNames, how);
    return this.run();
  }

  /** Any control but the query box ends a typing run. */
  private step(next: Partial<SearchState>): Promise<void> {
    this.typing = false;
    return this.go(next, 'push');
  }

  private listen(): void {
    const input = $<HTMLInputElement>(this, '#search-q');
    const sortSelect = $<HTMLSelectElement>(this, '#search-sort');
    input.addEventListener('input', () => {
      void this.go({ q: input.value, page: 1 }, this.typing ? 'replace' : 'push');
      this.typing = true;
    });
    $(this, '[data-search-form]').addEventListener('submit', (event) => {
      event.preventDefault();
      this.typing = false;
      void this.go({ q: input.value, page: 1 }, 'replace');
    });
    sortSelect.addEventListener('change', () => void this.step({ sort: sortSelect.value as SortKey, page: 1 }));
    $(this, '[data-search-facets]').addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.type === 'checkbox') void this.step({ filters: toggled(this.state.filters, box), page: 1 });
    });
    $(this, '[data-search-clear]').addEventListener('click', () => {
      void this.step({ filters: {}, page: 1 });
      input.focus();
    });
    $<HTMLElement>(this, '[data-search-pages]').addEventListener('click', (event) => {
      const page = pageClicked(event);
      if (page !== undefined) void this.step({ page }).then(() => $<HTMLElement>(this, '#search-results-heading').focus());
    });
    window.addEventListener('popstate', () => {
      this.typing = false;
      this.state = readUrl(this.facetNames);
      void this.run();
    });
  }
}

customElements.define('guide-search', GuideSearch);
