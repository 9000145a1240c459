import alerts from './alerts';
import answerCache from './answer-cache';
import attachments from './attachments';
import contributionMail from './contribution-mail';
import contributors from './contributors';
import moderation from './moderation';
import submissionLimits from './submission-limits';
import submissions from './submissions';
import entries from './entries';
import importer from './importer';
import locales from './locales';
import overview from './overview';
import passwordReset from './password-reset';
import permissions from './permissions';
import siteBuilds from './site-builds';

export default { alerts, 'answer-cache': answerCache, attachments, entries, importer, locales, overview, permissions, 'site-builds': siteBuilds, contributors, submissions, moderation, 'contribution-mail': contributionMail, 'submission-limits': submissionLimits, 'password-reset': passwordReset };
