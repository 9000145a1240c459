import { z } from 'zod';
import { CASE_STUDY_STAGES } from '../shared/content-types';
import { ACTOR_PROPOSAL_FIELDS, type ActorProposalField } from '../shared/moderation';
import { LOCALES, type Locale } from '../shared/locales';
import { ENTRY_JSON_FIELDS } from './entry';
import { issuesFrom, type Issue } from './issues';
import { blankAsAbsent, integer, isRecord, matching, oneOf, parseBody, password, refuse, strictObject, text } from './schema';

const locale = oneOf(LOCALES, 'error.unknownLocale');
const YEARS = { min: 1800, max: 2100 };
const isYear = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= YEARS.min && (value as number) <= YEARS.max;
const partner = strictObject({ actor: text(200).optional(), name: text(200).optional() }, { malformed: 'error.partner' }).superRefine((value, ctx) => {
  if ((value.actor === undefined) === (value.name === undefined)) refuse(ctx, 'error.partner');
});

/** What a contributor may write, field by field: the rest of an entry belongs to editors. */
export const CASE_STUDY_FIELDS = {
  title: text(200).pipe(z.string().min(1, 'error.required')),
  summary: text(600).pipe(z.string().min(1, 'error.required')),
  body: text(20_000),
  city: text(120),
  country: matching(/^[A-Z]{2}$/, 'error.invalidValue', 'ISO 3166-1 alpha-2 (FR, SN, …)'),
  yearStart: integer(YEARS.min, YEARS.max),
  yearEnd: integer(YEARS.min, YEARS.max),
  stage: oneOf(CASE_STUDY_STAGES),
  themes: z.array(text(200), { message: 'error.notList' }).max(10, 'error.tooLong'),
  sdgs: ENTRY_JSON_FIELDS.sdgs,
  partners: z.array(partner, { message: 'error.notList' }).max(30, 'error.tooLong'),
  results: ENTRY_JSON_FIELDS.results,
  lessons: ENTRY_JSON_FIELDS.lessons,
  links: ENTRY_JSON_FIELDS.links,
};
const CASE_STUDY_REQUIRED: readonly string[] = ['title', 'summary'];

/** The parts of its own actor fiche an organisation may propose to change (lengths in shared/moderation.ts). */
const L = ACTOR_PROPOSAL_FIELDS;
export const ACTOR_FIELDS: Record<ActorProposalField, z.ZodTypeAny> = {
  description: text(L.description),
  interests: text(L.interests),
  competences: text(L.competences),
  resources: text(L.resources),
  network: text(L.network),
  priorities: text(L.priorities),
  difficulties: text(L.difficulties),
  howToCollaborate: text(L.howToCollaborate),
  city: text(L.city),
  website: z.string({ message: 'error.notUrl' }).trim().max(L.website, 'error.notUrl').regex(/^https?:\/\/[^\s<>"]+$/i, 'error.notUrl'),
  publicContact: text(L.publicContact),
};

export interface SubmissionInput {
  locale?: Locale;
  fields: Record<string, unknown>;
}

/** The schema of `data`: every field optional but the required ones on creation; an edit (`partial`) may clear the others with null. */
const submissionSchema = (kind: 'case-study' | 'actor-update', partial: boolean) => {
  const fields: Record<string, z.ZodTypeAny> = kind === 'case-study' ? CASE_STUDY_FIELDS : ACTOR_FIELDS;
  const shape: Record<string, z.ZodTypeAny> = { locale: partial ? locale.optional() : locale };
  for (const [name, schema] of Object.entries(fields)) {
    const required = kind === 'case-study' && CASE_STUDY_REQUIRED.includes(name);
    shape[name] = required && !partial ? schema : partial && !required ? schema.nullable().optional() : schema.optional();
  }
  return strictObject(shape).superRefine((data: Record<string, unknown>, ctx) => {
    // Runs even when other fields failed: only years that are valid themselves are compared.
    const { yearStart, yearEnd } = data;
    if (isYear(yearStart) && isYear(yearEnd) && yearEnd < yearStart) refuse(ctx, 'error.yearOrder', undefined, ['yearEnd']);
  });
};

/**
 * Checks `data` of a submission: every field known and well typed, the required ones present
 * on creation (`partial` for an edit), the locale one of the guide's.
 */
export function checkSubmission(kind: 'case-study' | 'actor-update', data: unknown, partial: boolean): { value: SubmissionInput; issues: Issue[] } {
  if (!isRecord(data)) return { value: { fields: {} }, issues: [{ path: ['data'], key: 'error.malformed' }] };
  const parsed = parseBody(submissionSchema(kind, partial), data, ['data']);
  if (!parsed.data) return { value: { fields: {} }, issues: parsed.issues };
  const { locale: chosen, ...fields } = parsed.data as Record<string, unknown>;
  if (kind === 'actor-update' && !Object.keys(fields).length) return { value: { fields: {} }, issues: [{ path: ['data'], key: 'error.emptyUpdate' }] };
  return { value: { locale: chosen as Locale | undefined, fields }, issues: [] };
}

/** JSON text, as a multipart form sends `data`. */
const jsonText = z.string({ message: 'error.notJson' }).transform((raw, ctx): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    refuse(ctx, 'error.notJson');
    return z.NEVER;
  }
});

