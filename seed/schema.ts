import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  ACTOR_ROLES, ACTOR_TYPES, BENEFICIARIES, CASE_STUDY_STAGES, INSTRUMENTS, LEVER_CATEGORIES,
  PRACTICE_KINDS, RECURRENCES, SCOPE_LEVELS, TRANSLATION_ORIGINS,
} from '../plugins/knowledge-base/server/src/shared/content-types';
import { LOCALES } from '../plugins/knowledge-base/server/src/shared/locales';

/** The shape of one seed file per collection (see seed/README.md). */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase ASCII kebab-case').max(80);
const slugs = z.array(slug);
/** The documents an entry may cite: those kept in seed/documents (the evidence check reads them there). */
const SOURCE_DOCUMENTS = readdirSync(join(__dirname, 'documents')).filter((f) => f.endsWith('.txt')).sort();
/** What entries made by `scripts/lib/synthetic.ts` cite, so nobody takes them for real content. */
export const SYNTHETIC_DOCUMENT = 'SYNTHETIC-scripts-lib-synthetic.ts';
const sources = z.array(z.object({ document: z.enum([SYNTHETIC_DOCUMENT, ...SOURCE_DOCUMENTS]), section: z.string().min(3).max(300) }).strict()).min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().max(max).nullish();
const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code').nullish();
const year = z.number().int().min(1800).max(2100).nullish();
const sdgs = z.array(z.number().int().min(1).max(17)).default([]);
const url = z.string().regex(/^https?:\/\/\S+$/, 'http(s) URL');
const origin = z.enum(TRANSLATION_ORIGINS);
/** Field → verbatim quote(s) from a cited document that support its value (seed/evidence.ts checks them). */
const evidence = z.record(z.string().max(80), z.union([z.string().max(400), z.array(z.string().max(400)).min(1).max(5)])).optional();

/** Localized blocks: French is required and original; English and Arabic complete the entry. */
const localized = <T extends z.ZodRawShape>(shape: T) => {
  const block = z.object({ ...shape, translationOrigin: origin }).strict();
  return {
    fr: block.refine((b) => b.translationOrigin === 'original', { message: 'French is the source language: translationOrigin must be "original"', path: ['translationOrigin'] }),
    en: block.optional(),
    ar: block.optional(),
  };
};

export const caseStudySchema = z.object({
  slug,
  city: optionalText(120),
  country,
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  yearStart: year,
  yearEnd: year,
  stage: z.enum(CASE_STUDY_STAGES).nullish(),
  themes: slugs.default([]),
  sdgs,
  actors: z.array(z.object({ actor: slug, role: z.enum(ACTOR_ROLES).nullish() }).strict()).default([]),
  goodPractices: slugs.default([]),
  fundingCalls: slugs.default([]),
  sources,
  evidence,
  ...localized({
    title: text(200),
    summary: text(600),
    body: z.string().max(20_000).nullish(),
    lessons: z.array(text(1000)).default([]),
    results: z.array(z.object({
      indicator: text(300),
      value: z.number().nullish(),
      unit: optionalText(60),
      year,
    }).strict()).default([]),
    links: z.array(z.object({ label: text(200), url }).strict()).default([]),
  }),
}).strict();

export const actorSchema = z.object({
  slug,
  type: z.enum(ACTOR_TYPES).nullish(),
  city: optionalText(120),
  country,
  website: url.nullish(),
  publicContact: optionalText(300),
  aimfMember: z.boolean().nullish(),
  themes: slugs.default([]),
  sources,
  evidence,
  ...localized({
    name: text(200),
    description: text(5000),
    interests: optionalText(5000),
    competences: optionalText(5000),
    resources: optionalText(5000),
    network: optionalText(5000),
    priorities: optionalText(5000),
    difficulties: optionalText(5000),
    howToCollaborate: optionalText(5000),
  }),
}).strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 date-time with offset');

export const fundingCallSchema = z.object({
  slug,
  instrument: z.enum(INSTRUMENTS).nullish(),
  funders: slugs.default([]),
  eligibleBeneficiaries: z.array(z.enum(BENEFICIARIES)).default([]),
  scopeLevel: z.enum(SCOPE_LEVELS).nullish(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  themes: slugs.default([]),
  amountMin: z.number().nonnegative().nullish(),
  amountMax: z.number().nonnegative().nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullish(),
  cofinancingRate: z.number().min(0).max(100).nullish(),
  openingDate: isoDate.nullish(),
  deadline: isoInstant.nullish(),
  timezone: optionalText(64),
  recurrence: z.enum(RECURRENCES).nullish(),
  referenceYear: year,
  applicationUrl: url.nullish(),
  nextEdition: slug.nullish(),
  sources,
  evidence,
  ...localized({
    title: text(200),
    summary: text(600),
    body: z.string().max(20_000).nullish(),
    contact: optionalText(300),
  }),
}).strict();

export const goodPracticeSchema = z.object({
  slug,
  kind: z.enum(PRACTICE_KINDS),
  leverCategory: z.enum(LEVER_CATEGORIES).nullish(),
  themes: slugs.default([]),
  sdgs,
  caseStudies: slugs.default([]),
  relatedPractices: slugs.default([]),
  sources,
  ...localized({
    title: text(200),
    summary: text(600),
    problem: z.string().max(20_000).nullish(),
    implementation: z.string().max(20_000).nullish(),
    costs: z.string().max(20_000).nullish(),
    timeline: z.string().max(5000).nullish(),
    keyQuestions: z.array(text(1000)).default([]),
    indicators: z.array(text(1000)).default([]),
    pitfalls: z.string().max(20_000).nullish(),
  }),
}).strict();

export const themeSchema = z.object({
  slug,
  parent: slug.nullish(),
  sources,
  ...localized({ name: text(120), description: optionalText(2000) }),
}).strict();

export const SEED_COLLECTIONS = {
  themes: { type: 'theme', schema: themeSchema },
  actors: { type: 'actor', schema: actorSchema },
  'funding-calls': { type: 'funding-call', schema: fundingCallSchema },
  'good-practices': { type: 'good-practice', schema: goodPracticeSchema },
  'case-studies': { type: 'case-study', schema: caseStudySchema },
} as const;
export type SeedCollection = keyof typeof SEED_COLLECTIONS;
export { LOCALES };
