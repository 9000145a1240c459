// Paging through the results: ten a page, a previous/next link pair around "page n of m".
import type { Words } from './config';

export const PAGE_SIZE = 10;

/** The page actually shown for a wished one (a page past the end shows the last), and its slice of the results. */
export function pageOf<T>(results: T[], wished: number): { page: number; shown: T[] } {
  const pageCount = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const page = Math.min(wished, pageCount);
  return { page, shown: results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}

/** Draws the links into `nav` (hidden when there is one page); `hrefOf` gives a page's URL. */
export function renderPages(nav: HTMLElement, total: number, page: number, hrefOf: (page: number) => string, words: Words): void {
  const count = Math.ceil(total / PAGE_SIZE);
  nav.replaceChildren();
  nav.hidden = count <= 1;
  if (count <= 1) return;
  const link = (to: number, rel: 'prev' | 'next', text: string) => {
    const item = document.createElement('li');
    item.className = rel;
    const a = document.createElement('a');
    a.href = hrefOf(to);
    a.rel = rel;
    a.textContent = text;
    a.dataset.page = String(to);
    item.append(a);
    return item;
  };
  const ul = document.createElement('ul');
  if (page > 1) ul.append(link(page - 1, 'prev', words.say('list.previous')));
  const here = document.createElement('li');
  here.textContent = words.say('list.page', { page, pages: count });
  here.setAttribute('aria-current', 'page');
  ul.append(here);
  if (page < count) ul.append(link(page + 1, 'next', words.say('list.next')));
  nav.append(ul);
}

/** The page a click on one of the links asks for, unless the reader wants it elsewhere (new tab or window). */
export function pageClicked(event: MouseEvent): number | undefined {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  event.preventDefault();
  return Number(link.dataset.page);
}
