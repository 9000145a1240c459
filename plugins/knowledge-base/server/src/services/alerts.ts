import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';
import { UIDS } from '../content-types/uids';
import { KB_TYPES } from '../shared/content-types';
import { CLOSING_SOON_DAYS, deadlineStatus, daysLeft, type CallDates, type DeadlineStatus } from '../shared/deadline-status';
import type { Locale } from '../shared/locales';
import { translate } from '../translations';
import type { AlertFrequency, SubscriptionInput } from '../validation/subscription';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A stored subscription (content-types/alert-subscription); instants as ISO text. */
export type Subscription = {
  id: number;
  documentId: string;
  email: string;
  locale: Locale;
  themes: string[] | null;
  beneficiaries: string[] | null;
  scopes: string[] | null;
  frequency: AlertFrequency;
  confirmTokenHash: string | null;
  confirmBy: string | null;
  confirmedAt: string | null;
  lastSentAt: string | null;
};

/** A published funding call as the digest reads it, with its status of the day. */
type Call = CallDates & {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  publishedAt: string;
  eligibleBeneficiaries?: string[] | null;
  scopeLevel?: string | null;
  themes?: { slug: string }[];
  status: DeadlineStatus;
};

/** Less than a full period, so a daily run a few minutes early still sends. */
const DUE_AFTER_MS: Record<AlertFrequency, number> = { daily: 20 * HOUR_MS, weekly: (7 * 24 - 4) * HOUR_MS };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');

