/** "My submissions": what the organisation sent, its status, the editors' comments, a link once published, and Edit while still open. */
import type { SubmissionView } from '@aimf/strapi-plugin-knowledge-base/shared';
import { errorMessage, type Reply } from './api';
import { $ } from './elements';
import { caseStudyUrl, type PageBase, type ContributionPage } from './page';

export interface MySubmissions {
  /** Reads the list again from the CMS. */
  load: () => Promise<void>;
  clear: () => void;
}
type Edit = (submission: SubmissionView) => Promise<void>;

const line = (text: string, className?: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
};

/** The editors' comments; a submission from before the history was kept has only its last one. */
const commentsOf = (s: SubmissionView) => {
  const comments = (s.history ?? []).filter((h) => h.by === 'editor' && h.comment).map((h) => h.comment as string);
  if (!comments.length && s.comment) comments.push(s.comment);
  return comments;
};

/** Accepted: its page on the guide (online once the site has rebuilt, within a minute). */
const publishedLink = (page: Pick<PageBase, 'config' | 't'>, s: SubmissionView, slug: string) => {
  const link = document.createElement('a');
  link.href = caseStudyUrl(page.config, s.locale, slug);
  link.textContent = page.t('mine.view');
  link.className = 'published-link';
  const p = document.createElement('p');
  p.append(link);
  return p;
};

const editButton = (t: PageBase['t'], s: SubmissionView, edit: Edit) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.dataset.edit = s.id;
  button.textContent = t(s.status === 'changes-requested' ? 'mine.revise' : 'mine.edit');
  button.addEventListener('click', () => void edit(s));
  return button;
};

const submissionItem = (page: PageBase, s: SubmissionView, edit: Edit) => {
  const { t, config } = page;
  const item = document.createElement('li');
  item.dataset.submission = s.id;
  const title = document.createElement('h3');
  title.textContent = s.title ?? '';
  title.lang = s.locale;
  title.dir = 'auto';
  item.append(title);
  if (s.kind === 'actor-update') item.append(line(t('kind.actor-update')));
  item.append(line(t('mine.status', { status: t(`status.${s.status}`) }), 'submission-status'));
  item.append(line(t('mine.sent', { date: page.formatDate(s.createdAt), language: config.localeNames[s.locale] ?? s.locale })));
  for (const comment of commentsOf(s)) item.append(line(t('mine.comment', { comment }), 'editor-comment'));
  const slug = s.content?.slug;
  if (s.status === 'accepted' && s.kind === 'case-study' && slug) item.append(publishedLink(page, s, String(slug)));
  if (s.editable && s.content) item.append(editButton(t, s, edit));
  return item;
};

/** `edit`: opens a submission in its form (the case study's or the fiche's). */
export function mySubmissions(page: ContributionPage, edit: Edit): MySubmissions {
  const list = $<HTMLUListElement>('[data-mine]', page.root);
  const status = $<HTMLElement>('[data-mine-status]', page.root);
  return {
    load: async () => {
      let reply: Reply;
      try {
        reply = await page.api.mySubmissions();
      } catch {
        status.textContent = page.t('error.network');
        return;
      }
      if (reply.status !== 200) {
        status.textContent = page.t('error.server', { status: reply.status, message: errorMessage(reply) });
        return;
      }
      const submissions: SubmissionView[] = reply.body.data ?? [];
      status.textContent = submissions.length ? '' : page.t('mine.empty');
      list.replaceChildren(...submissions.map((s) => submissionItem(page, s, edit)));
    },
    clear: () => list.replaceChildren(),
  };
}