/** A submission's body: `{ data }` and nothing else, `data` checked field by field by checkSubmission. */
const submissionBody = (kind: 'case-study' | 'actor-update', partial: boolean, multipart: boolean) =>
  strictObject({
    data: (multipart ? jsonText : z.unknown()).transform((data, ctx) => {
      if (data === undefined) refuse(ctx, 'error.required');
      else {
        const { value, issues } = checkSubmission(kind, data, partial);
        if (!issues.length) return value;
        for (const issue of issues) refuse(ctx, issue.key, issue.params, issue.path.slice(1));
      }
      return z.NEVER;
    }),
  });

/**
 * Checks a submission's whole body, JSON or the fields of a multipart form: no key but `data`,
 * every problem said at once. `data` is walked only by checkSubmission, which bounds it first.
 */
export function checkSubmissionBody(kind: 'case-study' | 'actor-update', body: unknown, partial: boolean, multipart: boolean): { value: SubmissionInput; issues: Issue[] } {
  const parsed = submissionBody(kind, partial, multipart).safeParse(body);
  return parsed.success ? { value: parsed.data.data, issues: [] } : { value: { fields: {} }, issues: issuesFrom(parsed.error) };
}

/** Only the listed top-level keys are allowed in a request body (own keys: `constructor` is unknown too). */
export function checkBodyKeys(body: Record<string, unknown>, allowed: string[]): Issue[] {
  const parsed = strictObject(Object.fromEntries(allowed.map((name) => [name, z.unknown()]))).safeParse(body);
  return parsed.success ? [] : issuesFrom(parsed.error);
}

export const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

const invitation = strictObject({
  email: z.preprocess(blankAsAbsent, z.string({ message: 'error.notEmail' }).trim().toLowerCase().max(254, 'error.notEmail').regex(EMAIL, 'error.notEmail')),
  organisation: z.string({ message: 'error.required' }).min(1, 'error.required').max(200, 'error.tooLong'),
  locale: locale.optional(),
});

export function checkInvitation(body: unknown): { value: { email: string; organisation: string; locale: Locale }; issues: Issue[] } {
  const { data, issues } = parseBody(invitation, body);
  return { value: { email: data?.email ?? '', organisation: data?.organisation ?? '', locale: data?.locale ?? 'fr' }, issues };
}

const acceptInvitation = strictObject({
  token: z.string({ message: 'error.invitationInvalid' }).regex(/^[A-Za-z0-9_-]{20,200}$/, 'error.invitationInvalid'),
  password,
  locale: locale.optional(),
});

export function checkAcceptInvitation(body: unknown): { value: { token: string; password: string; locale?: Locale }; issues: Issue[] } {
  const { data, issues } = parseBody(acceptInvitation, body);
  return { value: { token: data?.token ?? '', password: data?.password ?? '', locale: data?.locale }, issues };
}

const decision = (commentRequired: boolean) =>
  strictObject({
    revision: z.number({ message: 'error.notInteger' }).int('error.notInteger').min(1, 'error.notInteger').max(Number.MAX_SAFE_INTEGER, 'error.notInteger'),
    comment: commentRequired ? text(5000).pipe(z.string().min(1, 'error.required')) : text(5000).optional(),
  });

/** An editor's decision: the submission's revision the editor saw, and a comment, required to request changes or to reject. */
export function checkDecision(body: unknown, commentRequired: boolean): { value: { comment: string; revision: number }; issues: Issue[] } {
  const { data, issues } = parseBody(decision(commentRequired), body);
  return { value: { comment: data?.comment ?? '', revision: data?.revision ?? 0 }, issues };
}
