import { rm } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { callerLocale, translate } from '../translations';
import { DEFERRED } from './multipart';

const MULTIPART_MIDDLEWARE = 'plugin::knowledge-base.multipart';

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } };

/** The temporary files Strapi's body parser writes, by request (its headers: all formidable keeps of it). */
const written = new WeakMap<object, string[]>();
/** formidable's `onFileBegin` (`this` is the form): notes where each file is written, even one whose parsing then fails. */
export function recordUploads(this: { headers?: object } | undefined, _field: string, file: { filepath: string }) {
  if (this?.headers) written.get(this.headers)?.push(file.filepath);
}
const pattern = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[A-Za-z]+/g, '/[^/]+')}/?$`);

/**
 * Runs before Strapi's body parser, which would write every multipart file to disk before any
 * route or user is known. Multipart is refused (415, unread) except:
 * - on the plugin's routes that take files (those with the `multipart` route middleware), where
 *   the parser is skipped and the route reads the files itself once its policies passed;
 * - on the upload and project-settings routes of the admin and the upload plugin, for requests
 *   whose token is valid, whose files are removed when the request ends, whatever happened.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const apiPrefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const adminPath = String(strapi.config.get('admin.path', '/admin')).replace(/\/$/, '');
  const routes = (strapi.plugin('knowledge-base').routes as Record<string, { routes: Route[] }>)['content-api'].routes;
  const deferred = routes
    .filter((route) => route.config?.middlewares?.includes(MULTIPART_MIDDLEWARE))
    .map((route) => ({ method: route.method, path: pattern(`${apiPrefix}/knowledge-base${route.path}`) }));
  // Where files are taken from signed-in users only, and how each kind of token is checked.
  const admin = (token: string) => Boolean(strapi.sessionManager?.('admin').validateAccessToken(token).isValid);
  const contentApi = async (token: string) => {
    const jwt = await strapi.plugin('users-permissions')?.service('jwt').verify(token).then(() => true, () => false);
    const tokens = strapi.service('admin::api-token-content-api') as { hash: (t: string) => string; getByAccessKey: (k: string) => Promise<unknown> } | undefined;
    return jwt || Boolean(tokens && (await tokens.getByAccessKey(tokens.hash(token))));
  };
  const withCredentials: [string, (token: string) => boolean | Promise<boolean>][] = [
    [`${apiPrefix}/upload`, contentApi],
    ['/upload', admin],
    [`${adminPath}/project-settings`, admin],
  ];

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!ctx.is('multipart')) return next();
    if (deferred.some((route) => route.method === ctx.method && route.path.test(ctx.path))) {
      // Hidden from Strapi's parser (it only reads the types it knows); the route reads it.
      ctx.state[DEFERRED] = ctx.get('content-type');
      ctx.request.headers['content-type'] = 'application/x-kb-deferred-multipart';
      return next();
    }
    const verify = withCredentials.find(([prefix]) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))?.[1];
    const token = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    const allowed = Boolean(verify);
    // The token is checked before a byte is read: a made-up one writes nothing to the disk.
    if (!verify || !token || !(await verify(token))) {
      const lang = callerLocale(ctx.query ?? {}, ctx.get('accept-language'));
      const message = translate(lang, allowed ? 'error.uploadNeedsLogin' : 'error.multipartNotAccepted');
      ctx.throw(allowed ? 401 : 415, message, { details: { errors: [{ path: [], message, name: 'ValidationError' }] } });
    }
    // Strapi's parser removes only the `files` field, only when nothing threw, and without waiting.
    const files: string[] = [];
    written.set(ctx.req.headers, files);
    try {
      return await next();
    } finally {
      await Promise.all(files.map((file) => rm(file, { force: true })));
    }
  };
};
