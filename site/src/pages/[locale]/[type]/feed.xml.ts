/** RSS of the newest entries of one type, in one locale: /{locale}/{type}/feed.xml. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { KB_TYPES } from '@aimf/strapi-plugin-knowledge-base/shared';
import { LOCALES, useTranslations, type Locale } from '../../../utils/i18n';
import { feedUrl, rss } from '../../../utils/feeds';
import { feedItems } from '../../../utils/feed-items';
import { LISTED_TYPES, listUrl, type ListedType } from '../../../utils/urls';
import { GUIDE } from '../../../utils/guide';

export const getStaticPaths = (() =>
  LOCALES.flatMap((locale) => LISTED_TYPES.map((type) => ({ params: { locale, type: KB_TYPES[type].path }, props: { type } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) => {
  const locale = params.locale as Locale;
  const type = props.type as ListedType;
  const t = useTranslations(locale);
  const body = rss({
    title: `${GUIDE.name[locale]} — ${t(`type.${type}`)}`,
    description: t(`type.${type}.intro`),
    url: new URL(listUrl(locale, type), site).href,
    self: new URL(feedUrl(locale, type), site).href,
    language: locale,
    items: await feedItems(locale, [type], site!),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
