import type { Core } from '@strapi/strapi';
import { service } from '../services/get-service';
import { errors } from '../strapi-errors';
import { callerLocale, translate } from '../translations';

/** Lets through a signed-in users-permissions user who has a contributor profile, and remembers it. */
export default async (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const user = policyContext.state?.user;
  const profile = user ? await service(strapi, 'contributors').profile(user.id) : null;
  if (!profile) {
    const lang = callerLocale(policyContext.query ?? {}, policyContext.request?.headers?.['accept-language']);
    throw new errors.PolicyError(translate(lang, 'error.notContributor'));
  }
  policyContext.state.contributor = profile;
  return true;
};
