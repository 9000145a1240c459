/** Editing a case study that is still open (sent, or sent back by the editors): the same form, filled, sends its changes instead of a new one. */
import type { SubmissionView } from '@aimf/strapi-plugin-knowledge-base/shared';
import { CLEARABLE_FIELDS, LIST_FIELDS } from './case-study-fields';
import { $ } from './elements';
import { fillCaseStudy } from './fill-case-study';
import type { ContributionPage } from './page';
import type { GuideActors } from './partners';
import { ROW_GROUPS, showRows } from './rows';
import type { Success } from './success';

/** The submission being edited, and how many files it holds already (the limit counts them too). */
export interface Editing {
  id: string;
  title: string;
  attached: number;
}
export interface CaseStudyEdit {
  current: () => Editing | null;
  start: (submission: SubmissionView) => Promise<void>;
  /** Back to a new case study; does nothing when none is being edited. */
  stop: () => void;
  /** The submit button's words: send, or send the changes. */
  submitLabel: () => string;
}

/**
 * An edit sends the whole form: a field left empty is cleared (null, or an empty list), so
 * what the contributor sees is what the editors get. The language is not sent.
 */
export const asEdit = (data: Record<string, unknown>) => {
  const { locale: _locale, ...fields } = data;
  for (const name of CLEARABLE_FIELDS) if (!Object.hasOwn(fields, name)) fields[name] = null;
  for (const name of LIST_FIELDS) if (!Object.hasOwn(fields, name)) fields[name] = [];
  return fields;
};

export function caseStudyEdit(page: ContributionPage, actors: GuideActors, success: Success): CaseStudyEdit {
  const { root, t } = page;
  const form = $<HTMLFormElement>('#submission-form');
  const formTitle = $<HTMLElement>('#form-title', root);
  const formIntro = $<HTMLElement>('[data-form-intro]', root);
  const cancel = $<HTMLButtonElement>('[data-cancel-edit]', root);
  const localeSelect = $<HTMLSelectElement>('#c-locale', root);
  const submit = $<HTMLButtonElement>('[data-submit]', form);
  let editing: Editing | null = null;
  const submitLabel = () => t(editing ? 'resubmit' : 'submit');

  async function start(submission: SubmissionView) {
    // Partners are stored by slug and shown by name.
    const known = await actors();
    editing = { id: submission.id, title: submission.title ?? '', attached: (submission.attachments ?? []).length };
    success.hide();
    fillCaseStudy(root, form, page.clearErrors, submission.content, submission.locale, known);
    // A submission keeps its language: the API refuses to change it.
    localeSelect.disabled = true;
    formTitle.textContent = t('form.editTitle', { title: editing.title });
    formIntro.textContent = `${t('form.intro')} ${t('form.editIntro', { count: editing.attached })}`;
    submit.textContent = submitLabel();
    cancel.hidden = false;
    formTitle.scrollIntoView({ block: 'start' });
    formTitle.focus();
  }

  function stop() {
    if (!editing) return;
    editing = null;
    form.reset();
    page.clearErrors(form);
    for (const name of ROW_GROUPS) showRows(root, name, 1);
    localeSelect.disabled = false;
    localeSelect.value = page.config.locale;
    formTitle.textContent = t('form.title');
    formIntro.textContent = t('form.intro');
    submit.textContent = submitLabel();
    cancel.hidden = true;
  }

  // Cancelling gives the focus back to the Edit button it came from.
  cancel.addEventListener('click', () => {
    const id = editing?.id;
    stop();
    $<HTMLButtonElement>(`[data-edit="${id}"]`, root)?.focus();
  });

  return { current: () => editing, start, stop, submitLabel };
}
