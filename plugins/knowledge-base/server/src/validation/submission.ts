import { CASE_STUDY_STAGES } from '../shared/content-types';
import { ACTOR_PROPOSAL_FIELDS, type ActorProposalField } from '../shared/moderation';
import { LOCALES, isLocale, type Locale } from '../shared/locales';
import { checkEntryFields } from './entry';
import type { Issue } from './issues';

/** What a contributor may write, field by field: the rest of an entry belongs to editors. */
type Check = (value: unknown, path: (string | number)[], issues: Issue[]) => void;

const text = (max: number): Check => (value, path, issues) => {
  if (typeof value !== 'string') issues.push({ path, key: 'error.notText' });
  else if (value.length > max) issues.push({ path, key: 'error.tooLong', params: { max } });
};
const integer = (min: number, max: number): Check => (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) issues.push({ path, key: 'error.notInteger' });
  else if (value < min) issues.push({ path, key: 'error.tooSmall', params: { min } });
  else if (value > max) issues.push({ path, key: 'error.invalidValue', params: { value, allowed: `${min}–${max}` } });
};
const oneOf = (allowed: readonly string[]): Check => (value, path, issues) => {
  if (typeof value !== 'string' || !allowed.includes(value))
    issues.push({ path, key: 'error.invalidValue', params: { value: String(value), allowed: allowed.join(', ') } });
};
const slugList = (max: number): Check => (value, path, issues) => {
  if (!Array.isArray(value)) return void issues.push({ path, key: 'error.notList' });
  if (value.length > max) issues.push({ path, key: 'error.tooLong', params: { max } });
  value.forEach((v, i) => text(200)(v, [...path, i], issues));
};
const country: Check = (value, path, issues) => {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value))
    issues.push({ path, key: 'error.invalidValue', params: { value: String(value), allowed: 'ISO 3166-1 alpha-2 (FR, SN, …)' } });
};
const partner: Check = (value, path, issues) => {
  const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  if (keys.length !== 1 || !['actor', 'name'].includes(keys[0])) return void issues.push({ path, key: 'error.partner' });
  text(200)((value as Record<string, unknown>)[keys[0]], [...path, keys[0]], issues);
};
const partners: Check = (value, path, issues) => {
  if (!Array.isArray(value)) return void issues.push({ path, key: 'error.notList' });
  if (value.length > 30) issues.push({ path, key: 'error.tooLong', params: { max: 30 } });
  value.forEach((v, i) => partner(v, [...path, i], issues));
};
// The JSON lists are shaped as the entry middleware checks them, so it is asked directly.
const entryField = (name: string): Check => (value, path, issues) => {
  for (const issue of checkEntryFields({ [name]: value })) issues.push({ ...issue, path: [...path, ...issue.path.slice(1)] });
};

export const CASE_STUDY_FIELDS: Record<string, Check> = {
  title: text(200),
  summary: text(600),
  body: text(20_000),
  city: text(120),
  country,
  yearStart: integer(1800, 2100),
  yearEnd: integer(1800, 2100),
  stage: oneOf(CASE_STUDY_STAGES),
  themes: slugList(10),
  sdgs: entryField('sdgs'),
  partners,
  results: entryField('results'),
  lessons: entryField('lessons'),
  links: entryField('links'),
};
const CASE_STUDY_REQUIRED = ['title', 'summary'];

