import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';
import { isLocale, type Locale } from '../shared/locales';
import type { SubmissionStatus } from '../shared/moderation';
import { translate } from '../translations';
import type { Organisation } from './contributors';

/**
 * The contribution e-mails. Sending never blocks nor fails the request that caused it:
 * a failure is logged and the editors still see everything in the admin panel.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const send = (mail: { to: string; subject: string; text: string }) => {
    const email = strapi.plugin('email')?.service('email');
    if (!email) return void strapi.log.warn('[knowledge-base] the email plugin is not available: no e-mail sent.');
    void Promise.resolve()
      .then(() => email.send(mail))
      .catch((error: Error) => strapi.log.error(`[knowledge-base] e-mail to ${mail.to} failed: ${error.message}`));
  };

  /** Who hears of new submissions: the configured addresses, else every active admin user. */
  const editors = async (): Promise<{ email: string; locale: Locale }[]> => {
    const configured = pluginConfig(strapi, 'contribution').editorEmails;
    if (configured.length) return configured.map((email) => ({ email, locale: 'fr' }));
    const admins: { email: string; preferedLanguage?: string }[] = await strapi.db
      .query('admin::user')
      .findMany({ where: { isActive: true, blocked: false }, select: ['email', 'preferedLanguage'] });
    return admins.map((a) => ({ email: a.email, locale: isLocale(a.preferedLanguage) ? a.preferedLanguage : 'fr' }));
  };

  return {
    invitation({ email, organisation, locale, link, expiresAt }: { email: string; organisation: Organisation; locale: Locale; link: string; expiresAt: Date }) {
      send({
        to: email,
        subject: translate(locale, 'mail.invitation.subject'),
        text: translate(locale, 'mail.invitation.text', { organisation: organisation.name, link, expires: expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }),
      });
    },

    async newSubmission({ title, kind, locale, organisation }: { title: string; kind: 'case-study' | 'actor-update'; locale: Locale; organisation: Organisation }) {
      try {
        for (const editor of await editors()) {
          const lang = editor.locale;
          send({
            to: editor.email,
            subject: translate(lang, 'mail.newSubmission.subject', { title }),
            text: translate(lang, 'mail.newSubmission.text', { organisation: organisation.name, title, locale, kind: translate(lang, `kind.${kind}`) }),
          });
        }
      } catch (error) {
        strapi.log.error(`[knowledge-base] could not notify the editors: ${(error as Error).message}`);
      }
    },

    statusChanged({ email, locale, title, status, comment }: { email: string; locale: Locale; title: string; status: SubmissionStatus; comment?: string }) {
      const statusName = translate(locale, `status.${status}`);
      const text = [translate(locale, 'mail.status.text', { title, status: statusName })];
      if (comment) text.push(translate(locale, 'mail.status.comment', { comment }));
      send({ to: email, subject: translate(locale, 'mail.status.subject', { title, status: statusName }), text: text.join('\n\n') });
    },
  };
};
