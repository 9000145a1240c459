import {
  ACTOR_TYPES,
  CASE_STUDY_STAGES,
  INSTRUMENTS,
  LEVER_CATEGORIES,
  PRACTICE_KINDS,
  SCOPE_LEVELS,
  type KbType,
} from '../shared/content-types';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../shared/deadline-status';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '../shared/locales';
import type { Issue } from './issues';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

type Where = Record<string, unknown>;
interface FilterSpec {
  allowed?: readonly string[];
  where: (values: string[]) => Where;
}

const bySlug = (relation: string): FilterSpec => ({ where: (values) => ({ [relation]: { slug: { $in: values } } }) });
const byField = (field: string, allowed?: readonly string[]): FilterSpec => ({
  allowed,
  where: (values) => ({ [field]: { $in: values } }),
});
const country: FilterSpec = { where: (values) => ({ country: { $in: values.map((v) => v.toUpperCase()) } }) };
// Status is derived, so the service filters on it after reading; `where` is unused.
const status: FilterSpec = { allowed: DEADLINE_STATUSES, where: () => ({}) };

/** What each collection can be filtered and sorted on through the public API. */
export const PUBLIC_QUERY: Record<KbType, { filters: Record<string, FilterSpec>; sorts: string[]; defaultSort: string }> = {
  'case-study': {
    filters: {
      theme: bySlug('themes'),
      actor: bySlug('actors'),
      country,
      stage: byField('stage', CASE_STUDY_STAGES),
    },
    sorts: ['title', 'yearStart', 'updatedAt', 'publishedAt'],
    defaultSort: 'title:asc',
  },
  actor: {
    filters: {
      theme: bySlug('themes'),
      country,
      type: byField('type', ACTOR_TYPES),
    },
    sorts: ['name', 'updatedAt', 'publishedAt'],
    defaultSort: 'name:asc',
  },
  'funding-call': {
    filters: {
      theme: bySlug('themes'),
      funder: bySlug('funders'),
      instrument: byField('instrument', INSTRUMENTS),
      scope: byField('scopeLevel', SCOPE_LEVELS),
      status,
    },
    sorts: ['title', 'deadline', 'openingDate', 'updatedAt', 'publishedAt'],
    defaultSort: 'deadline:asc',
  },
  'good-practice': {
    filters: {
      theme: bySlug('themes'),
      kind: byField('kind', PRACTICE_KINDS),
      lever: byField('leverCategory', LEVER_CATEGORIES),
    },
    sorts: ['title', 'updatedAt', 'publishedAt'],
    defaultSort: 'title:asc',
  },
  theme: {
    filters: { parent: bySlug('parent') },
    sorts: ['name', 'updatedAt'],
    defaultSort: 'name:asc',
  },
};

export interface ListQuery {
  locale: Locale;
  page: number;
  pageSize: number;
  sort: string;
  filters: Where;
  statuses?: DeadlineStatus[];
}

const KNOWN_PARAMS = ['locale', 'page', 'pageSize', 'sort', 'filters'];

const positiveInt = (raw: unknown, name: string, fallback: number, issues: Issue[]): number => {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw)) {
    issues.push({ path: [name], key: 'error.notInteger' });
    return fallback;
  }
  const value = Number(raw);
  if (value < 1) issues.push({ path: [name], key: 'error.tooSmall', params: { min: 1 } });
  return value;
};

const asValues = (raw: unknown): string[] | null => {
  if (typeof raw === 'string') return raw.split(',').map((v) => v.trim()).filter(Boolean);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw as string[];
  return null;
};

/** Parses a list request's query; every problem is reported at once, with its parameter. */
export function parseListQuery(type: KbType, query: Record<string, unknown>): { value: ListQuery; issues: Issue[] } {
  const issues: Issue[] = [];
  const spec = PUBLIC_QUERY[type];

  for (const name of Object.keys(query)) {
    if (!KNOWN_PARAMS.includes(name)) issues.push({ path: [name], key: 'error.unknownParameter', params: { name } });
  }

  let locale: Locale = DEFAULT_LOCALE;
  if (query.locale !== undefined) {
    if (isLocale(query.locale)) locale = query.locale;
    else issues.push({ path: ['locale'], key: 'error.unknownLocale', params: { value: String(query.locale), allowed: LOCALES.join(', ') } });
  }

  const page = positiveInt(query.page, 'page', 1, issues);
  // A page size above the cap is served at the cap rather than refused: clients ask for "everything".
  const pageSize = Math.min(positiveInt(query.pageSize, 'pageSize', DEFAULT_PAGE_SIZE, issues), MAX_PAGE_SIZE);

  let sort = spec.defaultSort;
  if (query.sort !== undefined) {
    const [field, direction = 'asc'] = typeof query.sort === 'string' ? query.sort.split(':') : [''];
    const allowed = spec.sorts.flatMap((s) => [`${s}:asc`, `${s}:desc`]);
    if (spec.sorts.includes(field) && ['asc', 'desc'].includes(direction)) sort = `${field}:${direction}`;
    else issues.push({ path: ['sort'], key: 'error.unknownSort', params: { value: String(query.sort), allowed: allowed.join(', ') } });
  }

  const where: Where[] = [];
  let statuses: DeadlineStatus[] | undefined;
  if (query.filters !== undefined) {
    if (typeof query.filters !== 'object' || query.filters === null || Array.isArray(query.filters)) {
      issues.push({ path: ['filters'], key: 'error.malformed' });
    } else {
      for (const [name, raw] of Object.entries(query.filters as Record<string, unknown>)) {
        const filter = spec.filters[name];
        if (!filter) {
          issues.push({ path: ['filters', name], key: 'error.unknownFilter', params: { name, allowed: Object.keys(spec.filters).join(', ') } });
          continue;
        }
        const values = asValues(raw);
        if (!values || values.length === 0 || values.some((v) => v.length > 200)) {
          issues.push({ path: ['filters', name], key: 'error.malformed' });
          continue;
        }
        const bad = filter.allowed ? values.find((v) => !filter.allowed!.includes(v)) : undefined;
        if (bad !== undefined) {
          issues.push({ path: ['filters', name], key: 'error.invalidValue', params: { value: bad, allowed: filter.allowed!.join(', ') } });
          continue;
        }
        if (filter === status) statuses = values as DeadlineStatus[];
        else where.push(filter.where(values));
      }
    }
  }

  return { value: { locale, page, pageSize, sort, filters: where.length ? { $and: where } : {}, statuses }, issues };
}

/** Parses a by-slug request's query: only `locale` is accepted. */
export function parseOneQuery(query: Record<string, unknown>): { value: { locale: Locale }; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const name of Object.keys(query)) {
    if (name !== 'locale') issues.push({ path: [name], key: 'error.unknownParameter', params: { name } });
  }
  let locale: Locale = DEFAULT_LOCALE;
  if (query.locale !== undefined) {
    if (isLocale(query.locale)) locale = query.locale;
    else issues.push({ path: ['locale'], key: 'error.unknownLocale', params: { value: String(query.locale), allowed: LOCALES.join(', ') } });
  }
  return { value: { locale }, issues };
}
