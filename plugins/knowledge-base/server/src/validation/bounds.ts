import type { Issue, Path } from './issues';

/**
 * How deep and how large one field of a request may be: far above what any form sends, far below
 * what costs the server (a value nested 5,000 deep overflows the stack of whatever turns it into text).
 */
export const FIELD_LIMITS = { depth: 8, values: 5_000, chars: 500_000 };

/** Whether `value` nests deeper, or holds more values or text, than `limits`: walked without recursion, stopping early. */
export function exceedsLimits(value: unknown, limits = FIELD_LIMITS): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  let values = 0;
  let chars = 0;
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    values++;
    if (typeof current === 'string') chars += current.length;
    if (chars > limits.chars) return true;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limits.depth) return true;
    const keys = Array.isArray(current) ? null : Object.keys(current);
    const size = keys ? keys.length : (current as unknown[]).length;
    if (values + pending.length + size > limits.values) return true;
    if (keys) {
      for (const key of keys) {
        chars += key.length;
        pending.push([(current as Record<string, unknown>)[key], depth + 1]);
      }
    } else for (const item of current as unknown[]) pending.push([item, depth + 1]);
  }
  return false;
}

/**
 * The fields of `body` too deep or too large to be read at all, each named under `path`. Checked
 * before any schema, so no later step (a message quoting the value, a log line) walks them.
 */
export function oversizedFields(body: unknown, path: Path = [], limits = FIELD_LIMITS): Issue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const names = Object.keys(body);
  if (names.length > limits.values) return [{ path, key: 'error.tooComplex' }];
  return names.filter((name) => exceedsLimits((body as Record<string, unknown>)[name], limits)).map((name) => ({ path: [...path, name], key: 'error.tooComplex' }));
}
