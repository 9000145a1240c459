/**
 * The guide as open data: one table per collection and locale, the same columns in JSON and
 * CSV. The schema lives here, once; the site writes the files from it at every build.
 * Change a column only by adding one at the end and raising OPEN_DATA_SCHEMA_VERSION.
 */
import { deadlineStatus } from './deadline-status';
import type { KbType } from './content-types';

export const OPEN_DATA_SCHEMA_VERSION = 1;

/** Joins the values of a `list` column (slugs, codes) in CSV; none of those values can hold it. */
export const LIST_SEPARATOR = ';';
/** Joins the items of a `lines` column (short texts) in CSV. */
export const LINES_SEPARATOR = '\n';

/**
 * text, integer, number, boolean, date (YYYY-MM-DD), datetime (ISO 8601 instant), enum (one
 * code), list (codes or slugs: an array in JSON, joined by LIST_SEPARATOR in CSV), lines (short
 * texts: an array in JSON, joined by LINES_SEPARATOR in CSV), json (structured: as is in JSON,
 * JSON-encoded in CSV).
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum' | 'list' | 'lines' | 'json';

type Entry = Record<string, any>;
export interface OpenDataColumn {
  name: string;
  kind: ColumnKind;
  /** The key of its label in the site's translations. */
  label: string;
  value: (entry: Entry, now: Date) => unknown;
}

const field = (name: string, kind: ColumnKind, label = `field.${name}`): OpenDataColumn => ({
  name,
  kind,
  label,
  value: (entry) => entry[name] ?? null,
});
const slugs = (name: string, label = `field.${name}`): OpenDataColumn => ({
  name,
  kind: 'list',
  label,
  value: (entry) => ((entry[name] ?? []) as { slug: string }[]).map((r) => r.slug),
});
const one = (name: string, label = `field.${name}`): OpenDataColumn => ({
  name,
  kind: 'text',
  label,
  value: (entry) => (entry[name] as { slug: string } | null)?.slug ?? null,
});

const head = (title: 'title' | 'name'): OpenDataColumn[] => [
  field('slug', 'text', 'data.column.slug'),
  field('locale', 'enum', 'data.column.locale'),
  field(title, 'text', `data.column.${title}`),
];
const tail: OpenDataColumn[] = [
  field('translationOrigin', 'enum', 'data.column.translationOrigin'),
  field('sources', 'json', 'field.sources'),
  field('publishedAt', 'datetime', 'data.column.publishedAt'),
  field('updatedAt', 'datetime', 'data.column.updatedAt'),
];

export const OPEN_DATA_COLUMNS: Record<KbType, OpenDataColumn[]> = {
  'case-study': [
    ...head('title'),
    field('summary', 'text', 'data.column.summary'),
    field('body', 'text'),
    field('lessons', 'lines'),
    field('city', 'text', 'data.column.city'),
    field('country', 'enum'),
    field('latitude', 'number', 'data.column.latitude'),
    field('longitude', 'number', 'data.column.longitude'),
    field('yearStart', 'integer', 'data.column.yearStart'),
    field('yearEnd', 'integer', 'data.column.yearEnd'),
    field('stage', 'enum'),
    field('sdgs', 'list'),
    slugs('themes'),
    {
      name: 'actors',
      kind: 'list',
      label: 'field.actors',
      value: (e) => ((e.actors ?? []) as { slug: string }[]).map((a) => a.slug),
    },
    {
      name: 'actorRoles',
      kind: 'list',
      label: 'data.column.actorRoles',
      // Same order as `actors`; a role is "slug:role" so the pair survives the CSV.
      value: (e) => ((e.actors ?? []) as { slug: string; role?: string | null }[]).filter((a) => a.role).map((a) => `${a.slug}:${a.role}`),
    },
    slugs('goodPractices'),
    slugs('fundingCalls'),
    field('results', 'json'),
    field('links', 'json'),
    ...tail,
  ],
  actor: [
    ...head('name'),
    field('type', 'enum'),
    field('description', 'text'),
    field('interests', 'text'),
    field('competences', 'text'),
    field('resources', 'text'),
    field('network', 'text'),
    field('priorities', 'text'),
    field('difficulties', 'text'),
    field('howToCollaborate', 'text'),
    field('city', 'text', 'data.column.city'),
    field('country', 'enum'),
    field('website', 'text'),
    field('publicContact', 'text'),
    field('aimfMember', 'boolean'),
    slugs('themes'),
    slugs('caseStudies'),
    slugs('fundedCalls'),
    ...tail,
  ],
  'funding-call': [
    ...head('title'),
    field('summary', 'text', 'data.column.summary'),
    field('body', 'text'),
    field('instrument', 'enum'),
    slugs('funders'),
    field('eligibleBeneficiaries', 'list'),
    field('scopeLevel', 'enum'),
    field('countries', 'list'),
    slugs('themes'),
    field('amountMin', 'number', 'data.column.amountMin'),
    field('amountMax', 'number', 'data.column.amountMax'),
    field('currency', 'enum', 'data.column.currency'),
    field('cofinancingRate', 'number'),
    field('openingDate', 'date'),
    field('deadline', 'datetime'),
    field('timezone', 'text', 'data.column.timezone'),
    field('recurrence', 'enum'),
    field('referenceYear', 'integer'),
    { name: 'status', kind: 'enum', label: 'field.status', value: (e, now) => deadlineStatus(e, now) },
    field('applicationUrl', 'text'),
    field('contact', 'text'),
    one('nextEdition'),
    slugs('caseStudies'),
    ...tail,
  ],
  'good-practice': [
    ...head('title'),
    field('summary', 'text', 'data.column.summary'),
    field('kind', 'enum'),
    field('leverCategory', 'enum'),
    field('problem', 'text'),
    field('implementation', 'text'),
    field('costs', 'text'),
    field('timeline', 'text'),
    field('keyQuestions', 'lines'),
    field('indicators', 'lines'),
    field('pitfalls', 'text'),
    field('sdgs', 'list'),
    slugs('themes'),
    slugs('caseStudies'),
    slugs('relatedPractices'),
    ...tail,
  ],
  theme: [...head('name'), field('description', 'text'), one('parent', 'theme.parent'), slugs('children', 'theme.children'), ...tail],
};

