import type { Core } from '@strapi/strapi';
import { KB_TYPES } from './shared/content-types';
import { callerLocale } from './translations';
import { checkEntryFields } from './validation/entry';
import { validationError } from './validation/issues';

const KB_UIDS: string[] = Object.values(KB_TYPES).map((t) => t.uid);

export default ({ strapi }: { strapi: Core.Strapi }) => {
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
};
