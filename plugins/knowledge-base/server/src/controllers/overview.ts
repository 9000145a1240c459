import type { Core } from '@strapi/strapi';

/** Editors' dashboard: how much of each collection is published and drafted, per language. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: await strapi.plugin('knowledge-base').service('overview').counts() };
  },
});
