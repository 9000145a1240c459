/** Open data: every published entry of one collection in one locale, as CSV (RFC 4180, UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { KB_TYPES, type KbType } from '@aimf/strapi-plugin-knowledge-base/shared';
import { LOCALES, type Locale } from '../../../utils/i18n';
import { DATA_TYPES, openDataCsvFile } from '../../../utils/open-data';

export const getStaticPaths = (() =>
  LOCALES.flatMap((locale) => DATA_TYPES.map((type) => ({ params: { locale, collection: KB_TYPES[type].path }, props: { type } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) =>
  new Response(await openDataCsvFile(props.type as KbType, params.locale as Locale), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
