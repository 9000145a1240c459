import type { Core } from '@strapi/strapi';
import { ACTOR_PROPOSAL_FIELDS, EDITOR_ACTIONS, allowedActions, type EditorAction, type SubmissionStatus } from '../shared/moderation';
import type { Locale } from '../shared/locales';
import type { ModerationSubmission, OrganisationChoice, QueuePage } from '../shared/submission-answers';
import type { QueueQuery } from '../validation/query';
import { UIDS } from '../content-types/uids';
import type { Attachment } from './attachments';
import { service } from './get-service';
import { SubmissionLocked, SubmissionNotFound, SubmissionStale } from './submissions';

const { submission: SUBMISSION, contributor: CONTRIBUTOR, actor: ACTOR, caseStudy: CASE_STUDY } = UIDS;

type Doc = Record<string, any>;
export interface Editor {
  id: number;
  firstname?: string;
  lastname?: string;
  email?: string;
}

/** The editors' side of contributions: the queue and the decisions on it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const submissions = () => service(strapi, 'submissions');
  const caseStudies = () => strapi.documents(CASE_STUDY);

  // The steps of a decision, in the order `decide` takes them.

  /** The submission, if `action` may be taken from its status and it is still at the `revision` the editor saw. */
  const loadForDecision = async (id: string, action: EditorAction, revision: number): Promise<Doc> => {
    const submission: Doc | null = await strapi.db.query(SUBMISSION).findOne({ where: { documentId: id } });
    if (!submission) throw new SubmissionNotFound();
    if (!allowedActions(submission.status).includes(action)) throw new SubmissionLocked(submission.status);
    if (submission.revision !== revision) throw new SubmissionStale(submission.revision);
    return submission;
  };

  /** What the editor saw when asking for changes, so the resubmission shows what changed since. */
  const reviewedSnapshot = async (submission: Doc) => {
    const seen = await submissions().view(submission, 'editor');
    return { content: seen.content, attachments: seen.attachments.map((f: Doc) => f.id) };
  };

  /** Moves the status on, unless another decision or an edit got in first: then says which. */
  const claimDecision = async (submission: Doc, action: EditorAction, data: Doc) => {
    if (await submissions().claim(submission, data)) return;
    const now: Doc | null = await strapi.db.query(SUBMISSION).findOne({ where: { id: submission.id }, select: ['status', 'revision'] });
    if (now && allowedActions(now.status).includes(action)) throw new SubmissionStale(now.revision);
    throw new SubmissionLocked((now?.status ?? submission.status) as SubmissionStatus);
  };

  /** Publishes what the submission holds: the draft case study (with the first image as cover if it has none), or the fiche proposal. */
  const publishEntry = async (submission: Doc, files: Doc[]) => {
    const locale = submission.locale as Locale;
    if (submission.kind === 'case-study') {
      const cover = files.find((f) => String(f.mime).startsWith('image/'));
      if (cover) {
        const draft = await caseStudies().findOne({ documentId: submission.caseStudyDocumentId, locale, populate: { cover: true } });
        // A record, not a literal: Strapi types a literal's fields from an app's generated schemas, which a plugin has none of.
        const data: Doc = { cover: cover.id };
        if (!draft?.cover) await caseStudies().update({ documentId: submission.caseStudyDocumentId, locale, data });
      }
      await caseStudies().publish({ documentId: submission.caseStudyDocumentId, locale });
      return;
    }
    // Only the fields an organisation may propose, read as own properties of what was stored.
    const proposed = (submission.proposed ?? {}) as Doc;
    const data = Object.fromEntries(Object.keys(ACTOR_PROPOSAL_FIELDS).filter((key) => Object.prototype.hasOwnProperty.call(proposed, key)).map((key) => [key, proposed[key]]));
    await strapi.documents(ACTOR).update({ documentId: submission.organisationId, locale, data });
    await strapi.documents(ACTOR).publish({ documentId: submission.organisationId, locale });
  };

  /**
   * Accepting: only once the decision is taken do the files join the media library (public from
   * then on), then the entry is published. `uploaded` collects the files as they are added, so an
   * undone decision can remove them.
   */
  const applyAcceptance = async (submission: Doc, uploaded: Doc[]) => {
    const files: Attachment[] = submission.kind === 'case-study' ? submission.attachments ?? [] : [];
    uploaded.push(...(await service(strapi, 'attachments').publish(files)));
    await publishEntry(submission, uploaded);
  };

  const recordDecision = (submission: Doc, to: SubmissionStatus, editor: Editor, comment: string) => {
    const name = [editor.firstname, editor.lastname].filter(Boolean).join(' ') || editor.email || `editor ${editor.id}`;
    return submissions().recordEvent(submission.documentId, submission.status, to, { kind: 'editor', id: editor.id, name }, comment);
  };

  /** The media library files of a decision its transaction undid. */
  const removeUploads = async (uploaded: Doc[]) => {
    for (const file of uploaded)
      await strapi.plugin('upload').service('upload').remove(file).catch((e: Error) => strapi.log.error(`[knowledge-base] could not remove upload ${file.id} of an undone decision: ${e.message}`));
  };

  const notifyContributor = async (submission: Doc, to: SubmissionStatus, comment: string) => {
    const profile = await strapi.db.query(CONTRIBUTOR).findOne({ where: { userId: submission.contributorUserId } });
    if (profile) service(strapi, 'contribution-mail').statusChanged({ email: profile.email, locale: profile.locale, title: submission.title, status: to, comment });
  };

  return {
    async queue(filters: QueueQuery): Promise<QueuePage> {
      const where: Doc = {};
      if (filters.status?.length) where.status = { $in: filters.status };
      if (filters.organisation) where.organisationId = filters.organisation;
      if (filters.olderThanDays) where.createdAt = { $lte: new Date(Date.now() - filters.olderThanDays * 86_400_000) };
      const [rows, total] = await Promise.all([
        strapi.db.query(SUBMISSION).findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], offset: (filters.page - 1) * filters.pageSize, limit: filters.pageSize }),
        strapi.db.query(SUBMISSION).count({ where }),
      ]);
      const organisations = new Map<string, Doc | null>();
      const contributors = new Map<number, string>();
      for (const row of rows as Doc[]) {
        if (!organisations.has(row.organisationId)) organisations.set(row.organisationId, await service(strapi, 'contributors').organisation(row.organisationId));
        if (!contributors.has(row.contributorUserId)) {
          const profile = await strapi.db.query(CONTRIBUTOR).findOne({ where: { userId: row.contributorUserId }, select: ['email'] });
          contributors.set(row.contributorUserId, profile?.email ?? '');
        }
      }
      return {
        data: (rows as Doc[]).map((row) => ({
          id: row.documentId, kind: row.kind, status: row.status, locale: row.locale, title: row.title,
          organisation: organisations.get(row.organisationId) ? { documentId: row.organisationId, name: organisations.get(row.organisationId)!.name } : null,
          contributor: contributors.get(row.contributorUserId)!, createdAt: row.createdAt, updatedAt: row.updatedAt,
          ageDays: Math.floor((Date.now() - new Date(row.createdAt).getTime()) / 86_400_000),
          duplicates: (row.duplicates ?? []).length,
        })),
        meta: { pagination: { page: filters.page, pageSize: filters.pageSize, pageCount: Math.ceil(total / filters.pageSize), total } },
      };
    },

    async findOne(id: string): Promise<ModerationSubmission> {
      const submission = await strapi.db.query(SUBMISSION).findOne({ where: { documentId: id } });
      if (!submission) throw new SubmissionNotFound();
      const view = await submissions().view(submission, 'editor');
      const profile = await strapi.db.query(CONTRIBUTOR).findOne({ where: { userId: submission.contributorUserId }, select: ['email', 'locale'] });
      return { ...view, contributor: profile?.email ?? null };
    },

    /**
     * Accept (publishes), request changes or reject; records who, when and why, and tells the
     * contributor. `revision` is the one the editor saw: if the submission changed since, or
     * someone decided in between, nothing is done. The status moves first, in the same
     * transaction as the publication, so a submission another editor rejected is never published.
     */
    async decide(id: string, action: EditorAction, comment: string, revision: number, editor: Editor): Promise<ModerationSubmission> {
      const submission = await loadForDecision(id, action, revision);
      const { to } = EDITOR_ACTIONS[action];
      const reviewed = action === 'request-changes' ? await reviewedSnapshot(submission) : undefined;
      const uploaded: Doc[] = [];
      try {
        await strapi.db.transaction(async () => {
          await claimDecision(submission, action, { status: to, lastComment: comment || null, ...(reviewed ? { reviewed } : {}) });
          if (action === 'accept') await applyAcceptance(submission, uploaded);
          await recordDecision(submission, to, editor, comment);
        });
      } catch (error) {
        await removeUploads(uploaded);
        throw error;
      }
      // Publishing emptied it inside the transaction; a read in between may have cached the old answer.
      if (action === 'accept') service(strapi, 'answer-cache').clear();
      await notifyContributor(submission, to, comment);
      return this.findOne(id);
    },

    /** The actor fiches an editor can invite for or filter by. */
    async organisations(): Promise<OrganisationChoice[]> {
      const rows: Doc[] = await strapi.db.query(ACTOR).findMany({ where: { locale: 'fr' }, select: ['documentId', 'slug', 'name', 'type', 'publishedAt'], orderBy: { name: 'asc' } });
      const seen = new Set<string>();
      return rows.filter((r) => !seen.has(r.documentId) && seen.add(r.documentId)).map(({ documentId, slug, name, type }) => ({ documentId, slug, name, type }));
    },
  };
};
