// A body Strapi's parser cannot read gets a field-level 400 or 413 in the caller's language, not the parser's English.
import { callerLocale, translate } from '../translations';

const BODY_READ = Symbol('knowledge-base: body read');

const UNPARSED = Symbol.for('unparsedBody');
// Names the query and form parser (qs) drops without a word: the plugin's strict checks never see them.
const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
/** Every name in a query string or form body, bracketed parts included (`a[b][c]` → a, b, c). */
const namesIn = (raw: string): string[] =>
  raw.split('&').flatMap((pair) => {
    let key = pair.split('=')[0].replace(/\+/g, ' ');
    try {
      key = decodeURIComponent(key);
    } catch {
      // Left as written: the parser reads it the same way.
    }
    return key.split(/[[\].]+/).filter(Boolean);
  });

const answer = (ctx: any, status: number, path: string[], message: string) =>
  ctx.throw(status, message, { details: { errors: [{ path, message, name: 'ValidationError' }] } });

/**
 * Put right after Strapi's body parser: from here on, an error is not the parser's. On the plugin's
 * routes it also refuses what the parser would drop unseen: parameters named like Object.prototype's
 * members, and a write whose body is of a type nothing reads.
 */
export const bodyRead = (_config: unknown, { strapi }: { strapi: { config: { get: (key: string, fallback?: unknown) => unknown } } }) => {
  // The plugin's public routes, and its admin routes.
  const prefixes = [`${String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '')}/knowledge-base/`, '/knowledge-base/'];
  return async (ctx: any, next: () => Promise<unknown>) => {
    ctx.state[BODY_READ] = true;
    if (!prefixes.some((prefix) => ctx.path.startsWith(prefix))) return next();
    // A form post says its language in its own fields.
    const lang = () => callerLocale({ locale: ctx.query?.locale ?? (ctx.is('urlencoded') ? ctx.request.body?.locale : undefined) }, ctx.get('accept-language'));
    const name = namesIn(ctx.querystring ?? '').find((part) => PROTOTYPE_NAMES.has(part));
    if (name) answer(ctx, 400, [name], translate(lang(), 'error.unknownParameter', { name }));
    const form = ctx.is('urlencoded') ? ctx.request.body?.[UNPARSED] : undefined;
    if (typeof form === 'string' && ctx.request.body && typeof ctx.request.body === 'object') {
      // Handed back to the route as an own field, so its strict check names it, in the page it answers with.
      for (const pair of form.split('&')) {
        const raw = pair.split('=')[0];
        if (!namesIn(raw).some((part) => PROTOTYPE_NAMES.has(part))) continue;
        let key = raw.replace(/\+/g, ' ');
        try {
          key = decodeURIComponent(key);
        } catch {
          // As written.
        }
        Object.defineProperty(ctx.request.body, key, { value: '', enumerable: true, configurable: true, writable: true });
      }
    }
    const hasBody = Number(ctx.get('content-length') || 0) > 0 || Boolean(ctx.get('transfer-encoding'));
    if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && hasBody && !ctx.is('json', '+json', 'urlencoded', 'text', 'application/x-kb-deferred-multipart')) {
      answer(ctx, 415, [], translate(lang(), 'error.unreadableBody'));
    }
    return next();
  };
};

const megabytes = (bytes: unknown) => (typeof bytes === 'number' && bytes > 0 ? Math.round((bytes / 2 ** 20) * 100) / 100 : 1);

/**
 * Put right before Strapi's body parser. JSON that does not parse, a `__proto__` key, a body in
 * another encoding or over the parser's limits all stop there, before any route: answered here.
 */
export default () =>
  async (ctx: any, next: () => Promise<unknown>) => {
    try {
      return await next();
    } catch (error) {
      const status = (error as { status?: unknown })?.status;
      if (ctx.state[BODY_READ] || typeof status !== 'number' || status < 400 || status >= 500) throw error;
      const lang = callerLocale(ctx.query ?? {}, ctx.get('accept-language'));
      const tooLarge = status === 413;
      // The parser refuses a `__proto__` key anywhere, before the plugin could say where: named at the top.
      const proto = /prototype/i.test(String((error as Error).message));
      const message = tooLarge
        ? translate(lang, 'error.bodyTooLarge', { max: megabytes((error as { limit?: unknown }).limit) })
        : proto
          ? translate(lang, 'error.unknownParameter', { name: '__proto__' })
          : translate(lang, 'error.unreadableBody');
      ctx.throw(tooLarge ? 413 : 400, message, { details: { errors: [{ path: proto ? ['__proto__'] : [], message, name: 'ValidationError' }] } });
    }
  };