export type OpenDataRow = Record<string, unknown>;

/** An entry as the public API gives it → its open-data row (JSON values). */
export const openDataRow = (type: KbType, entry: Entry, now: Date): OpenDataRow =>
  Object.fromEntries(OPEN_DATA_COLUMNS[type].map((column) => [column.name, normalize(column.kind, column.value(entry, now))]));

const normalize = (kind: ColumnKind, value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return kind === 'list' || kind === 'lines' ? [] : null;
  if ((kind === 'number' || kind === 'integer') && typeof value === 'string') return Number(value);
  if ((kind === 'list' || kind === 'lines') && !Array.isArray(value)) return [value];
  return value;
};

/**
 * Cells a spreadsheet would run as a formula (OWASP: `=`, `+`, `-`, `@`, tab, carriage return),
 * and cells that already start with the quote we add, so that removing one quote always gives
 * the value back.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

const cellText = (kind: ColumnKind, value: unknown): string => {
  if (kind === 'list') return (value as unknown[]).map(String).join(LIST_SEPARATOR);
  if (kind === 'lines') return (value as unknown[]).map(String).join(LINES_SEPARATOR);
  if (kind === 'json') return JSON.stringify(value);
  return String(value);
};

/** A JSON value of a column → its CSV cell text; text a spreadsheet would run as a formula gets a leading `'`. */
export const csvCell = (kind: ColumnKind, value: unknown): string => {
  if (value === null || value === undefined) return '';
  // A number is read as a number, never a formula: a negative latitude or longitude stays one.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = cellText(kind, value);
  return FORMULA_START.test(text) ? `'${text}` : text;
};

/** Every cell quoted (OWASP): a spreadsheet that splits on ";" or tabs still sees one cell. */
const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** RFC 4180 (CRLF line ends, every cell quoted, quotes doubled) with a UTF-8 byte order mark, so spreadsheets read Arabic and accents right. */
export const openDataCsv = (type: KbType, rows: OpenDataRow[]): string => {
  const columns = OPEN_DATA_COLUMNS[type];
  const lines = [columns.map((c) => c.name), ...rows.map((row) => columns.map((c) => csvCell(c.kind, row[c.name])))];
  return `\uFEFF${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
};

/** The licences the data can be published under (`KB_DATA_LICENCE`); the first is the default. */
export const DATA_LICENCES = {
  'etalab-2.0': { name: 'Licence Ouverte / Open Licence 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  'cc-by-4.0': { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'odbl-1.0': { name: 'Open Database License 1.0 (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  'cc0-1.0': { name: 'Creative Commons Zero 1.0 (CC0)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
} as const;
export type DataLicenceId = keyof typeof DATA_LICENCES;
export const DEFAULT_DATA_LICENCE: DataLicenceId = 'etalab-2.0';
