import type { Core } from '@strapi/strapi';
import type { Locale } from '../shared/locales';
import { CONTRIBUTOR_EDITABLE, afterContributorEdit, type SubmissionKind, type SubmissionStatus } from '../shared/moderation';
import type { EditorDetails, SubmissionView } from '../shared/submission-answers';
import type { Issue } from '../validation/issues';
import type { SubmissionInput } from '../validation/submission';
import type { CheckedFile } from '../validation/files';
import { UIDS } from '../content-types/uids';
import type { Attachment } from './attachments';
import type { Organisation } from './contributors';
import { service } from './get-service';
import { findLookAlikes, fold } from './look-alikes';

const { caseStudy: CASE_STUDY, submission: SUBMISSION, moderationEvent: EVENT, theme: THEME, actor: ACTOR } = UIDS;

type Doc = Record<string, any>;
export interface Contributor {
  userId: number;
  email: string;
  organisationId: string;
  locale: Locale;
}
export interface Actor {
  kind: 'contributor' | 'editor';
  id: number;
  name: string;
}

/** A submission's problem found against the stored content (unknown theme, unknown partner…). */
export class SubmissionIssues extends Error {
  constructor(readonly issues: Issue[]) {
    super('invalid submission');
  }
}
export class SubmissionNotFound extends Error {}
export class SubmissionLocked extends Error {
  constructor(readonly status: SubmissionStatus) {
    super('locked');
  }
}
/** The submission changed since the reader saw it (another revision): nothing was done. */
export class SubmissionStale extends Error {
  constructor(readonly revision: number) {
    super('stale');
  }
}

const slugify = (title: string) =>
  fold(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '') || 'contribution';

const CASE_STUDY_TEXT = ['title', 'summary', 'body', 'city', 'country', 'yearStart', 'yearEnd', 'stage', 'sdgs', 'results', 'lessons', 'links'];

