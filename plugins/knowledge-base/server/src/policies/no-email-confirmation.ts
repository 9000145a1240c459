import { errors } from '../strapi-errors';
import { callerLocale, translate } from '../translations';

/**
 * Put on users-permissions' `POST /auth/send-email-confirmation`: an invitation confirms the account
 * it creates, so there is nothing to send; and one answer for every address tells nobody which exist.
 */
export default (policyContext: any) => {
  const lang = callerLocale(policyContext.query ?? {}, policyContext.request?.headers?.['accept-language']);
  throw new errors.PolicyError(translate(lang, 'error.emailConfirmation'));
};
