/** The case-study form filled with what a submission holds now, for the contributor to edit it. */
import type { Actor } from './partners';
import { LINK_PARTS, RESULT_PARTS, SINGLE_FIELDS } from './case-study-fields';
import { $, $$, setValue } from './elements';
import type { FormMessages } from './messages';
import { showRows, type RowGroup } from './rows';

const checkAll = (form: HTMLFormElement, name: string, values: Set<string>) => {
  for (const box of $$<HTMLInputElement>(`input[name="${name}"]`, form)) box.checked = values.has(box.value);
};

/** As many rows as the list holds, each filled by `fill(item, row)`. */
const fillRows = <T>(root: HTMLElement, name: RowGroup, items: T[], fill: (item: T, row: number) => void) => {
  showRows(root, name, items.length);
  items.forEach(fill);
};

/** `known`: the guide's actors, to show partners stored by slug by their names. */
export function fillCaseStudy(root: HTMLElement, form: HTMLFormElement, clearErrors: FormMessages['clearErrors'], content: any, locale: string, known: Actor[]): void {
  form.reset();
  clearErrors(form);
  $<HTMLSelectElement>('#c-locale', root).value = locale;
  for (const name of SINGLE_FIELDS) setValue(`c-${name}`, content[name]);
  checkAll(form, 'themes', new Set<string>(content.themes ?? []));
  checkAll(form, 'sdgs', new Set<string>((content.sdgs ?? []).map(String)));
  const actorName = new Map(known.map((a) => [a.slug, a.name]));
  fillRows(root, 'partners', content.partners ?? [], (p: any, i) => setValue(`c-partner-${i}`, 'actor' in p ? actorName.get(p.actor) ?? p.actor : p.name));
  fillRows(root, 'results', content.results ?? [], (r: any, i) => RESULT_PARTS.forEach((k) => setValue(`c-result-${i}-${k}`, r[k])));
  setValue('c-lessons', (content.lessons ?? []).join('\n'));
  fillRows(root, 'links', content.links ?? [], (l: any, i) => LINK_PARTS.forEach((k) => setValue(`c-link-${i}-${k}`, l[k])));
}