const matches = (subscription: Subscription, call: Call): boolean => {
  const any = (wanted: string[] | null | undefined, has: string[]) => !wanted?.length || wanted.some((w) => has.includes(w));
  return (
    any(subscription.themes, (call.themes ?? []).map((t) => t.slug)) &&
    any(subscription.beneficiaries, call.eligibleBeneficiaries ?? []) &&
    any(subscription.scopes, call.scopeLevel ? [call.scopeLevel] : [])
  );
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.documents(UIDS.alertSubscription);
  const settings = () => pluginConfig(strapi, 'alerts');
  // Strapi types a document's data from an app's generated schemas, which a plugin has none of: the fields go in as a record.
  const save = (documentId: string, fields: Partial<Subscription>) => {
    const data: Record<string, unknown> = fields;
    return store().update({ documentId, data });
  };
  const confirmDeadline = (now: Date) => new Date(now.getTime() + settings().confirmHours * HOUR_MS).toISOString();

  /** Where readers reach this CMS from outside: confirm and unsubscribe links point there. */
  const publicApiUrl = (): string => {
    const configured = pluginConfig(strapi, 'publicApiUrl') || strapi.config.get<string>('server.url');
    if (configured && /^https?:\/\//.test(configured)) return configured.replace(/\/$/, '');
    return `http://${strapi.config.get('server.host')}:${strapi.config.get('server.port')}`;
  };
  const secret = () => {
    const keys = strapi.config.get<string[]>('server.app.keys') ?? [];
    return `${keys.join(',')}|knowledge-base-alerts`;
  };
  // Unsubscribe tokens are signed, not stored: every digest can carry one without keeping secrets at rest.
  const unsubscribeToken = (documentId: string) => `${documentId}.${createHmac('sha256', secret()).update(documentId).digest('base64url')}`;
  const readUnsubscribeToken = (token: string): string | null => {
    const [documentId] = token.split('.');
    if (!documentId) return null;
    const expected = Buffer.from(unsubscribeToken(documentId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given) ? documentId : null;
  };
  const link = (path: string, token: string) => `${publicApiUrl()}/api/knowledge-base/alerts/${path}?token=${encodeURIComponent(token)}`;

  // The HTML part is the text, escaped: without it the provider would send the raw text as HTML.
  const send = (to: string, subject: string, text: string, headers?: Record<string, string>) =>
    strapi.plugin('email').service('email').send({
      to,
      subject,
      text,
      html: `<div style="white-space:pre-wrap;font-family:sans-serif">${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</div>`,
      ...(headers ? { headers } : {}),
    });

  const service = {
    publicApiUrl,

    /**
     * Stores a pending subscription and mails its single-use confirmation link. The mail goes
     * out after the answer: a failure is logged and the digest task sends a new link.
     */
    async subscribe(input: SubscriptionInput, now = new Date()) {
      const token = newToken();
      const data: Record<string, unknown> = { ...input, confirmTokenHash: sha256(token), confirmBy: confirmDeadline(now) } satisfies Partial<Subscription>;
      const created = (await store().create({ data })) as Subscription;
      void service.mailConfirmation(created, token);
      return { documentId: created.documentId };
    },

    /**
     * Mails the confirmation link of `token`; never throws. On failure the token is dropped (it
     * reached no one), which marks the subscription for resendConfirmations.
     */
    async mailConfirmation(subscription: Subscription, token: string): Promise<boolean> {
      const l = subscription.locale;
      try {
        await send(
          subscription.email,
          translate(l, 'alerts.mail.confirm.subject'),
          translate(l, 'alerts.mail.confirm.text', { link: link('confirm', token), hours: settings().confirmHours }),
        );
        return true;
      } catch (error) {
        strapi.log.error(`[knowledge-base] alert confirmation mail for subscription ${subscription.documentId} failed: ${(error as Error).message}; the next digest run sends a new link.`);
        await save(subscription.documentId, { confirmTokenHash: null }).catch(() => undefined);
        return false;
      }
    },

    /**
     * Pending subscriptions whose confirmation mail failed, still in their window, get a new link;
     * once it is sent, their window starts again, as the mail says. Returns how many were sent.
     */
    async resendConfirmations(now = new Date()): Promise<number> {
      const unsent = (await store().findMany({
        filters: { confirmedAt: { $null: true }, confirmTokenHash: { $null: true }, confirmBy: { $gte: now.toISOString() } },
      })) as Subscription[];
      let sent = 0;
      for (const subscription of unsent) {
        const token = newToken();
        await save(subscription.documentId, { confirmTokenHash: sha256(token) });
        if (!(await service.mailConfirmation(subscription, token))) continue;
        await save(subscription.documentId, { confirmBy: confirmDeadline(now) });
        sent++;
      }
      return sent;
    },

    /** Confirms the subscription a token belongs to; the token then stops working. */
    async confirm(token: string, now = new Date()): Promise<{ locale: Locale } | null> {
      const found = (await store().findFirst({ filters: { confirmTokenHash: sha256(token) } })) as Subscription | null;
      if (!found || !found.confirmBy || new Date(found.confirmBy).getTime() < now.getTime()) return null;
      await save(found.documentId, { confirmTokenHash: null, confirmBy: null, confirmedAt: now.toISOString() });
      return { locale: found.locale };
    },

    /** Deletes the subscription (the address goes with it). */
    async unsubscribe(token: string): Promise<{ locale: Locale } | null> {
      const documentId = readUnsubscribeToken(token);
      if (!documentId) return null;
      const found = (await store().findOne({ documentId })) as Subscription | null;
      if (!found) return { locale: 'fr' };
      await store().delete({ documentId });
      return { locale: found.locale };
    },

    tokenIsValid: (token: string) => readUnsubscribeToken(token) !== null,

    /** Unconfirmed subscriptions past their deadline are deleted. */
    async purgeExpired(now = new Date()): Promise<number> {
      const expired = (await store().findMany({ filters: { confirmedAt: { $null: true }, confirmBy: { $lt: now.toISOString() } }, fields: ['documentId'] }));
      for (const { documentId } of expired) await store().delete({ documentId });
      return expired.length;
    },

    /**
     * Sends each confirmed subscriber whose period is over the calls of their filter that were
     * published since their last digest, and those closing soon. Returns what it did.
     */
    async digest(now = new Date()) {
      // Never purge ahead of the clock: a pending subscription keeps its whole window.
      const clock = new Date();
      const purged = await service.purgeExpired(now < clock ? now : clock);
      const confirmationsSent = await service.resendConfirmations(now);
      const subscriptions = (await store().findMany({ filters: { confirmedAt: { $notNull: true } } })) as Subscription[];
      const callsByLocale = new Map<string, Call[]>();
      const calls = async (locale: string) => {
        if (!callsByLocale.has(locale)) {
          const docs = (await strapi.documents(UIDS.fundingCall).findMany({
            locale,
            status: 'published',
            populate: { themes: { fields: ['slug'] } },
          })) as Omit<Call, 'status'>[];
          callsByLocale.set(locale, docs.map((d) => ({ ...d, status: deadlineStatus(d, now) })));
        }
        return callsByLocale.get(locale)!;
      };

      let sent = 0;
      let skipped = 0;
      let failed = 0;
      for (const subscription of subscriptions) {
        // Confirmed ones only: one of the two is set.
        const last = (subscription.lastSentAt ?? subscription.confirmedAt)!;
        if (subscription.lastSentAt && now.getTime() - new Date(subscription.lastSentAt).getTime() < DUE_AFTER_MS[subscription.frequency]) {
          skipped++;
          continue;
        }
        const mine = (await calls(subscription.locale)).filter((call) => matches(subscription, call));
        const fresh = mine.filter((c) => c.status !== 'closed' && new Date(c.publishedAt).getTime() > new Date(last).getTime());
        // A call is announced as closing once: when it entered its last 30 days since the previous digest.
        const closing = mine.filter(
          (c) => c.status === 'closing-soon' && !fresh.includes(c) && new Date(c.deadline!).getTime() - CLOSING_SOON_DAYS * DAY_MS > new Date(last).getTime(),
        );
        if (!fresh.length && !closing.length) {
          skipped++;
          continue;
        }
        try {
          await service.sendDigest(subscription, fresh, closing, now);
        } catch (error) {
          // Not marked as sent: the next run tries again with everything since the last digest.
          strapi.log.error(`[knowledge-base] alert digest for subscription ${subscription.documentId} failed: ${(error as Error).message}`);
          failed++;
          continue;
        }
        await save(subscription.documentId, { lastSentAt: now.toISOString() });
        sent++;
      }
      return { sent, skipped, failed, purged, confirmationsSent };
    },

    async sendDigest(subscription: Subscription, fresh: Call[], closing: Call[], now: Date) {
      const l = subscription.locale;
      const siteUrl = pluginConfig(strapi, 'siteUrl').replace(/\/$/, '');
      const dateFormat = new Intl.DateTimeFormat({ fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' }[l] ?? 'fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
      const line = (call: Call) => {
        const when = call.deadline
          ? translate(l, 'alerts.mail.digest.deadline', { date: dateFormat.format(new Date(call.deadline)), days: daysLeft(call, now) ?? '' })
          : translate(l, 'alerts.mail.digest.noDeadline');
        return `• ${call.title} — ${when}\n  ${siteUrl}/${l}/${KB_TYPES['funding-call'].path}/${call.slug}/`;
      };
      const unsubscribe = link('unsubscribe', unsubscribeToken(subscription.documentId));
      const parts = [translate(l, 'alerts.mail.digest.intro')];
      if (fresh.length) parts.push(`${translate(l, 'alerts.mail.digest.new')}\n${fresh.map(line).join('\n')}`);
      if (closing.length) parts.push(`${translate(l, 'alerts.mail.digest.closing')}\n${closing.map(line).join('\n')}`);
      parts.push(translate(l, 'alerts.mail.digest.unsubscribe', { link: unsubscribe }));
      await send(subscription.email, translate(l, 'alerts.mail.digest.subject', { count: fresh.length + closing.length }), parts.join('\n\n'), {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
    },
  };
  return service;
};
