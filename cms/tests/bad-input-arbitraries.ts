/**
 * Generated request bodies and queries for the bad-input corpus (fast-check). A field is described
 * once (from the plugin's zod schema where it is exported, else declared beside the schema it
 * mirrors); from that come valid values, and mutations that no schema of that field accepts, each
 * naming the path it breaks: a field dropped, an unknown or prototype key added, a value of
 * another type, too long, too many, nested too deep, a number past its bounds.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export type Path = (string | number)[];
export type Kind = 'text' | 'number' | 'list' | 'choice' | 'object';

export interface Field {
  kind: Kind;
  valid: fc.Arbitrary<unknown>;
  /** Absent is refused. */
  required: boolean;
  /** null is accepted. */
  nullable: boolean;
  /** Characters (text), items (list), value (number). */
  max?: number;
  min?: number;
  integer?: boolean;
  allowed?: readonly string[];
  item?: Field;
  shape?: Record<string, Field>;
  /** A list that also takes one comma-separated text (form posts, queries). */
  splits?: boolean;
  /** The field's own zod schema, when known: a generated wrong value is one it refuses. */
  schema?: z.ZodTypeAny;
}

type Options = Partial<Omit<Field, 'kind'>>;

/** Text as forms send it: Latin, Arabic, CJK, emoji, bidi and combining marks, markup characters. */
const CHARS = ['a', 'k', 'z', 'Q', '7', 'é', 'É', 'ç', 'ß', 'ع', 'ب', 'ة', 'ً', '中', '😀', '👩🏽‍🔬', '\u200f', '\u0301', '-', ' ', "'", '"', '<', '>', '&', '/', '\\', '%'];
const words = (max: number, min = 1) =>
  fc.string({ unit: fc.constantFrom(...CHARS), minLength: Math.min(min, max), maxLength: Math.min(max, 24) }).filter((s) => s.length <= max && s.trim().length >= min);

export const text = (max: number, o: Options = {}): Field => ({ kind: 'text', valid: words(max), required: false, nullable: false, max, ...o });
export const number = (min: number | undefined, max: number | undefined, o: Options = {}): Field => ({
  kind: 'number',
  valid: o.integer === false ? fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true }) : fc.integer({ min: min ?? -1e6, max: max ?? 1e6 }),
  required: false, nullable: false, min, max, integer: true, ...o,
});
export const choice = (allowed: readonly string[], o: Options = {}): Field => ({ kind: 'choice', valid: fc.constantFrom(...allowed), required: false, nullable: false, allowed, ...o });
export const list = (item: Field, max: number, o: Options = {}): Field => ({
  kind: 'list', valid: fc.array(item.valid, { maxLength: Math.min(max, 3) }), required: false, nullable: false, item, max, ...o,
});
export const object = (shape: Record<string, Field>, o: Options = {}): Field => ({
  kind: 'object',
  valid: fc.record(Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, f.valid])), {
    requiredKeys: Object.keys(shape).filter((k) => shape[k].required),
    noNullPrototype: true,
  }),
  required: false,
  nullable: false,
  shape,
  ...o,
});

/** What this file reads of a zod (v3) schema's definition. */
interface Definition {
  typeName: string;
  innerType: z.ZodTypeAny;
  schema: z.ZodTypeAny;
  in: z.ZodTypeAny;
  out: z.ZodTypeAny;
  type: z.ZodTypeAny;
  maxLength?: { value: number };
  checks?: { kind: string; value?: number; regex?: RegExp }[];
}
const def = (schema: z.ZodTypeAny) => schema._def as Definition;
const typeName = (schema: z.ZodTypeAny) => def(schema).typeName;
const check = (schema: z.ZodTypeAny, kind: string) => (def(schema).checks ?? []).find((c) => c.kind === kind);

/**
 * A field described from its zod schema: wrappers, preprocessing and pipes looked through, bounds read
 * from its checks. A value the schema hides (an `any` with a transform) is read from what the schema
 * itself says it allows; else `hints` (by field name, `name[]` for a list's items) must describe it.
 */
