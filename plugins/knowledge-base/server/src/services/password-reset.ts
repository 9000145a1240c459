import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { pluginConfig } from '../config';
import { service } from './get-service';
import { DEFAULT_LOCALE } from '../shared/locales';
import { contributionPath } from '../shared/moderation';
import { callerLocale, translate } from '../translations';
import { validationError } from '../validation/issues';
import { blankAsAbsent, isRecord, parseBody, password, refuse, strictObject } from '../validation/schema';
import { EMAIL } from '../validation/submission';

const USER = 'plugin::users-permissions.user';

/** How long a reset link works. users-permissions' own codes never expire; ours carry their end. */
export const RESET_TTL_MS = 3600_000;
/** A code sent again must leave the contributor time to use it. */
const REUSE_MARGIN_MS = 10 * 60_000;

/**
 * A reset code: when it stops working (ms since 1970, base 36), a dot, 32 random bytes. It is stored
 * whole as users-permissions' `resetPasswordToken`, so nobody can move its end and still find the account.
 */
export const newResetCode = (now = Date.now()) => `${(now + RESET_TTL_MS).toString(36)}.${randomBytes(32).toString('hex')}`;
const CODE = /^([0-9a-z]{1,11})\.[0-9a-f]{64}$/;
export const resetCodeLive = (code: string, now = Date.now()) => {
  const end = CODE.exec(code)?.[1];
  return end !== undefined && parseInt(end, 36) > now;
};


const forgotBody = strictObject({
  email: z.preprocess(blankAsAbsent, z.string({ message: 'error.notEmail' }).trim().toLowerCase().max(254, 'error.notEmail').regex(EMAIL, 'error.notEmail')),
});
const resetBody = strictObject({
  code: z.string({ message: 'error.resetCodeInvalid' }).max(200, 'error.resetCodeInvalid'),
  password,
  passwordConfirmation: z.string({ message: 'error.passwordMismatch' }).max(1000, 'error.passwordMismatch'),
  // users-permissions' refresh-token sessions name the device.
  deviceId: z.string({ message: 'error.notText' }).max(200, 'error.tooLong').optional(),
}).superRefine((body, ctx) => {
  if (body.passwordConfirmation !== body.password) refuse(ctx, 'error.passwordMismatch', undefined, ['passwordConfirmation']);
});

/**
 * Forgotten passwords of contributors: users-permissions' forgot- and reset-password, answered so that
 * no answer depends on whether an address has an account, with an e-mail in the contributor's language
 * that links to the contribution page in that language.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Gives the account of `email`, if any, a new code, and e-mails the contributor the link. */
  const send = async (email: string) => {
    const user = await strapi.db.query(USER).findOne({ where: { email, provider: 'local' }, select: ['id', 'email', 'blocked', 'resetPasswordToken'] });
    if (!user || user.blocked) return;
    const profile = await service(strapi, 'contributors').profile(user.id);
    const locale = profile?.locale ?? DEFAULT_LOCALE;
    // A code with ten minutes or more to live is sent again, not replaced: asking for a link cannot cancel the one a contributor has.
    const pending: string | null = user.resetPasswordToken;
    const code = pending && resetCodeLive(pending, Date.now() + REUSE_MARGIN_MS) ? pending : newResetCode();
    if (code !== pending) await strapi.plugin('users-permissions').service('user').edit(user.id, { resetPasswordToken: code });
    // In the fragment, the code never reaches a server: neither the site's logs nor a proxy's.
    const link = `${pluginConfig(strapi, 'siteUrl').replace(/\/$/, '')}${contributionPath(locale)}#reset=${code}`;
    const mailer = strapi.plugin('email')?.service('email');
    if (!mailer) throw new Error('the email plugin is not available');
    await mailer.send({
      to: user.email,
      subject: translate(locale, 'mail.passwordReset.subject'),
      text: translate(locale, 'mail.passwordReset.text', { email: user.email, link }),
    });
  };

  return {
    /** `POST /auth/forgot-password`: the same answer, at once, for every address; the lookup and the e-mail follow. */
    forgot(body: unknown, lang = DEFAULT_LOCALE): { ok: true } {
      const { data, issues } = parseBody(forgotBody, body);
      if (!data) throw validationError(lang, 'error.invalidRequest', issues);
      const { email } = data;
      void send(email).catch((error: Error) => strapi.log.error(`[knowledge-base] password reset e-mail to ${email} failed: ${error.message}`));
      return { ok: true };
    },

    /** Checks `POST /auth/reset-password`'s body: a live code of an active account, a password that follows the rule, typed twice. */
    async checkReset(body: unknown, lang = DEFAULT_LOCALE) {
      const { issues } = parseBody(resetBody, body);
      const code = isRecord(body) && typeof body.code === 'string' && !issues.some((issue) => issue.path[0] === 'code') ? body.code : undefined;
      if (code !== undefined) {
        const user = resetCodeLive(code) ? await strapi.db.query(USER).findOne({ where: { resetPasswordToken: code }, select: ['id', 'blocked'] }) : null;
        if (!user || user.blocked) issues.unshift({ path: ['code'], key: 'error.resetCodeInvalid' });
      }
      if (issues.length) throw validationError(lang, 'error.invalidRequest', issues);
    },
  };
};

/**
 * At register (routes take their controller's actions when they mount): users-permissions' forgot- and
 * reset-password answered with this service. Reset keeps users-permissions' own ending (new password
 * stored, code spent, the contributor signed in), once the body has passed this service's checks.
 */
export function answerPasswordResets(strapi: Core.Strapi) {
  const auth = strapi.plugin('users-permissions')?.controller('auth') as Record<string, (ctx: any) => Promise<unknown>> | undefined;
  if (!auth?.forgotPassword || !auth.resetPassword) return;
  const resets = () => service(strapi, 'password-reset');
  const lang = (ctx: any) => callerLocale(ctx.query ?? {}, ctx.request?.headers?.['accept-language']);
  const resetPassword = auth.resetPassword.bind(auth);
  auth.forgotPassword = async (ctx) => {
    ctx.body = resets().forgot(ctx.request.body, lang(ctx));
  };
  auth.resetPassword = async (ctx) => {
    await resets().checkReset(ctx.request.body, lang(ctx));
    return resetPassword(ctx);
  };
}
