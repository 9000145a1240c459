import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { KB_TYPES, type KbType } from '../shared/content-types';
import { callerLocale, translate } from '../translations';
import { validationError } from '../validation/issues';
import { parseListQuery, parseOneQuery } from '../validation/query';

/** Public read actions of one collection: parse and validate, ask the service, answer. */
export const entryController = (type: KbType) => ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = () => strapi.plugin('knowledge-base').service('entries');

  return {
    async find(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const { value, issues } = parseListQuery(type, ctx.query);
      if (issues.length) throw validationError(lang, 'error.invalidQuery', issues);
      ctx.body = await entries().find(type, value);
    },

    async findOne(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const { value, issues } = parseOneQuery(ctx.query);
      if (issues.length) throw validationError(lang, 'error.invalidQuery', issues);
      const entry = await entries().findOne(type, String(ctx.params.slug), value.locale);
      if (!entry) {
        throw new errors.NotFoundError(translate(lang, 'error.notFound', { type: KB_TYPES[type].path, slug: ctx.params.slug }));
      }
      ctx.body = { data: entry, meta: { locale: value.locale } };
    },
  };
};