export function fromZod(schema: z.ZodTypeAny, hints: Record<string, Field> = {}, name = ''): Field {
  const presence = { required: !schema.safeParse(undefined).success, nullable: schema.safeParse(null).success, schema };
  if (hints[name]) return { ...hints[name], ...presence };
  let inner = schema;
  let minChars = 0;
  for (;;) {
    const type = typeName(inner);
    if (type === 'ZodOptional' || type === 'ZodNullable' || type === 'ZodDefault') inner = def(inner).innerType;
    else if (type === 'ZodEffects') inner = def(inner).schema;
    else if (type === 'ZodPipeline') {
      minChars = Math.max(minChars, check(def(inner).out, 'min')?.value ?? 0);
      inner = def(inner).in;
    } else break;
  }
  switch (typeName(inner)) {
    case 'ZodString': {
      const max = check(inner, 'max')?.value ?? 1000;
      const min = Math.max(minChars, check(inner, 'min')?.value ?? 0);
      const pattern = check(inner, 'regex')?.regex as RegExp | undefined;
      // fast-check reads no flags: without `i`, what it generates matches the case-insensitive pattern too.
      const valid = pattern ? fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', ''))).filter((s) => s.length <= max && s.trim().length >= min) : words(max, Math.max(min, 1));
      return { ...text(max, { valid }), ...presence };
    }
    case 'ZodNumber': {
      return { ...number(check(inner, 'min')?.value, check(inner, 'max')?.value, { integer: Boolean(check(inner, 'int')) }), ...presence };
    }
    case 'ZodArray':
      return { ...list(fromZod(def(inner).type, hints, `${name}[]`), def(inner).maxLength?.value ?? 1000), ...presence };
    case 'ZodObject': {
      const shape = (inner as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      return { ...object(Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, fromZod(s, hints, key)]))), ...presence };
    }
    default: {
      // oneOf(...) says what it allows in its own message: "a, b, c".
      const said = schema.safeParse('\u0000not one of them').error?.issues[0] as { params?: { allowed?: unknown } } | undefined;
      const allowed = typeof said?.params?.allowed === 'string' ? said.params.allowed.split(', ') : [];
      if (allowed.length && allowed.every((value) => schema.safeParse(value).success)) return { ...choice(allowed), ...presence };
      throw new Error(`cannot describe the field “${name}” from its schema (${typeName(inner)}): give a hint`);
    }
  }
}

/** Marks a value written into the JSON text as is: nesting 5,000 deep, numbers JSON.parse reads as Infinity. */
export class Raw {
  constructor(readonly json: string) {}
}

/** The JSON text of `value`, with its Raw parts written as they are. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => (v instanceof Raw ? `\u0000raw${raws.push(v.json) - 1}\u0000` : v)) ?? 'null';
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]);
}

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype'];
const keyName = fc.oneof(
  { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 2 },
  { arbitrary: fc.constantFrom('id', 'documentId', 'status', 'publishedAt', 'createdBy', 'role', 'isAdmin', '$where', 'data', 'files'), weight: 1 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...CHARS.filter((c) => c !== ' ')), minLength: 1, maxLength: 30 }), weight: 2 },
);

let huge: { text: string; list: Raw; deep: Raw } | undefined;
/** Past the plugin's bounds on any one field (500,000 characters, 5,000 values, 8 levels): built once. */
const hugeValues = () =>
  (huge ??= { text: 'x'.repeat(600_000), list: new Raw(`[${'0,'.repeat(6_000)}0]`), deep: new Raw(`${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`) });

const refusedBy = (field: Field) => (value: unknown) => !field.schema || !field.schema.safeParse(value).success;

/** Arbitraries made once per field: a mutation is drawn for every generated body. */
const memo = <T>(make: (field: Field) => T) => {
  const made = new WeakMap<Field, T>();
  return (field: Field): T => {
    if (!made.has(field)) made.set(field, make(field));
    return made.get(field)!;
  };
};

