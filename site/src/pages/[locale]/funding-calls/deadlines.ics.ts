/** iCalendar of every call deadline, in one locale: subscribe to it in a calendar app. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, useTranslations, type Locale } from '../../../utils/i18n';
import { calendar } from '../../../utils/ical';
import { deadlineEvents } from '../../../utils/feed-items';

export const getStaticPaths = (() => LOCALES.map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const locale = params.locale as Locale;
  const t = useTranslations(locale);
  const body = calendar({ name: t('ics.name'), description: t('ics.description'), language: locale, events: await deadlineEvents(locale, site!) });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
