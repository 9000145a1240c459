/** Sending a case study: checked in the browser, sent as multipart (new, or an edit's changes), the server's errors beside their fields, then the success box. */
import type { Reply } from './api';
import { requestBody } from './attachments';
import { asEdit, type CaseStudyEdit, type Editing } from './case-study-edit';
import { serverProblems } from './case-study-errors';
import { $ } from './elements';
import type { MySubmissions } from './my-submissions';
import type { ContributionPage } from './page';
import type { GuideActors } from './partners';
import { readCaseStudy, type CaseStudyRead } from './read-case-study';
import type { Success } from './success';

interface Parts {
  actors: GuideActors;
  edit: CaseStudyEdit;
  success: Success;
  mine: MySubmissions;
}

export function startSubmissionForm(page: ContributionPage, { actors, edit, success, mine }: Parts): void {
  const { t } = page;
  const form = $<HTMLFormElement>('#submission-form');
  const submit = $<HTMLButtonElement>('[data-submit]', form);

  /** The form read and checked; null when something is said to the contributor instead. */
  async function checked(): Promise<CaseStudyRead | null> {
    // The honeypot is never sent (the API refuses unknown fields): a filled one stops here.
    if ($<HTMLInputElement>('#c-leave-empty', form).value) {
      page.showFormError(form, t('error.honeypot'));
      return null;
    }
    const read = readCaseStudy(page, form, await actors(), edit.current()?.attached ?? 0);
    const all = [...page.checkControls(form), ...read.problems];
    if (all.length) {
      page.showErrors(form, all);
      return null;
    }
    page.clearErrors(form);
    return read;
  }

  /** What the CMS accepted: an edit ends, a new case study empties the form; both show the similar entries. */
  function accepted(reply: Reply, edited: Editing | null) {
    if (edited) {
      edit.stop();
      success.show(reply.body.data, reply.body.data.duplicates ?? [], 'success.updated');
    } else {
      success.show(reply.body.data, reply.body.meta?.duplicates ?? []);
      form.reset();
    }
  }

  async function send({ data, files, where }: CaseStudyRead) {
    const edited = edit.current();
    const body = requestBody(edited ? asEdit(data) : data, files);
    submit.disabled = true;
    submit.textContent = t('sending');
    let reply: Reply | undefined;
    try {
      reply = edited ? await page.api.updateCaseStudy(edited.id, body) : await page.api.sendCaseStudy(body);
      if (reply.status === 400) return page.showErrors(form, serverProblems(t, reply, where, files));
      if (reply.status !== (edited ? 200 : 201)) return page.failure(form, null, reply);
      accepted(reply, edited);
      await mine.load();
    } catch (error) {
      page.failure(form, error, reply);
    } finally {
      submit.disabled = false;
      submit.textContent = edit.submitLabel();
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    success.hide();
    const read = await checked();
    if (read) await send(read);
  });
}
