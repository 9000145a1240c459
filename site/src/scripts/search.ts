/**
 * The search page's own UI over Pagefind's JS API: a query box, facet checkboxes with
 * counts, sorts, paging, and the whole state in the URL (`?q=…&theme=…&sort=…&page=…`)
 * so a search can be shared and the back button works. Pagefind picks the index of the
 * page's `<html lang>`.
 */

interface Config {
  labels: Record<string, Record<string, string>>;
  facets: Record<string, string>;
  strings: Record<string, string>;
}

interface State {
  q: string;
  filters: Record<string, string[]>;
  sort: '' | 'newest' | 'deadline';
  page: number;
}

type Counts = Record<string, Record<string, number>>;
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Search {
  results: { id: string; data: () => Promise<ResultData> }[];
  /** Counts only for the facets whose filter data is loaded. */
  filters: Counts;
  totalFilters: Counts;
}
type SearchOptions = { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> };
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<Search>;
  preload(term: string | null, options?: SearchOptions): Promise<void>;
}

const PAGE_SIZE = 10;
const SORTS: Record<State['sort'], Record<string, 'asc' | 'desc'> | undefined> = {
  '': undefined,
  newest: { newest: 'desc' },
  deadline: { deadline: 'asc' },
};
/** Facets whose values have an order of their own; the others are sorted by label. */
const ORDERED = new Set(['type', 'status', 'stage']);

const $ = <T extends Element>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector)!;

