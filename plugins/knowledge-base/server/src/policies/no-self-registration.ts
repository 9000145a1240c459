import { errors } from '../strapi-errors';
import { callerLocale, translate } from '../translations';

/** Put on users-permissions' register route: contributor accounts come from invitations only. */
export default (policyContext: any) => {
  const lang = callerLocale(policyContext.query ?? {}, policyContext.request?.headers?.['accept-language']);
  throw new errors.PolicyError(translate(lang, 'error.selfRegistration'));
};

/** users-permissions' self-service routes that invitation-only accounts do without, and the policy that closes each. */
const CLOSED_ROUTES = new Map([
  ['/auth/local/register', 'plugin::knowledge-base.no-self-registration'],
  ['/auth/send-email-confirmation', 'plugin::knowledge-base.no-email-confirmation'],
]);

/** Closes users-permissions' sign-up and confirmation e-mails (at register, before routes mount): accounts come from invitations. */
export const closeSelfRegistration = (strapi: { plugin: (name: string) => any }) => {
  const routes = strapi.plugin('users-permissions')?.routes?.['content-api']?.routes as { method: string; path: string; config?: { policies?: unknown[] } }[] | undefined;
  for (const route of routes ?? []) {
    const policy = route.method === 'POST' ? CLOSED_ROUTES.get(route.path) : undefined;
    if (policy) route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
  }
};
