// One search result as the page shows it (title link, type · place · status, excerpt with its marks), and the status line.
import type { Words } from './config';
import type { ResultData } from './pagefind';

// A <textarea> decodes character references without parsing any markup.
const decoder = document.createElement('textarea');

/** Pagefind's excerpt is escaped text with <mark> around the matches: keep the marks, nothing else. */
export const excerptNodes = (excerpt: string): Node[] =>
  excerpt.split(/(<mark>.*?<\/mark>)/g).map((part) => {
    const marked = part.match(/^<mark>(.*?)<\/mark>$/);
    decoder.innerHTML = marked ? marked[1] : part;
    const text = decoder.value;
    if (!marked) return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });

export function renderResult(data: ResultData, words: Words): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const title = document.createElement('h3');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const about = document.createElement('p');
  about.className = 'search-result-about';
  const facts = [words.label('type', data.filters.type?.[0] ?? ''), data.meta.place, ...(data.filters.status ?? []).map((s) => words.label('status', s))].filter(Boolean);
  about.textContent = facts.join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(title, about, excerpt);
  return item;
}

/** What the status line (a live region) announces once the results are shown. */
export function resultCount(total: number, term: string | null, words: Words): string {
  if (!total) return words.say('search.none');
  const count = total.toLocaleString(words.locale);
  return term ? words.say('search.countFor', { query: term, count }) : words.say('search.count', { count });
}
