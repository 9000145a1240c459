/** A new password (at an invitation or a reset), checked in the browser as the CMS will: the rule (letters and digits), then typed twice alike. */
import type { Problem } from './messages';
import type { ContributionPage } from './page';

export function newPasswordProblems(page: Pick<ContributionPage, 't' | 'checkControls'>, form: HTMLFormElement, passwordId: string, confirmId: string): Problem[] {
  const password = (document.getElementById(passwordId) as HTMLInputElement).value;
  const problems = page.checkControls(form);
  if (!problems.length && !(/[A-Za-z]/.test(password) && /\d/.test(password))) problems.push({ id: passwordId, message: page.t('passwordHint') });
  if (!problems.some((p) => p.id === confirmId) && (document.getElementById(confirmId) as HTMLInputElement).value !== password)
    problems.push({ id: confirmId, message: page.t('passwordMismatch') });
  return problems;
}
