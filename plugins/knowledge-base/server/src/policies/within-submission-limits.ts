import type { Core } from '@strapi/strapi';
import { service } from '../services/get-service';
import { errors } from '../strapi-errors';
import { callerLocale, translate } from '../translations';

/**
 * Counts a contributor's write against the per-user and per-IP limits, after `is-contributor` and
 * before the body is read: a contributor over the limit sends no more bytes to the disk.
 */
export default (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const wait = service(strapi, 'submission-limits').hit(policyContext.state.contributor.userId, policyContext.request.ip);
  if (!wait) return true;
  const lang = callerLocale(policyContext.query ?? {}, policyContext.request?.headers?.['accept-language']);
  policyContext.response.set('Retry-After', String(wait));
  throw new errors.RateLimitError(translate(lang, 'error.rateLimited', { seconds: wait }), { retryAfter: wait });
};
