import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { KB_TYPES, type KbType } from '../shared/content-types';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../shared/locales';

/** One entry in the seed format of seed/README.md: shared fields, and text per locale. */
export interface ImportEntry {
  type: KbType;
  data: Record<string, any>;
}
export interface ImportOptions {
  force?: boolean;
  onProgress?: (phase: string, done: number, total: number) => void;
}
export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  skippedEdited: string[];
}

const RECORD_UID = 'plugin::knowledge-base.import-record';

/** Relation fields of the seed format, the collection they point to, and the Strapi field they fill. */
const RELATIONS: Record<KbType, Record<string, { target: KbType; field: string }>> = {
  theme: { parent: { target: 'theme', field: 'parent' } },
  actor: { themes: { target: 'theme', field: 'themes' } },
  'funding-call': {
    funders: { target: 'actor', field: 'funders' },
    themes: { target: 'theme', field: 'themes' },
    nextEdition: { target: 'funding-call', field: 'nextEdition' },
  },
  'good-practice': {
    themes: { target: 'theme', field: 'themes' },
    relatedPractices: { target: 'good-practice', field: 'relatedPractices' },
  },
  'case-study': {
    themes: { target: 'theme', field: 'themes' },
    actors: { target: 'actor', field: 'actors' },
    goodPractices: { target: 'good-practice', field: 'goodPractices' },
    fundingCalls: { target: 'funding-call', field: 'fundingCalls' },
  },
};

const hashOf = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
const keyOf = (entry: ImportEntry) => `${entry.type}:${entry.data.slug}`;

