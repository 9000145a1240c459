/** What went wrong, said where it happened: each problem beside its field and all of them in a summary that takes the focus. */
import { NetworkError, errorMessage, type Reply } from './api';
import { checkControls } from './browser-checks';
import { $, $$ } from './elements';
import type { PageBase } from './page';
import { signOut } from './session';

/** A problem with one field: the control's id (or none: the form as a whole) and what to say. */
export interface Problem {
  id?: string;
  message: string;
}

export interface FormMessages {
  clearErrors: (form: HTMLFormElement) => void;
  showErrors: (form: HTMLFormElement, problems: Problem[]) => void;
  /** One message for the whole form (network, 429, server error). */
  showFormError: (form: HTMLFormElement, message: string) => void;
  checkControls: (form: HTMLFormElement) => Problem[];
  /** Handles what every call may answer: expired session, rate limit, network, another error. */
  failure: (form: HTMLFormElement, error: unknown, reply?: Reply) => void;
}

/** A control's name as the contributor reads it: its label, or its fieldset's legend. */
const labelOf = (id: string) => {
  const control = document.getElementById(id);
  if (!control) return '';
  if (control.tagName === 'FIELDSET') return control.querySelector('legend')?.textContent?.trim() ?? '';
  const label = document.querySelector(`label[for="${id}"]`)?.textContent?.replace(/\s*\*$/, '').trim() ?? '';
  // A control inside a numbered group (Result 2, Link 1) is named with its group.
  const group = control.closest('fieldset[data-row]')?.querySelector('legend')?.textContent?.trim();
  return group ? `${group} · ${label}` : label;
};

const clearErrors = (form: HTMLFormElement) => {
  for (const slot of $$<HTMLElement>('[data-error-for]', form)) slot.textContent = '';
  for (const control of $$<HTMLElement>('[aria-invalid]', form)) control.removeAttribute('aria-invalid');
  const summary = $<HTMLElement>('[data-summary]', form);
  summary.hidden = true;
  summary.replaceChildren();
};

/** The summary's link to a control: following it focuses the control (a fieldset through its first control). */
const linkTo = (t: PageBase['t'], control: HTMLElement, problem: Required<Problem>) => {
  const focusable = control.tagName === 'FIELDSET' ? control.querySelector('input') ?? control : control;
  const link = document.createElement('a');
  link.href = `#${focusable.id || problem.id}`;
  link.textContent = t('error.item', { field: labelOf(problem.id), message: problem.message });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    focusable.focus();
    focusable.scrollIntoView({ block: 'center' });
  });
  return link;
};

/** One line of the summary; a problem with a field is also written beside it, and the field marked invalid. */
const summaryItem = (t: PageBase['t'], problem: Problem) => {
  const item = document.createElement('li');
  const slot = problem.id ? document.getElementById(`${problem.id}-error`) : null;
  if (!problem.id || !slot) {
    item.textContent = problem.message;
    return item;
  }
  slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
  const control = document.getElementById(problem.id)!;
  control.setAttribute('aria-invalid', 'true');
  item.append(linkTo(t, control, problem as Required<Problem>));
  return item;
};

const showErrors = (page: PageBase, form: HTMLFormElement, problems: Problem[]) => {
  clearErrors(form);
  const summary = $<HTMLElement>('[data-summary]', form);
  const heading = document.createElement('h3');
  heading.id = `${form.id}-summary-title`;
  heading.textContent = page.config.strings['error.summary'] ?? '';
  const list = document.createElement('ul');
  list.append(...problems.map((problem) => summaryItem(page.t, problem)));
  summary.setAttribute('role', 'alert');
  summary.setAttribute('aria-labelledby', heading.id);
  summary.append(heading, list);
  summary.hidden = false;
  summary.focus();
};

export const formMessages = (page: PageBase): FormMessages => {
  const { t } = page;
  const showFormError = (form: HTMLFormElement, message: string) => showErrors(page, form, [{ message }]);
  return {
    clearErrors,
    showErrors: (form, problems) => showErrors(page, form, problems),
    showFormError,
    checkControls: (form) => checkControls(t, form),
    failure: (form, error, reply) => {
      if (error instanceof NetworkError) return showFormError(form, t('error.network'));
      if (!reply) throw error;
      if (reply.status === 401) return signOut(page, t('sessionExpired'));
      if (reply.status === 429) {
        const seconds = Number(reply.headers.get('retry-after') ?? reply.body?.error?.details?.retryAfter ?? 60);
        return showFormError(form, t('error.rateLimited', { when: page.inWords(seconds) }));
      }
      showFormError(form, t('error.server', { status: reply.status, message: errorMessage(reply) }));
    },
  };
};
