import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { whenUsersPermissionsReady } from '../users-permissions-ready';
import { pluginConfig } from '../config';
import { UIDS } from '../content-types/uids';
import { service } from './get-service';
import { contributionPath } from '../shared/moderation';
import type { Locale } from '../shared/locales';

const ROLE = 'plugin::users-permissions.role';
const USER = 'plugin::users-permissions.user';
const PERMISSION = 'plugin::users-permissions.permission';
const { contributor: CONTRIBUTOR, invitation: INVITATION, actor: ACTOR } = UIDS;

export const CONTRIBUTOR_ROLE = { type: 'contributor', name: 'Contributor', description: 'Member cities: submit initiatives and propose changes to their own actor fiche, under moderation.' };

/** The users-permissions actions of the Contributor role: the plugin's contribution routes, nothing else. */
export const CONTRIBUTOR_ACTIONS = ['me', 'list', 'findOne', 'attachment', 'create', 'update', 'proposeActorUpdate'].map(
  (action) => `plugin::knowledge-base.contribution.${action}`,
);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Organisation {
  documentId: string;
  slug: string;
  name: string;
  city: string | null;
  country: string | null;
}

export class ContributionError extends Error {
  constructor(readonly code: 'unknownOrganisation' | 'emailTaken' | 'invitationInvalid') {
    super(code);
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ensureRoleNow = async () => {
    let role = await strapi.db.query(ROLE).findOne({ where: { type: CONTRIBUTOR_ROLE.type } });
    if (!role) role = await strapi.db.query(ROLE).create({ data: CONTRIBUTOR_ROLE });
    const granted: { id: number; action: string }[] = await strapi.db.query(PERMISSION).findMany({ where: { role: role.id }, select: ['id', 'action'] });
    for (const action of CONTRIBUTOR_ACTIONS) {
      if (!granted.some((p) => p.action === action)) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
    }
    // The role is the plugin's: whatever else was granted to it is taken back.
    for (const p of granted.filter((g) => !CONTRIBUTOR_ACTIONS.includes(g.action))) await strapi.db.query(PERMISSION).delete({ where: { id: p.id } });
    // Accounts come from invitations only: users-permissions' own sign-up stays closed.
    const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
    if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
    return role as { id: number };
  };

  return {
    /** Creates the Contributor role with only the contribution actions (once users-permissions has its roles). */
    async ensureRole() {
      if (!strapi.plugin('users-permissions')) return;
      await whenUsersPermissionsReady(strapi, ensureRoleNow);
    },

    /** An actor fiche by documentId or slug, named in `locale` when it has that language. */
    async organisation(idOrSlug: string, locale: Locale = 'fr'): Promise<Organisation | null> {
      const rows: any[] = await strapi.db.query(ACTOR).findMany({
        where: { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] },
        select: ['documentId', 'slug', 'name', 'city', 'country', 'locale', 'publishedAt'],
      });
      if (!rows.length) return null;
      const row = rows.find((r) => r.locale === locale && r.publishedAt) ?? rows.find((r) => r.locale === locale) ?? rows.find((r) => r.publishedAt) ?? rows[0];
      return { documentId: row.documentId, slug: row.slug, name: row.name, city: row.city, country: row.country };
    },

    /** The contributor profile of a users-permissions user, if they have one. */
    async profile(userId: number) {
      return strapi.db.query(CONTRIBUTOR).findOne({ where: { userId } }) as Promise<{ userId: number; email: string; organisationId: string; locale: Locale } | null>;
    },

    /** Invites `email` to contribute for an organisation; returns the link (also e-mailed). */
    async invite(input: { email: string; organisation: string; locale: Locale }, editorId: number) {
      const organisation = await this.organisation(input.organisation, input.locale);
      if (!organisation) throw new ContributionError('unknownOrganisation');
      if (await strapi.db.query(USER).findOne({ where: { email: input.email } })) throw new ContributionError('emailTaken');
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + pluginConfig(strapi, 'contribution').invitationTtlHours * 3600_000);
      await strapi.db.query(INVITATION).create({
        data: { email: input.email, organisationId: organisation.documentId, locale: input.locale, tokenHash: hashToken(token), expiresAt, invitedById: editorId },
      });
      const link = `${pluginConfig(strapi, 'siteUrl').replace(/\/$/, '')}${contributionPath(input.locale)}?invitation=${token}`;
      service(strapi, 'contribution-mail').invitation({ email: input.email, organisation, locale: input.locale, link, expiresAt });
      return { email: input.email, organisation, locale: input.locale, expiresAt: expiresAt.toISOString(), link };
    },

    /** Uses an invitation once: creates the contributor's account with the chosen password. */
    async acceptInvitation(input: { token: string; password: string; locale?: Locale }) {
      const invitation = await strapi.db.query(INVITATION).findOne({ where: { tokenHash: hashToken(input.token) } });
      if (!invitation || invitation.usedAt || new Date(invitation.expiresAt).getTime() < Date.now()) throw new ContributionError('invitationInvalid');
      // Claim the invitation first, so two concurrent uses cannot both succeed.
      const claimed = await strapi.db.query(INVITATION).updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: new Date() } });
      if (!claimed.count) throw new ContributionError('invitationInvalid');
      if (await strapi.db.query(USER).findOne({ where: { email: invitation.email } })) throw new ContributionError('emailTaken');
      const role = await ensureRoleNow();
      const user = await strapi.plugin('users-permissions').service('user').add({
        username: invitation.email, email: invitation.email, password: input.password,
        provider: 'local', confirmed: true, blocked: false, role: role.id,
      });
      const locale = input.locale ?? invitation.locale;
      await strapi.db.query(CONTRIBUTOR).create({ data: { userId: user.id, email: invitation.email, organisationId: invitation.organisationId, locale } });
      return { email: invitation.email as string, locale };
    },
  };
};
