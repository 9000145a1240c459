/**
 * The contribution page's forgotten password: "Forgot your password?" under the sign-in form asks the
 * CMS to e-mail a link (its answer is the same whether or not the address has an account); the link
 * opens this page with the code in its fragment (`#reset=…`), on a form that chooses the new password,
 * typed twice, and signs the contributor in.
 */
import { errorMessage, fieldErrors, type Reply } from './api';
import { $, $$ } from './elements';
import { newPasswordProblems } from './new-password';
import type { ContributionPage } from './page';
import { tooManyAttempts, type Session } from './session';

/** The reset code of the e-mail's link, in the page address's fragment. */
export const resetCodeIn = (hash: string): string | null => new URLSearchParams(hash.replace(/^#/, '')).get('reset');

/** Wires the "forgot" and "reset" views; `code` is the reset code the page was opened with, if any. */
export function startPasswordReset(page: ContributionPage, code: string | null, signIn: Session['signIn']): void {
  startForgotPassword(page);
  startResetPassword(page, code, signIn);
}

/** "Forgot your password?" and "Ask for a new link": the form that sends one, with the address typed so far. */
function startForgotPassword(page: ContributionPage): void {
  const { root, t } = page;
  const form = $<HTMLFormElement>('#forgot-form', root);
  const forgotEmail = $<HTMLInputElement>('#f-email', root);
  const loginEmail = $<HTMLInputElement>('#l-email', root);

  for (const link of $$<HTMLAnchorElement>('[data-show-forgot]', root)) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      // A new link replaces the one that opened the page: a reload must not offer the old one.
      if (resetCodeIn(location.hash)) history.replaceState(null, '', location.pathname + location.search);
      forgotEmail.value ||= loginEmail.value.trim();
      page.clearErrors(form);
      page.say('');
      page.show('forgot');
      forgotEmail.focus();
    });
  }
  $('[data-show-login]', root).addEventListener('click', () => {
    page.show('login');
    loginEmail.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = page.checkControls(form);
    if (problems.length) return page.showErrors(form, problems);
    const email = forgotEmail.value.trim();
    let reply: Reply | undefined;
    try {
      reply = await page.api.forgotPassword(email);
      if (reply.status === 400) return page.showErrors(form, [{ id: 'f-email', message: t('error.email') }]);
      if (reply.status === 429) return page.showErrors(form, [tooManyAttempts(page, reply)]);
      if (reply.status !== 200) return page.failure(form, null, reply);
      form.reset();
      page.clearErrors(form);
      loginEmail.value = email;
      page.show('login');
      page.say(t('forgot.sent', { email }));
      loginEmail.focus();
    } catch (error) {
      page.failure(form, error, reply);
    }
  });
}

/** The link's form: the new password typed twice, then signed in with it. */
function startResetPassword(page: ContributionPage, code: string | null, signIn: Session['signIn']): void {
  const { root, t } = page;
  const form = $<HTMLFormElement>('#reset-form', root);
  const field = new Map([['password', 'r-password'], ['passwordConfirmation', 'r-confirm']]);
  /** The server's 400: a code it does not know (spent, expired) for the whole form, a password it refuses beside its field. */
  const refused = (reply: Reply) => {
    const errors = fieldErrors(reply);
    return errors.length
      ? errors.map((e) => (e.path[0] === 'code' ? { message: t('reset.invalid') } : { id: field.get(e.path[0] as string), message: e.message }))
      : [{ message: errorMessage(reply) }];
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = newPasswordProblems(page, form, 'r-password', 'r-confirm');
    if (problems.length) return page.showErrors(form, problems);
    const password = $<HTMLInputElement>('#r-password', form).value;
    let reply: Reply | undefined;
    try {
      reply = await page.api.resetPassword(code, password);
      if (reply.status === 400) return page.showErrors(form, refused(reply));
      if (reply.status === 429) return page.showErrors(form, [tooManyAttempts(page, reply)]);
      if (reply.status !== 200) return page.failure(form, null, reply);
      // The code is spent: a reload must not offer the form again.
      history.replaceState(null, '', location.pathname + location.search);
      form.reset();
      await signIn(reply.body.jwt, t('reset.done'));
    } catch (error) {
      page.failure(form, error, reply);
    }
  });
}
