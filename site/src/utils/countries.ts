/** The countries the guide covers: where its case studies and actors are, and where its funding goes. */
import type { Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import type { Actor, CaseStudy, FundingCall } from '../loaders/public-entry';
import { entriesIn, type View } from './catalogue';
import { byTitleIn } from './listing';

export interface CountryEntries {
  code: string;
  caseStudies: View<CaseStudy>[];
  actors: View<Actor>[];
  fundingCalls: View<FundingCall>[];
}

export async function countriesIn(locale: Locale): Promise<Map<string, CountryEntries>> {
  const countries = new Map<string, CountryEntries>();
  const of = (code: string) => {
    const key = code.toUpperCase();
    if (!countries.has(key)) countries.set(key, { code: key, caseStudies: [], actors: [], fundingCalls: [] });
    return countries.get(key)!;
  };
  const byTitle = byTitleIn(locale);
  for (const view of (await entriesIn('case-study', locale)).sort(byTitle)) if (view.data.country) of(view.data.country).caseStudies.push(view);
  for (const view of (await entriesIn('actor', locale)).sort(byTitle)) if (view.data.country) of(view.data.country).actors.push(view);
  for (const view of (await entriesIn('funding-call', locale)).sort(byTitle)) {
    for (const code of new Set((view.data.countries ?? []).map((c) => c.toUpperCase()))) of(code).fundingCalls.push(view);
  }
  return countries;
}
