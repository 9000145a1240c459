import type { Core } from '@strapi/strapi';

const KNOWN = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Methods no route of Strapi's takes (TRACE, PROPFIND…) get 405, a client's error, instead of the router's 501. */
export default (_config: unknown, { strapi: _strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    if (KNOWN.includes(ctx.method)) return next();
    ctx.set('Allow', KNOWN.join(', '));
    ctx.status = 405;
  };
