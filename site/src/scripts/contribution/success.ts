/** The box that says a submission or a proposal was sent, with the existing entries that look like the same initiative. */
import type { LookAlike } from '@aimf/strapi-plugin-knowledge-base/shared';
import { $ } from './elements';
import { caseStudyUrl, type PageBase } from './page';

export interface Success {
  /** Says `text` of what was sent and lists the similar entries; takes the focus. */
  show: (submission: { title: string }, duplicates: LookAlike[], text?: string) => void;
  hide: () => void;
}

/** The API lists each language version; one line per initiative, in the page's language when it has one. */
const onePerInitiative = (duplicates: LookAlike[], locale: string) => {
  const byDocument = new Map<string, LookAlike>();
  for (const d of duplicates) if (!byDocument.has(d.documentId) || d.locale === locale) byDocument.set(d.documentId, d);
  return [...byDocument.values()];
};

/** An entry and why it looks the same; a published one links to its page. */
const duplicateItem = ({ config, t }: Pick<PageBase, 'config' | 't'>, d: LookAlike) => {
  const item = document.createElement('li');
  const why = ` (${[t(`duplicate.${d.reason}`), d.status ? t(`status.${d.status}`) : ''].filter(Boolean).join(', ')})`;
  if (d.published) {
    const link = document.createElement('a');
    link.href = caseStudyUrl(config, d.locale, d.slug);
    link.textContent = d.title;
    link.lang = d.locale;
    item.append(link, why);
  } else item.textContent = `${d.title}${why}`;
  return item;
};

export function successBox(page: PageBase): Success {
  const box = $<HTMLElement>('#contribute-success', page.root);
  return {
    show: (submission, duplicates, text = 'success.text') => {
      $('[data-success-text]', box).textContent = page.t(text, { title: submission.title });
      $<HTMLUListElement>('[data-duplicate-list]', box).replaceChildren(...onePerInitiative(duplicates, page.config.locale).map((d) => duplicateItem(page, d)));
      $<HTMLElement>('[data-duplicates]', box).hidden = duplicates.length === 0;
      box.hidden = false;
      box.focus();
    },
    hide: () => {
      box.hidden = true;
    },
  };
}
