import type { Core } from '@strapi/strapi';
import { errors } from '../strapi-errors';
import { callerLocale, translate } from '../translations';
import type { Locale } from '../shared/locales';
import { checkFiles } from '../validation/files';
import type { MultipartBody } from '../middlewares/multipart';
import { conflictError, validationError } from '../validation/issues';
import { checkAcceptInvitation, checkSubmissionBody } from '../validation/submission';
import { ContributionError } from '../services/contributors';
import { SubmissionIssues, SubmissionLocked, SubmissionNotFound, SubmissionStale, type Contributor } from '../services/submissions';
import type { Attachment } from '../services/attachments';
import { service } from '../services/get-service';

/** Translates what the services refuse into the caller's language. */
const refuse = (error: unknown, lang: Locale): never => {
  if (error instanceof SubmissionIssues) throw validationError(lang, 'error.invalidSubmission', error.issues);
  if (error instanceof SubmissionNotFound) throw new errors.NotFoundError(translate(lang, 'error.submissionNotFound'));
  if (error instanceof SubmissionStale) throw conflictError(translate(lang, 'error.submissionChanged'));
  if (error instanceof SubmissionLocked)
    throw new errors.ForbiddenError(translate(lang, 'error.notEditable', { status: translate(lang, `status.${error.status}`) }));
  if (error instanceof ContributionError) {
    if (error.code === 'invitationInvalid') throw validationError(lang, 'error.invalidRequest', [{ path: ['token'], key: 'error.invitationInvalid' }]);
    if (error.code === 'emailTaken') throw validationError(lang, 'error.invalidRequest', [{ path: ['email'], key: 'error.emailTaken' }]);
    throw validationError(lang, 'error.invalidRequest', [{ path: ['organisation'], key: 'error.unknownOrganisation' }]);
  }
  throw error;
};

/** Member cities' routes: accept an invitation, then submit and follow their own submissions. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lang = (ctx: any): Locale => callerLocale(ctx.query ?? {}, ctx.get('accept-language'));
  const contributor = (ctx: any) => ctx.state.contributor as Contributor;

  /**
   * Validates data and files of a submission, JSON `{ data }` or multipart (`data` as JSON text, and
   * `files`, read by the route's multipart middleware once the contributor was known); nothing is
   * stored when anything is wrong.
   */
  const parse = async (ctx: any, kind: 'case-study' | 'actor-update', partial: boolean, attached = 0) => {
    const multipart = ctx.state.multipart as MultipartBody | undefined;
    const files = multipart?.files ?? [];
    const checked = checkSubmissionBody(kind, multipart?.fields ?? ctx.request.body ?? {}, partial, Boolean(multipart));
    const fileCheck = kind === 'case-study' ? await checkFiles(files, attached) : { files: [], issues: files.length ? [{ path: ['files'], key: 'error.unknownField' as const, params: { name: 'files' } }] : [] };
    const all = [...checked.issues, ...fileCheck.issues];
    if (all.length) throw validationError(lang(ctx), 'error.invalidSubmission', all);
    return { input: checked.value, files: fileCheck.files };
  };

  const organisation = async (ctx: any) => service(strapi, 'contributors').organisation(contributor(ctx).organisationId, contributor(ctx).locale);

  return {
    async acceptInvitation(ctx: any) {
      const { value, issues } = checkAcceptInvitation((ctx.request.body ?? {}) as Record<string, unknown>);
      if (issues.length) throw validationError(lang(ctx), 'error.invalidRequest', issues);
      try {
        ctx.status = 201;
        ctx.body = { data: await service(strapi, 'contributors').acceptInvitation(value) };
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    async me(ctx: any) {
      const { email, locale } = contributor(ctx);
      const org = await organisation(ctx);
      ctx.body = { data: { email, locale, organisation: org && { documentId: org.documentId, slug: org.slug, name: org.name, city: org.city, country: org.country } } };
    },

    async list(ctx: any) {
      const rows = await service(strapi, 'submissions').list(contributor(ctx));
      ctx.body = { data: await Promise.all(rows.map((row: any) => service(strapi, 'submissions').view(row, 'contributor'))) };
    },

    async findOne(ctx: any) {
      try {
        const submission = await service(strapi, 'submissions').findForContributor(contributor(ctx), String(ctx.params.id));
        ctx.body = { data: await service(strapi, 'submissions').view(submission, 'contributor') };
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    async create(ctx: any) {
      const { input, files } = await parse(ctx, 'case-study', false);
      try {
        const { submission, duplicates } = await service(strapi, 'submissions').create(contributor(ctx), await organisation(ctx), input, files);
        ctx.status = 201;
        ctx.body = { data: await service(strapi, 'submissions').view(submission, 'contributor'), meta: { duplicates } };
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    async update(ctx: any) {
      try {
        const existing = await service(strapi, 'submissions').findForContributor(contributor(ctx), String(ctx.params.id));
        const { input, files } = await parse(ctx, existing.kind, true, (existing.attachments ?? []).length);
        if (input.locale && input.locale !== existing.locale)
          throw validationError(lang(ctx), 'error.invalidSubmission', [{ path: ['data', 'locale'], key: 'error.invalidValue', params: { value: input.locale, allowed: existing.locale } }]);
        const submission = await service(strapi, 'submissions').update(contributor(ctx), await organisation(ctx), existing.documentId, input, files);
        const full = await service(strapi, 'submissions').findForContributor(contributor(ctx), submission.documentId);
        ctx.body = { data: await service(strapi, 'submissions').view(full, 'contributor') };
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    /** One of the organisation's files, private until an editor accepts the submission. */
    async attachment(ctx: any) {
      try {
        const submission = await service(strapi, 'submissions').findForContributor(contributor(ctx), String(ctx.params.id));
        const file = ((submission.attachments ?? []) as Attachment[]).find((f) => f.id === ctx.params.file);
        if (!file || !(await service(strapi, 'attachments').send(ctx, file))) throw new SubmissionNotFound();
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    async proposeActorUpdate(ctx: any) {
      const { input } = await parse(ctx, 'actor-update', false);
      const submission = await service(strapi, 'submissions').proposeActorUpdate(contributor(ctx), await organisation(ctx), input);
      ctx.status = 201;
      ctx.body = { data: await service(strapi, 'submissions').view(submission, 'contributor') };
    },
  };
};
