import type { Core } from '@strapi/strapi';
import { recordUploads } from './multipart-guard';

type MiddlewareEntry = string | { name?: string; resolve?: string; config?: unknown };
// What Strapi uses when the app has no config/middlewares.
const STRAPI_DEFAULTS = ['logger', 'errors', 'security', 'cors', 'poweredBy', 'session', 'query', 'body', 'favicon', 'public'].map((name) => `strapi::${name}`);
const nameOf = (entry: MiddlewareEntry) => (typeof entry === 'string' ? entry : entry.name);

/**
 * The plugin's application-wide middlewares go just before Strapi's body parser, so they see a
 * request before any of its bytes are read. Runs at register, before Strapi builds its middlewares.
 */
export function useGlobalMiddlewares(strapi: Core.Strapi): void {
  const configured = strapi.config.get('middlewares') as MiddlewareEntry[] | undefined;
  const middlewares = Array.isArray(configured) ? configured : STRAPI_DEFAULTS;
  const ours = ['plugin::knowledge-base.known-methods', 'plugin::knowledge-base.multipart-guard', 'plugin::knowledge-base.upload-headers', 'plugin::knowledge-base.body-errors'];
  const after = ['plugin::knowledge-base.body-read'];
  const rest = middlewares.filter((entry) => ![...ours, ...after].includes(nameOf(entry) ?? ''));
  const body = rest.findIndex((entry) => nameOf(entry) === 'strapi::body');
  if (body < 0) throw new Error('knowledge-base plugin: the app has no "strapi::body" in config/middlewares; the plugin guards uploads before it');
  strapi.config.set('middlewares', [...rest.slice(0, body), ...ours, withRecordedUploads(rest[body]), ...after, ...rest.slice(body + 1)]);
}

/** Strapi's body parser, telling the guard where it writes each file (keeping any hook the app set). */
function withRecordedUploads(entry: MiddlewareEntry): MiddlewareEntry {
  const { config = {}, ...rest } = typeof entry === 'string' ? { name: entry } : entry;
  const formidable = ((config as Record<string, any>).formidable ?? {}) as Record<string, unknown>;
  const own = formidable.onFileBegin as ((...args: unknown[]) => unknown) | undefined;
  const onFileBegin = own
    ? function (this: unknown, field: string, file: { filepath: string }) {
        recordUploads.call(this as { headers?: object }, field, file);
        return own.call(this, field, file);
      }
    : recordUploads;
  // The raw form body too, so the plugin can name a field the form parser drops (middlewares/body-errors.ts).
  return { ...rest, config: { ...(config as object), includeUnparsed: true, formidable: { ...formidable, onFileBegin } } };
}
