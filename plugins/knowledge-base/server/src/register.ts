import type { Core } from '@strapi/strapi';
import { KB_TYPES } from './shared/content-types';
import { callerLocale } from './translations';
import { checkEntryFields } from './validation/entry';
import { validationError } from './validation/issues';
import { closeSelfRegistration } from './policies/no-self-registration';
import { service } from './services/get-service';
import { answerPasswordResets } from './services/password-reset';
import { useGlobalMiddlewares } from './middlewares/global';

const KB_UIDS: string[] = Object.values(KB_TYPES).map((t) => t.uid);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Contributor accounts come from editors' invitations only; a forgotten password is reset on the site, in the contributor's language.
  closeSelfRegistration(strapi);
  answerPasswordResets(strapi);
  // Uploads are refused before the body parser unless a route takes them (see middlewares/).
  useGlobalMiddlewares(strapi);

  // Every write to a knowledge-base document, from the admin, the API or the importer, is checked here.
  strapi.documents.use(async (context, next) => {
    if (KB_UIDS.includes(context.uid) && ['create', 'update'].includes(context.action)) {
      const data = (context.params as { data?: Record<string, unknown> }).data ?? {};
      const issues = checkEntryFields(data);
      if (issues.length) {
        const request = strapi.requestContext.get()?.request;
        const lang = callerLocale({}, request?.headers?.['accept-language'] as string | undefined);
        throw validationError(lang, 'error.invalidEntry', issues.map((i) => ({ ...i, path: ['data', ...i.path] })));
      }
    }
    return next();
  });

  // What the public sees changes only on these: each empties the public API's answer cache and asks
  // for a site rebuild (debounced).
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (KB_UIDS.includes(context.uid) && ['publish', 'unpublish', 'delete'].includes(context.action)) {
      service(strapi, 'answer-cache').clear();
      service(strapi, 'site-builds').request(`${context.action} ${context.uid.split('.').pop()}`);
    }
    return result;
  });
};
