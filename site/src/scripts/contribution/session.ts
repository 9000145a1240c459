/** Signing in and out: the sign-in form, the signed-in view it opens (who, for which organisation), the sign-out button. */
import { token, type Contributor, type Reply } from './api';
import { $ } from './elements';
import type { Problem } from './messages';
import type { ContributionPage, PageBase } from './page';

/** users-permissions' rate limit on its account routes: 5 tries per 5 minutes, without a Retry-After. */
const LIMIT_WINDOW_SECONDS = 300;

/** "Too many attempts: try again in 5 minutes", for the account routes' 429. */
export const tooManyAttempts = (page: Pick<PageBase, 't' | 'inWords'>, reply: Reply): Problem => ({
  message: page.t('error.tooManyAttempts', { when: page.inWords(Number(reply.headers.get('retry-after') ?? LIMIT_WINDOW_SECONDS)) }),
});

/** Forgets the session and shows the sign-in form, saying why. */
export const signOut = (page: Pick<PageBase, 'show' | 'say'>, message = '') => {
  token.clear();
  page.show('login');
  page.say(message);
};

export interface SessionHooks {
  /** The signed-in view is open: what belongs to the contributor fills in. */
  opened: (me: Contributor) => Promise<void>;
  /** The contributor signs out: nothing of theirs stays on the page. */
  closed: () => void;
}
export interface Session {
  /** Opens the signed-in view with the session kept, saying `notice`. */
  enter: (notice?: string) => Promise<void>;
  /** Keeps a new session and opens the signed-in view. */
  signIn: (jwt: string, notice: string) => Promise<void>;
}

export function startSession(page: ContributionPage, hooks: SessionHooks): Session {
  const { root, t } = page;
  const loginForm = $<HTMLFormElement>('#login-form');

  async function enter(notice = '') {
    let reply: Reply;
    try {
      reply = await page.api.me();
    } catch {
      page.show('login');
      return page.showFormError(loginForm, t('error.network'));
    }
    if (reply.status === 403) return signOut(page, t('login.notContributor'));
    if (reply.status !== 200) return signOut(page, t('sessionExpired'));
    const me: Contributor = reply.body.data;
    $('[data-signed-in]', root).textContent = t('signedIn', { email: me.email, organisation: me.organisation?.name ?? '' });
    page.show('contribute');
    page.say(notice);
    await hooks.opened(me);
  }
  const signIn = async (jwt: string, notice: string) => {
    token.set(jwt);
    await enter(notice);
  };

  loginForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = page.checkControls(loginForm);
    if (problems.length) return page.showErrors(loginForm, problems);
    const identifier = $<HTMLInputElement>('#l-email').value.trim();
    const password = $<HTMLInputElement>('#l-password').value;
    let reply: Reply | undefined;
    try {
      reply = await page.api.signIn(identifier, password);
      if (reply.status === 400) return page.showErrors(loginForm, [{ id: 'l-password', message: t('login.failed') }]);
      if (reply.status === 429) return page.showErrors(loginForm, [tooManyAttempts(page, reply)]);
      if (reply.status !== 200) return page.failure(loginForm, null, reply);
      token.set(reply.body.jwt);
      loginForm.reset();
      page.clearErrors(loginForm);
      await enter();
    } catch (error) {
      page.failure(loginForm, error, reply);
    }
  });

  $('[data-logout]', root).addEventListener('click', () => {
    hooks.closed();
    signOut(page);
    $<HTMLInputElement>('#l-email').focus();
  });

  return { enter, signIn };
}
