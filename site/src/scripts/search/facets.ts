// The facets' markup: one <details> per facet with a checkbox per value, showing the chosen values and, once loaded, their counts.
import type { SearchConfig, Words } from './config';
import type { Counts } from './pagefind';
import type { SearchState } from './url-state';

/** Facets whose values have an order of their own (the labels'); the others are sorted by number or label. */
const ORDERED = new Set(['type', 'status', 'stage']);

interface Value {
  item: HTMLLIElement;
  box: HTMLInputElement;
  count: HTMLSpanElement;
}
interface Group {
  details: HTMLDetailsElement;
  picked: HTMLSpanElement;
  fieldset: HTMLFieldSetElement;
}

/** A facet's values in the order they are listed. */
function valuesOf(facet: string, config: SearchConfig, words: Words): string[] {
  const values = Object.keys(config.labels[facet] ?? {});
  if (facet === 'year') return values.sort((a, b) => Number(b) - Number(a));
  if (facet === 'sdg') return values.sort((a, b) => Number(a) - Number(b));
  if (ORDERED.has(facet)) return values;
  const collator = new Intl.Collator(words.locale, { sensitivity: 'base', numeric: true });
  return values.sort((a, b) => collator.compare(words.label(facet, a), words.label(facet, b)));
}

/** The filters once a facet's checkbox is checked or unchecked. */
export function toggled(filters: SearchState['filters'], box: HTMLInputElement): SearchState['filters'] {
  const values = new Set(filters[box.name] ?? []);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  const next = { ...filters, [box.name]: [...values] };
  if (!values.size) delete next[box.name];
  return next;
}

export class FacetList {
  private readonly values = new Map<string, Value>();
  private readonly groups = new Map<string, Group>();
  /** The filters the checkboxes show, so typing (which leaves them as they are) does not walk hundreds of boxes. */
  private shownFilters = '';

  /** Every value the guide holds is known at build time; `onOpen` is told when a facet is opened. */
  constructor(
    private readonly box: HTMLElement,
    private readonly config: SearchConfig,
    private readonly words: Words,
    onOpen: (facet: string) => void,
  ) {
    for (const facet of Object.keys(config.facets)) {
      const values = valuesOf(facet, config, words);
      if (values.length) this.add(facet, values, onOpen);
    }
  }

  private add(facet: string, values: string[], onOpen: (facet: string) => void): void {
    const details = document.createElement('details');
    details.className = 'search-facet';
    const summary = document.createElement('summary');
    const picked = document.createElement('span');
    picked.className = 'search-facet-picked';
    summary.append(this.config.facets[facet], picked);
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.counts = 'pending';
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = this.config.facets[facet];
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
      text.append(`${this.words.label(facet, value)} `, count);
      item.append(box, text);
      ul.append(item);
      this.values.set(`${facet}\u0000${value}`, { item, box, count });
    }
    fieldset.append(legend, ul);
    details.append(summary, fieldset);
    details.addEventListener('toggle', () => {
      if (details.open) onOpen(facet);
    });
    this.box.append(details);
    this.groups.set(facet, { details, picked, fieldset });
  }

  /** The checkboxes show the chosen values (after a back or forward, or on arrival); a facet in use is open. */
  show(filters: SearchState['filters']): void {
    const json = JSON.stringify(filters);
    if (json === this.shownFilters) return;
    this.shownFilters = json;
    for (const [key, { box }] of this.values) {
      const [facet, value] = key.split('\u0000');
      box.checked = filters[facet]?.includes(value) ?? false;
    }
    for (const [facet, { details, picked }] of this.groups) {
      const n = filters[facet]?.length ?? 0;
      picked.textContent = n ? ` (${n.toLocaleString(this.words.locale)})` : '';
      if (n) details.open = true;
    }
  }

  /** A facet's counts are on their way. */
  busy(facet: string): void {
    const fieldset = this.groups.get(facet)?.fieldset;
    fieldset?.setAttribute('aria-busy', 'true');
    if (fieldset) fieldset.dataset.counts = 'pending';
  }

  /** The counts of the given facets; the others keep every value, uncounted. */
  showCounts(counts: Counts, facets: Set<string>, filters: SearchState['filters']): void {
    for (const [key, { item, box, count }] of this.values) {
      const [facet, value] = key.split('\u0000');
      if (!facets.has(facet)) continue;
      const n = counts[facet]?.[value] ?? 0;
      count.textContent = `(${n.toLocaleString(this.words.locale)})`;
      // A value that would give nothing is hidden, unless it is chosen (so it can be unchosen).
      item.hidden = n === 0 && !box.checked;
    }
    for (const [facet, { details, fieldset }] of this.groups) {
      if (!facets.has(facet)) continue;
      details.hidden = !details.querySelector(`li:not([hidden])`) && !filters[facet];
      fieldset.dataset.counts = 'shown';
      fieldset.removeAttribute('aria-busy');
    }
  }
}