/** Values of another type than the field's, refused whatever its preprocessing does with blanks, lists or commas. */
export const wrongValue = memo((field: Field): fc.Arbitrary<unknown> => {
  const other = {
    boolean: fc.boolean(),
    integer: fc.integer(),
    fraction: fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
    text: words(40),
    digits: fc.integer({ min: 0, max: 3000 }).map(String),
    object: fc.oneof(fc.constant({}), fc.dictionary(keyName.filter((k) => k !== '__proto__'), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 2, noNullPrototype: true })),
    list: fc.oneof(fc.constant([]), fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })),
    nested: fc.constantFrom([[['x']]], [{ a: [1] }], { a: { b: { c: 'x' } } }),
  };
  const kinds: fc.Arbitrary<unknown>[] = [other.boolean, other.nested];
  if (field.kind !== 'number') kinds.push(other.integer, other.fraction);
  if (field.kind === 'number') {
    kinds.push(other.text, other.digits);
    if (field.integer) kinds.push(other.fraction.filter((x) => x >= (field.min ?? -Infinity) && x <= (field.max ?? Infinity)));
  }
  if (field.kind === 'choice') kinds.push(words(40).filter((s) => !field.allowed!.includes(s.trim()) && !s.includes(',')));
  if (field.kind === 'object') kinds.push(other.text);
  if (field.kind !== 'object') kinds.push(other.object);
  if (field.kind !== 'list') kinds.push(other.list);
  if (!field.nullable) kinds.push(fc.constant(null));
  return fc.oneof(...kinds).filter(refusedBy(field));
});

/** Values just past the field's bound: one character, item or unit too many (and far too many). */
export const oversizedValue = memo((field: Field): fc.Arbitrary<unknown> | undefined => {
  if (field.kind === 'text' && field.max !== undefined && field.max < 100_000)
    return fc.tuple(fc.constantFrom('x', 'é', 'ع', '😀', '\u200f'), fc.integer({ min: field.max + 1, max: field.max + 40 })).map(([c, n]) => c.repeat(n));
  if (field.kind === 'list' && field.max !== undefined && field.max < 1000)
    return fc.array(field.item!.valid, { minLength: field.max + 1, maxLength: field.max + 3 });
  if (field.kind === 'number')
    return fc.oneof(
      ...(field.max !== undefined && field.max < Number.MAX_SAFE_INTEGER ? [fc.integer({ min: field.max + 1, max: field.max + 1000 })] : []),
      ...(field.min !== undefined && field.min > -1e9 ? [fc.integer({ min: field.min - 1000, max: field.min - 1 })] : []),
      fc.constantFrom('1e400', '-1e400', '1e308', '123456789012345678901234567890', '0.5', '-0').map((raw) => new Raw(raw)),
    ).filter((value) => {
      const n = value instanceof Raw ? (JSON.parse(value.json) as number) : (value as number);
      return refusedBy(field)(n) && !(Number.isFinite(n) && (!field.integer || Number.isInteger(n)) && n >= (field.min ?? -Infinity) && n <= (field.max ?? Infinity));
    });
  return undefined;
});

/** A value nested deeper than any field may be: around a valid one, a few levels too deep or 5,000. */
const deepValue = memo((field: Field) =>
  fc.oneof(
    fc.tuple(fc.integer({ min: 9, max: 40 }), fc.boolean(), field.valid).map(([levels, asList, inside]) => {
      let value: unknown = inside ?? 'x';
      for (let i = 0; i < levels; i++) value = asList ? [value] : { a: value };
      return value;
    }),
    fc.constant(null).map(() => hugeValues().deep),
  ));
const unknownKey = memo((field: Field) =>
  fc.tuple(keyName.filter((k) => !Object.prototype.hasOwnProperty.call(field.shape!, k)), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant({ polluted: true }), fc.constant(null))),
);
const HUGE = fc.constant(null).chain(() => fc.constantFrom(hugeValues().text, hugeValues().list));

export interface Mutation {
  /** What was done, to read in a report. */
  what: string;
  kind: 'drop' | 'blank' | 'unknown' | 'wrong' | 'oversize' | 'huge' | 'deep' | 'badItem';
  /** The path the answer must name (or a path above or below it). */
  path: Path;
  /** The unknown key added, for `unknown`. */
  key?: string;
  body: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Raw);
