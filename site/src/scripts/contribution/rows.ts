/** The repeatable groups of the case-study form (partners, results, links): one row more at a time, or as many as a submission holds. */
import { $, $$ } from './elements';

export const ROW_GROUPS = ['partners', 'results', 'links'] as const;
export type RowGroup = (typeof ROW_GROUPS)[number];

/** The rows of a group the contributor sees, and the number each carries in its controls' ids. */
export const visibleRows = (form: HTMLFormElement, name: RowGroup) => $$<HTMLElement>(`[data-rows="${name}"] > [data-row]`, form).filter((row) => !row.hidden);
export const rowIndex = (row: HTMLElement) => Number(row.dataset.row);

/** Shows exactly `count` rows of a group (at least one), the "add" button while rows remain. */
export function showRows(root: HTMLElement, name: RowGroup, count: number): void {
  const group = $<HTMLElement>(`[data-rows="${name}"]`, root);
  const rows = $$<HTMLElement>(':scope > [data-row]', group);
  rows.forEach((row, i) => (row.hidden = i >= Math.max(1, count)));
  $<HTMLElement>('[data-add-row]', group).hidden = count >= rows.length;
}

/** Each group's "add" button shows its next row and focuses it; it hides with the last one. */
export function startAddingRows(root: HTMLElement): void {
  for (const button of $$<HTMLButtonElement>('[data-add-row]', root)) {
    button.addEventListener('click', () => {
      const group = button.closest('[data-rows]')!;
      const next = $$<HTMLElement>(':scope > [data-row][hidden]', group)[0];
      if (!next) return;
      next.hidden = false;
      next.querySelector('input')?.focus();
      if (!$$(':scope > [data-row][hidden]', group).length) button.hidden = true;
    });
  }
}
