// Checked first: a bad guide.config.ts stops the build before any content is loaded.
import './utils/guide';
import { defineCollection, z } from 'astro:content';
import { DEADLINE_STATUSES, KB_TYPES, LOCALES, TRANSLATION_ORIGINS } from '@aimf/strapi-plugin-knowledge-base/shared';
import { knowledgeBaseLoader } from './loaders/knowledge-base';

/** What every public entry must have; the rest of its fields pass through as the API gives them. */
const publicEntry = z
  .object({
    collection: z.enum(Object.keys(KB_TYPES) as [keyof typeof KB_TYPES, ...(keyof typeof KB_TYPES)[]]),
    documentId: z.string(),
    locale: z.enum(LOCALES),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugs are lowercase ASCII kebab-case'),
    updatedAt: z.string(),
    publishedAt: z.string(),
    translationOrigin: z.enum(TRANSLATION_ORIGINS).nullish(),
    status: z.enum(DEADLINE_STATUSES).optional(),
  })
  .passthrough();

const collection = (type: keyof typeof KB_TYPES) =>
  defineCollection({ loader: knowledgeBaseLoader(type), schema: publicEntry });

export const collections = {
  caseStudies: collection('case-study'),
  actors: collection('actor'),
  fundingCalls: collection('funding-call'),
  goodPractices: collection('good-practice'),
  themes: collection('theme'),
};