/** The fields of `now` (and `attachments`, as file ids) that differ from the `reviewed` snapshot. */
export function changedFields(reviewed: { content?: Doc | null; attachments?: (number | string)[] }, now: Doc | null, attachmentIds: (number | string)[]): string[] {
  const before: Doc = { ...(reviewed.content ?? {}), attachments: reviewed.attachments ?? [] };
  const after: Doc = { ...(now ?? {}), attachments: attachmentIds };
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((key) => !same(before[key], after[key]));
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const caseStudies = () => strapi.documents(CASE_STUDY);
  const lookAlikes = findLookAlikes(strapi);

  /** Theme and partner slugs to document ids; unknown ones are field-level issues. */
  const resolveRelations = async (fields: Record<string, unknown>, organisation: Organisation) => {
    const issues: Issue[] = [];
    const data: Doc = {};
    let newPartners: { name: string }[] | undefined;
    if (Array.isArray(fields.themes)) {
      const slugs = fields.themes as string[];
      const rows: Doc[] = await strapi.db.query(THEME).findMany({ where: { slug: { $in: slugs } }, select: ['documentId', 'slug'] });
      slugs.forEach((slug, i) => {
        if (!rows.some((r) => r.slug === slug)) issues.push({ path: ['data', 'themes', i], key: 'error.unknownTheme', params: { value: slug } });
      });
      data.themes = [...new Set(rows.map((r) => r.documentId))];
    }
    if (Array.isArray(fields.partners)) {
      // Validated partners: each names an actor's slug or a new partner's name (own fields of a parsed object).
      const partners = fields.partners as { actor?: string; name?: string }[];
      const slugs = partners.flatMap((p) => (typeof p.actor === 'string' ? [p.actor] : []));
      const rows: Doc[] = slugs.length ? await strapi.db.query(ACTOR).findMany({ where: { slug: { $in: slugs } }, select: ['documentId', 'slug'] }) : [];
      partners.forEach((p, i) => {
        if (typeof p.actor === 'string' && !rows.some((r) => r.slug === p.actor)) issues.push({ path: ['data', 'partners', i, 'actor'], key: 'error.unknownActor', params: { value: p.actor } });
      });
      const partnerIds = [...new Set(rows.map((r) => r.documentId))].filter((id) => id !== organisation.documentId);
      data.actors = [organisation.documentId, ...partnerIds];
      data.actorRoles = Object.fromEntries([[organisation.slug, 'initiator'], ...rows.filter((r) => r.documentId !== organisation.documentId).map((r) => [r.slug, 'partner'])]);
      newPartners = partners.flatMap((p) => (typeof p.name === 'string' ? [{ name: p.name }] : []));
    }
    return { issues, data, newPartners };
  };

  const uniqueSlug = async (title: string) => {
    const base = slugify(title);
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await strapi.db.query(CASE_STUDY).findOne({ where: { slug }, select: ['id'] }))) return slug;
    }
  };

  // Contributors' files stay private (services/attachments.ts) until an editor accepts.
  const attachments = () => service(strapi, 'attachments');
  const removeFiles = (stored: Attachment[]) =>
    attachments().remove(stored).catch((e: Error) => strapi.log.error(`[knowledge-base] could not remove attachments: ${e.message}`));

  const recordEvent = (submissionId: string, fromStatus: SubmissionStatus | null, toStatus: SubmissionStatus, by: Actor, comment?: string) =>
    strapi.db.query(EVENT).create({ data: { submissionId, fromStatus, toStatus, byKind: by.kind, byId: by.id, byName: by.name, comment: comment || null } });

  const submissionOf = async (contributor: Contributor, id: string) => {
    const submission = await strapi.db.query(SUBMISSION).findOne({ where: { documentId: id } });
    if (!submission || submission.organisationId !== contributor.organisationId) throw new SubmissionNotFound();
    return submission as Doc;
  };

  /**
   * Moves a submission on only if it is still at the revision and status it was read at, and
   * counts a new revision: what an editor saw is what an editor decides on (see moderation.ts).
   */
  const claim = async (submission: Doc, data: Doc = {}) => {
    const moved = await strapi.db.query(SUBMISSION).updateMany({
      where: { id: submission.id, status: submission.status, revision: submission.revision },
      data: { ...data, revision: submission.revision + 1 },
    });
    return moved.count === 1;
  };

  return {
    recordEvent,
    claim,

    /** Entries that look like the same initiative (services/look-alikes.ts). */
    duplicates: lookAlikes,

    /** A new case study from a contributor: a draft linked to a submission, with its files. */
    async create(contributor: Contributor, organisation: Organisation, input: SubmissionInput, files: CheckedFile[]) {
      const locale = input.locale!;
      const { issues, data: relations, newPartners } = await resolveRelations({ partners: [], ...input.fields }, organisation);
      if (issues.length) throw new SubmissionIssues(issues);
      const stored: Attachment[] = await attachments().store(files);
      const fields = { city: organisation.city, country: organisation.country, ...input.fields } as Doc;
      try {
        // Draft, submission and first event commit together: a crash between them left orphans.
        const { submission, caseStudy } = await strapi.db.transaction(async () => {
          const data: Doc = {
            ...Object.fromEntries(CASE_STUDY_TEXT.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]])),
            ...relations,
            slug: await uniqueSlug(String(fields.title)),
            sources: [{ document: `Contribution: ${organisation.name}`.slice(0, 200), section: new Date().toISOString().slice(0, 10) }],
            translationOrigin: 'original',
          };
          const caseStudy: Doc = await caseStudies().create({ locale, data });
          const duplicates = await lookAlikes(fields, 'editor', caseStudy.documentId);
          const submission: Doc = await strapi.db.query(SUBMISSION).create({
            data: {
              kind: 'case-study', status: 'submitted', locale, organisationId: organisation.documentId, contributorUserId: contributor.userId,
              caseStudyDocumentId: caseStudy.documentId, title: fields.title, newPartners: newPartners ?? [], duplicates, attachments: stored, revision: 1,
            },
          });
          await recordEvent(submission.documentId, null, 'submitted', { kind: 'contributor', id: contributor.userId, name: contributor.email });
          return { submission, caseStudy };
        });
        void service(strapi, 'contribution-mail').newSubmission({ title: String(fields.title), kind: 'case-study', locale, organisation });
        return { submission, duplicates: await lookAlikes(fields, contributor.organisationId, caseStudy.documentId) };
      } catch (error) {
        await removeFiles(stored);
        throw error;
      }
    },

    /** Proposed changes to the contributor's own actor fiche, applied only when accepted. */
    async proposeActorUpdate(contributor: Contributor, organisation: Organisation, input: SubmissionInput) {
      const submission: Doc = await strapi.db.transaction(async () => {
        const created: Doc = await strapi.db.query(SUBMISSION).create({
          data: {
            kind: 'actor-update', status: 'submitted', locale: input.locale, organisationId: organisation.documentId,
            contributorUserId: contributor.userId, title: organisation.name, proposed: input.fields, revision: 1,
          },
        });
        await recordEvent(created.documentId, null, 'submitted', { kind: 'contributor', id: contributor.userId, name: contributor.email });
        return created;
      });
      void service(strapi, 'contribution-mail').newSubmission({ title: organisation.name, kind: 'actor-update', locale: input.locale!, organisation });
      return submission;
    },

    /**
     * A contributor's edit, allowed while submitted or changes-requested (answering a change request
     * resubmits). One transaction that first claims the submission's revision: an editor's decision
     * on the revision before is then refused, and a decision taken first stops the edit.
     */
    async update(contributor: Contributor, organisation: Organisation, id: string, input: SubmissionInput, files: CheckedFile[]) {
      const found = await submissionOf(contributor, id);
      if (!CONTRIBUTOR_EDITABLE.includes(found.status)) throw new SubmissionLocked(found.status);
      const resolved = found.kind === 'case-study' ? await resolveRelations(input.fields, organisation) : undefined;
      if (resolved?.issues.length) throw new SubmissionIssues(resolved.issues);
      const stored: Attachment[] = found.kind === 'case-study' ? await attachments().store(files) : [];
      const next = afterContributorEdit(found.status);
      try {
        await strapi.db.transaction(async () => {
          const submission: Doc = await strapi.db.query(SUBMISSION).findOne({ where: { id: found.id } });
          if (!CONTRIBUTOR_EDITABLE.includes(submission.status)) throw new SubmissionLocked(submission.status);
          // Another edit of the same submission got in first.
          if (!(await claim(submission, { status: next }))) throw new SubmissionStale(submission.revision);
          const data: Doc = {};
          if (submission.kind === 'actor-update') {
            data.proposed = { ...submission.proposed, ...input.fields };
          } else {
            const fields: Doc = { ...Object.fromEntries(CASE_STUDY_TEXT.filter((k) => input.fields[k] !== undefined).map((k) => [k, input.fields[k]])), ...resolved!.data };
            await caseStudies().update({ documentId: submission.caseStudyDocumentId, locale: submission.locale, data: fields });
            if (input.fields.title) data.title = input.fields.title;
            if (resolved!.newPartners) data.newPartners = resolved!.newPartners;
            data.attachments = [...(submission.attachments ?? []), ...stored];
          }
          await strapi.db.query(SUBMISSION).update({ where: { id: submission.id }, data });
          if (next !== submission.status) await recordEvent(submission.documentId, submission.status, next, { kind: 'contributor', id: contributor.userId, name: contributor.email });
        });
      } catch (error) {
        await removeFiles(stored);
        throw error;
      }
      if (next !== found.status) void service(strapi, 'contribution-mail').newSubmission({ title: found.title, kind: found.kind, locale: found.locale, organisation });
      return strapi.db.query(SUBMISSION).findOne({ where: { id: found.id } });
    },

    async list(contributor: Contributor) {
      return strapi.db.query(SUBMISSION).findMany({ where: { organisationId: contributor.organisationId }, orderBy: { createdAt: 'desc' } });
    },

    findForContributor: submissionOf,

    /** A submission as its reader sees it: the proposed content, files, history; editors also see who. */
    async view(submission: Doc, audience: 'contributor' | 'editor'): Promise<SubmissionView & EditorDetails> {
      const organisation = await service(strapi, 'contributors').organisation(submission.organisationId, submission.locale);
      const events: Doc[] = await strapi.db.query(EVENT).findMany({ where: { submissionId: submission.documentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      let content: Doc | null = null;
      if (submission.kind === 'case-study' && submission.caseStudyDocumentId) {
        const draft = (await caseStudies().findOne({
          documentId: submission.caseStudyDocumentId, locale: submission.locale, status: 'draft',
          populate: { themes: { fields: ['slug'] }, actors: { fields: ['slug'] } },
        })) as Doc | null;
        if (draft) {
          content = Object.fromEntries(CASE_STUDY_TEXT.map((k) => [k, draft[k] ?? null]));
          content.slug = draft.slug;
          content.themes = (draft.themes ?? []).map((t: Doc) => t.slug);
          content.partners = [
            ...(draft.actors ?? []).filter((a: Doc) => a.slug !== organisation?.slug).map((a: Doc) => ({ actor: a.slug })),
            ...(submission.newPartners ?? []),
          ];
        }
      }
      // Editors weigh a fiche proposal against the fiche as published in the proposal's language.
      let current: Doc | null = null;
      if (submission.kind === 'actor-update' && audience === 'editor') {
        const fiche = (await strapi.documents(ACTOR).findOne({ documentId: submission.organisationId, locale: submission.locale, status: 'published' })) as Doc | null;
        current = Object.fromEntries(Object.keys(submission.proposed ?? {}).map((k) => [k, fiche?.[k] ?? null]));
      }
      const editable = audience === 'contributor' && CONTRIBUTOR_EDITABLE.includes(submission.status);
      const files: Attachment[] = submission.attachments ?? [];
      // Served only through the reader's own authenticated route (services/attachments.ts).
      const fileUrl = (file: Attachment) =>
        audience === 'editor'
          ? `/knowledge-base/moderation/submissions/${submission.documentId}/attachments/${file.id}`
          : `${String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '')}/knowledge-base/contribution/submissions/${submission.documentId}/attachments/${file.id}`;
      const shown = submission.kind === 'case-study' ? content : submission.proposed;
      return {
        id: submission.documentId,
        kind: submission.kind as SubmissionKind,
        status: submission.status as SubmissionStatus,
        locale: submission.locale,
        title: submission.title,
        organisation: organisation ? { documentId: organisation.documentId, slug: organisation.slug, name: organisation.name } : null,
        createdAt: submission.createdAt,
        updatedAt: submission.updatedAt,
        editable,
        comment: submission.lastComment ?? null,
        content: shown,
        revision: submission.revision as number,
        attachments: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, url: fileUrl(f) })),
        // Recomputed for the reader: a contributor never learns of another organisation's drafts.
        duplicates: content ? await lookAlikes(content, audience === 'editor' ? 'editor' : submission.organisationId, submission.caseStudyDocumentId) : [],
        history: events.map((e) => ({
          from: e.fromStatus, to: e.toStatus, at: e.createdAt, by: e.byKind, comment: e.comment,
          ...(audience === 'editor' ? { byName: e.byName } : {}),
        })),
        ...(audience === 'editor'
          ? {
              caseStudyDocumentId: submission.caseStudyDocumentId,
              contributorUserId: submission.contributorUserId,
              ...(current ? { current } : {}),
              // Back from the contributor: which fields (and whether the files) differ from what the editor saw.
              ...(submission.status === 'resubmitted' && submission.reviewed
                ? { changedSinceRequest: changedFields(submission.reviewed, shown, files.map((f) => f.id)) }
                : {}),
            }
          : {}),
      };
    },
  };
};
