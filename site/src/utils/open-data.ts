/** The open-data files of one collection in one locale, from the plugin's one schema. */
import {
  DATA_LICENCES,
  DEFAULT_DATA_LICENCE,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_SCHEMA_VERSION,
  openDataCsv,
  openDataRow,
  type DataLicenceId,
  type KbType,
  type Locale,
} from '@aimf/strapi-plugin-knowledge-base/shared';
import { buildTime } from './build-time';
import { entriesIn } from './catalogue';

export const DATA_TYPES: KbType[] = ['case-study', 'actor', 'funding-call', 'good-practice', 'theme'];

/** The licence the data is published under: `KB_DATA_LICENCE`, Licence Ouverte 2.0 by default. */
export const dataLicence = () => {
  const id = (process.env.KB_DATA_LICENCE || DEFAULT_DATA_LICENCE) as DataLicenceId;
  if (!(id in DATA_LICENCES)) {
    throw new Error(`KB_DATA_LICENCE must be one of ${Object.keys(DATA_LICENCES).join(', ')} (got "${id}")`);
  }
  return { id, ...DATA_LICENCES[id] };
};

/** Rows of the entries really written in `locale` (no fallback copies), by slug. */
export async function openDataRows(type: KbType, locale: Locale) {
  const now = buildTime();
  return (await entriesIn(type, locale))
    .filter((view) => !view.fallback)
    .map((view) => openDataRow(type, view.data as any, now))
    .sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
}

export async function openDataJson(type: KbType, locale: Locale, site: URL): Promise<string> {
  const licence = dataLicence();
  return JSON.stringify(
    {
      collection: type,
      locale,
      schemaVersion: OPEN_DATA_SCHEMA_VERSION,
      generatedAt: buildTime().toISOString(),
      source: new URL(`/${locale}/`, site).href,
      licence: { id: licence.id, name: licence.name, url: licence.url },
      columns: OPEN_DATA_COLUMNS[type].map(({ name, kind }) => ({ name, kind })),
      entries: await openDataRows(type, locale),
    },
    null,
    1,
  );
}

export const openDataCsvFile = async (type: KbType, locale: Locale) => openDataCsv(type, await openDataRows(type, locale));
