import { errors } from '@strapi/utils';
import { callerLocale, translate } from '../translations';

/** Put on users-permissions' register route: contributor accounts come from invitations only. */
export default (policyContext: any) => {
  const lang = callerLocale(policyContext.query ?? {}, policyContext.request?.headers?.['accept-language']);
  throw new errors.PolicyError(translate(lang, 'error.selfRegistration'));
};

/** Puts this policy on users-permissions' `POST /auth/local/register` (at register, before routes mount). */
export const closeSelfRegistration = (strapi: { plugin: (name: string) => any }) => {
  const routes = strapi.plugin('users-permissions')?.routes?.['content-api']?.routes as { path: string; config?: { policies?: unknown[] } }[] | undefined;
  const register = routes?.find((route) => route.path === '/auth/local/register');
  if (!register) return;
  register.config = { ...register.config, policies: [...(register.config?.policies ?? []), 'plugin::knowledge-base.no-self-registration'] };
};
