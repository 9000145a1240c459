/** How each listing can be sorted, and how it is cut into static pages. */
import { DEADLINE_STATUS_ORDER, type Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { entryTitle } from '../loaders/public-entry';
import { entriesIn, type View } from './catalogue';
import type { UiKey } from './i18n';
import { compareText } from './format';
import type { ListedType } from './urls';

export const PAGE_SIZE = Number(process.env.KB_PAGE_SIZE) || 20;

interface Sort {
  key: string;
  label: UiKey;
  compare: (locale: Locale) => (a: View, b: View) => number;
}

const byTitle = (locale: Locale) => {
  const compare = compareText(locale);
  return (a: View, b: View) => compare(entryTitle(a.data as any), entryTitle(b.data as any));
};
const newestFirst = (field: 'publishedAt' | 'updatedAt') => (locale: Locale) => {
  const title = byTitle(locale);
  return (a: View, b: View) => (b.data[field] ?? '').localeCompare(a.data[field] ?? '') || title(a, b);
};
const byYear = (locale: Locale) => {
  const title = byTitle(locale);
  const year = (v: View) => ((v.data as any).yearStart as number | null) ?? -Infinity;
  return (a: View, b: View) => year(b) - year(a) || title(a, b);
};
/** Calls one can still answer first, soonest deadline first; then standing ones; closed last. */
const byDeadline = (locale: Locale) => {
  const title = byTitle(locale);
  const rank = (v: View) => DEADLINE_STATUS_ORDER.indexOf((v.data as any).status);
  const time = (v: View) => {
    const deadline = (v.data as any).deadline as string | null;
    return deadline ? new Date(deadline).getTime() : Infinity;
  };
  return (a: View, b: View) => {
    const closed = (a.data as any).status === 'closed';
    return rank(a) - rank(b) || (closed ? time(b) - time(a) : time(a) - time(b)) || title(a, b);
  };
};

const titleSort: Sort = { key: 'title', label: 'sort.title', compare: byTitle };
const recentSort: Sort = { key: 'recent', label: 'sort.recent', compare: newestFirst('publishedAt') };

/** The first sort of each list is its default (the list's own URL). */
export const SORTS: Record<ListedType, Sort[]> = {
  'case-study': [titleSort, { key: 'year', label: 'sort.year', compare: byYear }, recentSort],
  actor: [{ ...titleSort, label: 'sort.name' }, recentSort],
  'funding-call': [{ key: 'deadline', label: 'sort.deadline', compare: byDeadline }, titleSort, recentSort],
  'good-practice': [titleSort, recentSort],
};

export const sortViews = <T extends View>(views: T[], type: ListedType, sortKey: string, locale: Locale): T[] => {
  const sort = SORTS[type].find((s) => s.key === sortKey) ?? SORTS[type][0];
  return [...views].sort(sort.compare(locale) as (a: T, b: T) => number);
};

// Every page of a listing shows a slice of the same order: sort each list once per build, not once per page.
const sortedLists = new Map<string, Promise<View[]>>();

/** All entries of a type in one of its listing orders (the default one for an unknown key). */
export const sortedEntriesIn = (type: ListedType, sortKey: string, locale: Locale): Promise<View[]> => {
  const key = `${locale} ${type} ${sortKey}`;
  if (!sortedLists.has(key)) sortedLists.set(key, entriesIn(type, locale).then((views) => sortViews(views, type, sortKey, locale)));
  return sortedLists.get(key)!;
};

export const byTitleIn = (locale: Locale) => byTitle(locale) as <T extends View>(a: T, b: T) => number;

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
