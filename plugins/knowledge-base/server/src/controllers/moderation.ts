import type { Core } from '@strapi/strapi';
import { errors } from '../strapi-errors';
import { callerLocale, translate } from '../translations';
import type { EditorAction } from '../shared/moderation';
import type { Locale } from '../shared/locales';
import { conflictError, validationError } from '../validation/issues';
import { checkQueueQuery } from '../validation/query';
import { checkDecision, checkInvitation } from '../validation/submission';
import { ContributionError } from '../services/contributors';
import { SubmissionLocked, SubmissionNotFound, SubmissionStale } from '../services/submissions';
import type { Attachment } from '../services/attachments';
import { service } from '../services/get-service';
import { UIDS } from '../content-types/uids';

/** The editors' moderation routes (admin panel): the queue, decisions and invitations. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lang = (ctx: any): Locale => callerLocale(ctx.query ?? {}, ctx.get('accept-language'));

  const refuse = (error: unknown, l: Locale): never => {
    if (error instanceof SubmissionNotFound) throw new errors.NotFoundError(translate(l, 'error.submissionNotFound'));
    if (error instanceof SubmissionLocked) throw new errors.ApplicationError(translate(l, 'error.transition', { status: translate(l, `status.${error.status}`) }));
    if (error instanceof SubmissionStale) throw conflictError(translate(l, 'error.staleSubmission'));
    if (error instanceof ContributionError) {
      const path = error.code === 'emailTaken' ? 'email' : 'organisation';
      throw validationError(l, 'error.invalidRequest', [{ path: [path], key: error.code === 'emailTaken' ? 'error.emailTaken' : 'error.unknownOrganisation' }]);
    }
    throw error;
  };

  const decide = (action: EditorAction) => async (ctx: any) => {
    const { value, issues } = checkDecision((ctx.request.body ?? {}) as Record<string, unknown>, action !== 'accept');
    if (issues.length) throw validationError(lang(ctx), 'error.invalidRequest', issues);
    try {
      ctx.body = { data: await service(strapi, 'moderation').decide(String(ctx.params.id), action, value.comment, value.revision, ctx.state.user) };
    } catch (error) {
      refuse(error, lang(ctx));
    }
  };

  return {
    async queue(ctx: any) {
      const { value, issues } = checkQueueQuery(ctx.query ?? {});
      if (issues.length) throw validationError(lang(ctx), 'error.invalidQuery', issues);
      ctx.body = await service(strapi, 'moderation').queue(value);
    },

    async findOne(ctx: any) {
      try {
        ctx.body = { data: await service(strapi, 'moderation').findOne(String(ctx.params.id)) };
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    /** A submission's file, for editors only: the same safe headers as every attachment. */
    async attachment(ctx: any) {
      try {
        const submission = await strapi.db.query(UIDS.submission).findOne({ where: { documentId: String(ctx.params.id) }, select: ['attachments'] });
        const file = ((submission?.attachments ?? []) as Attachment[]).find((f) => f.id === ctx.params.file);
        if (!file || !(await service(strapi, 'attachments').send(ctx, file))) throw new SubmissionNotFound();
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    accept: decide('accept'),
    requestChanges: decide('request-changes'),
    reject: decide('reject'),

    async invite(ctx: any) {
      const { value, issues } = checkInvitation((ctx.request.body ?? {}) as Record<string, unknown>);
      if (issues.length) throw validationError(lang(ctx), 'error.invalidRequest', issues);
      try {
        ctx.status = 201;
        ctx.body = { data: await service(strapi, 'contributors').invite(value, ctx.state.user.id) };
      } catch (error) {
        refuse(error, lang(ctx));
      }
    },

    async organisations(ctx: any) {
      ctx.body = { data: await service(strapi, 'moderation').organisations() };
    },
  };
};
