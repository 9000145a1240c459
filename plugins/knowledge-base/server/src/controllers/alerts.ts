import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';
import { UIDS } from '../content-types/uids';
import { service } from '../services/get-service';
import { createRateLimit, type RateLimit } from '../services/rate-limit';
import { textDirection, type Locale } from '../shared/locales';
import { callerLocale, translate, type MessageKey } from '../translations';
import { fieldErrors, validationError } from '../validation/issues';
import { linkToken, parseDigestRequest, parseSubscription } from '../validation/subscription';

const HOUR_MS = 60 * 60 * 1000;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small page a reader lands on from a form post or a link in a mail; `siteUrl` is where "back" goes. */
const page = (siteUrl: string, locale: Locale, titleKey: MessageKey, paragraphs: string[], extra = '') => {
  const back = `${siteUrl.replace(/\/$/, '')}/${locale}/funding/`;
  return `<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(translate(locale, titleKey))}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escapeHtml(translate(locale, titleKey))}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${extra}<p><a href="${escapeHtml(back)}">${escapeHtml(translate(locale, 'alerts.page.back'))}</a></p></main></body></html>`;
};

/** Public alert routes: subscribe (double opt-in), confirm, unsubscribe; and the editors' "send the digest now". */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const alerts = () => service(strapi, 'alerts');
  const show = (locale: Locale, titleKey: MessageKey, paragraphs: string[], extra = '') => page(pluginConfig(strapi, 'siteUrl'), locale, titleKey, paragraphs, extra);
  let limits: { perIp: RateLimit; perAddress: RateLimit } | undefined;
  const subscriptionLimits = () => {
    if (limits) return limits;
    const { perIpPerHour, perAddressPerDay } = pluginConfig(strapi, 'alerts');
    return (limits = { perIp: createRateLimit(perIpPerHour, HOUR_MS), perAddress: createRateLimit(perAddressPerDay, 24 * HOUR_MS) });
  };

  const themeSlugs = async (): Promise<Set<string>> => {
    const themes = await strapi.documents(UIDS.theme).findMany({ status: 'published', fields: ['slug'] });
    return new Set<string>(themes.map((t) => t.slug));
  };

  const tooMany = (ctx: any, lang: Locale, seconds: number) => {
    ctx.set('Retry-After', String(seconds));
    ctx.status = 429;
    ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message: translate(lang, 'alerts.error.rateLimited', { seconds }), details: {} } };
  };

  return {
    async subscribe(ctx: any) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const form = ctx.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';
      const lang = callerLocale({ locale: body.locale ?? ctx.query.locale }, ctx.get('accept-language'));

      const ipWait = subscriptionLimits().perIp.hit(ctx.request.ip);
      if (ipWait) return tooMany(ctx, lang, ipWait);

      const { value, issues } = parseSubscription(body, await themeSlugs());
      if (issues.length) {
        if (!form) throw validationError(lang, 'alerts.error.invalid', issues);
        ctx.status = 400;
        ctx.type = 'html';
        const items = fieldErrors(lang, issues).map((e) => `<li>${escapeHtml(`${e.path.join('.')} : ${e.message}`)}</li>`).join('');
        ctx.body = show(lang, 'alerts.page.invalid.title', [translate(lang, 'alerts.error.invalid')], `<ul>${items}</ul>`);
        return;
      }
      const addressWait = subscriptionLimits().perAddress.hit(value.email);
      if (addressWait) return tooMany(ctx, lang, addressWait);

      await alerts().subscribe(value);
      ctx.status = 202;
      if (form) {
        ctx.type = 'html';
        ctx.body = show(value.locale, 'alerts.page.pending.title', [translate(value.locale, 'alerts.page.pending.text', { email: value.email })]);
      } else {
        ctx.body = { data: { status: 'pending-confirmation' }, meta: { message: translate(value.locale, 'alerts.page.pending.text', { email: value.email }) } };
      }
    },

    async confirm(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const token = linkToken(ctx.query);
      const done = token === null ? null : await alerts().confirm(token);
      ctx.type = 'html';
      if (!done) {
        ctx.status = 400;
        ctx.body = show(lang, 'alerts.page.badToken.title', [translate(lang, 'alerts.page.badToken.text')]);
        return;
      }
      ctx.body = show(done.locale, 'alerts.page.confirmed.title', [translate(done.locale, 'alerts.page.confirmed.text')]);
    },

    /** The link in a mail opens a page with one button, so mail scanners following links unsubscribe no one. */
    async unsubscribePage(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const token = linkToken(ctx.query) ?? '';
      ctx.type = 'html';
      if (!alerts().tokenIsValid(token)) {
        ctx.status = 400;
        ctx.body = show(lang, 'alerts.page.badToken.title', [translate(lang, 'alerts.page.badToken.text')]);
        return;
      }
      const form = `<form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit">${escapeHtml(translate(lang, 'alerts.page.unsubscribe.button'))}</button></form>`;
      ctx.body = show(lang, 'alerts.page.unsubscribe.title', [translate(lang, 'alerts.page.unsubscribe.text')], form);
    },

    /** One click (RFC 8058): the mail client posts here with the token of the List-Unsubscribe header. */
    async unsubscribe(ctx: any) {
      const lang = callerLocale(ctx.query, ctx.get('accept-language'));
      const token = linkToken(ctx.query);
      const done = token === null ? null : await alerts().unsubscribe(token);
      ctx.type = 'html';
      if (!done) {
        ctx.status = 400;
        ctx.body = show(lang, 'alerts.page.badToken.title', [translate(lang, 'alerts.page.badToken.text')]);
        return;
      }
      ctx.body = show(done.locale, 'alerts.page.unsubscribed.title', [translate(done.locale, 'alerts.page.unsubscribed.text')]);
    },

    /** Editors run the digest now, or as of an instant near the server's clock (DIGEST_WINDOW: a far-future one would purge pending subscriptions). */
    async digest(ctx: any) {
      const { value, issues } = parseDigestRequest(ctx.request.body ?? {});
      if (issues.length) throw validationError(callerLocale(ctx.query, ctx.get('accept-language')), 'alerts.error.invalid', issues);
      ctx.body = { data: await alerts().digest(value.now) };
    },
  };
};
