import type { Core } from '@strapi/strapi';
import { service } from '../services/get-service';
import { openApiDocument } from '../shared/openapi';

/** The public API's OpenAPI document, with this CMS as its server. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = openApiDocument(service(strapi, 'alerts').publicApiUrl());
  },
});
