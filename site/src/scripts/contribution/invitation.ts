/** The invitation e-mail's link (`?invitation=…`): the contributor chooses a password, then is signed in with it. */
import { fieldErrors, type Reply } from './api';
import { $ } from './elements';
import { newPasswordProblems } from './new-password';
import type { ContributionPage } from './page';
import type { Session } from './session';

/** The invitation code of the e-mail's link, in the page address's query. */
export const invitationCodeIn = (search: string): string | null => new URLSearchParams(search).get('invitation');

export function startInvitation(page: ContributionPage, code: string | null, signIn: Session['signIn']): void {
  const { t } = page;
  const form = $<HTMLFormElement>('#invitation-form');

  /** The server's 400: a password it refuses beside the field, a code it does not know as a spent link. */
  const refused = (reply: Reply) =>
    fieldErrors(reply).map((e) => (e.path[0] === 'password' ? { id: 'i-password', message: e.message } : { message: e.path[0] === 'token' ? t('invitation.invalid') : e.message }));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = $<HTMLInputElement>('#i-password').value;
    const problems = newPasswordProblems(page, form, 'i-password', 'i-confirm');
    if (problems.length) return page.showErrors(form, problems);
    let reply: Reply | undefined;
    try {
      reply = await page.api.acceptInvitation(code, password);
      if (reply.status === 400) return page.showErrors(form, refused(reply));
      if (reply.status !== 201) return page.failure(form, null, reply);
      reply = await page.api.signIn(reply.body.data.email as string, password);
      if (reply.status !== 200) return page.failure(form, null, reply);
      // The link is spent: a reload must not offer it again.
      history.replaceState(null, '', location.pathname);
      form.reset();
      await signIn(reply.body.jwt, t('invitation.done'));
    } catch (error) {
      page.failure(form, error, reply);
    }
  });
}
