/** The case-study form read as the API's `data`, with what is wrong before sending and where each list item sits in the page. */
import type { Actor } from './partners';
import { attachedFiles, attachmentProblems } from './attachments';
import { LINK_PARTS, REQUIRED_FIELDS, RESULT_PARTS, SINGLE_FIELDS } from './case-study-fields';
import { $$, valueIn } from './elements';
import type { Problem } from './messages';
import type { PageBase } from './page';
import { rowIndex, visibleRows, type RowGroup } from './rows';

/** For each group, the row number of each item sent: the server's errors name items by their place in the list. */
export type RowsSent = Record<RowGroup, number[]>;
export interface CaseStudyRead {
  data: Record<string, unknown>;
  files: File[];
  where: RowsSent;
  problems: Problem[];
}
interface Reading {
  form: HTMLFormElement;
  value: (id: string) => string;
  t: PageBase['t'];
  problems: Problem[];
  where: RowsSent;
}

/** How a single value is sent when it is not sent as typed. */
const AS_SENT: Partial<Record<string, (value: string) => unknown>> = { country: (v) => v.toUpperCase(), yearStart: Number, yearEnd: Number };

const singleValues = ({ value, t, problems }: Reading) => {
  const data: Record<string, unknown> = { locale: value('c-locale') };
  for (const name of SINGLE_FIELDS) {
    const typed = value(`c-${name}`);
    if (typed || REQUIRED_FIELDS.includes(name)) data[name] = AS_SENT[name]?.(typed) ?? typed;
  }
  if (typeof data.yearStart === 'number' && typeof data.yearEnd === 'number' && data.yearEnd < data.yearStart)
    problems.push({ id: 'c-yearEnd', message: t('error.yearOrder') });
  return data;
};

const choices = (form: HTMLFormElement) => {
  const checked = (name: string) => $$<HTMLInputElement>(`input[name="${name}"]:checked`, form).map((input) => input.value);
  const data: Record<string, unknown> = {};
  if (checked('themes').length) data.themes = checked('themes');
  if (checked('sdgs').length) data.sdgs = checked('sdgs').map(Number);
  return data;
};

/** A partner the guide knows goes by its slug, any other by its name. */
const partnersOf = ({ form, value, where }: Reading, known: Actor[]) => {
  const byName = new Map(known.map((a) => [a.name.toLocaleLowerCase(), a.slug]));
  return visibleRows(form, 'partners').flatMap((row) => {
    const name = value(`c-partner-${rowIndex(row)}`);
    if (!name) return [];
    where.partners.push(rowIndex(row));
    const slug = byName.get(name.toLocaleLowerCase());
    return [slug ? { actor: slug } : { name }];
  });
};

const resultsOf = ({ form, value, t, problems, where }: Reading) =>
  visibleRows(form, 'results').flatMap((row) => {
    const i = rowIndex(row);
    const [indicator, amount, unit, year] = RESULT_PARTS.map((k) => value(`c-result-${i}-${k}`));
    if (!indicator && !amount && !unit && !year) return [];
    if (!indicator) problems.push({ id: `c-result-${i}-indicator`, message: t('error.required') });
    where.results.push(i);
    return [{ indicator, ...(amount ? { value: Number(amount) } : {}), ...(unit ? { unit } : {}), ...(year ? { year: Number(year) } : {}) }];
  });

/** One lesson a line. */
const lessonsOf = ({ value, t, problems }: Reading, max: number) => {
  const lessons = value('c-lessons').split('\n').map((l) => l.trim()).filter(Boolean);
  for (const lesson of lessons) if (lesson.length > max) problems.push({ id: 'c-lessons', message: t('error.tooLong', { max }) });
  return lessons;
};

const linksOf = ({ form, value, t, problems, where }: Reading) =>
  visibleRows(form, 'links').flatMap((row) => {
    const i = rowIndex(row);
    const [label, url] = LINK_PARTS.map((k) => value(`c-link-${i}-${k}`));
    if (!label && !url) return [];
    if (!label) problems.push({ id: `c-link-${i}-label`, message: t('error.required') });
    if (!url) problems.push({ id: `c-link-${i}-url`, message: t('error.required') });
    where.links.push(i);
    return [{ label, url }];
  });

/** `known`: the guide's actors, to send partners by slug; `attached`: files an edited submission already holds. */
export function readCaseStudy(page: Pick<PageBase, 'config' | 't'>, form: HTMLFormElement, known: Actor[], attached: number): CaseStudyRead {
  const reading: Reading = { form, value: valueIn(form), t: page.t, problems: [], where: { partners: [], results: [], links: [] } };
  const data = { ...singleValues(reading), ...choices(form) };
  const lists = { partners: partnersOf(reading, known), results: resultsOf(reading), lessons: lessonsOf(reading, page.config.limits.lesson), links: linksOf(reading) };
  for (const [name, list] of Object.entries(lists)) if (list.length) data[name] = list;
  const files = attachedFiles(form);
  reading.problems.push(...attachmentProblems(page, files, attached));
  return { data, files, where: reading.where, problems: reading.problems };
}
