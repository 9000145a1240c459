/** A copy of the plugin's OpenAPI document, published with the guide; its server is the CMS the guide reads. */
import type { APIRoute } from 'astro';
import { openApiDocument } from '@aimf/strapi-plugin-knowledge-base/shared';
import { publicApiUrl } from '../utils/public-api';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(openApiDocument(publicApiUrl() ?? 'http://localhost:1337'), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
