/**
 * The permission matrix, generated from the route table: every content-API route the running CMS
 * has (the knowledge base's, users-permissions', the upload plugin's, Strapi's others) and every
 * admin route of the plugin, called by five callers (anonymous, a contributor of organisation A, a
 * contributor of organisation B, an admin user with the Editor role, the super-admin) with the
 * credentials each really holds, each from its own address. Each answer must be what
 * `permission-matrix.ts` says (written once per route: a route without an entry fails), HEAD as
 * GET, every method no route takes at those paths is refused (405; 404 for GET), nothing answers 5xx.
 *
 * Every answer is also searched for what its caller must never see: drafts (new ones, an unpublished
 * change of a published entry, a published entry's relation to a draft), submissions not accepted
 * and their files, the e-mail addresses of alert subscribers, contributors and editors. Leak probes
 * add what an attacker tries: filters, populate, fields, sort on private fields, locales, draft
 * slugs, another organisation's ids and files, the stored files' names under public paths, the
 * users and media listings, and the open-data files built from the public API. One Strapi, on SQLite.
 */
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { KB_TYPES, openDataCsv, openDataRow, type KbType } from '@aimf/strapi-plugin-knowledge-base/shared';
import pluginRoutes from '../../plugins/knowledge-base/server/src/routes';
import { apiEntries } from '../../site/src/loaders/api-entries';
import { ADMIN, TestCms } from './harness';
import { SmtpSink } from './smtp-sink';
import { PASSWORD, PNG, caseStudy, kb, multipart, onboard } from './contributors';
import { EXPECTED, ROLES, UNROUTED, type Access, type Role } from './permission-matrix';

const json = (value: unknown) => JSON.stringify(value);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ORG = { A: 'ville-a', B: 'ville-b' } as const;
const THEME = 'theme-matrice';
const DRAFT_THEME = 'theme-brouillon-qx7';
const EDITOR = { email: 'eda.editrice@example.org', password: 'Editrice-Passw0rd' };

/** What must never reach a caller not entitled to it: ASCII, so JSON cannot escape it out of sight. */
const SECRET = {
  draft: 'Brouillon confidentiel QX7',
  draftSlug: 'brouillon-confidentiel-qx7',
  draftChange: 'Modification non publiee QX7',
  draftTranslation: 'Draft translation QX7',
  draftPractice: 'Pratique jamais publiee QX7',
  draftTheme: 'Theme jamais publie QX7',
  submissionA: 'Soumission privee de A QX7 compostage',
  submissionB: 'Soumission privee de B QX7 jardins',
  fileA: 'piece-privee-a-qx7',
  fileB: 'piece-privee-b-qx7',
  bytesA: 'OCTETS-PRIVES-A-QX7',
  bytesB: 'OCTETS-PRIVES-B-QX7',
  subscriber: 'abonne.secret.qx7@lecteurs.example',
  confirmedSubscriber: 'abonnee.confirmee.qx7@lecteurs.example',
  contributorA: 'mairie.qx7@ville-a.example',
  contributorB: 'contact.qx7@ville-b.example',
  superAdmin: ADMIN.email,
  editor: EDITOR.email,
};
type Secret = keyof typeof SECRET;
const ALL_SECRETS = Object.keys(SECRET) as Secret[];
const OWN: Record<'A' | 'B', Secret[]> = {
  A: ['submissionA', 'fileA', 'bytesA', 'contributorA'],
  B: ['submissionB', 'fileB', 'bytesB', 'contributorB'],
};
/** Editors see everything; a contributor its own organisation's; the public nothing private. */
const FORBIDDEN: Record<Role, Secret[]> = {
  anonymous: ALL_SECRETS,
  contributorA: ALL_SECRETS.filter((s) => !OWN.A.includes(s)),
  contributorB: ALL_SECRETS.filter((s) => !OWN.B.includes(s)),
  editor: [],
  superAdmin: [],
};

/** Each caller comes from its own loopback address, as real ones do: rate limits count them apart. */
const ADDRESS: Record<Role, string> = { anonymous: '127.0.0.21', contributorA: '127.0.0.22', contributorB: '127.0.0.23', editor: '127.0.0.24', superAdmin: '127.0.0.25' };

// A JSON answer, read in the shape its route gives.
type Json = any;
interface Answer {
  status: number;
  text: string;
  body: Json;
  headers: Record<string, unknown>;
}
interface Probe {
  path: string;
  body?: unknown;
  /** The status meaning "the action ran" when it is not a 2xx (a rebuild asked while site builds are off). */
  ran?: number;
  /** The status an open route's action refuses the made-up credential with, when not 400. */
  refused?: number;
}

const MEANING: Record<Access, string> = { allow: '2xx', deny: '401/403', hidden: '404', open: '400' };
const fits = (access: Access, status: number, { ran, refused = 400 }: Probe) =>
  access === 'allow' ? (status >= 200 && status < 300) || status === ran
  : access === 'deny' ? status === 401 || status === 403
  : access === 'hidden' ? status === 404
  : status === refused;

