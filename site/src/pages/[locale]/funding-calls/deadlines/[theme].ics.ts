/** iCalendar of the deadlines of one theme's calls (and its sub-themes'), in one locale. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, useTranslations, type Locale } from '../../../../utils/i18n';
import { entriesIn } from '../../../../utils/catalogue';
import { calendar } from '../../../../utils/ical';
import { deadlineEvents } from '../../../../utils/feed-items';
import { themeFamily } from '../../../../utils/themes';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of LOCALES) {
    for (const theme of await entriesIn('theme', locale)) paths.push({ params: { locale, theme: theme.data.slug }, props: { name: theme.data.name } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) => {
  const locale = params.locale as Locale;
  const t = useTranslations(locale);
  const family = themeFamily(params.theme!, await entriesIn('theme', locale));
  const events = await deadlineEvents(locale, site!, (view) => view.data.themes.some((theme) => family.has(theme.slug)));
  const body = calendar({ name: `${t('ics.name')} — ${props.name}`, description: t('ics.description'), language: locale, events });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
