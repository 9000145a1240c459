import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { KB_TYPES, type KbType } from '../shared/content-types';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../shared/locales';
import { UIDS } from '../content-types/uids';

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

/** What the last import wrote of an entry (content-types/import-record): its hash, and each locale's draft `updatedAt` then. */
type ImportRecord = { id: number; key: string; hash: string; entryDocumentId: string; updatedAts: Record<string, string> | null };

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

/** Collections in the order they are written: each one's relations point to those before it, or to itself. */
const WRITE_ORDER: KbType[] = ['theme', 'actor', 'funding-call', 'good-practice', 'case-study'];

/** The slugs a relation field of the seed format names (actors come as `{ actor, role }`). */
const relationTargets = (entry: ImportEntry, name: string): string[] => {
  const value = entry.data[name];
  return value == null ? [] : Array.isArray(value) ? value.map((v: any) => (typeof v === 'string' ? v : v.actor)) : [value];
};

/** One relation field as Strapi takes it: document ids of the targets that exist (unknown slugs are left out). */
const relationData = (entry: ImportEntry, name: string, ids: Map<KbType, Map<string, string>>): Record<string, unknown> => {
  const { target, field } = RELATIONS[entry.type][name];
  const targetIds = relationTargets(entry, name).map((slug) => ids.get(target)!.get(slug)).filter((id): id is string => Boolean(id));
  return { [field]: name === 'parent' || name === 'nextEdition' ? (targetIds[0] ?? null) : targetIds };
};

const hashOf = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
const keyOf = (entry: ImportEntry) => `${entry.type}:${entry.data.slug}`;

/** The fields of one locale, without relations. */
const fieldsFor = (entry: ImportEntry, locale: Locale) => {
  const data: Record<string, unknown> = { ...entry.data, ...entry.data[locale] };
  for (const name of [...LOCALES, ...Object.keys(RELATIONS[entry.type])]) delete data[name];
  if (entry.type === 'case-study') {
    data.actorRoles = Object.fromEntries((entry.data.actors ?? []).map((a: { actor: string; role: string }) => [a.actor, a.role]));
  }
  return data;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (type: KbType) => strapi.documents(KB_TYPES[type].uid);

  const slugIndex = async (type: KbType): Promise<Map<string, string>> => {
    const rows = await strapi.db.query(KB_TYPES[type].uid).findMany({ select: ['documentId', 'slug'], where: { locale: DEFAULT_LOCALE } });
    return new Map(rows.map((r: { slug: string; documentId: string }) => [r.slug, r.documentId]));
  };

  const draftUpdatedAts = async (type: KbType, documentId: string) => {
    const rows = await strapi.db.query(KB_TYPES[type].uid).findMany({
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
        const records = new Map<string, ImportRecord>(
          (await strapi.db.query(UIDS.importRecord).findMany({})).map((r: ImportRecord) => [r.key, r]),
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

        // Pass 1: every locale, French first (it creates the document), with the relations whose
        // targets exist already. Writing collections in dependency order (themes, actors, calls,
        // practices, case studies) leaves only links within a collection to a later entry.
        toWrite.sort((a, b) => WRITE_ORDER.indexOf(a.type) - WRITE_ORDER.indexOf(b.type));
        const pending = new Set(toWrite.filter((e) => !ids.get(e.type)!.has(e.data.slug)).map(keyOf));
        const deferred = new Map<ImportEntry, string[]>();
        let done = 0;
        for (const entry of toWrite) {
          const index = ids.get(entry.type)!;
          const relations: Record<string, unknown> = {};
          for (const name of Object.keys(RELATIONS[entry.type])) {
            const targets = relationTargets(entry, name);
            const { target } = RELATIONS[entry.type][name];
            if (targets.some((slug) => !ids.get(target)!.has(slug) && pending.has(`${target}:${slug}`))) {
              deferred.set(entry, [...(deferred.get(entry) ?? []), name]);
            } else {
              Object.assign(relations, relationData(entry, name, ids));
            }
          }
          for (const locale of LOCALES) {
            if (!entry.data[locale]) continue;
            const data = { ...fieldsFor(entry, locale), ...relations };
            const documentId = index.get(entry.data.slug);
            if (documentId) await documents(entry.type).update({ documentId, locale, data });
            else index.set(entry.data.slug, (await documents(entry.type).create({ locale, data })).documentId);
          }
          pending.delete(keyOf(entry));
          onProgress('entries', ++done, toWrite.length);
        }

        // Pass 2: the links to entries written after their source, now that every target exists.
        done = 0;
        for (const [entry, names] of deferred) {
          const relations = Object.assign({}, ...names.map((name) => relationData(entry, name, ids)));
          const documentId = ids.get(entry.type)!.get(entry.data.slug)!;
          for (const locale of LOCALES) {
            if (entry.data[locale]) await documents(entry.type).update({ documentId, locale, data: relations });
          }
          onProgress('links', ++done, deferred.size);
        }

        // Pass 3: publish, then remember what was written.
        done = 0;
        for (const entry of toWrite) {
          const documentId = ids.get(entry.type)!.get(entry.data.slug)!;
          await documents(entry.type).publish({ documentId, locale: '*' });
          onProgress('publish', ++done, toWrite.length);
        }
        for (const entry of toWrite) {
          const documentId = ids.get(entry.type)!.get(entry.data.slug)!;
          const data = { key: keyOf(entry), hash: hashOf(entry.data), entryDocumentId: documentId, updatedAts: await draftUpdatedAts(entry.type, documentId) };
          const record = records.get(data.key);
          if (record) await strapi.db.query(UIDS.importRecord).update({ where: { id: record.id }, data });
          else await strapi.db.query(UIDS.importRecord).create({ data });
        }
      });
      return report;
    },
  };
};
