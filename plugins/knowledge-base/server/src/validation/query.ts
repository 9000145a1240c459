import { z } from 'zod';
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
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../shared/locales';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../shared/moderation';
import { quoted, type Issue } from './issues';
import { blankAsAbsent, oneOf, parseBody, refuse, strictObject } from './schema';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
/** A million entries at the largest page size: past it a page number is a mistake, or an attack on OFFSET. */
export const MAX_PAGE = 10_000;
/** A page size up to this is served at MAX_PAGE_SIZE (clients ask for "everything"); past it, refused. */
export const MAX_PAGE_SIZE_ASKED = 1_000_000;

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

/** A whole number from 1 to `max`, as query text ('' as absent). */
const wholeNumber = (max: number, min = 1) =>
  z.preprocess(
    blankAsAbsent,
    z.string({ message: 'error.notInteger' }).regex(/^-?\d+$/, 'error.notInteger').transform(Number).pipe(z.number().min(min).max(max)).optional(),
  );

const localeParam = oneOf(LOCALES, 'error.unknownLocale').optional();

/** A filter's values: a list, or comma-separated text; each of `allowed` when the filter has a list. */
const filterValues = (allowed?: readonly string[]) =>
  z
    .preprocess(
      (raw) => (typeof raw === 'string' ? raw.split(',').map((v) => v.trim()).filter(Boolean) : raw),
      z.array(z.string({ message: 'error.malformed' }).max(200, 'error.malformed'), { message: 'error.malformed' }).min(1, 'error.malformed').max(100, 'error.malformed'),
    )
    .superRefine((values, ctx) => {
      const bad = allowed && values.find((v) => !allowed.includes(v));
      if (bad !== undefined) refuse(ctx, 'error.invalidValue', { value: bad, allowed: allowed!.join(', ') });
    });

const listQuerySchema = (type: KbType) => {
  const spec = PUBLIC_QUERY[type];
  const allowedSorts = spec.sorts.flatMap((s) => [`${s}:asc`, `${s}:desc`]);
  const filterNames = Object.keys(spec.filters);
  return strictObject(
    {
      locale: localeParam,
      page: wholeNumber(MAX_PAGE),
      pageSize: wholeNumber(MAX_PAGE_SIZE_ASKED),
      sort: z
        .any()
        .transform((raw, ctx) => {
          const [field, direction = 'asc'] = typeof raw === 'string' ? raw.split(':') : [''];
          if (spec.sorts.includes(field) && ['asc', 'desc'].includes(direction)) return `${field}:${direction}`;
          refuse(ctx, 'error.unknownSort', { value: quoted(raw), allowed: allowedSorts.join(', ') });
          return z.NEVER;
        })
        .optional(),
      filters: strictObject(Object.fromEntries(filterNames.map((name) => [name, filterValues(spec.filters[name].allowed).optional()])), {
        unknown: 'error.unknownFilter',
        params: (name) => ({ name, allowed: filterNames.join(', ') }),
      }).optional(),
    },
    { unknown: 'error.unknownParameter' },
  );
};

/** Parses a list request's query; every problem is reported at once, with its parameter. */
export function parseListQuery(type: KbType, query: Record<string, unknown>): { value: ListQuery; issues: Issue[] } {
  const spec = PUBLIC_QUERY[type];
  const { data, issues } = parseBody(listQuerySchema(type), query);
  const where: Where[] = [];
  let statuses: DeadlineStatus[] | undefined;
  const chosen = (data?.filters ?? {}) as Record<string, string[] | undefined>;
  // In the order the caller gave them: the conditions (and the answer cache's key) follow the request.
  for (const name of Object.keys(query.filters ?? {})) {
    const values = Object.prototype.hasOwnProperty.call(chosen, name) ? chosen[name] : undefined;
    if (!values) continue;
    const filter = spec.filters[name];
    if (filter === status) statuses = values as DeadlineStatus[];
    else where.push(filter.where(values));
  }
  return {
    value: {
      locale: data?.locale ?? DEFAULT_LOCALE,
      page: data?.page ?? 1,
      // A page size above the cap is served at the cap rather than refused: clients ask for "everything".
      pageSize: Math.min(data?.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      sort: data?.sort ?? spec.defaultSort,
      filters: where.length ? { $and: where } : {},
      statuses,
    },
    issues,
  };
}

const oneQuerySchema = strictObject({ locale: localeParam }, { unknown: 'error.unknownParameter' });

/** Parses a by-slug request's query: only `locale` is accepted. */
export function parseOneQuery(query: Record<string, unknown>): { value: { locale: Locale }; issues: Issue[] } {
  const { data, issues } = parseBody(oneQuerySchema, query);
  return { value: { locale: data?.locale ?? DEFAULT_LOCALE }, issues };
}

/** The editors' moderation queue: which statuses, whose, how old, which page. */
const queueQuery = strictObject(
  {
    status: z.preprocess(
      blankAsAbsent,
      z
        .string({ message: 'error.notText' })
        .max(200, 'error.tooLong')
        .transform((text, ctx) => {
          const statuses = text.split(',');
          statuses.forEach((status, i) => {
            if (!(SUBMISSION_STATUSES as readonly string[]).includes(status))
              refuse(ctx, 'error.invalidValue', { value: quoted(status), allowed: SUBMISSION_STATUSES.join(', ') }, [i]);
          });
          return statuses as SubmissionStatus[];
        })
        .optional(),
    ),
    organisation: z.preprocess(blankAsAbsent, z.string({ message: 'error.notText' }).max(100, 'error.tooLong').optional()),
    olderThanDays: wholeNumber(3650, 0),
    page: wholeNumber(MAX_PAGE),
    pageSize: wholeNumber(MAX_PAGE_SIZE),
    locale: localeParam,
  },
  { unknown: 'error.unknownParameter' },
);

export interface QueueQuery {
  status: SubmissionStatus[];
  organisation?: string;
  olderThanDays?: number;
  page: number;
  pageSize: number;
}

export function checkQueueQuery(query: unknown): { value: QueueQuery; issues: Issue[] } {
  const { data, issues } = parseBody(queueQuery, query);
  return {
    value: { status: data?.status ?? [], organisation: data?.organisation, olderThanDays: data?.olderThanDays || undefined, page: data?.page ?? 1, pageSize: data?.pageSize ?? DEFAULT_PAGE_SIZE },
    issues,
  };
}
