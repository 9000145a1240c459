/**
 * The contribution page's forgotten password: "Forgot your password?" under the sign-in form asks the
 * CMS to e-mail a link (its answer is the same whether or not the address has an account); the link
 * opens this page with the code in its fragment (`#reset=…`), on a form that chooses the new password,
 * typed twice, and signs the contributor in.
 */

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}
/** A problem with one field (its control's id) or with the form as a whole. */
export interface Problem {
  id?: string;
  message: string;
}

/** What the contribution page lends these forms (src/scripts/contribute.ts). */
export interface ContributionPage {
  root: HTMLElement;
  t: (key: string, vars?: Record<string, string | number>) => string;
  call: (path: string, init?: { method?: string; json?: unknown }) => Promise<Reply>;
  show: (view: string) => void;
  say: (text: string) => void;
  /** "in 5 minutes", in the page's language. */
  inWords: (seconds: number) => string;
  checkControls: (form: HTMLFormElement) => Problem[];
  showErrors: (form: HTMLFormElement, problems: Problem[]) => void;
  clearErrors: (form: HTMLFormElement) => void;
  /** A network error or an unexpected answer, said in the form. */
  failure: (form: HTMLFormElement, error: unknown, reply?: Reply) => void;
  /** Keeps the session and opens the signed-in view, saying `notice`. */
  signIn: (jwt: string, notice: string) => Promise<void>;
}

/** users-permissions' rate limit on its account routes: 5 tries per 5 minutes, without a Retry-After. */
const LIMIT_WINDOW_SECONDS = 300;

/** The reset code of the e-mail's link, in the page address's fragment. */
export const resetCodeIn = (hash: string): string | null => new URLSearchParams(hash.replace(/^#/, '')).get('reset');

/** A new password, checked in the browser as the CMS will: the rule (letters and digits), then typed twice alike. */
export function newPasswordProblems(page: Pick<ContributionPage, 't' | 'checkControls'>, form: HTMLFormElement, passwordId: string, confirmId: string): Problem[] {
  const password = (document.getElementById(passwordId) as HTMLInputElement).value;
  const problems = page.checkControls(form);
  if (!problems.length && !(/[A-Za-z]/.test(password) && /\d/.test(password))) problems.push({ id: passwordId, message: page.t('passwordHint') });
  if (!problems.some((p) => p.id === confirmId) && (document.getElementById(confirmId) as HTMLInputElement).value !== password)
    problems.push({ id: confirmId, message: page.t('passwordMismatch') });
  return problems;
}

/** "Too many attempts: try again in 5 minutes", for the account routes' 429. */
export const tooManyAttempts = (page: Pick<ContributionPage, 't' | 'inWords'>, reply: Reply): Problem => ({
  message: page.t('error.tooManyAttempts', { when: page.inWords(Number(reply.headers.get('retry-after') ?? LIMIT_WINDOW_SECONDS)) }),
});

/** Wires the "forgot" and "reset" views; `code` is the reset code the page was opened with, if any. */
export function startPasswordReset(page: ContributionPage, code: string | null): void {
  const { root, t } = page;
  const forgotForm = root.querySelector<HTMLFormElement>('#forgot-form')!;
  const resetForm = root.querySelector<HTMLFormElement>('#reset-form')!;
  const forgotEmail = root.querySelector<HTMLInputElement>('#f-email')!;
  const loginEmail = root.querySelector<HTMLInputElement>('#l-email')!;

  // "Forgot your password?" and "Ask for a new link": the form that sends one, with the address typed so far.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-show-forgot]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      // A new link replaces the one that opened the page: a reload must not offer the old one.
      if (resetCodeIn(location.hash)) history.replaceState(null, '', location.pathname + location.search);
      forgotEmail.value ||= loginEmail.value.trim();
      page.clearErrors(forgotForm);
      page.say('');
      page.show('forgot');
      forgotEmail.focus();
    });
  }
  root.querySelector('[data-show-login]')!.addEventListener('click', () => {
    page.show('login');
    loginEmail.focus();
  });

  forgotForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = page.checkControls(forgotForm);
    if (problems.length) return page.showErrors(forgotForm, problems);
    const email = forgotEmail.value.trim();
    let reply: Reply | undefined;
    try {
      reply = await page.call('/api/auth/forgot-password', { method: 'POST', json: { email } });
      if (reply.status === 400) return page.showErrors(forgotForm, [{ id: 'f-email', message: t('error.email') }]);
      if (reply.status === 429) return page.showErrors(forgotForm, [tooManyAttempts(page, reply)]);
      if (reply.status !== 200) return page.failure(forgotForm, null, reply);
      forgotForm.reset();
      page.clearErrors(forgotForm);
      loginEmail.value = email;
      page.show('login');
      page.say(t('forgot.sent', { email }));
      loginEmail.focus();
    } catch (error) {
      page.failure(forgotForm, error, reply);
    }
  });

  resetForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = newPasswordProblems(page, resetForm, 'r-password', 'r-confirm');
    if (problems.length) return page.showErrors(resetForm, problems);
    const password = resetForm.querySelector<HTMLInputElement>('#r-password')!.value;
    let reply: Reply | undefined;
    try {
      reply = await page.call('/api/auth/reset-password', { method: 'POST', json: { code, password, passwordConfirmation: password } });
      if (reply.status === 400) {
        const errors: { path: string[]; message: string }[] = reply.body?.error?.details?.errors ?? [];
        const field = new Map([['password', 'r-password'], ['passwordConfirmation', 'r-confirm']]);
        return page.showErrors(
          resetForm,
          errors.length
            ? errors.map((e) => (e.path[0] === 'code' ? { message: t('reset.invalid') } : { id: field.get(e.path[0]), message: e.message }))
            : [{ message: reply.body?.error?.message ?? '' }],
        );
      }
      if (reply.status === 429) return page.showErrors(resetForm, [tooManyAttempts(page, reply)]);
      if (reply.status !== 200) return page.failure(resetForm, null, reply);
      // The code is spent: a reload must not offer the form again.
      history.replaceState(null, '', location.pathname + location.search);
      resetForm.reset();
      await page.signIn(reply.body.jwt, t('reset.done'));
    } catch (error) {
      page.failure(resetForm, error, reply);
    }
  });
}
