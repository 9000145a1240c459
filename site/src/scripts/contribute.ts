import { newPasswordProblems, resetCodeIn, startPasswordReset, tooManyAttempts } from './password-reset';

/**
 * The contribution page's behaviour: set a password from an invitation link, sign in
 * (users-permissions JWT kept in sessionStorage; forgotten passwords: ./password-reset.ts),
 * send a case study as multipart, show
 * field-level errors (the browser's checks and the server's 400 details) beside their
 * fields and in a summary, 429 as a wait in words, duplicates, and "my submissions", where
 * a submission still open (sent, or sent back by the editors) can be edited and resubmitted;
 * and proposed changes to the organisation's actor fiche, starting from the published one.
 */

interface Config {
  api: string;
  locale: string;
  intl: string;
  /** The guide's actors (name and slug) for the partner suggestions, a file fetched when first needed. */
  actorsUrl: string;
  caseStudyUrls: Record<string, string>;
  /** The parts of its actor fiche an organisation may propose to change. */
  ficheFields: string[];
  localeNames: Record<string, string>;
  limits: Record<string, number>;
  accept: string[];
  strings: Record<string, string>;
}
/** A problem with one field: the control's id (or none: the form as a whole) and what to say. */
interface Problem {
  id?: string;
  message: string;
}
interface Actor {
  slug: string;
  name: string;
}
interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

const TOKEN_KEY = 'kb-contributor-jwt';
const $ = <T extends Element>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector)!;
const $$ = <T extends Element>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

class NetworkError extends Error {}

