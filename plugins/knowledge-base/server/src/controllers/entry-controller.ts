import type { Core } from '@strapi/strapi';
import { errors } from '../strapi-errors';
import { service } from '../services/get-service';
import { KB_TYPES, type KbType } from '../shared/content-types';
import { callerLocale, translate } from '../translations';
import { quoted, validationError } from '../validation/issues';
import { parseListQuery, parseOneQuery } from '../validation/query';

/** JSON as it goes out: kept serialized in the answer cache, so a cached answer costs no work. */
const serialized = (value: unknown) => Buffer.from(JSON.stringify(value));

/**
 * Public read actions of one collection: parse and validate, ask the service (or the answer
 * cache, which keeps answers between publishes), answer.
 */
export const entryController = (type: KbType) => ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = () => service(strapi, 'entries');
  const cache = () => service(strapi, 'answer-cache');

  return {
    async find(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const { value, issues } = parseListQuery(type, ctx.query);
      if (issues.length) throw validationError(lang, 'error.invalidQuery', issues);
      ctx.type = 'application/json';
      ctx.body = await cache().get(`${type} list ${JSON.stringify(value)}`, async () => serialized(await entries().find(type, value)));
    },

    async findOne(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const { value, issues } = parseOneQuery(ctx.query);
      if (issues.length) throw validationError(lang, 'error.invalidQuery', issues);
      const slug = String(ctx.params.slug);
      const answer = await cache().get(`${type} one ${value.locale} ${slug}`, async () => {
        const entry = await entries().findOne(type, slug, value.locale);
        return entry ? serialized({ data: entry, meta: { locale: value.locale } }) : null;
      });
      if (!answer) {
        throw new errors.NotFoundError(translate(lang, 'error.notFound', { type: KB_TYPES[type].path, slug: quoted(slug) }));
      }
      ctx.type = 'application/json';
      ctx.body = answer;
    },
  };
};
