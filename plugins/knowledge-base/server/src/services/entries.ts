import type { Core } from '@strapi/strapi';
import { KB_TYPES, type KbType } from '../shared/content-types';
import { deadlineStatus } from '../shared/deadline-status';
import type { Locale } from '../shared/locales';
import type { ListQuery } from '../validation/query';

type Doc = Record<string, any>;

const ref = (fields: string[]) => ({ fields });
const MEDIA = { fields: ['url', 'alternativeText', 'width', 'height', 'mime', 'formats'] };
const CALL_DATES = ['openingDate', 'deadline', 'timezone', 'recurrence', 'referenceYear'];
/** Sort fields an entry may leave empty. */
const NULLABLE_SORTS = new Set(['deadline', 'openingDate', 'yearStart']);

/** The relations a page of each type shows, and the fields it needs of them. */
const POPULATE: Record<KbType, Record<string, unknown>> = {
  'case-study': {
    themes: ref(['slug', 'name']),
    actors: ref(['slug', 'name', 'type']),
    goodPractices: ref(['slug', 'title']),
    fundingCalls: ref(['slug', 'title', ...CALL_DATES]),
    cover: MEDIA,
  },
  actor: {
    themes: ref(['slug', 'name']),
    caseStudies: ref(['slug', 'title', 'city', 'country']),
    fundedCalls: ref(['slug', 'title', ...CALL_DATES]),
    logo: MEDIA,
  },
  'funding-call': {
    themes: ref(['slug', 'name']),
    funders: ref(['slug', 'name', 'type']),
    caseStudies: ref(['slug', 'title', 'city', 'country']),
    nextEdition: ref(['slug', 'title', ...CALL_DATES]),
  },
  'good-practice': {
    themes: ref(['slug', 'name']),
    caseStudies: ref(['slug', 'title', 'city', 'country']),
    relatedPractices: ref(['slug', 'title']),
  },
  theme: {
    parent: ref(['slug', 'name']),
    children: ref(['slug', 'name']),
  },
};

const INTERNAL = ['id', 'createdBy', 'updatedBy', 'localizations', 'createdAt'];

const withStatus = (call: Doc | null) => (call ? { ...call, status: deadlineStatus(call) } : call);
const clean = (doc: Doc): Doc => Object.fromEntries(Object.entries(doc).filter(([key]) => !INTERNAL.includes(key)));

/** A stored document as the public sees it: no internal fields, derived values added. */
export function present(type: KbType, doc: Doc): Doc {
  const entry: Doc = { collection: type, ...clean(doc) };
  for (const relation of Object.keys(POPULATE[type])) {
    const value = entry[relation];
    entry[relation] = Array.isArray(value) ? value.map(clean) : value ? clean(value) : null;
  }
  if (type === 'case-study') {
    const roles = (doc.actorRoles ?? {}) as Record<string, string>;
    // Own keys only: an actor slugged `constructor` has no role inherited from Object.prototype.
    entry.actors = (entry.actors ?? []).map((a: Doc) => ({ ...a, role: Object.prototype.hasOwnProperty.call(roles, a.slug) ? roles[a.slug] : null }));
    delete entry.actorRoles;
    entry.fundingCalls = (entry.fundingCalls ?? []).map(withStatus);
  }
  if (type === 'funding-call') {
    entry.status = deadlineStatus(doc);
    entry.nextEdition = withStatus(entry.nextEdition ?? null);
  }
  if (type === 'actor') entry.fundedCalls = (entry.fundedCalls ?? []).map(withStatus);
  return entry;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (type: KbType) => strapi.documents(KB_TYPES[type].uid);

  /** A page of published entries. */
  const find = async (type: KbType, query: ListQuery) => {
    const base = { locale: query.locale, status: 'published' as const, filters: query.filters };
    let filters = base.filters;
    if (query.statuses) {
      // Status is derived from dates: read them, then keep the documents whose status matches.
      const dated = await documents(type).findMany({ ...base, fields: CALL_DATES });
      const ids = (dated as Doc[]).filter((d) => query.statuses!.includes(deadlineStatus(d))).map((d) => d.documentId);
      filters = { $and: [filters, { documentId: { $in: ids } }] };
    }
    const page = (where: unknown, sort: string[], start: number, limit: number) =>
      limit > 0
        ? (documents(type).findMany({ ...base, filters: where as typeof filters, sort, populate: POPULATE[type], start, limit }) as Promise<Doc[]>)
        : Promise.resolve([] as Doc[]);
    const start = (query.page - 1) * query.pageSize;
    // The slug settles ties, so a page holds the same entries every time.
    const sort = [query.sort, 'slug:asc'];
    const [field, direction] = query.sort.split(':');
    let docs: Doc[];
    let total: number;
    if (NULLABLE_SORTS.has(field)) {
      // SQLite sorts empty values first and PostgreSQL last: the API puts them last (first when descending) on both.
      const valued = { $and: [filters, { [field]: { $notNull: true } }] };
      const empty = { $and: [filters, { [field]: { $null: true } }] };
      const [valuedCount, all] = await Promise.all([documents(type).count({ ...base, filters: valued as typeof filters }), documents(type).count({ ...base, filters })]);
      const [first, second, firstCount] = direction === 'desc' ? [empty, valued, all - valuedCount] : [valued, empty, valuedCount];
      const head = await page(first, sort, start, Math.min(query.pageSize, firstCount - start));
      const tail = await page(second, sort, Math.max(0, start - firstCount), query.pageSize - head.length);
      docs = [...head, ...tail];
      total = all;
    } else {
      [docs, total] = await Promise.all([page(filters, sort, start, query.pageSize), documents(type).count({ ...base, filters })]);
    }
    return {
      data: (docs as Doc[]).map((doc) => present(type, doc)),
      meta: {
        locale: query.locale,
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
      },
    };
  };

  /** One published entry by slug, or null. */
  const findOne = async (type: KbType, slug: string, locale: Locale) => {
    const doc = await documents(type).findFirst({
      locale,
      status: 'published',
      filters: { slug },
      populate: POPULATE[type],
    });
    return doc ? present(type, doc as Doc) : null;
  };

  return { find, findOne };
};