describe('permission matrix and leak probes, on SQLite', () => {
  const cms = new TestCms('sqlite');
  const smtp = new SmtpSink();
  const token: Partial<Record<Role, string>> = {};
  const ids = {
    userA: 0, media: 0, orgA: '',
    submissionA: '', fileA: '', untouched: '', submissionB: '', fileB: '', draftOfA: '',
    decisions: {} as Record<string, string>,
  };
  const slugs: Partial<Record<string, string>> = {};
  const counts = { routes: 0, routeMethods: 0, routeAssertions: 0, unrouted: 0, unroutedAssertions: 0, leakProbes: 0, scanned: 0 };
  const leaks: string[] = [];
  const wrongStatus: string[] = [];
  const serverErrors: string[] = [];
  // What each test found, from its own requests.
  let since = { leaks: 0, wrongStatus: 0, serverErrors: 0 };
  beforeEach(() => {
    since = { leaks: leaks.length, wrongStatus: wrongStatus.length, serverErrors: serverErrors.length };
  });
  const surprises = () => ({ leaks: leaks.slice(since.leaks), wrongStatus: wrongStatus.slice(since.wrongStatus), serverErrors: serverErrors.slice(since.serverErrors) });
  const NONE = { leaks: [], wrongStatus: [], serverErrors: [] };

  /** One request as `role`, from its address with its credentials; the answer is searched for what `role` must not see. */
  const send = async (role: Role, method: string, path: string, body?: unknown): Promise<Answer> => {
    let payload: Buffer | undefined;
    const headers: Record<string, string> = {};
    if (token[role]) headers.authorization = `Bearer ${token[role]}`;
    if (body instanceof FormData) {
      const encoded = new Request('http://multipart.invalid/', { method: 'POST', body });
      payload = Buffer.from(await encoded.arrayBuffer());
      headers['content-type'] = encoded.headers.get('content-type')!;
    } else if (body !== undefined) {
      payload = Buffer.from(json(body));
      headers['content-type'] = 'application/json';
    }
    if (payload) headers['content-length'] = String(payload.length);
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(new URL(path, cms.url), { method, headers, localAddress: ADDRESS[role] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          let parsed: Json = null;
          try {
            parsed = JSON.parse(raw.toString('utf8'));
          } catch {
            // HTML pages, files, empty answers
          }
          resolve({ status: res.statusCode ?? 0, text: raw.toString('latin1'), body: parsed, headers: res.headers });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
    scan(role, `${method} ${path}`, `${path}\n${payload?.toString('latin1') ?? ''}`, answer);
    return answer;
  };

  /** Records a secret in an answer (unless the request itself carried it: an echo) and any 5xx. */
  const scan = (role: Role, label: string, sent: string, answer: Answer) => {
    counts.scanned++;
    if (answer.status >= 500) serverErrors.push(`${label} as ${role} → ${answer.status}: ${answer.text.slice(0, 300)}`);
    const seen = `${answer.text}\n${json(answer.headers)}`;
    for (const secret of FORBIDDEN[role]) {
      if (seen.includes(SECRET[secret]) && !sent.includes(SECRET[secret])) leaks.push(`${label} as ${role} shows ${secret} (${SECRET[secret]}) → ${answer.status}`);
    }
  };

  const admin = async (path: string, init: RequestInit = {}) => {
    const reply = await cms.admin(path, init);
    const body = (await reply.json().catch(() => null)) as Json;
    if (reply.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} → ${reply.status}: ${json(body)}`);
    return body;
  };
  const cm = (uid: string) => `/content-manager/collection-types/plugin::knowledge-base.${uid}`;
  const link = (documentId: string) => ({ connect: [{ documentId, locale: 'fr' }] });
  const sources = [{ document: 'matrice.txt', section: 'Test' }];
  /** Created and published (or left a draft) through the content manager, as an editor does. */
  const entry = async (uid: string, data: Record<string, unknown>, publish = true) =>
    (await admin(`${cm(uid)}${publish ? '/actions/publish' : ''}?locale=fr`, { method: 'POST', body: json({ sources, translationOrigin: 'original', ...data }) })).data as { documentId: string };
  const submit = async (jwt: string, data: Record<string, unknown>, files: { name: string; content: Buffer }[] = []) => {
    const reply = await kb(cms, '/contribution/submissions', { method: 'POST', jwt, body: files.length ? multipart(data, files) : json({ data }) });
    if (reply.status !== 201) throw new Error(`submission refused: ${reply.status} ${json(reply.body)}`);
    return reply.body.data;
  };

  beforeAll(async () => {
    await smtp.start();
    Object.assign(cms.env, {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: 'https://guide.example', KB_EDITOR_EMAILS: 'moderation@aimf.example',
      KB_SUBMISSIONS_PER_USER: '500', KB_SUBMISSIONS_PER_IP: '2000',
    });
    await cms.start();

    // Published entries of every collection, and what must stay private beside them.
    const theme = await entry('theme', { name: 'Theme de la matrice', slug: THEME });
    const draftTheme = await entry('theme', { name: SECRET.draftTheme, slug: DRAFT_THEME }, false);
    const actorA = await entry('actor', { name: 'Ville A', slug: ORG.A, type: 'local-government', city: 'Aville', country: 'FR', description: 'Une ville membre.', themes: link(theme.documentId) });
    await entry('actor', { name: 'Ville B', slug: ORG.B, type: 'local-government', city: 'Beville', country: 'SN', description: 'Une autre ville membre.' });
    const draftPractice = await entry('good-practice', { title: SECRET.draftPractice, slug: 'pratique-brouillon-qx7', summary: 'Jamais publiee.', kind: 'practice' }, false);
    await entry('good-practice', { title: 'Pratique publiee', slug: 'pratique-publiee', summary: 'Publiee.', kind: 'practice', themes: link(theme.documentId) });
    await entry('funding-call', { title: 'Appel publie', slug: 'appel-publie', summary: 'Un appel.', deadline: '2099-01-01T00:00:00.000Z', timezone: 'UTC', themes: link(theme.documentId) });
    // A published case study related to the draft-only practice and theme, then changed without publishing.
    const published = await entry('case-study', {
      title: 'Etude publiee de la matrice', slug: 'etude-publiee', summary: 'Le resume publie.', city: 'Aville', country: 'FR',
      themes: { connect: [{ documentId: theme.documentId, locale: 'fr' }, { documentId: draftTheme.documentId, locale: 'fr' }] },
      actors: link(actorA.documentId), goodPractices: link(draftPractice.documentId),
    });
    await admin(`${cm('case-study')}/${published.documentId}?locale=fr`, { method: 'PUT', body: json({ summary: SECRET.draftChange }) });
    // …and given an English translation left a draft.
    await admin(`${cm('case-study')}/${published.documentId}?locale=en`, { method: 'PUT', body: json({ title: SECRET.draftTranslation, slug: 'etude-publiee', summary: 'Not reviewed yet.', sources, translationOrigin: 'machine' }) });
    // The draft holds both relations the published version must not show.
    expect((await admin(`${cm('case-study')}/${published.documentId}?locale=fr`)).data).toMatchObject({ themes: { count: 2 }, goodPractices: { count: 1 } });
    await entry('case-study', { title: SECRET.draft, slug: SECRET.draftSlug, summary: 'Pas encore relu.', actors: link(actorA.documentId), themes: link(theme.documentId) }, false);
    Object.assign(slugs, { 'case-studies': 'etude-publiee', actors: ORG.A, 'funding-calls': 'appel-publie', 'good-practices': 'pratique-publiee', themes: THEME });
    ids.orgA = actorA.documentId;

    // The callers: an Editor-role admin user registered through an invitation link; the super-admin; two member cities.
    const roles = (await admin('/admin/roles')).data as { id: number; code: string }[];
    const invited = await admin('/admin/users', { method: 'POST', body: json({ firstname: 'Eda', lastname: 'Editrice', email: EDITOR.email, roles: [roles.find((r) => r.code === 'strapi-editor')!.id] }) });
    const registered = await fetch(`${cms.url}/admin/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: json({ registrationToken: invited.data.registrationToken, userInfo: { firstname: 'Eda', lastname: 'Editrice', password: EDITOR.password } }),
    });
    token.editor = ((await registered.json()) as { data: { token: string } }).data.token;
    const superLogin = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(ADMIN) });
    token.superAdmin = ((await superLogin.json()) as { data: { token: string } }).data.token;
    // A file in the media library, for the upload plugin's routes.
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'logo-public.png');
    const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token.superAdmin}` } });
    ids.media = ((await uploaded.json()) as { id: number }[])[0].id;
    token.contributorA = await onboard(cms, smtp, SECRET.contributorA, ORG.A, 'fr');
    token.contributorB = await onboard(cms, smtp, SECRET.contributorB, ORG.B, 'en');
    ids.userA = (await admin(`/content-manager/collection-types/plugin::users-permissions.user?filters[email][$eq]=${encodeURIComponent(SECRET.contributorA)}`)).results[0].id;

    // Submissions of both organisations, each with a file holding a marker after its image.
    const withMarker = (marker: string) => Buffer.concat([PNG, Buffer.from(marker)]);
    const a = await submit(token.contributorA, caseStudy({ title: SECRET.submissionA, city: 'Aville', country: 'FR', themes: [THEME], partners: [{ actor: ORG.B }] }), [{ name: `${SECRET.fileA}.png`, content: withMarker(SECRET.bytesA) }]);
    const b = await submit(token.contributorB, caseStudy({ title: SECRET.submissionB, city: 'Beville', country: 'SN', themes: [THEME], partners: [{ actor: ORG.A }] }), [{ name: `${SECRET.fileB}.png`, content: withMarker(SECRET.bytesB) }]);
    Object.assign(ids, { submissionA: a.id, fileA: a.attachments[0].id, submissionB: b.id, fileB: b.attachments[0].id, draftOfA: a.content.slug });
    // What a refused decision must leave as it was; and one fresh submission per decision an editor takes in the matrix.
    ids.untouched = (await submit(token.contributorA, caseStudy({ title: 'Decision refusee', partners: [], themes: [THEME] }))).id;
    for (const role of ['editor', 'superAdmin'])
      for (const action of ['accept', 'request-changes', 'reject'])
        ids.decisions[`${role} ${action}`] = (await submit(token.contributorA, caseStudy({ title: `Decision ${action} par ${role}`, partners: [], themes: [THEME] }))).id;

    // Alert subscribers: one waiting for its confirmation, one confirmed.
    for (const email of [SECRET.subscriber, SECRET.confirmedSubscriber]) {
      const reply = await fetch(`${cms.url}/api/knowledge-base/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json({ email, locale: 'fr', themes: [THEME] }) });
      expect(reply.status).toBe(202);
    }
    const confirmation = await smtp.waitFor((m) => m.to.includes(SECRET.confirmedSubscriber));
    const confirmLink = /https?:\/\/\S+\/alerts\/confirm\?token=\S+/.exec(confirmation.text)![0];
    expect((await fetch(confirmLink.replace(/^https?:\/\/[^/]+/, cms.url))).status).toBe(200);
  }, 300_000);

  afterAll(async () => {
    console.log(
      `permission matrix: ${counts.routes} routes (${counts.routeMethods} with HEAD beside GET) × ${ROLES.length} roles = ${counts.routeAssertions} answers asserted; ` +
        `${counts.unrouted} unrouted (path, method) pairs × ${ROLES.length} roles = ${counts.unroutedAssertions}; ` +
        `leak probes: ${counts.leakProbes} requests tried, ${counts.scanned} answers searched for ${ALL_SECRETS.length} secrets; ` +
        `${leaks.length} leaks, ${serverErrors.length} 5xx`,
    );
    await cms.dispose();
    await smtp.stop();
  });

  /** Every route as `METHOD /path`: the content API as the running CMS lists it, the plugin's admin routes from its route file. */
  const routeTable = async () => {
    const { routes } = await admin('/users-permissions/routes');
    const contentApi = Object.values(routes as Record<string, { method: string; path: string }[]>).flat().map((r) => `${r.method} ${r.path}`);
    const adminRoutes = pluginRoutes.admin.routes.map((r) => `${r.method} /knowledge-base${r.path}`);
    return { contentApi, adminRoutes, all: [...new Set([...contentApi, ...adminRoutes])] };
  };

  it('has one expectation for every route, and none for a route that is gone', async () => {
    const { contentApi, all } = await routeTable();
    // The plugin's public routes as its route file declares them are those the CMS serves.
    const declared = pluginRoutes['content-api'].routes.map((r) => `${r.method} /api/knowledge-base${r.path}`).sort();
    expect(contentApi.filter((key) => key.includes(' /api/knowledge-base/')).sort()).toEqual(declared);
    expect({ withoutExpectation: all.filter((key) => !EXPECTED[key]), gone: Object.keys(EXPECTED).filter((key) => !all.includes(key)) }).toEqual({ withoutExpectation: [], gone: [] });
  });

  it('holds each secret where those entitled to it read it: what the searches below could find', async () => {
    const has = (answer: Answer, ...secrets: Secret[]) => expect(secrets.filter((s) => !`${answer.text}${json(answer.headers)}`.includes(SECRET[s]))).toEqual([]);
    has(await send('editor', 'GET', '/knowledge-base/moderation/submissions?pageSize=100'), 'submissionA', 'submissionB', 'contributorA', 'contributorB');
    has(await send('superAdmin', 'GET', `${cm('case-study')}?locale=fr&status=draft&pageSize=100`), 'draft', 'draftChange', 'submissionA', 'submissionB');
    has(await send('superAdmin', 'GET', `${cm('case-study')}?locale=en&status=draft&pageSize=100`), 'draftTranslation');
    has(await send('superAdmin', 'GET', `${cm('good-practice')}?locale=fr&status=draft`), 'draftPractice');
    has(await send('superAdmin', 'GET', `${cm('theme')}?locale=fr&status=draft`), 'draftTheme');
    has(await send('contributorA', 'GET', `/api/knowledge-base/contribution/submissions/${ids.submissionA}/attachments/${ids.fileA}`), 'bytesA', 'fileA');
    has(await send('contributorB', 'GET', '/api/knowledge-base/contribution/me'), 'contributorB');
    // The alert subscribers were stored: each got its confirmation e-mail.
    expect([SECRET.subscriber, SECRET.confirmedSubscriber].filter((email) => !smtp.mails.some((m) => m.to.includes(email)))).toEqual([]);
  });

  it('lets an admin user with the Editor role read every entry of the knowledge base in the content manager, in every locale', async () => {
    const seen: Record<string, [number, number]> = {};
    for (const uid of Object.keys(KB_TYPES))
      for (const locale of ['fr', 'en']) {
        const [asEditor, asSuperAdmin] = await Promise.all([send('editor', 'GET', `${cm(uid)}?locale=${locale}&status=draft`), send('superAdmin', 'GET', `${cm(uid)}?locale=${locale}&status=draft`)]);
        seen[`${uid} ${locale}`] = [asEditor.body?.pagination?.total, asSuperAdmin.body.pagination.total];
      }
    expect(Object.entries(seen).filter(([, [editor, superAdmin]]) => editor !== superAdmin)).toEqual([]);
  });

  /** A route's path with its parameters filled with things that exist (organisation A's submission, a published slug…). */
  const fill = (key: string) => {
    const path = key.slice(key.indexOf(' ') + 1);
    return path.replace('(.*)', 'github').replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'slug') return slugs[path.split('/')[3]]!;
      if (name === 'file') return ids.fileA;
      if (name === 'id' && path.includes('/submissions/')) return ids.submissionA;
      if (name === 'id' && path.startsWith('/api/users/')) return String(ids.userA);
      if (name === 'id' && path.startsWith('/api/upload/')) return String(ids.media);
      if ((name === 'id' || name === 'role') && path.includes('/roles/')) return '1';
      if (name === 'uid') return path.includes('components') ? 'shared.seo' : 'plugin::knowledge-base.case-study';
      if (name === 'provider') return 'github';
      if (name === 'sessionId') return 'made-up-session';
      throw new Error(`no value for :${name} in ${key}: say in fill() what exists to call it with`);
    });
  };

  /** How to call each route that takes a body, a query or a fresh resource; the others are called as fill() gives them. */
  const probe = (key: string, role: Role): Probe => {
    const path = fill(key);
    const someone = `personne.${role.toLowerCase()}@nulle-part.example`;
    const decision = /\/moderation\/submissions\/:id\/(accept|request-changes|reject)$/.exec(key)?.[1];
    if (decision) {
      // Editors decide on a fresh submission each; the others try the one that must stay untouched.
      const id = ids.decisions[`${role} ${decision}`] ?? ids.untouched;
      return { path: path.replace(ids.submissionA, id), body: decision === 'accept' ? { revision: 1 } : { revision: 1, comment: 'Matrice.' } };
    }
    const bodies: Record<string, unknown> = {
      'POST /api/knowledge-base/alerts': { email: `lecteur.${role.toLowerCase()}@lecteurs.example`, locale: 'fr' },
      'POST /api/knowledge-base/alerts/unsubscribe': {},
      'POST /api/knowledge-base/contribution/invitations/accept': { token: 'x'.repeat(43), password: PASSWORD },
      'POST /api/knowledge-base/contribution/submissions': { data: caseStudy({ title: `Matrice par ${role}`, partners: [], themes: [THEME] }) },
      'PUT /api/knowledge-base/contribution/submissions/:id': { data: { lessons: [`Relu par ${role}.`] } },
      'POST /api/knowledge-base/contribution/actor-updates': { data: { locale: 'fr', interests: `Matrice par ${role}.` } },
      'POST /knowledge-base/alerts/digest': {},
      'POST /knowledge-base/site-builds': {},
      'POST /knowledge-base/moderation/invitations': { email: `invitee.${role.toLowerCase()}@ville-a.example`, organisation: ORG.A, locale: 'fr' },
      'POST /api/auth/local': { identifier: someone, password: 'Wrong-Passw0rd' },
      'POST /api/auth/local/register': { username: `u${role}`, email: someone, password: 'Some-Passw0rd1' },
      'POST /api/auth/forgot-password': { email: someone },
      'POST /api/auth/reset-password': { code: 'made-up', password: 'New-Passw0rd1', passwordConfirmation: 'New-Passw0rd1' },
      'POST /api/auth/send-email-confirmation': { email: someone },
      'POST /api/auth/change-password': { currentPassword: PASSWORD, password: 'New-Passw0rd1', passwordConfirmation: 'New-Passw0rd1' },
      'POST /api/auth/refresh': { refreshToken: 'made-up' },
      'POST /api/auth/logout': {},
      'POST /api/users': { username: `cree-par-${role}`, email: `cree.${role.toLowerCase()}@nulle-part.example`, password: 'Some-Passw0rd1', role: 1 },
      'PUT /api/users/:id': { email: `vole.${role.toLowerCase()}@nulle-part.example` },
      'POST /api/users-permissions/roles': { name: `Role ${role}`, description: 'x', type: `role-${role.toLowerCase()}`, permissions: {} },
      'PUT /api/users-permissions/roles/:role': { name: `Renomme par ${role}` },
      'POST /api/email/': { to: someone, subject: 'Matrice', text: 'Matrice' },
    };
    const queries: Record<string, string> = {
      'GET /api/knowledge-base/alerts/confirm': '?token=made-up',
      'GET /api/knowledge-base/alerts/unsubscribe': '?token=made-up',
      'POST /api/knowledge-base/alerts/unsubscribe': '?token=made-up',
      'GET /api/auth/email-confirmation': '?confirmation=made-up',
    };
    if (key === 'POST /api/upload/') {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), `televerse-par-${role}.png`);
      return { path, body: form };
    }
    return {
      path: path + (queries[key] ?? ''),
      body: bodies[key],
      // Site builds are off in this CMS: the rebuild action says so.
      ran: key === 'POST /knowledge-base/site-builds' ? 409 : undefined,
      // Refresh tokens are off (users-permissions' legacy JWTs): the action answers 404.
      refused: key === 'POST /api/auth/refresh' ? 404 : undefined,
    };
  };

  it('gives every caller of every route exactly what the matrix says, and never a 5xx', async () => {
    const { all } = await routeTable();
    const wrong: string[] = [];
    for (const key of all.filter((k) => EXPECTED[k])) {
      counts.routes++;
      const method = key.split(' ')[0];
      // HEAD is GET without the body: the same route, the same permission.
      for (const sent of method === 'GET' ? ['GET', 'HEAD'] : [method]) {
        counts.routeMethods++;
        for (const [i, role] of ROLES.entries()) {
          const expected = EXPECTED[key][i];
          const call = probe(key, role);
          const answer = await send(role, sent, call.path, call.body);
          counts.routeAssertions++;
          if (!fits(expected, answer.status, call)) wrong.push(`${sent} ${key.slice(method.length + 1)} as ${role}: expected ${expected} (${MEANING[expected]}), got ${answer.status} ${answer.text.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The decisions refused to the others left their submission as it was.
    const untouched = await admin(`/knowledge-base/moderation/submissions/${ids.untouched}`);
    expect(untouched.data).toMatchObject({ status: 'submitted', revision: 1 });
    expect(surprises()).toEqual(NONE);
  });

  it('refuses every method no route takes at a route’s path (405; 404 for GET), whoever asks', async () => {
    const { all } = await routeTable();
    const patterns = all.map((key) => {
      const [method, path] = key.split(' ');
      const source = path
        .split(/(:\w+|\(\.\*\))/)
        .map((part) => (part.startsWith(':') ? '[^/]+' : part === '(.*)' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return { method, pattern: new RegExp(`^${source.replace(/\/$/, '')}/?$`) };
    });
    const wrong: string[] = [];
    const paths = [...new Set(all.map(fill))];
    for (const path of paths) {
      for (const method of METHODS.filter((m) => !patterns.some((p) => p.method === m && p.pattern.test(path)))) {
        counts.unrouted++;
        const answers = await Promise.all(ROLES.map((role) => send(role, method, path)));
        for (const [i, answer] of answers.entries()) {
          counts.unroutedAssertions++;
          if (answer.status !== UNROUTED[method]) wrong.push(`${method} ${path} as ${ROLES[i]}: expected ${UNROUTED[method]}, got ${answer.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(surprises()).toEqual(NONE);
  });

  /** A leak probe: any status but a 5xx, and (through send) no secret in the answer. */
  const tryLeak = async (role: Role, path: string, expected?: number[]) => {
    counts.leakProbes++;
    const answer = await send(role, 'GET', path);
    if (expected && !expected.includes(answer.status)) wrongStatus.push(`GET ${path} as ${role}: expected ${expected.join(' or ')}, got ${answer.status} ${answer.text.slice(0, 160)}`);
    return answer;
  };

  it('shows the public no draft, change or relation not published, whatever the query asks', async () => {
    // Queries the public API does not take are refused whole (400), not half-applied.
    const refused = [
      'status=draft', 'publicationState=preview', 'hasPublishedVersion=false', 'populate=*', 'populate[0]=createdBy', 'populate[actors][populate]=*',
      'fields[0]=title&fields[1]=createdBy', 'fields=email', 'sort=createdBy.email:asc', 'sort=email:asc', 'sort[0]=summary:asc',
      'filters[publishedAt][$null]=true', 'filters[title][$contains]=QX7', 'filters[$or][0][publishedAt][$null]=true', 'filters[createdBy][email][$contains]=%40',
      'filters[slug][$eq]=' + SECRET.draftSlug, 'filters[actors][caseStudies][publishedAt][$null]=true', 'locale=all', 'locale=*', 'pagination[pageSize]=100&pagination[withCount]=true',
      '_q=QX7', 'q=QX7', 'filters[theme][$ne]=x', 'filters[theme][0][$ne]=x',
      // Named after Object.prototype's members: Strapi's parser would drop them, the plugin names them first.
      'filters[__proto__][x]=1', 'filters[constructor]=x', '__proto__[status]=draft',
    ];
    for (const collection of Object.values(KB_TYPES).map((t) => t.path)) {
      for (const query of refused) await tryLeak('anonymous', `/api/knowledge-base/${collection}?${query}`, [400]);
      for (const locale of ['fr', 'en', 'ar']) await tryLeak('anonymous', `/api/knowledge-base/${collection}?locale=${locale}&pageSize=100`, [200]);
      for (const query of ['sort=updatedAt:desc', 'sort=publishedAt:asc', `filters[theme]=${DRAFT_THEME}`, `filters[theme]=${THEME}`]) {
        // Themes are sorted by neither publication date nor filtered by theme.
        const takes = collection !== 'themes' || query === 'sort=updatedAt:desc';
        const answer = await tryLeak('anonymous', `/api/knowledge-base/${collection}?${query}`, takes ? [200] : [400]);
        // A draft theme is no filter value: no entry is found through it (nor its existence learnt).
        if (query.includes(DRAFT_THEME) && answer.status === 200) expect([collection, answer.body.meta.pagination.total]).toEqual([collection, 0]);
      }
    }
    // Drafts by their slug, in every locale and with what might reach them.
    for (const [collection, slug] of [['case-studies', SECRET.draftSlug], ['case-studies', ids.draftOfA], ['good-practices', 'pratique-brouillon-qx7'], ['themes', DRAFT_THEME]]) {
      for (const query of ['', '?locale=fr', '?locale=en', '?locale=ar']) await tryLeak('anonymous', `/api/knowledge-base/${collection}/${slug}${query}`, [404]);
      for (const query of ['?status=draft', '?publicationState=preview', '?populate=*', '?locale=all']) await tryLeak('anonymous', `/api/knowledge-base/${collection}/${slug}${query}`, [400]);
    }
    // A published entry's translation left a draft is not served in its locale.
    await tryLeak('anonymous', '/api/knowledge-base/case-studies/etude-publiee?locale=en', [404]);
    // The published entry: its published text, its published relations only.
    const published = (await tryLeak('anonymous', '/api/knowledge-base/case-studies/etude-publiee?locale=fr', [200])).body.data;
    expect(published).toMatchObject({ summary: 'Le resume publie.', goodPractices: [], themes: [{ slug: THEME, name: 'Theme de la matrice' }] });
    // The actors related to drafts (the editor's, the submissions') show the published case studies only.
    for (const org of [ORG.A, ORG.B]) {
      const related = (await tryLeak('anonymous', `/api/knowledge-base/actors/${org}?locale=fr`, [200])).body.data.caseStudies.map((c: { slug: string }) => c.slug);
      if (org === ORG.A) expect(related).toContain('etude-publiee');
      expect(related.filter((slug: string) => [SECRET.draftSlug, ids.draftOfA].includes(slug))).toEqual([]);
    }
    expect((await tryLeak('anonymous', '/api/knowledge-base/openapi.json', [200])).body).toHaveProperty('openapi');
    expect(surprises()).toEqual(NONE);
  });

  it('shows a contributor nothing of another organisation: lists, ids, files, look-alikes, queries', async () => {
    const listA = (await tryLeak('contributorA', '/api/knowledge-base/contribution/submissions', [200])).body.data;
    // Organisation A's list has its own submission (what the search for B's secrets could find).
    expect(listA.map((s: { title: string }) => s.title)).toContain(SECRET.submissionA);
    const listB = (await tryLeak('contributorB', '/api/knowledge-base/contribution/submissions', [200])).body.data;
    expect(listB.map((s: { title: string }) => s.title)).toContain(SECRET.submissionB);
    expect(listB.every((s: { organisation: { slug: string } }) => s.organisation.slug === ORG.B)).toBe(true);
    // Asking for A's through the list's query, or A's things through B's own ids.
    for (const query of [`organisation=${ids.orgA}`, `organisationId=${ids.orgA}`, `filters[organisationId]=${ids.orgA}`, 'populate=*', 'status=submitted', `id=${ids.submissionA}`, 'scope=all'])
      await tryLeak('contributorB', `/api/knowledge-base/contribution/submissions?${query}`);
    for (const path of [
      `/api/knowledge-base/contribution/submissions/${ids.submissionA}`,
      `/api/knowledge-base/contribution/submissions/${ids.submissionA}?populate=*`,
      `/api/knowledge-base/contribution/submissions/${ids.submissionB}/attachments/${ids.fileA}`,
      `/api/knowledge-base/contribution/submissions/${ids.submissionA}/attachments/${ids.fileA}`,
      `/api/knowledge-base/contribution/submissions/${ids.submissionB}/attachments/..%2F${ids.fileA}`,
      `/api/knowledge-base/contribution/submissions/${ids.submissionB}/attachments/${encodeURIComponent(`../${ids.submissionA}/${ids.fileA}`)}`,
    ])
      await tryLeak('contributorB', path, [404]);
    for (const path of [`/api/knowledge-base/contribution/submissions/${ids.submissionB}`, `/api/knowledge-base/contribution/submissions/${ids.submissionB}/attachments/${ids.fileB}`])
      await tryLeak('contributorA', path, [404]);
    await tryLeak('contributorB', '/api/knowledge-base/contribution/me', [200]);
    // B proposes a look-alike of A's pending submission (same city, a close title): told of published entries only.
    counts.leakProbes++;
    const lookAlike = await send('contributorB', 'POST', '/api/knowledge-base/contribution/submissions', {
      data: caseStudy({ title: 'Soumission de A QX7 compostage', city: 'Aville', country: 'FR', partners: [], themes: [THEME] }),
    });
    expect(lookAlike.status).toBe(201);
    const ownOfB = (await tryLeak('contributorB', '/api/knowledge-base/contribution/submissions', [200])).body.data.map((s: { id: string }) => s.id);
    const unpublished = lookAlike.body.meta.duplicates.filter((d: { published: boolean }) => !d.published);
    expect(unpublished.filter((d: { submission: string }) => !ownOfB.includes(d.submission))).toEqual([]);
    // Editors see the same look-alike with A's draft among its duplicates: the search above could have found it.
    const seen = await admin(`/knowledge-base/moderation/submissions/${lookAlike.body.data.id}`);
    expect(seen.data.duplicates).toEqual(expect.arrayContaining([expect.objectContaining({ submission: ids.submissionA, published: false })]));
    expect(surprises()).toEqual(NONE);
  });

  it('keeps unaccepted files off every public path: the stored names, the media library, the upload API', async () => {
    const stored = readdirSync(cms.env.KB_ATTACHMENTS_DIR);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const name of stored) {
      for (const path of [`/uploads/${name}`, `/${name}`, `/attachments/${name}`, `/data/attachments/${name}`, `/api/knowledge-base/attachments/${name}`])
        for (const role of ROLES) await tryLeak(role, path, [404]);
      // Out of the public folder by a path: refused, whichever way.
      for (const path of [`/uploads/..%2F..%2Fdata%2Fattachments%2F${name}`, `/uploads/%2e%2e/%2e%2e/data/attachments/${name}`])
        await tryLeak('anonymous', path, [400, 403, 404]);
    }
    for (const file of [ids.fileA, ids.fileB, `${SECRET.fileA}.png`, `${SECRET.fileB}.png`]) await tryLeak('anonymous', `/uploads/${file}`, [404]);
    // Not in the media library before an editor accepts them, so no upload route can list them to anyone.
    const library = await admin('/upload/files?pageSize=100');
    expect(library.results.map((f: { name: string }) => f.name).filter((name: string) => name.includes('qx7'))).toEqual([]);
    for (const role of ['anonymous', 'contributorA', 'contributorB'] as const)
      for (const query of ['', '?populate=*', '?filters[name][$contains]=piece', '?pagination[pageSize]=100', '/page'])
        await tryLeak(role, `/api/upload/files${query}`, [403]);
    expect(surprises()).toEqual(NONE);
  });

  it('gives no one but editors the users, and tells nobody which addresses have an account or a subscription', async () => {
    for (const role of ['anonymous', 'contributorA', 'contributorB'] as const) {
      for (const path of ['/api/users', '/api/users?filters[email][$contains]=%40', '/api/users?populate=*', '/api/users/me?populate=*', `/api/users/${ids.userA}?populate=role`, '/api/users/count', '/api/users-permissions/roles', '/api/users-permissions/permissions'])
        await tryLeak(role, path, [403]);
    }
    // Log-in, forgotten password and alert subscription answer the same for a known address as for an unknown one.
    const same = async (path: string, body: (email: string) => unknown, known: string, strip = (text: string) => text) => {
      counts.leakProbes += 2;
      const [k, u] = [await send('anonymous', 'POST', path, body(known)), await send('anonymous', 'POST', path, body('inconnu.qx7@nulle-part.example'))];
      expect([k.status, strip(k.text).replaceAll(known, '<address>')]).toEqual([u.status, strip(u.text).replaceAll('inconnu.qx7@nulle-part.example', '<address>')]);
    };
    await same('/api/auth/local', (email) => ({ identifier: email, password: 'Wrong-Passw0rd' }), SECRET.contributorA);
    await same('/api/auth/forgot-password', (email) => ({ email }), SECRET.contributorB);
    await same('/api/knowledge-base/alerts', (email) => ({ email, locale: 'fr' }), SECRET.confirmedSubscriber);
    expect(surprises()).toEqual(NONE);
  });

  it('gives the admin API nothing to a caller without an admin token, a contributor’s included', async () => {
    const paths = [
      '/admin/users', '/admin/users/me', '/admin/roles', '/admin/information', '/admin/project-settings', '/admin/api-tokens', '/admin/webhooks', '/admin/audit-logs',
      `/content-manager/collection-types/plugin::knowledge-base.case-study?locale=fr&status=draft`, `/content-manager/collection-types/plugin::knowledge-base.submission`,
      `/content-manager/collection-types/plugin::knowledge-base.alert-subscription`, `/content-manager/collection-types/plugin::users-permissions.user`,
      '/content-manager/collection-types/plugin::knowledge-base.contributor', '/upload/files', '/users-permissions/roles', '/users-permissions/routes', '/i18n/locales',
      `/knowledge-base/moderation/submissions?organisation=${ids.orgA}`, `/knowledge-base/moderation/submissions/${ids.submissionB}`,
    ];
    for (const role of ['anonymous', 'contributorA', 'contributorB'] as const) for (const path of paths) await tryLeak(role, path, [401, 403, 404]);
    // What an anonymous caller may read of the admin API says nothing private.
    for (const path of ['/admin/init', '/admin/project-type', '/admin/registration-info?registrationToken=made-up']) await tryLeak('anonymous', path);
    expect(surprises()).toEqual(NONE);
  });

  it('puts no draft, submission or address in the open data built from the public API, and the CMS serves none itself', async () => {
    const now = new Date();
    for (const type of Object.keys(KB_TYPES) as KbType[]) {
      counts.leakProbes++;
      const entries = await apiEntries(type, { url: cms.url });
      const rows = entries.map((entry) => openDataRow(type, entry as Parameters<typeof openDataRow>[1], now));
      const files = `${json(rows)}\n${openDataCsv(type, rows)}`;
      expect(rows.map((row) => row.slug)).toContain(slugs[KB_TYPES[type].path]);
      for (const secret of ALL_SECRETS) if (files.includes(SECRET[secret])) leaks.push(`open data of ${type} shows ${secret}`);
    }
    for (const path of ['/fr/data/case-studies.json', '/fr/data/case-studies.csv', '/api/knowledge-base/data/case-studies.json', '/api/knowledge-base/open-data', '/data/case-studies.csv'])
      await tryLeak('anonymous', path, [404]);
    expect(surprises()).toEqual(NONE);
  });
});