const define = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const DROP = Symbol('drop');
/** A copy of `root` with `path` set to `value` (or removed); keys are defined, so `__proto__` is a key like any other. */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(root[head as number], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(root as object)) if (key !== head || value !== DROP || rest.length) define(copy, key, (root as Record<string, unknown>)[key]);
  if (!(rest.length === 0 && value === DROP)) define(copy, String(head), setAt((root as Record<string, unknown>)?.[head as string], rest, value));
  return copy;
}

interface Slot {
  path: Path;
  field: Field;
  value: unknown;
}
/** Every place of a valid value where a mutation can go: each field (present or not) and each list item. */
function slotsOf(field: Field, value: unknown, path: Path = []): Slot[] {
  const here: Slot[] = [{ path, field, value }];
  if (field.kind === 'object' && isRecord(value))
    for (const [key, inner] of Object.entries(field.shape!)) here.push(...slotsOf(inner, Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined, [...path, key]));
  if (field.kind === 'list' && Array.isArray(value)) value.forEach((item, i) => here.push(...slotsOf(field.item!, item, [...path, i])));
  return here;
}

/** One mutation of a valid body of `root`, which no schema of it accepts, with the path it breaks. */
export function mutation(root: Field, valid: fc.Arbitrary<unknown> = root.valid): fc.Arbitrary<Mutation> {
  return valid.chain((body) => {
    const slots = slotsOf(root, body);
    const options: fc.Arbitrary<Mutation>[] = [];
    const at = (slot: Slot, kind: Mutation['kind'], what: string, value: fc.Arbitrary<unknown>) =>
      value.map((v) => ({ kind, what: `${what} at ${slot.path.join('.') || '(body)'}`, path: slot.path, body: setAt(body, slot.path, v) }));
    for (const slot of slots) {
      const inList = typeof slot.path[slot.path.length - 1] === 'number';
      if (slot.path.length && slot.field.required && slot.value !== undefined && !inList)
        options.push(fc.constant({ kind: 'drop' as const, what: `required ${slot.path.join('.')} dropped`, path: slot.path, body: setAt(body, slot.path, DROP) }));
      if (slot.path.length && !inList && slot.field.required && ['text', 'choice'].includes(slot.field.kind) && refusedBy(slot.field)(''))
        options.push(at(slot, 'blank', 'blank', fc.constant('')));
      if (slot.field.kind === 'object' && isRecord(slot.value))
        options.push(
          unknownKey(slot.field).map(([key, v]) => {
            const inner = slot.value as Record<string, unknown>;
            const withKey: Record<string, unknown> = {};
            for (const k of Object.keys(inner)) define(withKey, k, inner[k]);
            define(withKey, key, v);
            return { kind: 'unknown' as const, what: `unknown key “${key}” at ${slot.path.join('.') || '(body)'}`, path: [...slot.path, key], key, body: setAt(body, slot.path, withKey) };
          }),
        );
      if (!slot.path.length) continue;
      options.push(at(slot, 'wrong', 'value of another type', wrongValue(slot.field)));
      const oversized = oversizedValue(slot.field);
      if (oversized) options.push(at(slot, 'oversize', `value past its bound (${slot.field.max})`, oversized));
      options.push(at(slot, 'huge', 'huge value', HUGE));
      options.push(at(slot, 'deep', 'value nested too deep', deepValue(slot.field)));
      if (slot.field.kind === 'list' && Array.isArray(slot.value))
        options.push(wrongValue(slot.field.item!).map((item) => ({ kind: 'badItem' as const, what: `item of another type in ${slot.path.join('.')}`, path: [...slot.path, (slot.value as unknown[]).length], body: setAt(body, slot.path, [...(slot.value as unknown[]), item]) })));
    }
    return fc.oneof(...options);
  });
}

/** Whether an answer's `errorPath` names the `mutated` one: the same, a field above it (down to `floor` keys), or a part of it. */
export const names = (errorPath: Path, mutated: Path, floor = 1) => {
  const prefix = (a: Path, b: Path) => a.length <= b.length && a.every((part, i) => String(part) === String(b[i]));
  return (prefix(errorPath, mutated) && errorPath.length >= Math.min(floor, mutated.length)) || prefix(mutated, errorPath);
};
