/** Open data: every published entry of one collection in one locale, as JSON. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { KB_TYPES, type KbType } from '@aimf/strapi-plugin-knowledge-base/shared';
import { LOCALES, type Locale } from '../../../utils/i18n';
import { DATA_TYPES, openDataJson } from '../../../utils/open-data';

export const getStaticPaths = (() =>
  LOCALES.flatMap((locale) => DATA_TYPES.map((type) => ({ params: { locale, collection: KB_TYPES[type].path }, props: { type } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) =>
  new Response(await openDataJson(props.type as KbType, params.locale as Locale, site!), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
