import type { Core } from '@strapi/strapi';
import { service } from '../services/get-service';

/** Editors' dashboard: how much of each collection is published and drafted, per language. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: await service(strapi, 'overview').counts() };
  },
});
