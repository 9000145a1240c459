/** RSS of the newest entries of every type, in one locale. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, useTranslations, type Locale } from '../../utils/i18n';
import { feedUrl, rss } from '../../utils/feeds';
import { ALL_FEED_TYPES, feedItems } from '../../utils/feed-items';
import { GUIDE } from '../../utils/guide';

export const getStaticPaths = (() => LOCALES.map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const locale = params.locale as Locale;
  const t = useTranslations(locale);
  const body = rss({
    title: `${GUIDE.name[locale]} — ${t('feed.all')}`,
    description: GUIDE.description[locale],
    url: new URL(`/${locale}/`, site).href,
    self: new URL(feedUrl(locale), site).href,
    language: locale,
    items: await feedItems(locale, ALL_FEED_TYPES, site!),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
