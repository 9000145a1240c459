/** Proposed changes to the organisation's actor fiche: the form starts from the published fiche in the chosen language and sends only what differs. */
import type { SubmissionView } from '@aimf/strapi-plugin-knowledge-base/shared';
import { errorMessage, fieldErrors, type Reply } from './api';
import { $, setValue, valueIn } from './elements';
import type { ContributionPage } from './page';
import type { Success } from './success';

export interface FicheProposal {
  /** The signed-in contributor's organisation (none: the form is hidden). */
  open: (organisation: { slug: string; name: string } | null) => void;
  close: () => void;
  /** Shows the published fiche in the chosen language, under a proposal being edited. */
  load: () => Promise<void>;
  startEdit: (submission: SubmissionView) => Promise<void>;
}

/** A fiche's text as the form compares it: one kind of line break, no surrounding space. */
const asCompared = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '');

/** `refresh`: reads "my submissions" again once a proposal is sent. */
export function ficheProposal(page: ContributionPage, success: Success, refresh: () => Promise<void>): FicheProposal {
  const { root, t, config } = page;
  const form = $<HTMLFormElement>('#fiche-form');
  const locale = $<HTMLSelectElement>('#a-locale', form);
  const status = $<HTMLElement>('[data-fiche-status]', form);
  const submit = $<HTMLButtonElement>('[data-fiche-submit]', form);
  const cancel = $<HTMLButtonElement>('[data-fiche-cancel]', form);
  const title = $<HTMLElement>('#fiche-title', root);
  const valueOf = valueIn(form);
  const value = (name: string) => valueOf(`a-${name}`);
  let organisation: { slug: string; name: string } | null = null;
  /** The published fiche in the chosen language: a proposal holds only what differs from it. */
  let published: Record<string, string> = {};
  /** A proposal being edited (sent, or sent back by the editors): shown over the published fiche. */
  let editing: { id: string; proposed: Record<string, string> } | null = null;

  async function load() {
    if (!organisation) return;
    const chosen = locale.value;
    status.textContent = t('fiche.loading');
    let reply: Reply;
    try {
      reply = await page.api.publishedActor(organisation.slug, chosen);
    } catch {
      status.textContent = t('error.network');
      return;
    }
    if (locale.value !== chosen) return; // another language was chosen meanwhile
    const fiche = reply.status === 200 ? (reply.body?.data ?? {}) : {};
    published = Object.fromEntries(config.ficheFields.map((name) => [name, asCompared(fiche[name])]));
    for (const name of config.ficheFields) setValue(`a-${name}`, editing?.proposed[name] ?? published[name]);
    if (reply.status === 200) status.textContent = '';
    else if (reply.status === 404) status.textContent = t('fiche.missing');
    else status.textContent = t('error.server', { status: reply.status, message: errorMessage(reply) });
  }

  async function startEdit(submission: SubmissionView) {
    editing = { id: submission.id, proposed: (submission.content ?? {}) as Record<string, string> };
    success.hide();
    form.reset();
    page.clearErrors(form);
    // A proposal keeps its language.
    locale.value = submission.locale;
    locale.disabled = true;
    submit.textContent = t('resubmit');
    cancel.hidden = false;
    title.scrollIntoView({ block: 'start' });
    title.focus();
    await load();
  }

  function stopEdit() {
    editing = null;
    form.reset();
    page.clearErrors(form);
    locale.disabled = false;
    submit.textContent = t('fiche.submit');
    cancel.hidden = true;
    void load();
  }

  /** What the proposal sends: the fields that differ from the published fiche; an edited one also sends those it held (one set back to the published text is then harmless). */
  const changes = (edited: typeof editing) => {
    const sent = config.ficheFields.filter((name) => value(name) !== (published[name] ?? '') || (edited && Object.hasOwn(edited.proposed, name)));
    return Object.fromEntries(sent.map((name) => [name, value(name)]));
  };

  /** The server's 400, each error beside its field. */
  const refused = (reply: Reply) => {
    const named = fieldErrors(reply).map((e) => ({ id: e.path[0] === 'data' && document.getElementById(`a-${e.path[1]}`) ? `a-${e.path[1]}` : undefined, message: e.message }));
    return named.length ? named : [{ message: errorMessage(reply) }];
  };

  async function send(event: SubmitEvent) {
    event.preventDefault();
    success.hide();
    const problems = page.checkControls(form);
    if (problems.length) return page.showErrors(form, problems);
    const edited = editing;
    const changed = changes(edited);
    if (!Object.keys(changed).length) return page.showFormError(form, t('fiche.unchanged'));
    page.clearErrors(form);
    submit.disabled = true;
    let reply: Reply | undefined;
    try {
      reply = edited ? await page.api.updateFicheProposal(edited.id, changed) : await page.api.proposeFicheChanges({ locale: locale.value, ...changed });
      if (reply.status === 400) return page.showErrors(form, refused(reply));
      if (reply.status !== (edited ? 200 : 201)) return page.failure(form, null, reply);
      success.show({ title: organisation?.name ?? '' }, [], 'fiche.sent');
      // The form shows the published fiche again: the proposal waits under "my submissions".
      if (edited) stopEdit();
      else void load();
      await refresh();
    } catch (error) {
      page.failure(form, error, reply);
    } finally {
      submit.disabled = false;
    }
  }

  cancel.addEventListener('click', () => {
    const id = editing?.id;
    stopEdit();
    $<HTMLButtonElement>(`[data-edit="${id}"]`, root)?.focus();
  });
  locale.addEventListener('change', () => {
    page.clearErrors(form);
    void load();
  });
  form.addEventListener('submit', send);

  return {
    open: (signedIn) => {
      organisation = signedIn;
      $<HTMLElement>('[data-fiche]', root).hidden = !organisation;
      form.reset();
      page.clearErrors(form);
    },
    close: () => {
      editing = null;
      organisation = null;
      form.reset();
    },
    load,
    startEdit,
  };
}
