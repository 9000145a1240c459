/**
 * The zod pieces the validators share. A schema names its problem with a message key as the
 * issue's message (`issuesFrom` turns it into the translated field message); values a message
 * quotes are quoted with `quoted`, which never walks them.
 */

import { z } from 'zod';
import type { MessageKey } from '../translations';
import { oversizedFields } from './bounds';
import { issuesFrom, quoted, type Issue, type Path } from './issues';

const owns = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds a problem with its message key and the values the message needs. */
export const refuse = (ctx: z.RefinementCtx, key: MessageKey, params?: Record<string, unknown>, path?: Path) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: key, ...(params ? { params } : {}), ...(path ? { path } : {}) });

/** The first unknown keys named, not all: a body of 100,000 keys gets a short answer. */
const MAX_UNKNOWN_NAMED = 20;

/**
 * An object with exactly these keys: any other is refused, named, before the fields are checked.
 * Only own keys count and only the shape's own keys are known, so `constructor`, `toString` or
 * `__proto__` are unknown keys like any other; the parsed value is a fresh object of known keys.
 */
export const strictObject = <T extends z.ZodRawShape>(
  shape: T,
  {
    unknown = 'error.unknownField',
    params = (name) => ({ name }),
    malformed = 'error.malformed',
  }: { unknown?: MessageKey; params?: (name: string) => Record<string, unknown>; malformed?: MessageKey } = {},
) =>
  z.preprocess((value, ctx) => {
    if (isRecord(value)) {
      const extra = Object.keys(value).filter((name) => !owns(shape, name));
      for (const name of extra.slice(0, MAX_UNKNOWN_NAMED)) refuse(ctx, unknown, params(quoted(name)), [quoted(name)]);
    }
    return value;
  }, z.object(shape, { message: malformed }));

/** Text of at most `max` characters, trimmed. */
export const text = (max: number) => z.string({ message: 'error.notText' }).trim().max(max, 'error.tooLong');

/** A whole number from `min` to `max`, every problem said with `key` when given. */
export const integer = (min: number, max: number, key?: MessageKey) =>
  z.number({ message: key ?? 'error.notInteger' }).int(key ?? 'error.notInteger').min(min, key).max(max, key);

/** One of `allowed`, else `key` quoting the value and listing what is allowed. */
export const oneOf = <T extends string>(allowed: readonly T[], key: MessageKey = 'error.invalidValue') =>
  z.any().transform((value, ctx): T => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    if (value === undefined) refuse(ctx, 'error.required');
    else refuse(ctx, key, { value: quoted(value), allowed: allowed.join(', ') });
    return z.NEVER;
  });

/** Text matching `pattern`, else `key` quoting the value, with `allowed` saying what would do. */
export const matching = (pattern: RegExp, key: MessageKey, allowed?: string) =>
  z.any().transform((value, ctx): string => {
    if (typeof value === 'string' && pattern.test(value)) return value;
    if (value === undefined) refuse(ctx, 'error.required');
    else refuse(ctx, key, allowed === undefined ? undefined : { value: quoted(value), allowed });
    return z.NEVER;
  });

/** `''` as if absent: forms send empty fields. */
export const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);

/** A contributor's password, chosen at an invitation or a reset: 10 to 128 characters with a letter and a digit, within the 72 bytes users-permissions hashes. */
export const password = z.preprocess(
  blankAsAbsent,
  z.string({ message: 'error.password' }).superRefine((value, ctx) => {
    if (value.length < 10 || value.length > 128 || !/[A-Za-z]/.test(value) || !/\d/.test(value)) refuse(ctx, 'error.password');
    else if (Buffer.byteLength(value) > 72) refuse(ctx, 'error.passwordBytes');
  }),
);

/**
 * Parses a request body (or `data` of one) with `schema`: fields too deep or too large are refused
 * before the schema sees them. Problems are placed under `base`.
 */
export function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown, base: Path = []): { data?: z.output<S>; issues: Issue[] } {
  const oversized = oversizedFields(body, base);
  if (oversized.length) return { issues: oversized };
  const result = schema.safeParse(body);
  return result.success ? { data: result.data, issues: [] } : { issues: issuesFrom(result.error, base) };
}
