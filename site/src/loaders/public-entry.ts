/**
 * The shape of a published entry as the knowledge-base plugin's public API returns it,
 * and as the seed reader rebuilds it: one entry per document and locale.
 */
import type { DeadlineStatus, KbType, Locale } from '@aimf/strapi-plugin-knowledge-base/shared';

export type TranslationOrigin = 'original' | 'human' | 'machine';

export interface Source {
  document: string;
  section?: string | null;
}

export interface Media {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
  formats?: Record<string, { url: string; width: number; height: number; mime?: string }> | null;
}

export interface ThemeRef {
  slug: string;
  name: string;
}
export interface ActorRef {
  slug: string;
  name: string;
  type?: string | null;
  role?: string | null;
}
export interface CaseStudyRef {
  slug: string;
  title: string;
  city?: string | null;
  country?: string | null;
}
export interface PracticeRef {
  slug: string;
  title: string;
}
export interface CallRef {
  slug: string;
  title: string;
  deadline?: string | null;
  openingDate?: string | null;
  timezone?: string | null;
  recurrence?: string | null;
  referenceYear?: number | null;
  status: DeadlineStatus;
}

interface Common {
  collection: KbType;
  documentId: string;
  locale: Locale;
  slug: string;
  updatedAt: string;
  publishedAt: string;
  sources?: Source[] | null;
  /** Field → quote(s) of the cited source backing its value (seed provenance; editors need not keep it). */
  evidence?: Record<string, string | string[]> | null;
  translationOrigin?: TranslationOrigin | null;
}

export interface CaseStudy extends Common {
  collection: 'case-study';
  title: string;
  summary?: string | null;
  body?: string | null;
  lessons?: string[] | null;
  results?: { indicator: string; value?: number | string | null; unit?: string | null; year?: number | null }[] | null;
  links?: { label: string; url: string }[] | null;
  city?: string | null;
  country?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  yearStart?: number | null;
  yearEnd?: number | null;
  stage?: string | null;
  sdgs?: number[] | null;
  themes: ThemeRef[];
  actors: ActorRef[];
  goodPractices: PracticeRef[];
  fundingCalls: CallRef[];
  cover?: Media | null;
}

export interface Actor extends Common {
  collection: 'actor';
  name: string;
  type?: string | null;
  description?: string | null;
  interests?: string | null;
  competences?: string | null;
  resources?: string | null;
  network?: string | null;
  priorities?: string | null;
  difficulties?: string | null;
  howToCollaborate?: string | null;
  city?: string | null;
  country?: string | null;
  website?: string | null;
  publicContact?: string | null;
  aimfMember?: boolean | null;
  themes: ThemeRef[];
  caseStudies: CaseStudyRef[];
  fundedCalls: CallRef[];
  logo?: Media | null;
}

export interface FundingCall extends Common {
  collection: 'funding-call';
  title: string;
  summary?: string | null;
  body?: string | null;
  contact?: string | null;
  instrument?: string | null;
  eligibleBeneficiaries?: string[] | null;
  scopeLevel?: string | null;
  countries?: string[] | null;
  amountMin?: number | null;
  amountMax?: number | null;
  currency?: string | null;
  cofinancingRate?: number | null;
  openingDate?: string | null;
  deadline?: string | null;
  timezone?: string | null;
  recurrence?: string | null;
  referenceYear?: number | null;
  applicationUrl?: string | null;
  status: DeadlineStatus;
  themes: ThemeRef[];
  funders: ActorRef[];
  caseStudies: CaseStudyRef[];
  nextEdition: CallRef | null;
}

export interface GoodPractice extends Common {
  collection: 'good-practice';
  title: string;
  summary?: string | null;
  kind?: string | null;
  leverCategory?: string | null;
  problem?: string | null;
  implementation?: string | null;
  costs?: string | null;
  timeline?: string | null;
  keyQuestions?: string[] | null;
  indicators?: string[] | null;
  pitfalls?: string | null;
  sdgs?: number[] | null;
  themes: ThemeRef[];
  caseStudies: CaseStudyRef[];
  relatedPractices: PracticeRef[];
}

export interface Theme extends Common {
  collection: 'theme';
  name: string;
  description?: string | null;
  parent: ThemeRef | null;
  children: ThemeRef[];
}

export type PublicEntry = CaseStudy | Actor | FundingCall | GoodPractice | Theme;

export interface EntryByType {
  'case-study': CaseStudy;
  actor: Actor;
  'funding-call': FundingCall;
  'good-practice': GoodPractice;
  theme: Theme;
}

/** The display name of any entry: `title`, or `name` for actors and themes. */
export const entryTitle = (entry: { title?: string; name?: string }): string => entry.title ?? entry.name ?? '';
