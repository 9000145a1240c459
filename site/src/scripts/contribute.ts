/**
 * The contribution page's behaviour, wired from its parts (./contribution/): set a password from an
 * invitation link, sign in (users-permissions JWT kept in sessionStorage; forgotten passwords:
 * password-reset.ts), send a case study as multipart with its files, show field-level errors
 * beside their fields and in a summary, 429 as a wait in words, duplicates, and "my submissions",
 * where a submission still open (sent, or sent back by the editors) can be edited and resubmitted;
 * and proposed changes to the organisation's actor fiche, starting from the published one.
 */
import { token } from './contribution/api';
import { caseStudyEdit } from './contribution/case-study-edit';
import { ficheProposal } from './contribution/fiche-proposal';
import { invitationCodeIn, startInvitation } from './contribution/invitation';
import { mySubmissions } from './contribution/my-submissions';
import { contributionPage } from './contribution/page';
import { guideActors, suggestPartners } from './contribution/partners';
import { resetCodeIn, startPasswordReset } from './contribution/password-reset';
import { startAddingRows } from './contribution/rows';
import { startSession } from './contribution/session';
import { startSubmissionForm } from './contribution/submission-form';
import { successBox } from './contribution/success';

export function startContribution(): void {
  const root = document.querySelector<HTMLElement>('[data-contribute]');
  if (!root) return;
  const page = contributionPage(root);
  const actors = guideActors(page.config.actorsUrl);
  const success = successBox(page);
  const mine = mySubmissions(page, (submission) => (submission.kind === 'case-study' ? caseStudy.start(submission) : fiche.startEdit(submission)));
  const caseStudy = caseStudyEdit(page, actors, success);
  const fiche = ficheProposal(page, success, () => mine.load());
  startSubmissionForm(page, { actors, edit: caseStudy, success, mine });
  suggestPartners(root, actors);
  startAddingRows(root);

  const session = startSession(page, {
    opened: async (me) => {
      fiche.open(me.organisation ?? null);
      await Promise.all([mine.load(), fiche.load()]);
    },
    closed: () => {
      caseStudy.stop();
      fiche.close();
      mine.clear();
    },
  });
  const invitation = invitationCodeIn(location.search);
  const resetCode = resetCodeIn(location.hash);
  startInvitation(page, invitation, session.signIn);
  startPasswordReset(page, resetCode, session.signIn);

  // Where to start: a link's form, else the session kept, else signing in.
  if (invitation) {
    token.clear();
    page.show('invitation');
  } else if (resetCode) {
    token.clear();
    page.show('reset');
  } else if (token.get()) void session.enter();
  else page.show('login');
}
