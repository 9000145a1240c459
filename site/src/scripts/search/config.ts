// What the search element reads from its page: the facets, the labels of their values, and its translated strings.

export interface SearchConfig {
  /** Facet → value → label in the page's language. */
  labels: Record<string, Record<string, string>>;
  /** Facet → its name in the page's language, in the order the facets are shown. */
  facets: Record<string, string>;
  strings: Record<string, string>;
}

/** The translated words of the page: a string with `{name}` placeholders filled, a facet value's label. */
export interface Words {
  locale: string;
  say(key: string, vars?: Record<string, string | number>): string;
  label(facet: string, value: string): string;
}

export const readConfig = (root: HTMLElement): SearchConfig => JSON.parse(root.querySelector('[data-search-config]')?.textContent ?? '{}');

export const wordsOf = (config: SearchConfig, locale: string): Words => ({
  locale,
  say: (key, vars = {}) => (config.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole)),
  label: (facet, value) => config.labels[facet]?.[value] ?? value,
});
