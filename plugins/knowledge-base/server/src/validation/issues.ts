import { errors } from '../strapi-errors';
import type { ZodError, ZodIssue } from 'zod';
import en from '../translations/en.json';
import { translate, type MessageKey } from '../translations';
import type { Locale } from '../shared/locales';

export type Path = (string | number)[];

/** One field-level problem: where, what, and the values its message needs. */
export interface Issue {
  path: Path;
  key: MessageKey;
  params?: Record<string, unknown>;
}

/** More problems than anyone reads: a hostile request could otherwise ask for a megabyte of messages. */
const MAX_ISSUES = 50;

/** Every field's problem in the caller's language, as a 400's details list them. */
export const fieldErrors = (locale: Locale, issues: Issue[]) =>
  issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path,
    message: translate(locale, issue.key, issue.params),
    name: 'ValidationError',
  }));

/** A 400 whose details list every field's problem in the caller's language. */
export const validationError = (locale: Locale, summaryKey: MessageKey, issues: Issue[]) =>
  new errors.ValidationError(translate(locale, summaryKey), { errors: fieldErrors(locale, issues) });

/** A caller's value as a message quotes it: text cut short, anything else named by its kind, never walked. */
export const quoted = (value: unknown): string => {
  if (typeof value === 'string') return value.length > 100 ? `${value.slice(0, 100)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : typeof value;
};

const isMessageKey = (message: string): message is MessageKey => Object.prototype.hasOwnProperty.call(en, message);

/** What a message needs of a zod issue; schemas give their message key as the issue's message. */
const fromZodIssue = (issue: ZodIssue): Omit<Issue, 'path'> => {
  const given = isMessageKey(issue.message) ? issue.message : undefined;
  switch (issue.code) {
    case 'custom':
      return { key: given ?? 'error.malformed', params: issue.params };
    case 'invalid_type':
      if (issue.received === 'undefined') return { key: 'error.required' };
      return { key: given ?? ({ string: 'error.notText', number: 'error.notNumber', integer: 'error.notInteger', array: 'error.notList' } as Record<string, MessageKey>)[issue.expected] ?? 'error.malformed' };
    case 'too_big':
      return { key: given ?? (issue.type === 'number' ? 'error.tooLarge' : 'error.tooLong'), params: { max: Number(issue.maximum) } };
    case 'too_small':
      return { key: given ?? (issue.type === 'string' ? 'error.required' : 'error.tooSmall'), params: { min: Number(issue.minimum) } };
    case 'not_multiple_of':
      return { key: given ?? 'error.notInteger' };
    case 'invalid_enum_value':
      return { key: given ?? 'error.invalidValue', params: { value: quoted(issue.received), allowed: issue.options.join(', ') } };
    default:
      return { key: given ?? 'error.malformed' };
  }
};

/** What the message of `issue` will say: two issues saying the same thing of the same field are one. */
const said = (issue: Issue) => {
  const shown = [...en[issue.key].matchAll(/\{(\w+)\}/g)].map((m) => issue.params?.[m[1]]);
  return JSON.stringify([issue.path, issue.key, shown]);
};

/** The issues of a failed zod parse as field-level problems, under `base`, each said once. */
export function issuesFrom(error: ZodError, base: Path = []): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const zodIssue of error.issues) {
    const issue = { path: [...base, ...zodIssue.path], ...fromZodIssue(zodIssue) };
    const id = said(issue);
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push(issue.params ? issue : { path: issue.path, key: issue.key });
  }
  return issues;
}

/** A 409: what the caller acted on changed meanwhile (Strapi's errors have no conflict; Koa formats an exposed HTTP error). */
export const conflictError = (message: string) => Object.assign(new Error(message), { status: 409, statusCode: 409, expose: true, name: 'ConflictError' });
