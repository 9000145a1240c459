import type { Core } from '@strapi/strapi';
import { openApiDocument } from '../shared/openapi';

/** The public API's OpenAPI document, with this CMS as its server. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = openApiDocument(strapi.plugin('knowledge-base').service('alerts').publicApiUrl());
  },
});
