/**
 * A canonical hash of everything a backup carries, the same for the same content on SQLite and on
 * PostgreSQL: a restore is proven by the restored database hashing as the backed-up one did.
 *
 * Compared, field by field: every content type Strapi's transfer moves — the plugin's (entries in
 * every locale, draft and published; submissions; moderation history; contributors; invitations;
 * alert subscriptions; import records; site builds), users-permissions users, roles and permissions,
 * i18n locales, the media library's records — with relations as their targets' slugs (documentId
 * where a target has no slug), plus the bytes of every media file and of every private attachment.
 * Timestamps (createdAt, updatedAt, publishedAt) and documentIds are compared: the import keeps them.
 *
 * Not compared, and why:
 * - `id`, on every row: the import gives rows new ids (relations are compared by their targets);
 * - `createdBy`/`updatedBy` and every relation to admin::*: Strapi never transfers admin accounts;
 * - editors' ids in moderation history and invitations (ADMIN_REFERENCES), for the same reason (the
 *   editor's name, byName, is compared); contributors' ids are compared as their user's documentId
 *   (or as `missing` where no user has the id, as after an account was deleted);
 * - `localizations`: Strapi 5 derives it from documentId and locale, both compared;
 * - polymorphic relations (the media library's `related`): each entry's media field, their other side, is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { ADMIN_REFERENCES, USER_REFERENCES, holds, userIds } from './account-references';
import { attachmentsDir } from './attachments-dir';
import { transferred } from './strapi-transfer';

export interface ContentDigest {
  hash: string;
  /** Rows and files compared. */
  entities: number;
  /** Per content type (and `attachments`): how many, and their own hash, to name what differs. */
  sections: Record<string, { count: number; hash: string }>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of any content type
type Row = Record<string, any>;
interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  multiple?: boolean;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const PAGE = 500;
const NOT_CONTENT = new Set(['id', 'createdBy', 'updatedBy', 'localizations']);

/** Sorted keys and no ids at any depth: PostgreSQL's jsonb does not keep the key order SQLite keeps. */
const canonical = (value: unknown, dropIds = false): unknown => {
  if (Array.isArray(value)) return value.map((v) => canonical(v, dropIds));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !(dropIds && key === 'id'))
        .sort()
        .map((key) => [key, canonical((value as Row)[key], dropIds)]),
    );
  }
  return value;
};

const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** One value as the same text on both databases (SQLite gives 0/1 and numbers where PostgreSQL gives booleans and strings). */
function scalar(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
    case 'timestamp':
      return new Date(value as string).toISOString();
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : day(new Date(value as number));
    case 'decimal':
    case 'float':
    case 'integer':
      return Number(value);
    case 'biginteger':
      return String(value);
    case 'boolean':
      return Boolean(value);
    case 'json':
    case 'blocks':
      return canonical(value);
    default:
      return value;
  }
}

const isRelation = (a: Attribute) => a.type === 'relation' || a.type === 'media';
const isCompared = (a: Attribute) =>
  !(a.type === 'relation' && (!a.target || a.relation?.startsWith('morph') || a.target.startsWith('admin::')));

/** A related row as its slug (or documentId), locale and draft or published state. */
const reference = (row: Row | null | undefined) =>
  row ? [row.slug ?? row.documentId, row.locale ?? '', row.publishedAt ? 'published' : 'draft'].join('|') : null;

