/**
 * Who may call what, written once: every route a caller can reach (the CMS's content API, all
 * plugins, and the knowledge base's admin routes) × the five kinds of caller. `permission-matrix.test.ts`
 * reads the route table from the running CMS and the plugin, so a route missing here fails it.
 */

/** The callers, each with the credentials it really holds. */
export const ROLES = ['anonymous', 'contributorA', 'contributorB', 'editor', 'superAdmin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - allow: the action runs (2xx);
 * - deny: refused before the action (401, 403);
 * - hidden: another organisation's: 404, as for what does not exist (the probed submission is of organisation A);
 * - open: anyone reaches the action, the credential being in the request (a token, a code, a password):
 *   the probe's made-up one is refused with 400.
 */
export type Access = 'allow' | 'deny' | 'hidden' | 'open';
type Row = readonly [anonymous: Access, contributorA: Access, contributorB: Access, editor: Access, superAdmin: Access];

/** A method no route takes at a route's path, for everyone: 405; GET goes on to the static files, which have none: 404. */
export const UNROUTED: Record<string, number> = { GET: 404, POST: 405, PUT: 405, PATCH: 405, DELETE: 405 };

// Shorthands for the rows most routes share.
const PUBLIC_READ: Row = ['allow', 'deny', 'deny', 'deny', 'deny'];
const EVERYONE: Row = ['allow', 'allow', 'allow', 'allow', 'allow'];
const TOKEN_IN_REQUEST: Row = ['open', 'open', 'open', 'open', 'open'];
const CONTRIBUTORS: Row = ['deny', 'allow', 'allow', 'deny', 'deny'];
const OWN_ORGANISATION: Row = ['deny', 'allow', 'hidden', 'deny', 'deny'];
const EDITORS: Row = ['deny', 'deny', 'deny', 'allow', 'allow'];
const NOBODY: Row = ['deny', 'deny', 'deny', 'deny', 'deny'];
// users-permissions' own sign-in routes: open to the Public role; a caller already holding a JWT
// (a contributor) or an admin token (not a users-permissions JWT) is refused.
const SIGN_IN_ONLY: Row = ['open', 'deny', 'deny', 'deny', 'deny'];

/** Route key (`METHOD /path` as the router has it) → [anonymous, contributor A, contributor B, editor, super-admin]. */
export const EXPECTED: Record<string, Row> = {
  // The knowledge base, public reads.
  'GET /api/knowledge-base/case-studies': PUBLIC_READ,
  'GET /api/knowledge-base/case-studies/:slug': PUBLIC_READ,
  'GET /api/knowledge-base/actors': PUBLIC_READ,
  'GET /api/knowledge-base/actors/:slug': PUBLIC_READ,
  'GET /api/knowledge-base/funding-calls': PUBLIC_READ,
  'GET /api/knowledge-base/funding-calls/:slug': PUBLIC_READ,
  'GET /api/knowledge-base/good-practices': PUBLIC_READ,
  'GET /api/knowledge-base/good-practices/:slug': PUBLIC_READ,
  'GET /api/knowledge-base/themes': PUBLIC_READ,
  'GET /api/knowledge-base/themes/:slug': PUBLIC_READ,
  // Open to any caller, whatever it carries.
  'GET /api/knowledge-base/openapi.json': EVERYONE,
  'POST /api/knowledge-base/alerts': EVERYONE,
  'GET /api/knowledge-base/alerts/confirm': TOKEN_IN_REQUEST,
  'GET /api/knowledge-base/alerts/unsubscribe': TOKEN_IN_REQUEST,
  'POST /api/knowledge-base/alerts/unsubscribe': TOKEN_IN_REQUEST,
  'POST /api/knowledge-base/contribution/invitations/accept': TOKEN_IN_REQUEST,
  // Member cities: their own organisation's submissions and files only (what a list or `me` shows is
  // searched for the other organisation's secrets by the suite's leak probes).
  'GET /api/knowledge-base/contribution/me': CONTRIBUTORS,
  'GET /api/knowledge-base/contribution/submissions': CONTRIBUTORS,
  'POST /api/knowledge-base/contribution/submissions': CONTRIBUTORS,
  'GET /api/knowledge-base/contribution/submissions/:id': OWN_ORGANISATION,
  'PUT /api/knowledge-base/contribution/submissions/:id': OWN_ORGANISATION,
  'GET /api/knowledge-base/contribution/submissions/:id/attachments/:file': OWN_ORGANISATION,
  'POST /api/knowledge-base/contribution/actor-updates': CONTRIBUTORS,

  // The knowledge base, editors' admin routes: any admin user (Editor role or super-admin).
  'GET /knowledge-base/overview': EDITORS,
  'POST /knowledge-base/alerts/digest': EDITORS,
  'GET /knowledge-base/site-builds': EDITORS,
  'POST /knowledge-base/site-builds': EDITORS,
  'GET /knowledge-base/moderation/submissions': EDITORS,
  'GET /knowledge-base/moderation/submissions/:id': EDITORS,
  'GET /knowledge-base/moderation/submissions/:id/attachments/:file': EDITORS,
  'POST /knowledge-base/moderation/submissions/:id/accept': EDITORS,
  'POST /knowledge-base/moderation/submissions/:id/request-changes': EDITORS,
  'POST /knowledge-base/moderation/submissions/:id/reject': EDITORS,
  'POST /knowledge-base/moderation/invitations': EDITORS,
  'GET /knowledge-base/moderation/organisations': EDITORS,

  // users-permissions: sign-in and password reset for the Public role; sign-up and confirmation
  // e-mails closed (accounts come from invitations); nothing about users, roles or permissions.
  'GET /api/connect/(.*)': SIGN_IN_ONLY,
  'POST /api/auth/local': SIGN_IN_ONLY,
  'POST /api/auth/local/register': NOBODY,
  'GET /api/auth/:provider/callback': SIGN_IN_ONLY,
  'POST /api/auth/forgot-password': ['allow', 'deny', 'deny', 'deny', 'deny'],
  'POST /api/auth/reset-password': SIGN_IN_ONLY,
  'GET /api/auth/email-confirmation': SIGN_IN_ONLY,
  'POST /api/auth/send-email-confirmation': NOBODY,
  'POST /api/auth/change-password': NOBODY,
  'POST /api/auth/refresh': SIGN_IN_ONLY,
  'POST /api/auth/logout': NOBODY,
  'GET /api/auth/sessions': NOBODY,
  'DELETE /api/auth/sessions/:sessionId': NOBODY,
  'GET /api/users/count': NOBODY,
  'GET /api/users': NOBODY,
  'GET /api/users/me': NOBODY,
  'GET /api/users/:id': NOBODY,
  'POST /api/users': NOBODY,
  'PUT /api/users/:id': NOBODY,
  'DELETE /api/users/:id': NOBODY,
  'GET /api/users-permissions/roles/:id': NOBODY,
  'GET /api/users-permissions/roles': NOBODY,
  'POST /api/users-permissions/roles': NOBODY,
  'PUT /api/users-permissions/roles/:role': NOBODY,
  'DELETE /api/users-permissions/roles/:role': NOBODY,
  'GET /api/users-permissions/permissions': NOBODY,

  // The media library: contributors' files never go through it before an editor accepts them.
  'POST /api/upload/': NOBODY,
  'GET /api/upload/files': NOBODY,
  'GET /api/upload/files/page': NOBODY,
  'GET /api/upload/files/:id': NOBODY,
  'DELETE /api/upload/files/:id': NOBODY,

  // Strapi's other content-API routes: none is granted to any role.
  'GET /api/content-type-builder/content-types': NOBODY,
  'GET /api/content-type-builder/content-types/:uid': NOBODY,
  'GET /api/content-type-builder/components': NOBODY,
  'GET /api/content-type-builder/components/:uid': NOBODY,
  'POST /api/email/': NOBODY,
  'GET /api/i18n/locales': NOBODY,
};
