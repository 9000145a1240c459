import { ACTOR_ROLES, BENEFICIARIES } from '../shared/content-types';
import type { Issue } from './issues';

/**
 * The JSON fields of the knowledge base hold lists Strapi cannot type (lessons, results,
 * sources…). Their shape is checked here, on every create and update, whoever writes.
 */
type Check = (value: unknown, path: (string | number)[], issues: Issue[]) => void;

const text = (max: number, required = true): Check => (value, path, issues) => {
  if (value === undefined || value === null || value === '') {
    if (required) issues.push({ path, key: 'error.required' });
  } else if (typeof value !== 'string') issues.push({ path, key: 'error.notText' });
  else if (value.length > max) issues.push({ path, key: 'error.tooLong', params: { max } });
};

const url: Check = (value, path, issues) => {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s<>"]+$/i.test(value)) issues.push({ path, key: 'error.notUrl' });
};

const oneOf = (allowed: readonly string[]): Check => (value, path, issues) => {
  if (typeof value !== 'string' || !allowed.includes(value))
    issues.push({ path, key: 'error.invalidValue', params: { value: String(value), allowed: allowed.join(', ') } });
};

const listOf = (item: Check, maxItems = 100): Check => (value, path, issues) => {
  if (!Array.isArray(value)) return void issues.push({ path, key: 'error.notList' });
  if (value.length > maxItems) issues.push({ path, key: 'error.tooLong', params: { max: maxItems } });
  value.forEach((v, i) => item(v, [...path, i], issues));
};

const record = (fields: Record<string, Check>): Check => (value, path, issues) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return void issues.push({ path, key: 'error.malformed' });
  for (const [name, check] of Object.entries(fields)) check((value as Record<string, unknown>)[name], [...path, name], issues);
  for (const name of Object.keys(value)) {
    if (!(name in fields)) issues.push({ path: [...path, name], key: 'error.unknownParameter', params: { name } });
  }
};

const optional = (check: Check): Check => (value, path, issues) => {
  if (value !== undefined && value !== null) check(value, path, issues);
};

const integer = (min: number, max: number, key: Issue['key'] = 'error.notInteger'): Check => (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) issues.push({ path, key });
};

const number: Check = (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) issues.push({ path, key: 'error.notNumber' });
};

const roles: Check = (value, path, issues) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return void issues.push({ path, key: 'error.malformed' });
  for (const [slug, role] of Object.entries(value)) oneOf(ACTOR_ROLES)(role, [...path, slug], issues);
};

const JSON_FIELDS: Record<string, Check> = {
  sources: listOf(record({ document: text(200), section: text(300) }), 20),
  sdgs: listOf(integer(1, 17, 'error.sdg'), 17),
  lessons: listOf(text(1000), 30),
  keyQuestions: listOf(text(1000), 50),
  indicators: listOf(text(1000), 50),
  results: listOf(
    record({ indicator: text(300), value: optional(number), unit: optional(text(60, false)), year: optional(integer(1800, 2100)) }),
    50,
  ),
  links: listOf(record({ label: text(200), url }), 30),
  actorRoles: roles,
  eligibleBeneficiaries: listOf(oneOf(BENEFICIARIES), BENEFICIARIES.length),
  countries: listOf((value, path, issues) => {
    if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value))
      issues.push({ path, key: 'error.invalidValue', params: { value: String(value), allowed: 'ISO 3166-1 alpha-2' } });
  }, 250),
};

/** Checks the JSON fields present in `data` (absent ones are left as they are). */
export function checkEntryFields(data: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, check] of Object.entries(JSON_FIELDS)) {
    if (data[name] !== undefined && data[name] !== null) check(data[name], [name], issues);
  }
  return issues;
}