export function startContribution(): void {
  const root = $<HTMLElement>('[data-contribute]');
  if (!root) return;
  const config: Config = JSON.parse($('#contribute-config').textContent ?? '{}');
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    (config.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  const statusLine = $<HTMLElement>('[data-status]', root);
  const say = (text: string) => (statusLine.textContent = text);

  // ---- talking to the CMS ----
  const token = {
    get: () => sessionStorage.getItem(TOKEN_KEY),
    set: (jwt: string) => sessionStorage.setItem(TOKEN_KEY, jwt),
    clear: () => sessionStorage.removeItem(TOKEN_KEY),
  };
  async function call(path: string, init: { method?: string; body?: BodyInit; json?: unknown; auth?: boolean } = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': config.locale };
    if (init.auth) headers.authorization = `Bearer ${token.get()}`;
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    let response: Response;
    try {
      response = await fetch(`${config.api}${path}`, { method: init.method ?? 'GET', headers, body });
    } catch {
      throw new NetworkError();
    }
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { error: { message: text.slice(0, 200) } };
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** "in 3 minutes", "dans 2 heures", in the page's language. */
  const inWords = (seconds: number) => {
    const format = new Intl.RelativeTimeFormat(config.intl, { numeric: 'auto' });
    if (seconds < 90) return format.format(Math.max(1, Math.round(seconds)), 'second');
    if (seconds < 90 * 60) return format.format(Math.round(seconds / 60), 'minute');
    return format.format(Math.round(seconds / 3600), 'hour');
  };
  const formatDate = (iso: string) => new Intl.DateTimeFormat(config.intl, { dateStyle: 'long' }).format(new Date(iso));

  // ---- errors beside fields and in a summary ----
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
  const showErrors = (form: HTMLFormElement, problems: Problem[]) => {
    clearErrors(form);
    const summary = $<HTMLElement>('[data-summary]', form);
    const heading = document.createElement('h3');
    heading.id = `${form.id}-summary-title`;
    heading.textContent = config.strings['error.summary'] ?? '';
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      const slot = problem.id ? document.getElementById(`${problem.id}-error`) : null;
      if (problem.id && slot) {
        slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
        const control = document.getElementById(problem.id)!;
        control.setAttribute('aria-invalid', 'true');
        const link = document.createElement('a');
        // A fieldset is reached through its first control.
        const focusable = control.tagName === 'FIELDSET' ? control.querySelector('input') ?? control : control;
        link.href = `#${focusable.id || problem.id}`;
        link.textContent = t('error.item', { field: labelOf(problem.id), message: problem.message });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          (focusable as HTMLElement).focus();
          (focusable as HTMLElement).scrollIntoView({ block: 'center' });
        });
        item.append(link);
      } else item.textContent = problem.message;
      list.append(item);
    }
    summary.setAttribute('role', 'alert');
    summary.setAttribute('aria-labelledby', heading.id);
    summary.append(heading, list);
    summary.hidden = false;
    summary.focus();
  };
  /** One message for the whole form (network, 429, server error). */
  const showFormError = (form: HTMLFormElement, message: string) => showErrors(form, [{ message }]);

  /** The browser's own checks, in the page's words rather than the browser's. */
  const checkControls = (form: HTMLFormElement): Problem[] => {
    const problems: Problem[] = [];
    for (const control of $$<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select', form)) {
      if (!control.id || control.closest('[hidden], .hp') || control.type === 'checkbox' || control.type === 'file') continue;
      const v = control.validity;
      const max = 'maxLength' in control && control.maxLength > 0 ? control.maxLength : 0;
      let message = '';
      if (v.valueMissing) message = t('error.required');
      else if (max && control.value.length > max) message = t('error.tooLong', { max });
      else if (v.typeMismatch) message = control.type === 'email' ? t('error.email') : t('error.url');
      else if (v.patternMismatch) message = t('error.country');
      else if (v.badInput || v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) {
        const input = control as HTMLInputElement;
        message = input.min ? t('error.range', { min: input.min, max: input.max }) : t('error.number');
      } else if (v.tooShort) message = t('passwordHint');
      if (message) problems.push({ id: control.id, message });
    }
    return problems;
  };

  // ---- views ----
  const views = $$<HTMLElement>('[data-view]', root);
  const show = (name: string) => {
    for (const view of views) view.hidden = view.dataset.view !== name;
  };
  const invitation = new URLSearchParams(location.search).get('invitation');

  const signOut = (message = '') => {
    token.clear();
    show('login');
    say(message);
  };

  /** Handles what every authenticated call may answer: expired session, rate limit, network. */
  const failure = (form: HTMLFormElement, error: unknown, reply?: Reply) => {
    if (error instanceof NetworkError) return showFormError(form, t('error.network'));
    if (!reply) throw error;
    if (reply.status === 401) return signOut(t('sessionExpired'));
    if (reply.status === 429) {
      const seconds = Number(reply.headers.get('retry-after') ?? reply.body?.error?.details?.retryAfter ?? 60);
      return showFormError(form, t('error.rateLimited', { when: inWords(seconds) }));
    }
    showFormError(form, t('error.server', { status: reply.status, message: reply.body?.error?.message ?? '' }));
  };

  // ---- signed in: who, the form, my submissions ----
  async function enter(notice = '') {
    let reply: Reply;
    try {
      reply = await call('/api/knowledge-base/contribution/me', { auth: true });
    } catch {
      show('login');
      return showFormError($('#login-form'), t('error.network'));
    }
    if (reply.status === 403) return signOut(t('login.notContributor'));
    if (reply.status !== 200) return signOut(t('sessionExpired'));
    const me = reply.body.data;
    $('[data-signed-in]', root).textContent = t('signedIn', { email: me.email, organisation: me.organisation?.name ?? '' });
    show('contribute');
    say(notice);
    organisation = me.organisation ?? null;
    $<HTMLElement>('[data-fiche]', root).hidden = !organisation;
    ficheForm.reset();
    clearErrors(ficheForm);
    await Promise.all([loadMine(), loadFiche()]);
  }

  const mineList = $<HTMLUListElement>('[data-mine]', root);
  const mineStatus = $<HTMLElement>('[data-mine-status]', root);
  async function loadMine() {
    let reply: Reply;
    try {
      reply = await call('/api/knowledge-base/contribution/submissions', { auth: true });
    } catch {
      mineStatus.textContent = t('error.network');
      return;
    }
    if (reply.status !== 200) {
      mineStatus.textContent = t('error.server', { status: reply.status, message: reply.body?.error?.message ?? '' });
      return;
    }
    const submissions: any[] = reply.body.data ?? [];
    mineStatus.textContent = submissions.length ? '' : t('mine.empty');
    mineList.replaceChildren(
      ...submissions.map((s) => {
        const item = document.createElement('li');
        item.dataset.submission = s.id;
        const line = (text: string, className?: string) => {
          const p = document.createElement('p');
          p.textContent = text;
          if (className) p.className = className;
          return p;
        };
        const title = document.createElement('h3');
        title.textContent = s.title ?? '';
        title.lang = s.locale;
        title.dir = 'auto';
        item.append(title);
        if (s.kind === 'actor-update') item.append(line(t('kind.actor-update')));
        item.append(line(t('mine.status', { status: t(`status.${s.status}`) }), 'submission-status'));
        item.append(line(t('mine.sent', { date: formatDate(s.createdAt), language: config.localeNames[s.locale] ?? s.locale })));
        const comments = (s.history ?? []).filter((h: any) => h.by === 'editor' && h.comment).map((h: any) => h.comment as string);
        if (!comments.length && s.comment) comments.push(s.comment);
        for (const comment of comments) item.append(line(t('mine.comment', { comment }), 'editor-comment'));
        // Accepted: its page on the guide (online once the site has rebuilt, within a minute).
        if (s.status === 'accepted' && s.kind === 'case-study' && s.content?.slug) {
          const link = document.createElement('a');
          link.href = (config.caseStudyUrls[s.locale] ?? config.caseStudyUrls[config.locale]).replace('{slug}', encodeURIComponent(s.content.slug));
          link.textContent = t('mine.view');
          link.className = 'published-link';
          const p = document.createElement('p');
          p.append(link);
          item.append(p);
        }
        if (s.editable && s.content) {
          const edit = document.createElement('button');
          edit.type = 'button';
          edit.className = 'secondary';
          edit.dataset.edit = s.id;
          edit.textContent = t(s.status === 'changes-requested' ? 'mine.revise' : 'mine.edit');
          edit.addEventListener('click', () => void (s.kind === 'case-study' ? startEdit(s) : startFicheEdit(s)));
          item.append(edit);
        }
        return item;
      }),
    );
  }

  // ---- the invitation: choose a password, then sign in with it ----
  const invitationForm = $<HTMLFormElement>('#invitation-form');
  invitationForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = $<HTMLInputElement>('#i-password').value;
    const problems = newPasswordProblems({ t, checkControls }, invitationForm, 'i-password', 'i-confirm');
    if (problems.length) return showErrors(invitationForm, problems);
    let reply: Reply | undefined;
    try {
      reply = await call('/api/knowledge-base/contribution/invitations/accept', { method: 'POST', json: { token: invitation, password, locale: config.locale } });
      if (reply.status === 400) {
        const errors: { path: string[]; message: string }[] = reply.body?.error?.details?.errors ?? [];
        return showErrors(
          invitationForm,
          errors.map((e) => (e.path[0] === 'password' ? { id: 'i-password', message: e.message } : { message: e.path[0] === 'token' ? t('invitation.invalid') : e.message })),
        );
      }
      if (reply.status !== 201) return failure(invitationForm, null, reply);
      const email: string = reply.body.data.email;
      reply = await call('/api/auth/local', { method: 'POST', json: { identifier: email, password } });
      if (reply.status !== 200) return failure(invitationForm, null, reply);
      token.set(reply.body.jwt);
      // The link is spent: a reload must not offer it again.
      history.replaceState(null, '', location.pathname);
      invitationForm.reset();
      await enter(t('invitation.done'));
    } catch (error) {
      failure(invitationForm, error, reply);
    }
  });

  // ---- signing in ----
  const loginForm = $<HTMLFormElement>('#login-form');
  loginForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = checkControls(loginForm);
    if (problems.length) return showErrors(loginForm, problems);
    const identifier = $<HTMLInputElement>('#l-email').value.trim();
    const password = $<HTMLInputElement>('#l-password').value;
    let reply: Reply | undefined;
    try {
      reply = await call('/api/auth/local', { method: 'POST', json: { identifier, password } });
      if (reply.status === 400) return showErrors(loginForm, [{ id: 'l-password', message: t('login.failed') }]);
      if (reply.status === 429) return showErrors(loginForm, [tooManyAttempts({ t, inWords }, reply)]);
      if (reply.status !== 200) return failure(loginForm, null, reply);
      token.set(reply.body.jwt);
      loginForm.reset();
      clearErrors(loginForm);
      await enter();
    } catch (error) {
      failure(loginForm, error, reply);
    }
  });

  $('[data-logout]', root).addEventListener('click', () => {
    stopEdit();
    ficheEditing = null;
    organisation = null;
    ficheForm.reset();
    mineList.replaceChildren();
    signOut();
    $<HTMLInputElement>('#l-email').focus();
  });

  // ---- partners: the guide's actors offered as the contributor types ----
  let actorList: Promise<Actor[]> | undefined;
  /** The guide's actors, fetched once; on failure none (partners then go as names) and the next call tries again. */
  const actors = (): Promise<Actor[]> =>
    (actorList ??= fetch(config.actorsUrl)
      .then((response) => (response.ok ? (response.json() as Promise<Actor[]>) : Promise.reject(new Error(String(response.status)))))
      .catch(() => {
        actorList = undefined;
        return [];
      }));
  $('[data-rows="partners"]', root).addEventListener(
    'focusin',
    () =>
      void actors().then((list) =>
        $('#c-actors', root).replaceChildren(
          ...list.map((actor) => {
            const option = document.createElement('option');
            option.value = actor.name;
            return option;
          }),
        ),
      ),
    { once: true },
  );

  // ---- more rows of partners, results, links ----
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

  // ---- the submission ----
  const form = $<HTMLFormElement>('#submission-form');
  const value = (id: string) => ($<HTMLInputElement>(`#${id}`, form)?.value ?? '').trim();
  const visibleRows = (name: string) => $$<HTMLElement>(`[data-rows="${name}"] > [data-row]`, form).filter((row) => !row.hidden);
  const rowIndex = (row: HTMLElement) => Number(row.dataset.row);

  // ---- editing a submission that is still open ----
  /** The submission being edited: the form then sends its changes (PUT) instead of a new one. */
  let editing: { id: string; title: string; attached: number } | null = null;
  const formTitle = $<HTMLElement>('#form-title', root);
  const formIntro = $<HTMLElement>('[data-form-intro]', root);
  const cancelEdit = $<HTMLButtonElement>('[data-cancel-edit]', root);
  const localeSelect = $<HTMLSelectElement>('#c-locale', root);
  const submitLabel = () => t(editing ? 'resubmit' : 'submit');

  /** Shows exactly `count` rows of a repeatable group (at least one), the "add" button while rows remain. */
  const showRows = (name: string, count: number) => {
    const group = $<HTMLElement>(`[data-rows="${name}"]`, root);
    const rows = $$<HTMLElement>(':scope > [data-row]', group);
    rows.forEach((row, i) => (row.hidden = i >= Math.max(1, count)));
    $<HTMLElement>('[data-add-row]', group).hidden = count >= rows.length;
  };
  const setValue = (id: string, value: unknown) => {
    const control = document.getElementById(id) as HTMLInputElement | null;
    if (control) control.value = value === null || value === undefined ? '' : String(value);
  };

  /** The form filled with what the submission holds now. */
  const fill = (content: any, locale: string, known: Actor[]) => {
    form.reset();
    clearErrors(form);
    localeSelect.value = locale;
    for (const name of ['title', 'summary', 'body', 'city', 'country', 'yearStart', 'yearEnd', 'stage']) setValue(`c-${name}`, content[name]);
    const themes = new Set<string>(content.themes ?? []);
    for (const box of $$<HTMLInputElement>('input[name="themes"]', form)) box.checked = themes.has(box.value);
    const sdgs = new Set<string>((content.sdgs ?? []).map(String));
    for (const box of $$<HTMLInputElement>('input[name="sdgs"]', form)) box.checked = sdgs.has(box.value);
    const actorName = new Map(known.map((a) => [a.slug, a.name]));
    const partners: any[] = content.partners ?? [];
    showRows('partners', partners.length);
    partners.forEach((p, i) => setValue(`c-partner-${i}`, 'actor' in p ? actorName.get(p.actor) ?? p.actor : p.name));
    const results: any[] = content.results ?? [];
    showRows('results', results.length);
    results.forEach((r, i) => ['indicator', 'value', 'unit', 'year'].forEach((k) => setValue(`c-result-${i}-${k}`, r[k])));
    setValue('c-lessons', (content.lessons ?? []).join('\n'));
    const links: any[] = content.links ?? [];
    showRows('links', links.length);
    links.forEach((l, i) => ['label', 'url'].forEach((k) => setValue(`c-link-${i}-${k}`, l[k])));
  };

  async function startEdit(submission: any) {
    // Partners are stored by slug and shown by name.
    const known = await actors();
    editing = { id: submission.id, title: submission.title ?? '', attached: (submission.attachments ?? []).length };
    success.hidden = true;
    fill(submission.content, submission.locale, known);
    // A submission keeps its language: the API refuses to change it.
    localeSelect.disabled = true;
    formTitle.textContent = t('form.editTitle', { title: editing.title });
    formIntro.textContent = `${t('form.intro')} ${t('form.editIntro', { count: editing.attached })}`;
    submit.textContent = submitLabel();
    cancelEdit.hidden = false;
    formTitle.scrollIntoView({ block: 'start' });
    formTitle.focus();
  }

  function stopEdit() {
    if (!editing) return;
    editing = null;
    form.reset();
    clearErrors(form);
    for (const name of ['partners', 'results', 'links']) showRows(name, 1);
    localeSelect.disabled = false;
    localeSelect.value = config.locale;
    formTitle.textContent = t('form.title');
    formIntro.textContent = t('form.intro');
    submit.textContent = submitLabel();
    cancelEdit.hidden = true;
  }
  cancelEdit.addEventListener('click', () => {
    const id = editing?.id;
    stopEdit();
    $<HTMLButtonElement>(`[data-edit="${id}"]`, root)?.focus();
  });

  /**
   * An edit sends the whole form: a field left empty is cleared (null, or an empty list), so
   * what the contributor sees is what the editors get. The language is not sent.
   */
  const asEdit = (data: Record<string, unknown>) => {
    const { locale: _locale, ...fields } = data;
    for (const name of ['body', 'city', 'country', 'yearStart', 'yearEnd', 'stage']) if (!(name in fields)) fields[name] = null;
    for (const name of ['themes', 'sdgs', 'partners', 'results', 'lessons', 'links']) if (!(name in fields)) fields[name] = [];
    return fields;
  };

  /** The form as the API's `data`, and where each list item sits in the page (for the server's errors). */
  const collect = (known: Actor[]) => {
    const problems: Problem[] = [];
    const data: Record<string, unknown> = { locale: value('c-locale'), title: value('c-title'), summary: value('c-summary') };
    for (const name of ['body', 'city'] as const) if (value(`c-${name}`)) data[name] = value(`c-${name}`);
    if (value('c-country')) data.country = value('c-country').toUpperCase();
    for (const name of ['yearStart', 'yearEnd'] as const) if (value(`c-${name}`)) data[name] = Number(value(`c-${name}`));
    if (typeof data.yearStart === 'number' && typeof data.yearEnd === 'number' && data.yearEnd < data.yearStart)
      problems.push({ id: 'c-yearEnd', message: t('error.yearOrder') });
    if (value('c-stage')) data.stage = value('c-stage');
    const checked = (name: string) => $$<HTMLInputElement>(`input[name="${name}"]:checked`, form).map((input) => input.value);
    if (checked('themes').length) data.themes = checked('themes');
    if (checked('sdgs').length) data.sdgs = checked('sdgs').map(Number);

    const where: Record<string, number[]> = { partners: [], results: [], links: [] };
    const byName = new Map(known.map((a) => [a.name.toLocaleLowerCase(), a.slug]));
    const partners = visibleRows('partners').flatMap((row) => {
      const name = value(`c-partner-${rowIndex(row)}`);
      if (!name) return [];
      where.partners.push(rowIndex(row));
      const slug = byName.get(name.toLocaleLowerCase());
      return [slug ? { actor: slug } : { name }];
    });
    if (partners.length) data.partners = partners;

    const results = visibleRows('results').flatMap((row) => {
      const i = rowIndex(row);
      const [indicator, amount, unit, year] = ['indicator', 'value', 'unit', 'year'].map((k) => value(`c-result-${i}-${k}`));
      if (!indicator && !amount && !unit && !year) return [];
      if (!indicator) problems.push({ id: `c-result-${i}-indicator`, message: t('error.required') });
      where.results.push(i);
      return [{ indicator, ...(amount ? { value: Number(amount) } : {}), ...(unit ? { unit } : {}), ...(year ? { year: Number(year) } : {}) }];
    });
    if (results.length) data.results = results;

    const lessons = value('c-lessons').split('\n').map((l) => l.trim()).filter(Boolean);
    lessons.forEach((lesson) => {
      if (lesson.length > config.limits.lesson) problems.push({ id: 'c-lessons', message: t('error.tooLong', { max: config.limits.lesson }) });
    });
    if (lessons.length) data.lessons = lessons;

    const links = visibleRows('links').flatMap((row) => {
      const i = rowIndex(row);
      const [label, url] = [value(`c-link-${i}-label`), value(`c-link-${i}-url`)];
      if (!label && !url) return [];
      if (!label) problems.push({ id: `c-link-${i}-label`, message: t('error.required') });
      if (!url) problems.push({ id: `c-link-${i}-url`, message: t('error.required') });
      where.links.push(i);
      return [{ label, url }];
    });
    if (links.length) data.links = links;

    const files = [...($<HTMLInputElement>('#c-files', form).files ?? [])];
    const accepted = (file: File) => config.accept.includes(file.type) || config.accept.includes(file.name.slice(file.name.lastIndexOf('.')).toLowerCase());
    // An edit adds files to those already attached; the limit counts them all.
    if (files.length + (editing?.attached ?? 0) > config.limits.files) problems.push({ id: 'c-files', message: t('error.tooManyFiles', { max: config.limits.files }) });
    for (const file of files) {
      if (file.size > config.limits.fileMb * 1024 * 1024) problems.push({ id: 'c-files', message: t('error.fileTooLarge', { name: file.name, max: config.limits.fileMb }) });
      else if (!accepted(file)) problems.push({ id: 'c-files', message: t('error.fileType', { name: file.name }) });
    }
    return { data, files, where, problems };
  };

  /** The control a server error's path designates: ['data', 'links', 1, 'url'], ['files', 0]… */
  const controlFor = (path: (string | number)[], where: Record<string, number[]>): string | undefined => {
    const [top, name, index, key] = path;
    if (top === 'files') return 'c-files';
    if (top !== 'data' || name === undefined) return undefined;
    const row = typeof index === 'number' ? where[name as string]?.[index] : undefined;
    if (name === 'partners') return row === undefined ? 'c-partner-0' : `c-partner-${row}`;
    if (name === 'results') return `c-result-${row ?? 0}-${['value', 'unit', 'year'].includes(String(key)) ? key : 'indicator'}`;
    if (name === 'links') return `c-link-${row ?? 0}-${key === 'url' ? 'url' : 'label'}`;
    if (name === 'themes' || name === 'sdgs') return `c-${name}`;
    return document.getElementById(`c-${name}`) ? `c-${name}` : undefined;
  };

  const submit = $<HTMLButtonElement>('[data-submit]', form);
  const success = $<HTMLElement>('#contribute-success', root);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    success.hidden = true;
    // The honeypot is never sent (the API refuses unknown fields): a filled one stops here.
    if ($<HTMLInputElement>('#c-leave-empty', form).value) return showFormError(form, t('error.honeypot'));
    const { data, files, where, problems } = collect(await actors());
    const all = [...checkControls(form), ...problems];
    if (all.length) return showErrors(form, all);
    clearErrors(form);

    const edited = editing;
    const body = new FormData();
    body.append('data', JSON.stringify(edited ? asEdit(data) : data));
    for (const file of files) body.append('files', file, file.name);
    submit.disabled = true;
    submit.textContent = t('sending');
    let reply: Reply | undefined;
    try {
      reply = edited
        ? await call(`/api/knowledge-base/contribution/submissions/${encodeURIComponent(edited.id)}`, { method: 'PUT', body, auth: true })
        : await call('/api/knowledge-base/contribution/submissions', { method: 'POST', body, auth: true });
      if (reply.status === 400) {
        const errors: { path: (string | number)[]; message: string }[] = reply.body?.error?.details?.errors ?? [];
        const named = errors.map((e) => {
          const id = controlFor(e.path, where);
          const file = e.path[0] === 'files' && typeof e.path[1] === 'number' ? files[e.path[1]] : undefined;
          return { id, message: file ? t('error.item', { field: file.name, message: e.message }) : e.message };
        });
        return showErrors(form, named.length ? named : [{ message: reply.body?.error?.message ?? '' }]);
      }
      if (edited) {
        if (reply.status !== 200) return failure(form, null, reply);
        stopEdit();
        showSuccess(reply.body.data, reply.body.data.duplicates ?? [], 'success.updated');
      } else {
        if (reply.status !== 201) return failure(form, null, reply);
        showSuccess(reply.body.data, reply.body.meta?.duplicates ?? []);
        form.reset();
      }
      await loadMine();
    } catch (error) {
      failure(form, error, reply);
    } finally {
      submit.disabled = false;
      submit.textContent = submitLabel();
    }
  });

  function showSuccess(submission: { title: string }, duplicates: any[], text = 'success.text') {
    $('[data-success-text]', success).textContent = t(text, { title: submission.title });
    const box = $<HTMLElement>('[data-duplicates]', success);
    const list = $<HTMLUListElement>('[data-duplicate-list]', success);
    // The API lists each language version; one line per initiative, in the page's language when it has one.
    const byDocument = new Map<string, any>();
    for (const d of duplicates) if (!byDocument.has(d.documentId) || d.locale === config.locale) byDocument.set(d.documentId, d);
    list.replaceChildren(
      ...[...byDocument.values()].map((d) => {
        const item = document.createElement('li');
        const why = ` (${[t(`duplicate.${d.reason}`), d.status ? t(`status.${d.status}`) : ''].filter(Boolean).join(', ')})`;
        if (d.published) {
          const link = document.createElement('a');
          link.href = (config.caseStudyUrls[d.locale] ?? config.caseStudyUrls[config.locale]).replace('{slug}', encodeURIComponent(d.slug));
          link.textContent = d.title;
          link.lang = d.locale;
          item.append(link, why);
        } else item.textContent = `${d.title}${why}`;
        return item;
      }),
    );
    box.hidden = duplicates.length === 0;
    success.hidden = false;
    success.focus();
  }

  // ---- proposing changes to the organisation's actor fiche ----
  const ficheForm = $<HTMLFormElement>('#fiche-form');
  const ficheLocale = $<HTMLSelectElement>('#a-locale', ficheForm);
  const ficheStatus = $<HTMLElement>('[data-fiche-status]', ficheForm);
  const ficheSubmit = $<HTMLButtonElement>('[data-fiche-submit]', ficheForm);
  const ficheValue = (name: string) => ($<HTMLInputElement>(`#a-${name}`, ficheForm)?.value ?? '').trim();
  let organisation: { slug: string; name: string } | null = null;
  /** The published fiche in the chosen language: a proposal holds only what differs from it. */
  let published: Record<string, string> = {};
  /** A proposal being edited (sent, or sent back by the editors): shown over the published fiche. */
  let ficheEditing: { id: string; proposed: Record<string, string> } | null = null;
  const ficheTitle = $<HTMLElement>('#fiche-title', root);
  const ficheCancel = $<HTMLButtonElement>('[data-fiche-cancel]', ficheForm);

  async function loadFiche() {
    if (!organisation) return;
    const locale = ficheLocale.value;
    ficheStatus.textContent = t('fiche.loading');
    let reply: Reply;
    try {
      // The public API, without the contributor's token: the fiche as readers see it.
      reply = await call(`/api/knowledge-base/actors/${encodeURIComponent(organisation.slug)}?locale=${encodeURIComponent(locale)}`);
    } catch {
      ficheStatus.textContent = t('error.network');
      return;
    }
    if (ficheLocale.value !== locale) return; // another language was chosen meanwhile
    const fiche = reply.status === 200 ? (reply.body?.data ?? {}) : {};
    published = Object.fromEntries(config.ficheFields.map((name) => [name, typeof fiche[name] === 'string' ? fiche[name].replace(/\r\n?/g, '\n').trim() : '']));
    for (const name of config.ficheFields) setValue(`a-${name}`, ficheEditing?.proposed[name] ?? published[name]);
    if (reply.status === 200) ficheStatus.textContent = '';
    else if (reply.status === 404) ficheStatus.textContent = t('fiche.missing');
    else ficheStatus.textContent = t('error.server', { status: reply.status, message: reply.body?.error?.message ?? '' });
  }
  async function startFicheEdit(submission: any) {
    ficheEditing = { id: submission.id, proposed: submission.content ?? {} };
    success.hidden = true;
    ficheForm.reset();
    clearErrors(ficheForm);
    // A proposal keeps its language.
    ficheLocale.value = submission.locale;
    ficheLocale.disabled = true;
    ficheSubmit.textContent = t('resubmit');
    ficheCancel.hidden = false;
    ficheTitle.scrollIntoView({ block: 'start' });
    ficheTitle.focus();
    await loadFiche();
  }
  function stopFicheEdit() {
    ficheEditing = null;
    ficheForm.reset();
    clearErrors(ficheForm);
    ficheLocale.disabled = false;
    ficheSubmit.textContent = t('fiche.submit');
    ficheCancel.hidden = true;
    void loadFiche();
  }
  ficheCancel.addEventListener('click', () => {
    const id = ficheEditing?.id;
    stopFicheEdit();
    $<HTMLButtonElement>(`[data-edit="${id}"]`, root)?.focus();
  });

  ficheLocale.addEventListener('change', () => {
    clearErrors(ficheForm);
    void loadFiche();
  });

  ficheForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    success.hidden = true;
    const problems = checkControls(ficheForm);
    if (problems.length) return showErrors(ficheForm, problems);
    // An edited proposal also sends the fields it held: one set back to the published text is then harmless.
    const edited = ficheEditing;
    const sent = config.ficheFields.filter((name) => ficheValue(name) !== (published[name] ?? '') || (edited && name in edited.proposed));
    const changed = Object.fromEntries(sent.map((name) => [name, ficheValue(name)]));
    if (!Object.keys(changed).length) return showFormError(ficheForm, t('fiche.unchanged'));
    clearErrors(ficheForm);
    ficheSubmit.disabled = true;
    let reply: Reply | undefined;
    try {
      reply = edited
        ? await call(`/api/knowledge-base/contribution/submissions/${encodeURIComponent(edited.id)}`, { method: 'PUT', json: { data: changed }, auth: true })
        : await call('/api/knowledge-base/contribution/actor-updates', { method: 'POST', json: { data: { locale: ficheLocale.value, ...changed } }, auth: true });
      if (reply.status === 400) {
        const errors: { path: (string | number)[]; message: string }[] = reply.body?.error?.details?.errors ?? [];
        const named = errors.map((e) => {
          const id = e.path[0] === 'data' && document.getElementById(`a-${e.path[1]}`) ? `a-${e.path[1]}` : undefined;
          return { id, message: e.message };
        });
        return showErrors(ficheForm, named.length ? named : [{ message: reply.body?.error?.message ?? '' }]);
      }
      if (reply.status !== (edited ? 200 : 201)) return failure(ficheForm, null, reply);
      showSuccess({ title: organisation?.name ?? '' }, [], 'fiche.sent');
      // The form shows the published fiche again: the proposal waits under "my submissions".
      if (edited) stopFicheEdit();
      else void loadFiche();
      await loadMine();
    } catch (error) {
      failure(ficheForm, error, reply);
    } finally {
      ficheSubmit.disabled = false;
    }
  });

  // ---- a forgotten password: the link asked for, then the new password ----
  const resetCode = resetCodeIn(location.hash);
  startPasswordReset(
    {
      root, t, call, show, say, inWords, checkControls, showErrors, clearErrors, failure,
      signIn: async (jwt, notice) => {
        token.set(jwt);
        await enter(notice);
      },
    },
    resetCode,
  );

  // ---- where to start ----
  if (invitation) {
    token.clear();
    show('invitation');
  } else if (resetCode) {
    token.clear();
    show('reset');
  } else if (token.get()) void enter();
  else show('login');
}