/** The canonical rows of one content type, sorted. */
async function rowsOf(strapi: Core.Strapi, uid: UID.ContentType, users: Record<string, string>, fileBytes: (row: Row) => Row): Promise<Row[]> {
  const attributes = (strapi.getModel(uid) as unknown as { attributes: Record<string, Attribute> }).attributes;
  const compared = Object.entries(attributes).filter(([name, a]) => !NOT_CONTENT.has(name) && isCompared(a));
  const populate: Record<string, unknown> = {};
  for (const [name, a] of compared) {
    if (isRelation(a)) {
      const target = a.type === 'media' ? 'plugin::upload.file' : a.target!;
      const targetAttributes = (strapi.getModel(target as UID.Schema) as unknown as { attributes: Record<string, Attribute> }).attributes;
      populate[name] = { select: ['documentId', 'locale', 'publishedAt', ...('slug' in targetAttributes ? ['slug'] : [])] };
    } else if (a.type === 'component' || a.type === 'dynamiczone') {
      populate[name] = true;
    }
  }
  const rows: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page: Row[] = await strapi.db.query(uid).findMany({ populate, orderBy: { id: 'asc' }, offset, limit: PAGE });
    for (const row of page) {
      const out: Row = {};
      for (const [name, a] of compared) {
        const value = row[name];
        if (isRelation(a)) out[name] = Array.isArray(value) ? value.map(reference) : reference(value);
        else if (a.type === 'component' || a.type === 'dynamiczone') out[name] = canonical(value ?? null, true);
        else if (holds(ADMIN_REFERENCES, uid, name, row)) continue;
        else if (holds(USER_REFERENCES, uid, name, row)) out[name] = value === null ? null : `user:${users[String(value)] ?? 'missing'}`;
        else out[name] = scalar(a.type, value);
      }
      rows.push(uid === 'plugin::upload.file' ? { ...out, ...fileBytes(row) } : out);
    }
    if (page.length < PAGE) break;
  }
  const key = (row: Row) => `${row.documentId}|${row.locale ?? ''}|${row.publishedAt ? 'published' : 'draft'}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The digest of the content of the CMS `strapi` is loaded on. */
export async function contentDigest(strapi: Core.Strapi): Promise<ContentDigest> {
  const users = await userIds(strapi);
  const local = strapi.config.get('plugin::upload.provider', 'local') === 'local';
  const bytesAt = (url: unknown) => {
    if (typeof url !== 'string') return null;
    if (!local || !url.startsWith('/')) return `remote ${url}`;
    const path = join(strapi.dirs.static.public, url);
    return existsSync(path) ? sha256(readFileSync(path)) : 'missing';
  };
  const fileBytes = (row: Row) => ({
    bytes: bytesAt(row.url),
    formatBytes: Object.fromEntries(Object.entries((row.formats ?? {}) as Record<string, { url: string }>).sort().map(([name, f]) => [name, bytesAt(f.url)])),
  });

  const sections: ContentDigest['sections'] = {};
  for (const uid of (Object.keys(strapi.contentTypes) as UID.ContentType[]).filter(transferred).sort()) {
    const rows = await rowsOf(strapi, uid, users, fileBytes);
    sections[uid] = { count: rows.length, hash: sha256(JSON.stringify(rows)) };
  }
  const dir = attachmentsDir(strapi);
  const attachments = existsSync(dir) ? readdirSync(dir).sort().map((name) => [name, sha256(readFileSync(join(dir, name)))]) : [];
  sections.attachments = { count: attachments.length, hash: sha256(JSON.stringify(attachments)) };

  const entities = Object.values(sections).reduce((sum, s) => sum + s.count, 0);
  return { hash: sha256(JSON.stringify(Object.entries(sections).sort())), entities, sections };
}

/** The sections whose hashes differ between two digests. */
export const differences = (a: ContentDigest, b: ContentDigest): string[] =>
  [...new Set([...Object.keys(a.sections), ...Object.keys(b.sections)])]
    .filter((name) => a.sections[name]?.hash !== b.sections[name]?.hash)
    .map((name) => `${name} (${a.sections[name]?.count ?? 0} → ${b.sections[name]?.count ?? 0})`);


/** One line: the hash and what it covers. */
export const describe = (digest: ContentDigest) =>
  `content hash ${digest.hash} (${digest.entities} entities in ${Object.values(digest.sections).filter((s) => s.count).length} kinds)`;
