/**
 * The guide's actors of one locale, name and slug, for the contribution page's partner
 * suggestions. A file of its own, fetched when a partner field is first used: the page stays
 * light however many actors the guide holds.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, type Locale } from '../../../utils/i18n';
import { entriesIn } from '../../../utils/catalogue';
import { byTitleIn } from '../../../utils/listing';
import { CONTRIBUTION_PAGE } from '../../../utils/contribution';

export const getStaticPaths = (() => LOCALES.map((locale) => ({ params: { locale, contribute: CONTRIBUTION_PAGE[locale] } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const actors = (await entriesIn('actor', locale)).sort(byTitleIn(locale));
  return new Response(JSON.stringify(actors.map((a) => ({ slug: a.data.slug, name: a.data.name }))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