/** The parts of its own actor fiche an organisation may propose to change (lengths in shared/moderation.ts). */
const L = ACTOR_PROPOSAL_FIELDS;
export const ACTOR_FIELDS: Record<ActorProposalField, Check> = {
  description: text(L.description),
  interests: text(L.interests),
  competences: text(L.competences),
  resources: text(L.resources),
  network: text(L.network),
  priorities: text(L.priorities),
  difficulties: text(L.difficulties),
  howToCollaborate: text(L.howToCollaborate),
  city: text(L.city),
  website: (value, path, issues) => {
    if (typeof value !== 'string' || value.length > L.website || !/^https?:\/\/[^\s<>"]+$/i.test(value)) issues.push({ path, key: 'error.notUrl' });
  },
  publicContact: text(L.publicContact),
};

export interface SubmissionInput {
  locale?: Locale;
  fields: Record<string, unknown>;
}

/**
 * Checks `data` of a submission: every field known and well typed, the required ones present
 * on creation (`partial` for an edit), the locale one of the guide's.
 */
export function checkSubmission(kind: 'case-study' | 'actor-update', data: unknown, partial: boolean): { value: SubmissionInput; issues: Issue[] } {
  const issues: Issue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { value: { fields: {} }, issues: [{ path: ['data'], key: 'error.malformed' }] };
  }
  const schema = kind === 'case-study' ? CASE_STUDY_FIELDS : ACTOR_FIELDS;
  const fields: Record<string, unknown> = {};
  let locale: Locale | undefined;
  for (const [name, value] of Object.entries(data)) {
    const path = ['data', name];
    if (name === 'locale') {
      if (isLocale(value)) locale = value;
      else issues.push({ path, key: 'error.unknownLocale', params: { value: String(value), allowed: LOCALES.join(', ') } });
    } else if (!(name in schema)) issues.push({ path, key: 'error.unknownField', params: { name } });
    else if (value === null && !CASE_STUDY_REQUIRED.includes(name) && partial) fields[name] = null;
    else {
      const before = issues.length;
      schema[name](value, path, issues);
      if (issues.length === before) fields[name] = typeof value === 'string' ? value.trim() : value;
    }
  }
  if (!partial && !locale) issues.push({ path: ['data', 'locale'], key: 'error.required' });
  if (kind === 'case-study') {
    for (const name of CASE_STUDY_REQUIRED) {
      const value = (data as Record<string, unknown>)[name];
      const missing = value === undefined ? !partial : typeof value === 'string' && !value.trim();
      if (missing && !issues.some((i) => i.path[1] === name)) issues.push({ path: ['data', name], key: 'error.required' });
    }
    const { yearStart, yearEnd } = fields as { yearStart?: number; yearEnd?: number };
    if (typeof yearStart === 'number' && typeof yearEnd === 'number' && yearEnd < yearStart)
      issues.push({ path: ['data', 'yearEnd'], key: 'error.yearOrder' });
  } else if (!Object.keys(fields).length && !issues.length) issues.push({ path: ['data'], key: 'error.emptyUpdate' });
  return { value: { locale, fields }, issues };
}

/** Only the listed top-level keys are allowed in a request body. */
export function checkBodyKeys(body: Record<string, unknown>, allowed: string[]): Issue[] {
  return Object.keys(body)
    .filter((name) => !allowed.includes(name))
    .map((name) => ({ path: [name], key: 'error.unknownField' as const, params: { name } }));
}

export const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function checkInvitation(body: Record<string, unknown>): { value: { email: string; organisation: string; locale: Locale }; issues: Issue[] } {
  const issues = checkBodyKeys(body, ['email', 'organisation', 'locale']);
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  if (body.email === undefined || body.email === '') issues.push({ path: ['email'], key: 'error.required' });
  else if (!EMAIL.test(email) || email.length > 254) issues.push({ path: ['email'], key: 'error.notEmail' });
  if (typeof body.organisation !== 'string' || !body.organisation) issues.push({ path: ['organisation'], key: 'error.required' });
  if (body.locale !== undefined && !isLocale(body.locale))
    issues.push({ path: ['locale'], key: 'error.unknownLocale', params: { value: String(body.locale), allowed: LOCALES.join(', ') } });
  return { value: { email, organisation: String(body.organisation ?? ''), locale: isLocale(body.locale) ? body.locale : 'fr' }, issues };
}

export function checkAcceptInvitation(body: Record<string, unknown>): { value: { token: string; password: string; locale?: Locale }; issues: Issue[] } {
  const issues = checkBodyKeys(body, ['token', 'password', 'locale']);
  if (typeof body.token !== 'string' || !/^[A-Za-z0-9_-]{20,200}$/.test(body.token)) issues.push({ path: ['token'], key: 'error.invitationInvalid' });
  const password = body.password;
  if (password === undefined || password === '') issues.push({ path: ['password'], key: 'error.required' });
  else if (typeof password !== 'string' || password.length < 10 || password.length > 128 || !/[A-Za-z]/.test(password) || !/\d/.test(password))
    issues.push({ path: ['password'], key: 'error.password' });
  if (body.locale !== undefined && !isLocale(body.locale))
    issues.push({ path: ['locale'], key: 'error.unknownLocale', params: { value: String(body.locale), allowed: LOCALES.join(', ') } });
  return { value: { token: String(body.token), password: String(password), locale: isLocale(body.locale) ? body.locale : undefined }, issues };
}

/** An editor's decision: a comment, required to request changes or to reject. */
export function checkDecision(body: Record<string, unknown>, commentRequired: boolean): { value: { comment: string }; issues: Issue[] } {
  const issues = checkBodyKeys(body, ['comment']);
  const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
  if (body.comment !== undefined && typeof body.comment !== 'string') issues.push({ path: ['comment'], key: 'error.notText' });
  else if (commentRequired && !comment) issues.push({ path: ['comment'], key: 'error.required' });
  else if (comment.length > 5000) issues.push({ path: ['comment'], key: 'error.tooLong', params: { max: 5000 } });
  return { value: { comment }, issues };
}