/** The fields of one locale, without relations: what pass 1 writes. */
const fieldsFor = (entry: ImportEntry, locale: Locale) => {
  const data: Record<string, unknown> = { ...entry.data, ...entry.data[locale] };
  for (const name of [...LOCALES, ...Object.keys(RELATIONS[entry.type])]) delete data[name];
  if (entry.type === 'case-study') {
    data.actorRoles = Object.fromEntries((entry.data.actors ?? []).map((a: { actor: string; role: string }) => [a.actor, a.role]));
  }
  return data;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (type: KbType) => strapi.documents(KB_TYPES[type].uid as any);

  const slugIndex = async (type: KbType): Promise<Map<string, string>> => {
    const rows = await strapi.db.query(KB_TYPES[type].uid as any).findMany({ select: ['documentId', 'slug'], where: { locale: DEFAULT_LOCALE } });
    return new Map(rows.map((r: { slug: string; documentId: string }) => [r.slug, r.documentId]));
  };

  const draftUpdatedAts = async (type: KbType, documentId: string) => {
    const rows = await strapi.db.query(KB_TYPES[type].uid as any).findMany({
      select: ['locale', 'updatedAt'],
      where: { documentId, publishedAt: null },
    });
    return Object.fromEntries(rows.map((r: { locale: string; updatedAt: string | Date }) => [r.locale, new Date(r.updatedAt).toISOString()]));
  };

  return {
    /**
     * Imports entries with all their locales and relations and publishes them, in one
     * transaction. Unchanged entries are left alone; entries an editor changed since the
     * last import are skipped unless `force`.
     */
    async import(entries: ImportEntry[], { force = false, onProgress = () => {} }: ImportOptions = {}): Promise<ImportReport> {
      const report: ImportReport = { created: [], updated: [], unchanged: [], skippedEdited: [] };

      // A case study's practices may be named on either side: merge, then write from the case study.
      const practiceLinks = new Map<string, Set<string>>();
      for (const entry of entries) {
        if (entry.type !== 'good-practice') continue;
        for (const study of entry.data.caseStudies ?? []) {
          if (!practiceLinks.has(study)) practiceLinks.set(study, new Set());
          practiceLinks.get(study)!.add(entry.data.slug);
        }
      }
      const normalized = entries.map((entry) => {
        if (entry.type === 'good-practice') {
          const data = { ...entry.data };
          delete data.caseStudies;
          return { ...entry, data };
        }
        if (entry.type === 'case-study') {
          const merged = new Set([...(entry.data.goodPractices ?? []), ...(practiceLinks.get(entry.data.slug) ?? [])]);
          return { ...entry, data: { ...entry.data, goodPractices: [...merged].sort() } };
        }
        return entry;
      });

      await strapi.db.transaction(async () => {
        const records = new Map<string, any>(
          (await strapi.db.query(RECORD_UID as any).findMany({})).map((r: any) => [r.key, r]),
        );
        const ids = new Map<KbType, Map<string, string>>();
        for (const type of Object.keys(KB_TYPES) as KbType[]) ids.set(type, await slugIndex(type));

        // Decide what to write.
        const toWrite: ImportEntry[] = [];
        for (const entry of normalized) {
          const key = keyOf(entry);
          const record = records.get(key);
          const documentId = ids.get(entry.type)!.get(entry.data.slug);
          const hash = hashOf(entry.data);
          if (documentId) {
            const current = await draftUpdatedAts(entry.type, documentId);
            const edited = !record || Object.entries(current).some(([locale, at]) => record.updatedAts?.[locale] !== at);
            if (record && record.hash === hash && !edited) {
              report.unchanged.push(key);
              continue;
            }
            if (edited && !force) {
              report.skippedEdited.push(key);
              continue;
            }
            report.updated.push(key);
          } else {
            report.created.push(key);
          }
          toWrite.push(entry);
        }

        // Pass 1: fields of every locale, French first (it creates the document).
        let done = 0;
        for (const entry of toWrite) {
          const index = ids.get(entry.type)!;
          for (const locale of LOCALES) {
            if (!entry.data[locale]) continue;
            const data = fieldsFor(entry, locale);
            const documentId = index.get(entry.data.slug);
            if (documentId) await documents(entry.type).update({ documentId, locale, data } as any);
            else index.set(entry.data.slug, (await documents(entry.type).create({ locale, data } as any)).documentId);
          }
          onProgress('fields', ++done, toWrite.length);
        }

        // Pass 2: relations, now that every target exists.
        done = 0;
        for (const entry of toWrite) {
          const relations: Record<string, unknown> = {};
          for (const [name, { target, field }] of Object.entries(RELATIONS[entry.type])) {
            const value = entry.data[name];
            const slugs: string[] = value == null ? [] : Array.isArray(value) ? value.map((v: any) => (typeof v === 'string' ? v : v.actor)) : [value];
            const targetIds = slugs.map((slug) => ids.get(target)!.get(slug)).filter((id): id is string => Boolean(id));
            relations[field] = name === 'parent' || name === 'nextEdition' ? (targetIds[0] ?? null) : targetIds;
          }
          const documentId = ids.get(entry.type)!.get(entry.data.slug)!;
          for (const locale of LOCALES) {
            if (entry.data[locale]) await documents(entry.type).update({ documentId, locale, data: relations } as any);
          }
          onProgress('relations', ++done, toWrite.length);
        }

        // Pass 3: publish, then remember what was written.
        done = 0;
        for (const entry of toWrite) {
          const documentId = ids.get(entry.type)!.get(entry.data.slug)!;
          await documents(entry.type).publish({ documentId, locale: '*' } as any);
          onProgress('publish', ++done, toWrite.length);
        }
        for (const entry of toWrite) {
          const documentId = ids.get(entry.type)!.get(entry.data.slug)!;
          const data = { key: keyOf(entry), hash: hashOf(entry.data), entryDocumentId: documentId, updatedAts: await draftUpdatedAts(entry.type, documentId) };
          const record = records.get(data.key);
          if (record) await strapi.db.query(RECORD_UID as any).update({ where: { id: record.id }, data });
          else await strapi.db.query(RECORD_UID as any).create({ data });
        }
      });
      return report;
    },
  };
};
