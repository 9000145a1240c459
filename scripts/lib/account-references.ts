/**
 * The plugin's fields that hold an account's numeric id rather than a relation. Strapi's import
 * gives every row a new id and rewrites relations, but not these integers: a restore maps the
 * users-permissions ones through each user's documentId (kept by the import), and the content
 * hash compares them as that documentId. Admin accounts are never in a backup (Strapi does not
 * transfer admin::*), so their ids are left as they were and not compared.
 */
import type { Core, UID } from '@strapi/strapi';

export const USER: UID.ContentType = 'plugin::users-permissions.user';

interface NumericReference {
  uid: string;
  field: string;
  /** Only rows where these fields have these values hold this kind of id. */
  when?: Record<string, string>;
}

/** Fields holding a users-permissions user's id (a contributor's account). */
export const USER_REFERENCES: NumericReference[] = [
  { uid: 'plugin::knowledge-base.contributor', field: 'userId' },
  { uid: 'plugin::knowledge-base.submission', field: 'contributorUserId' },
  { uid: 'plugin::knowledge-base.moderation-event', field: 'byId', when: { byKind: 'contributor' } },
];

/** Fields holding an admin user's id (an editor's account), which no backup carries. */
export const ADMIN_REFERENCES: NumericReference[] = [
  { uid: 'plugin::knowledge-base.moderation-event', field: 'byId', when: { byKind: 'editor' } },
  { uid: 'plugin::knowledge-base.invitation', field: 'invitedById' },
];

export const holds = (references: NumericReference[], uid: string, field: string, row: Record<string, unknown>) =>
  references.some((r) => r.uid === uid && r.field === field && Object.entries(r.when ?? {}).every(([key, value]) => row[key] === value));

/** Every users-permissions user's id and documentId: what a backup records to map the ids after its import. */
export async function userIds(strapi: Core.Strapi): Promise<Record<string, string>> {
  const users: { id: number; documentId: string }[] = await strapi.db.query(USER).findMany({ select: ['id', 'documentId'] });
  return Object.fromEntries(users.map((u) => [String(u.id), u.documentId]));
}

/**
 * Rewrites the user ids in USER_REFERENCES from the backed-up database's (`before`: id → documentId)
 * to this one's, in one transaction, through the table itself so no updatedAt moves. An id no user
 * had in the backup becomes its negative: the import numbers rows afresh, and it must not come to
 * name whichever user now has it. Returns the number of values changed.
 */
export async function remapUserIds(strapi: Core.Strapi, before: Record<string, string>): Promise<number> {
  const now = new Map(Object.entries(await userIds(strapi)).map(([id, documentId]) => [documentId, Number(id)]));
  const newId = (old: number) => {
    const documentId = before[String(old)];
    if (documentId === undefined) return old < 0 ? old : -old;
    const id = now.get(documentId);
    if (id === undefined) throw new Error(`user ${documentId} (id ${old} in the backup) is missing after the import`);
    return id;
  };
  let changed = 0;
  await strapi.db.connection.transaction(async (trx) => {
    for (const reference of USER_REFERENCES) {
      const meta = strapi.db.metadata.get(reference.uid);
      const column = (field: string) => (meta.attributes[field] as { columnName?: string }).columnName ?? field;
      const field = column(reference.field);
      const rows: Record<string, unknown>[] = await trx(meta.tableName).select('id', field).whereNotNull(field).where(
        Object.fromEntries(Object.entries(reference.when ?? {}).map(([name, value]) => [column(name), value])),
      );
      const moves = rows.map((row) => ({ id: Number(row.id), from: Number(row[field]), to: newId(Number(row[field])) })).filter((m) => m.from !== m.to);
      // Through values no row holds first: a unique column (contributor.userId) never holds one id twice on the way.
      for (const m of moves) await trx(meta.tableName).where('id', m.id).update({ [field]: -1_000_000_000 - m.id });
      for (const m of moves) await trx(meta.tableName).where('id', m.id).update({ [field]: m.to });
      changed += moves.length;
    }
  });
  return changed;
}
