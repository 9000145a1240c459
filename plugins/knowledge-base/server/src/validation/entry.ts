import { z } from 'zod';
import { ACTOR_ROLES, BENEFICIARIES } from '../shared/content-types';
import type { Issue } from './issues';
import { integer, matching, oneOf, parseBody, strictObject } from './schema';

/** Required text: null and '' count as missing. */
const text = (max: number) => z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string({ message: 'error.notText' }).max(max, 'error.tooLong'));
const optionalText = (max: number) => z.string({ message: 'error.notText' }).max(max, 'error.tooLong').nullish();
const url = matching(/^https?:\/\/[^\s<>"]+$/i, 'error.notUrl');
const listOf = <T extends z.ZodTypeAny>(item: T, maxItems: number) => z.array(item, { message: 'error.notList' }).max(maxItems, 'error.tooLong');
// Items of structured lists refuse unknown keys as the public query does, as parameters.
const record = <T extends z.ZodRawShape>(shape: T) => strictObject(shape, { unknown: 'error.unknownParameter' });

/**
 * The JSON fields of the knowledge base hold lists Strapi cannot type (lessons, results,
 * sources…). Their shape is checked here, on every create and update, whoever writes; the
 * contribution form reuses them.
 */
export const ENTRY_JSON_FIELDS = {
  sources: listOf(record({ document: text(200), section: text(300) }), 20),
  sdgs: listOf(integer(1, 17, 'error.sdg'), 17),
  lessons: listOf(text(1000), 30),
  keyQuestions: listOf(text(1000), 50),
  indicators: listOf(text(1000), 50),
  results: listOf(
    record({
      indicator: text(300),
      value: z.number({ message: 'error.notNumber' }).finite('error.notNumber').nullish(),
      unit: optionalText(60),
      year: integer(1800, 2100).nullish(),
    }),
    50,
  ),
  links: listOf(record({ label: text(200), url }), 30),
  // An actor the source names without saying its part is linked with a null role.
  actorRoles: z.record(z.string(), oneOf(ACTOR_ROLES).nullable(), { message: 'error.malformed' }),
  // The seed's provenance: field → the source's quote, or a few quotes.
  evidence: z.record(z.string().max(80), z.union([text(400), listOf(text(400), 5)]), { message: 'error.malformed' }),
  eligibleBeneficiaries: listOf(oneOf(BENEFICIARIES), BENEFICIARIES.length),
  countries: listOf(matching(/^[A-Z]{2}$/, 'error.invalidValue', 'ISO 3166-1 alpha-2'), 250),
  // Addresses the API and open data publish as links: a web address or nothing (no javascript:, data:, //host).
  website: z.preprocess((v) => (v === '' ? null : v), url.nullable()),
  applicationUrl: z.preprocess((v) => (v === '' ? null : v), url.nullable()),
};
type JsonField = keyof typeof ENTRY_JSON_FIELDS;
const JSON_FIELD_NAMES = Object.keys(ENTRY_JSON_FIELDS) as JsonField[];

// Absent and null fields are left as they are; the other fields of an entry are Strapi's to check.
const jsonFields = z.object(Object.fromEntries(JSON_FIELD_NAMES.map((name) => [name, ENTRY_JSON_FIELDS[name].nullish()])));

/** Checks the JSON fields present in `data` (absent ones are left as they are). */
export function checkEntryFields(data: Record<string, unknown>): Issue[] {
  const present = Object.fromEntries(JSON_FIELD_NAMES.filter((name) => Object.prototype.hasOwnProperty.call(data, name)).map((name) => [name, data[name]]));
  return parseBody(jsonFields, present).issues;
}
