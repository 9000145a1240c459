import { errors } from '@strapi/utils';
import { translate, type MessageKey } from '../translations';
import type { Locale } from '../shared/locales';

/** One field-level problem: where, what, and the values its message needs. */
export interface Issue {
  path: (string | number)[];
  key: MessageKey;
  params?: Record<string, unknown>;
}

/** A 400 whose details list every field's problem in the caller's language. */
export const validationError = (locale: Locale, summaryKey: MessageKey, issues: Issue[]) =>
  new errors.ValidationError(translate(locale, summaryKey), {
    errors: issues.map((issue) => ({
      path: issue.path,
      message: translate(locale, issue.key, issue.params),
      name: 'ValidationError',
    })),
  });
