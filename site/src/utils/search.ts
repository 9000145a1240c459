/**
 * What Pagefind learns about an entry page (its filters, sort keys and result metadata),
 * and the labels the search page shows for those filter values. Filter values are
 * language-neutral keys (slugs, ISO codes, enumeration values), so a search URL means
 * the same thing in every locale; labels are looked up in the reader's locale.
 */
import { DEADLINE_STATUS_ORDER, type DeadlineStatus, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import type { PublicEntry, Theme } from '../loaders/public-entry';
import { entriesIn, type View } from './catalogue';
import { countryName } from './format';
import { useTranslations, type UiKey } from './i18n';
import { LISTED_TYPES } from './urls';
// The French strings are the key reference: every locale has the same enumeration keys.
import reference from '../translations/fr.json';

/** The facets, in the order the search page shows them; each is a Pagefind filter of that name. */
export const FACETS = ['type', 'theme', 'domain', 'country', 'actorType', 'stage', 'sdg', 'status', 'instrument', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** The orders a search can take besides relevance: each is a Pagefind sort key of that name. */
export const SORT_KEYS = ['newest', 'deadline'] as const;

/** Sort values are compared as text by Pagefind: fixed-width, and never purely numeric. */
const sortableTime = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace(/:/g, '.');
/** The listing's deadline order: calls one can still answer first, soonest deadline first; closed last, latest first. */
const deadlineKey = (status: string, deadline: string | null | undefined): string => {
  const rank = 'abcdefgh'[DEADLINE_STATUS_ORDER.indexOf(status as DeadlineStatus)] ?? 'z';
  if (!deadline) return `${rank}~`;
  const time = new Date(deadline).getTime();
  // Closed calls: the most recent first, so the digits count down.
  return `${rank}${String(status === 'closed' ? 9_999_999_999_999 - time : time).padStart(13, '0')}`;
};

/** The top-level theme above a theme: the urban domain it belongs to. */
const domainOf = (slug: string, parents: Map<string, string | null>): string => {
  const seen = new Set<string>();
  let current = slug;
  while (parents.get(current) && !seen.has(current)) {
    seen.add(current);
    current = parents.get(current)!;
  }
  return current;
};

let themeParents: Promise<Map<string, string | null>> | undefined;
const loadThemeParents = () =>
  (themeParents ??= entriesIn('theme', 'fr').then((views) => new Map(views.map(({ data }) => [data.slug, (data as Theme).parent?.slug ?? null]))));

export interface SearchRecord {
  filters: [Facet, string][];
  sort: Partial<Record<(typeof SORT_KEYS)[number], string>>;
  /** Where the entry is, in the reader's words: shown beside each result. */
  place: string;
}

/** The filters, sort keys and place of one entry page. */
export async function searchRecord(view: View): Promise<SearchRecord> {
  const e = view.data as PublicEntry & Record<string, any>;
  const parents = await loadThemeParents();
  const filters: [Facet, string][] = [['type', e.collection]];
  const add = (facet: Facet, value: unknown) => {
    if (value == null || value === '') return;
    const key = String(value);
    if (!filters.some(([f, v]) => f === facet && v === key)) filters.push([facet, key]);
  };
  for (const theme of e.themes ?? []) {
    add('theme', theme.slug);
    add('domain', domainOf(theme.slug, parents));
  }
  const countries: string[] = e.collection === 'funding-call' ? (e.countries ?? []) : e.country ? [e.country] : [];
  for (const code of countries) add('country', code.toUpperCase());
  if (e.collection === 'actor') add('actorType', e.type);
  if (e.collection === 'case-study') {
    add('stage', e.stage);
    add('year', e.yearStart);
  }
  for (const sdg of e.sdgs ?? []) add('sdg', sdg);
  if (e.collection === 'funding-call') {
    add('status', e.status);
    add('instrument', e.instrument);
    add('year', e.referenceYear ?? (e.deadline ? new Date(e.deadline).getUTCFullYear() : null));
  }
  const sort: SearchRecord['sort'] = { newest: sortableTime(e.publishedAt || e.updatedAt) };
  if (e.collection === 'funding-call') sort.deadline = deadlineKey(e.status, e.deadline);
  const t = useTranslations(view.locale);
  const place = [e.city, ...countries.map((code) => countryName(code, view.locale))].filter(Boolean).join(t('comma'));
  return { filters, sort, place };
}

/** Every label the search page may need, in one locale: `labels[facet][value]`. */
export async function searchLabels(locale: Locale): Promise<Record<Facet, Record<string, string>>> {
  const t = useTranslations(locale);
  const labels = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<Facet, Record<string, string>>;
  for (const type of LISTED_TYPES) labels.type[type] = t(`type.${type}.one` as UiKey);
  for (const { data } of await entriesIn('theme', locale)) {
    labels.theme[data.slug] = (data as Theme).name;
    if (!(data as Theme).parent) labels.domain[data.slug] = (data as Theme).name;
  }
  const countries = new Set<string>();
  for (const type of LISTED_TYPES) {
    for (const { data } of await entriesIn(type, locale)) {
      const e = data as Record<string, any>;
      for (const code of [e.country, ...(e.countries ?? [])]) if (code) countries.add(String(code).toUpperCase());
    }
  }
  for (const code of countries) labels.country[code] = countryName(code, locale);
  for (let sdg = 1; sdg <= 17; sdg++) labels.sdg[sdg] = `${t('sdg.label', { number: sdg })} — ${t(`sdg.${sdg}` as UiKey)}`;
  const enumeration = (facet: Facet, prefix: string) => {
    for (const key of Object.keys(reference).filter((k) => k.startsWith(`${prefix}.`))) {
      labels[facet][key.slice(prefix.length + 1)] = t.label(prefix, key.slice(prefix.length + 1));
    }
  };
  enumeration('actorType', 'actorType');
  enumeration('stage', 'stage');
  enumeration('status', 'status');
  enumeration('instrument', 'instrument');
  // The search page draws its checkboxes from these labels before any filter data is loaded: every value an indexed entry holds (years too) is here.
  for (const type of LISTED_TYPES) {
    for (const view of await entriesIn(type, locale)) {
      if (view.fallback) continue;
      for (const [facet, value] of (await searchRecord(view)).filters) labels[facet][value] ??= value;
    }
  }
  return labels;
}