export function startSearch(): void {
  const root = $<HTMLElement>('[data-search]');
  const config: Config = JSON.parse($('#search-config').textContent ?? '{}');
  const locale = document.documentElement.lang;
  const facetNames = Object.keys(config.facets);
  const form = $<HTMLFormElement>('[data-search-form]', root);
  const input = $<HTMLInputElement>('#search-q', root);
  const sortSelect = $<HTMLSelectElement>('#search-sort', root);
  const facetsBox = $<HTMLElement>('[data-search-facets]', root);
  const clearButton = $<HTMLButtonElement>('[data-search-clear]', root);
  const status = $<HTMLElement>('[data-search-status]', root);
  const list = $<HTMLOListElement>('[data-search-results]', root);
  const pages = $<HTMLElement>('[data-search-pages]', root);
  const heading = $<HTMLElement>('#search-results-heading', root);
  const inFrench = root.querySelector<HTMLAnchorElement>('[data-search-in-french]');
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const say = (key: string, vars: Record<string, string | number> = {}) =>
    (config.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  const label = (facet: string, value: string) => config.labels[facet]?.[value] ?? value;

  root.hidden = false;

  const readUrl = (): State => {
    const params = new URLSearchParams(location.search);
    const filters: State['filters'] = {};
    for (const facet of facetNames) {
      const values = params.getAll(facet).filter(Boolean);
      if (values.length) filters[facet] = [...new Set(values)];
    }
    const sort = params.get('sort') ?? '';
    return {
      q: params.get('q') ?? '',
      filters,
      sort: sort in SORTS ? (sort as State['sort']) : '',
      page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
    };
  };

  const urlOf = (s: State): string => {
    const params = new URLSearchParams();
    if (s.q.trim()) params.set('q', s.q.trim());
    for (const facet of facetNames) for (const value of s.filters[facet] ?? []) params.append(facet, value);
    if (s.sort) params.set('sort', s.sort);
    if (s.page > 1) params.set('page', String(s.page));
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };

  let state = readUrl();
  let pagefind: Pagefind;
  let sequence = 0;
  const boxes = new Map<string, { item: HTMLLIElement; box: HTMLInputElement; count: HTMLSpanElement }>();
  const groups = new Map<string, { details: HTMLDetailsElement; picked: HTMLSpanElement; fieldset: HTMLFieldSetElement }>();
  // A facet's filter data (the pages of each value) is fetched only once the facet is opened or used: most searches never need it.
  const counted = new Set<string>();
  const asked = new Set<string>();
  let ready: Promise<void>;

  /** One <details> per facet, a checkbox per value the guide holds (known at build time); counts come when it opens. */
  const buildFacets = () => {
    for (const facet of facetNames) {
      const values = Object.keys(config.labels[facet] ?? {});
      if (!values.length) continue;
      if (facet === 'sdg' || facet === 'year') values.sort((a, b) => (facet === 'year' ? Number(b) - Number(a) : Number(a) - Number(b)));
      else if (ORDERED.has(facet)) {
        const order = Object.keys(config.labels[facet] ?? {});
        values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      } else values.sort((a, b) => collator.compare(label(facet, a), label(facet, b)));
      const details = document.createElement('details');
      details.className = 'search-facet';
      const summary = document.createElement('summary');
      const picked = document.createElement('span');
      picked.className = 'search-facet-picked';
      summary.append(config.facets[facet], picked);
      const fieldset = document.createElement('fieldset');
      fieldset.dataset.counts = 'pending';
      const legend = document.createElement('legend');
      legend.className = 'visually-hidden';
      legend.textContent = config.facets[facet];
      const ul = document.createElement('ul');
      for (const value of values) {
        const id = `facet-${facet}-${value}`.replace(/[^\w-]/g, '_');
        const item = document.createElement('li');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = facet;
        box.value = value;
        const text = document.createElement('label');
        text.htmlFor = id;
        const count = document.createElement('span');
        count.className = 'search-count';
        text.append(`${label(facet, value)} `, count);
        item.append(box, text);
        ul.append(item);
        boxes.set(`${facet}\u0000${value}`, { item, box, count });
      }
      fieldset.append(legend, ul);
      details.append(summary, fieldset);
      details.addEventListener('toggle', () => {
        if (details.open && !asked.has(facet)) void count(facet);
      });
      facetsBox.append(details);
      groups.set(facet, { details, picked, fieldset });
    }
  };

  /** The controls show the state (after a back or forward, or on arrival). */
  let syncedFilters = '';
  const syncControls = () => {
    if (input.value !== state.q) input.value = state.q;
    sortSelect.value = state.sort;
    // Typing leaves the filters as they are: the checkboxes (hundreds on a large guide) are left alone then.
    const filters = JSON.stringify(state.filters);
    if (filters !== syncedFilters) {
      syncedFilters = filters;
      for (const [key, { box }] of boxes) {
        const [facet, value] = key.split('\u0000');
        box.checked = state.filters[facet]?.includes(value) ?? false;
      }
      for (const [facet, { details, picked }] of groups) {
        const n = state.filters[facet]?.length ?? 0;
        picked.textContent = n ? ` (${n.toLocaleString(locale)})` : '';
        if (n) details.open = true;
      }
    }
    clearButton.hidden = !Object.keys(state.filters).length;
    if (inFrench) inFrench.search = new URL(urlOf({ ...state, page: 1 }), location.href).search;
  };

  /** Values of one facet are alternatives (any); facets narrow each other (all). */
  const filterArg = (except?: string) =>
    Object.fromEntries(Object.entries(state.filters).filter(([facet, values]) => facet !== except && values.length).map(([facet, values]) => [facet, { any: values }]));

  /** The counts of the facets whose data was loaded when they were counted; the others keep every value, uncounted. */
  const showCounts = (counts: Counts, facets: Set<string>) => {
    for (const [key, { item, box, count }] of boxes) {
      const [facet, value] = key.split('\u0000');
      if (!facets.has(facet)) continue;
      const n = counts[facet]?.[value] ?? 0;
      count.textContent = `(${n.toLocaleString(locale)})`;
      // A value that would give nothing is hidden, unless it is chosen (so it can be unchosen).
      item.hidden = n === 0 && !box.checked;
    }
    for (const [facet, { details, fieldset }] of groups) {
      if (!facets.has(facet)) continue;
      details.hidden = !details.querySelector(`li:not([hidden])`) && !state.filters[facet];
      fieldset.dataset.counts = 'shown';
      fieldset.removeAttribute('aria-busy');
    }
  };

  const busy = (facet: string) => {
    const fieldset = groups.get(facet)?.fieldset;
    fieldset?.setAttribute('aria-busy', 'true');
    if (fieldset) fieldset.dataset.counts = 'pending';
  };

  /**
   * Counts of the given facets (those loaded before `search` was asked) for the current state:
   * a chosen facet counts what its other values would add.
   */
  const refreshCounts = async (mine: number, term: string | null, facets: Set<string>, search?: Search) => {
    if (!facets.size) return;
    for (const facet of facets) busy(facet);
    const chosen = Object.keys(state.filters);
    // Nothing asked yet: the counts are those of the whole guide.
    const base = search ?? (await pagefind.search(null));
    const counts: Counts = { ...base.filters };
    for (const facet of chosen.filter((f) => facets.has(f))) {
      // With a query and this one facet chosen, Pagefind's unfiltered counts are the answer; otherwise search without the facet.
      counts[facet] =
        term && chosen.length === 1
          ? (base.totalFilters[facet] ?? {})
          : ((await pagefind.search(term, { filters: filterArg(facet) })).filters[facet] ?? {});
    }
    if (mine === sequence) showCounts(counts, facets);
  };

  /** Loads one facet's data when it is first opened, then counts the loaded facets for the current state. */
  const count = async (facet: string) => {
    asked.add(facet);
    busy(facet);
    await ready;
    await pagefind.preload(null, { filters: { [facet]: { any: [] } } });
    counted.add(facet);
    const mine = sequence;
    const term = state.q.trim() || null;
    const facets = new Set(counted);
    const searched = term || Object.keys(state.filters).length || state.sort;
    await refreshCounts(mine, term, facets, searched ? await pagefind.search(term, { filters: filterArg() }) : undefined);
  };

  // A <textarea> decodes character references without parsing any markup.
  const decoder = document.createElement('textarea');
  const excerptNodes = (excerpt: string): Node[] =>
    // Pagefind's excerpt is escaped text with <mark> around the matches: keep the marks, nothing else.
    excerpt.split(/(<mark>.*?<\/mark>)/g).map((part) => {
      const marked = part.match(/^<mark>(.*?)<\/mark>$/);
      decoder.innerHTML = marked ? marked[1] : part;
      const text = decoder.value;
      if (!marked) return document.createTextNode(text);
      const mark = document.createElement('mark');
      mark.textContent = text;
      return mark;
    });

  const renderResult = (data: ResultData): HTMLLIElement => {
    const item = document.createElement('li');
    item.className = 'search-result';
    const title = document.createElement('h3');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    title.append(link);
    const about = document.createElement('p');
    about.className = 'search-result-about';
    const facts = [label('type', data.filters.type?.[0] ?? ''), data.meta.place, ...(data.filters.status ?? []).map((s) => label('status', s))].filter(Boolean);
    about.textContent = facts.join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(title, about, excerpt);
    return item;
  };

  const pageLink = (page: number, text: string, rel: string) => {
    const link = document.createElement('a');
    link.href = urlOf({ ...state, page });
    link.rel = rel;
    link.textContent = text;
    link.dataset.page = String(page);
    return link;
  };

  const renderPages = (total: number) => {
    const count = Math.ceil(total / PAGE_SIZE);
    pages.replaceChildren();
    pages.hidden = count <= 1;
    if (count <= 1) return;
    const ul = document.createElement('ul');
    if (state.page > 1) {
      const previous = document.createElement('li');
      previous.className = 'prev';
      previous.append(pageLink(state.page - 1, say('list.previous'), 'prev'));
      ul.append(previous);
    }
    const here = document.createElement('li');
    here.textContent = say('list.page', { page: state.page, pages: count });
    here.setAttribute('aria-current', 'page');
    ul.append(here);
    if (state.page < count) {
      const next = document.createElement('li');
      next.className = 'next';
      next.append(pageLink(state.page + 1, say('list.next'), 'next'));
      ul.append(next);
    }
    pages.append(ul);
  };

  /** Results first; the counts of the open facets follow, so they never hold the results back. */
  const run = async () => {
    const mine = ++sequence;
    syncControls();
    const term = state.q.trim() || null;
    const sort = SORTS[state.sort];
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!term && !hasFilters && !sort) {
      list.replaceChildren();
      renderPages(0);
      status.textContent = say('search.prompt');
      refreshCounts(mine, null, new Set(counted)).catch(console.error);
      return;
    }
    const loaded = new Set(counted);
    const search = await pagefind.search(term, { filters: filterArg(), sort });
    // Facets in use were loaded by the search itself: they are counted from then on.
    for (const facet of Object.keys(state.filters)) {
      loaded.add(facet);
      counted.add(facet);
    }
    if (mine !== sequence) return;
    const pageCount = Math.max(1, Math.ceil(search.results.length / PAGE_SIZE));
    const page = Math.min(state.page, pageCount);
    const shown = await Promise.all(search.results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.data()));
    if (mine !== sequence) return;
    state.page = page;
    list.replaceChildren(...shown.map(renderResult));
    renderPages(search.results.length);
    const total = search.results.length.toLocaleString(locale);
    status.textContent = search.results.length
      ? term
        ? say('search.countFor', { query: term, count: total })
        : say('search.count', { count: total })
      : say('search.none');
    // Not awaited: whoever waits for the results (focus after paging) need not wait for the counts.
    refreshCounts(mine, term, loaded, search).catch(console.error);
  };

  /** A new state: a history entry of its own (`push`), or in place of the current one while typing. */
  const go = (next: Partial<State>, how: 'push' | 'replace') => {
    state = { ...state, ...next };
    const url = urlOf(state);
    if (url !== `${location.pathname}${location.search}`) history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    return run();
  };

  let typing = false;
  input.addEventListener('input', () => {
    // The first keystroke of a query starts a history entry; the next ones refine it.
    void go({ q: input.value, page: 1 }, typing ? 'replace' : 'push');
    typing = true;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    typing = false;
    void go({ q: input.value, page: 1 }, 'replace');
  });
  sortSelect.addEventListener('change', () => {
    typing = false;
    void go({ sort: sortSelect.value as State['sort'], page: 1 }, 'push');
  });
  facetsBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    typing = false;
    const values = new Set(state.filters[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const filters = { ...state.filters, [box.name]: [...values] };
    if (!values.size) delete filters[box.name];
    void go({ filters, page: 1 }, 'push');
  });
  clearButton.addEventListener('click', () => {
    typing = false;
    void go({ filters: {}, page: 1 }, 'push');
    input.focus();
  });
  pages.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    typing = false;
    void go({ page: Number(link.dataset.page) }, 'push').then(() => heading.focus());
  });
  window.addEventListener('popstate', () => {
    typing = false;
    state = readUrl();
    void run();
  });

  buildFacets();
  ready = (async () => {
    const bundle = new URL('/pagefind/pagefind.js', location.href).href;
    pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
  })();
  ready
    .then(run)
    .then(() => {
      root.dataset.ready = '';
    })
    .catch((error) => {
      status.textContent = say('search.error');
      console.error(error);
    });
}
