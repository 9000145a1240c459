import { join } from 'node:path';
import { pgQuery } from '../../scripts/lib/database-env';
import { TestCms } from './harness';
import { testDatabases } from './databases';
import { SmtpSink } from './smtp-sink';
import { PDF, PNG, call, caseStudy, kb, login, multipart, onboard, storedAttachments, tokenOf, PASSWORD } from './contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const ORG_A = 'ville-fixture';
const ORG_B = 'fonds-fixture';
const json = (value: unknown) => JSON.stringify(value);

describe.each(testDatabases())('member cities contribute, editors moderate, on %s', (database) => {
  const cms = new TestCms(database);
  const smtp = new SmtpSink();
  const jwt: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const editorAdmin = (path: string, init: RequestInit = {}) =>
    cms.admin(`/knowledge-base${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any }));
  const submit = (who: string, data: unknown, lang?: string) => kb(cms, '/contribution/submissions', { method: 'POST', jwt: who, lang, body: json({ data }) });

  beforeAll(async () => {
    await smtp.start();
    Object.assign(cms.env, {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: 'https://guide.example', KB_EDITOR_EMAILS: 'moderation@aimf.example',
      KB_SUBMISSIONS_PER_USER: '200', KB_SUBMISSIONS_PER_IP: '1000',
    });
    await cms.seed(FIXTURES);
    await cms.start();
    jwt.a = await onboard(cms, smtp, 'mairie@fixtureville.example', ORG_A, 'fr');
    jwt.b = await onboard(cms, smtp, 'contact@fonds.example', ORG_B, 'en');
    jwt.c = await onboard(cms, smtp, 'second@fixtureville.example', ORG_A, 'ar');
  }, 300_000);
  afterAll(async () => {
    await cms.dispose();
    await smtp.stop();
  });

  describe('accounts', () => {
    it('creates the Contributor role with only the contribution actions', async () => {
      const { roles } = (await (await cms.admin('/users-permissions/roles')).json()) as any;
      const contributor = roles.find((r: { type: string }) => r.type === 'contributor');
      expect(contributor).toMatchObject({ name: 'Contributor' });
      const { role } = (await (await cms.admin(`/users-permissions/roles/${contributor.id}`)).json()) as any;
      const enabled = Object.entries(role.permissions as Record<string, any>).flatMap(([plugin, p]) =>
        Object.entries(p.controllers as Record<string, any>).flatMap(([controller, actions]) =>
          Object.entries(actions).filter(([, a]: [string, any]) => a.enabled).map(([action]) => `${plugin}.${controller}.${action}`)),
      );
      expect(enabled.sort()).toEqual(['attachment', 'create', 'findOne', 'list', 'me', 'proposeActorUpdate', 'update'].map((a) => `plugin::knowledge-base.contribution.${a}`).sort());
    });

    it('refuses open self-registration, in the caller’s language', async () => {
      const reply = await call(cms, '/api/auth/local/register', { method: 'POST', lang: 'fr', body: json({ username: 'x', email: 'x@example.org', password: 'Passw0rd-123' }) });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toBe(translate('fr', 'error.selfRegistration'));
      expect((await call(cms, '/api/auth/local', { method: 'POST', body: json({ identifier: 'x@example.org', password: 'Passw0rd-123' }) })).status).toBe(400);
    });

    it('e-mails the invitation with a single-use link to the site, stores only its hash', async () => {
      const invited = await editorAdmin('/moderation/invitations', { method: 'POST', body: json({ email: 'Once@Fixtureville.example', organisation: ORG_A, locale: 'en' }) });
      expect(invited.status).toBe(201);
      expect(invited.body.data).toMatchObject({ email: 'once@fixtureville.example', organisation: { slug: ORG_A, name: 'Fixture city' } });
      const mail = await smtp.waitFor((m) => m.to.includes('once@fixtureville.example'));
      expect(mail.subject).toBe(translate('en', 'mail.invitation.subject'));
      expect(mail.text).toContain('Fixture city');
      expect(mail.text).toMatch(/https:\/\/guide\.example\/en\/contribute\/\?invitation=[A-Za-z0-9_-]{40,}/);
      const token = tokenOf(mail.text)!;
      const weak = await kb(cms, '/contribution/invitations/accept', { method: 'POST', lang: 'ar', body: json({ token, password: 'short' }) });
      expect(weak.status).toBe(400);
      expect(weak.body.error.details.errors).toEqual([{ path: ['password'], message: translate('ar', 'error.password'), name: 'ValidationError' }]);
      const ok = await kb(cms, '/contribution/invitations/accept', { method: 'POST', body: json({ token, password: PASSWORD }) });
      expect(ok.status).toBe(201);
      const again = await kb(cms, '/contribution/invitations/accept', { method: 'POST', lang: 'en', body: json({ token, password: PASSWORD }) });
      expect(again.status).toBe(400);
      expect(again.body.error.details.errors[0]).toMatchObject({ path: ['token'], message: translate('en', 'error.invitationInvalid') });
      const me = await kb(cms, '/contribution/me', { jwt: await login(cms, 'once@fixtureville.example') });
      expect(me.body.data).toMatchObject({ email: 'once@fixtureville.example', locale: 'en', organisation: { slug: ORG_A } });
      // The editor is told when the address already has an account.
      const taken = await editorAdmin('/moderation/invitations', { method: 'POST', headers: { 'accept-language': 'fr' }, body: json({ email: 'once@fixtureville.example', organisation: ORG_A }) });
      expect(taken.status).toBe(400);
      expect(taken.body.error.details.errors[0]).toMatchObject({ path: ['email'], message: translate('fr', 'error.emailTaken') });
      const unknown = await editorAdmin('/moderation/invitations', { method: 'POST', body: json({ email: 'new@x.example', organisation: 'nowhere' }) });
      expect(unknown.body.error.details.errors[0].path).toEqual(['organisation']);
    });
  });

  describe('expired invitations', () => {
    it('refuses an invitation past its expiry, with the same answer as a used one, and creates no account', async () => {
      const invited = await editorAdmin('/moderation/invitations', { method: 'POST', body: json({ email: 'late@fixtureville.example', organisation: ORG_A, locale: 'fr' }) });
      expect(invited.status).toBe(201);
      expect(new Date(invited.body.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 71 * 3600_000);
      const token = tokenOf((await smtp.waitFor((m) => m.to.includes('late@fixtureville.example'))).text)!;
      // As if 72 hours had passed: the invitation expired a minute ago.
      const past = new Date(Date.now() - 60_000);
      if (database === 'sqlite') {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Sqlite = require('better-sqlite3');
        const db = new Sqlite(cms.env.DATABASE_FILENAME);
        try {
          expect(db.prepare('UPDATE kb_invitations SET expires_at = ? WHERE email = ?').run(past.getTime(), 'late@fixtureville.example').changes).toBe(1);
        } finally {
          db.close();
        }
      } else {
        await pgQuery(`UPDATE "${cms.env.DATABASE_SCHEMA}".kb_invitations SET expires_at = $1 WHERE email = $2`, [past, 'late@fixtureville.example']);
      }
      const late = await kb(cms, '/contribution/invitations/accept', { method: 'POST', lang: 'fr', body: json({ token, password: PASSWORD }) });
      expect(late.status).toBe(400);
      expect(late.body.error.details.errors[0]).toMatchObject({ path: ['token'], message: translate('fr', 'error.invitationInvalid') });
      const signIn = await call(cms, '/api/auth/local', { method: 'POST', body: json({ identifier: 'late@fixtureville.example', password: PASSWORD }) });
      expect(signIn.status).toBe(400);
    });
  });

  describe('the whole flow', () => {
    it('submit with files → duplicates → changes requested → resubmit → accepted and public, with e-mails', async () => {
      const data = caseStudy({ title: 'Collecte des déchets à Fixtureville, deuxième phase', body: 'Bilan <script>alert("x")</script> **positif**.' });
      const form = multipart(data, [{ name: 'photo.png', content: PNG }, { name: 'rapport.pdf', content: PDF, type: 'image/png' }]);
      const created = await kb(cms, '/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form });
      expect(created.status).toBe(201);
      const submission = created.body.data;
      expect(submission).toMatchObject({ kind: 'case-study', status: 'submitted', locale: 'fr', editable: true, organisation: { slug: ORG_A } });
      expect(submission.attachments.map((f: { mime: string }) => f.mime)).toEqual(['image/png', 'application/pdf']);
      expect(submission.content).toMatchObject({ title: data.title, city: 'Fixtureville', country: 'FR', themes: ['dechets'], partners: [{ actor: ORG_B }, { name: 'Association des habitants' }] });
      // Same city and a similar title as a published case study: the contributor is warned.
      expect(created.body.meta.duplicates).toEqual([expect.objectContaining({ slug: 'collecte-fixture', published: true, reason: 'same-place-similar-title' })]);

      const toEditors = await smtp.waitFor((m) => m.to.includes('moderation@aimf.example') && m.subject.includes('deuxième phase'));
      expect(toEditors.text).toContain('Ville fixture');

      // Not public before acceptance, in any form.
      const slug = submission.content.slug;
      expect((await kb(cms, `/case-studies/${slug}`)).status).toBe(404);
      expect((await kb(cms, '/case-studies?locale=fr')).body.data.map((e: { slug: string }) => e.slug)).not.toContain(slug);

      // The editor's queue, filtered, and the submission beside its duplicates.
      const queue = await editorAdmin(`/moderation/submissions?status=submitted&organisation=${submission.organisation.documentId}`);
      expect(queue.status).toBe(200);
      expect(queue.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: submission.id, contributor: 'mairie@fixtureville.example', duplicates: 1 })]));
      expect((await editorAdmin('/moderation/submissions?olderThanDays=2')).body.data.map((s: { id: string }) => s.id)).not.toContain(submission.id);
      const seen = await editorAdmin(`/moderation/submissions/${submission.id}`);
      expect(seen.body.data.duplicates).toEqual([expect.objectContaining({ slug: 'collecte-fixture' })]);

      // Changes requested, with a message the contributor sees and receives in French.
      const asked = await editorAdmin(`/moderation/submissions/${submission.id}/request-changes`, { method: 'POST', body: json({ comment: 'Ajoutez le budget.', revision: seen.body.data.revision }) });
      expect(asked.status).toBe(200);
      expect(asked.body.data.status).toBe('changes-requested');
      const told = await smtp.waitFor((m) => m.to.includes('mairie@fixtureville.example') && m.subject.includes(translate('fr', 'status.changes-requested')));
      expect(told.text).toContain('Ajoutez le budget.');
      const mine = await kb(cms, `/contribution/submissions/${submission.id}`, { jwt: jwt.a });
      expect(mine.body.data).toMatchObject({ status: 'changes-requested', comment: 'Ajoutez le budget.', editable: true });

      const resubmitted = await kb(cms, `/contribution/submissions/${submission.id}`, { method: 'PUT', jwt: jwt.a, body: json({ data: { summary: 'Budget : 40 000 €. Des composteurs de quartier.' } }) });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body.data).toMatchObject({ status: 'resubmitted', editable: false });
      // The editor sees what changed since asking for changes.
      const review = await editorAdmin(`/moderation/submissions/${submission.id}`);
      expect(review.body.data.changedSinceRequest).toEqual(['summary']);
      expect(resubmitted.body.data).not.toHaveProperty('changedSinceRequest');
      // Resubmitted: the contributor waits for the editors.
      expect((await kb(cms, `/contribution/submissions/${submission.id}`, { method: 'PUT', jwt: jwt.a, body: json({ data: { summary: 'Encore.' } }) })).status).toBe(403);

      const accepted = await editorAdmin(`/moderation/submissions/${submission.id}/accept`, { method: 'POST', body: json({ comment: 'Merci !', revision: review.body.data.revision }) });
      expect(accepted.status).toBe(200);
      expect(accepted.body.data.history.map((h: any) => [h.from, h.to, h.by])).toEqual([
        [null, 'submitted', 'contributor'], ['submitted', 'changes-requested', 'editor'], ['changes-requested', 'resubmitted', 'contributor'], ['resubmitted', 'accepted', 'editor'],
      ]);
      expect(accepted.body.data.history[1]).toMatchObject({ comment: 'Ajoutez le budget.', byName: expect.any(String), at: expect.any(String) });
      await smtp.waitFor((m) => m.to.includes('mairie@fixtureville.example') && m.subject.includes(translate('fr', 'status.accepted')));

      const published = await kb(cms, `/case-studies/${slug}?locale=fr`);
      expect(published.status).toBe(200);
      expect(published.body.data).toMatchObject({ title: data.title, summary: 'Budget : 40 000 €. Des composteurs de quartier.', city: 'Fixtureville' });
      expect(published.body.data.cover).toMatchObject({ mime: 'image/png' });
      expect(published.body.data.actors.map((a: any) => [a.slug, a.role])).toEqual(expect.arrayContaining([[ORG_A, 'initiator'], [ORG_B, 'partner']]));
      for (const hidden of ['status', 'moderation', 'submission', 'contributor', 'organisationId', 'lastComment']) expect(published.body.data).not.toHaveProperty(hidden);
      // Script in text is stored as the plain text it is (the site escapes raw HTML: site/src/utils/markdown.ts).
      expect(published.body.data.body).toBe(data.body);

      expect((await kb(cms, `/contribution/submissions/${submission.id}`, { method: 'PUT', jwt: jwt.a, body: json({ data: { title: 'Changed' } }) })).status).toBe(403);
    });

    it('proposes changes to the own actor fiche, applied when accepted', async () => {
      const proposed = await kb(cms, '/contribution/actor-updates', { method: 'POST', jwt: jwt.b, body: json({ data: { locale: 'en', description: 'A fund for cities.', website: 'https://fonds.example' } }) });
      expect(proposed.status).toBe(201);
      expect(proposed.body.data).toMatchObject({ kind: 'actor-update', status: 'submitted', content: { description: 'A fund for cities.' } });
      expect((await kb(cms, `/actors/${ORG_B}?locale=en`)).body.data.description).toBe('A test funder.');
      // The editor sees each proposed field beside the fiche as published in that language; the contributor does not need to.
      const seen = await editorAdmin(`/moderation/submissions/${proposed.body.data.id}`);
      expect(seen.body.data.current).toEqual({ description: 'A test funder.', website: null });
      expect(proposed.body.data).not.toHaveProperty('current');
      const accepted = await editorAdmin(`/moderation/submissions/${proposed.body.data.id}/accept`, { method: 'POST', body: json({ revision: seen.body.data.revision }) });
      expect(accepted.status).toBe(200);
      expect((await kb(cms, `/actors/${ORG_B}?locale=en`)).body.data).toMatchObject({ description: 'A fund for cities.', website: 'https://fonds.example' });
      // The contributor is told in their own language (English).
      await smtp.waitFor((m) => m.to.includes('contact@fonds.example') && m.subject.includes(translate('en', 'status.accepted')));
    });

    it('rejects with a reason; a rejected submission cannot be edited nor decided again', async () => {
      const created = await submit(jwt.c, caseStudy({ locale: 'ar', title: 'حدائق على الأسطح', summary: 'زراعة الأسطح.', partners: [] }));
      expect(created.status).toBe(201);
      const id = created.body.data.id;
      expect((await editorAdmin(`/moderation/submissions/${id}/reject`, { method: 'POST', body: json({ revision: 1 }) })).body.error.details.errors[0].path).toEqual(['comment']);
      const rejected = await editorAdmin(`/moderation/submissions/${id}/reject`, { method: 'POST', body: json({ comment: 'Hors sujet.', revision: 1 }) });
      expect(rejected.body.data.status).toBe('rejected');
      const mail = await smtp.waitFor((m) => m.to.includes('second@fixtureville.example') && m.subject.includes(translate('ar', 'status.rejected')));
      expect(mail.text).toContain('Hors sujet.');
      expect((await kb(cms, `/contribution/submissions/${id}`, { method: 'PUT', jwt: jwt.c, body: json({ data: { summary: 'x' } }) })).status).toBe(403);
      expect((await editorAdmin(`/moderation/submissions/${id}/accept`, { method: 'POST', body: json({ revision: rejected.body.data.revision }) })).status).toBe(400);
      expect((await kb(cms, `/case-studies/${created.body.data.content.slug}?locale=ar`)).status).toBe(404);
    });
  });

  describe('permission matrix', () => {
    type Who = 'public' | 'contributorA' | 'contributorB' | 'editor';
    const ids: Record<string, string> = {};
    let draftSlug = '';
    let caseStudyDocumentId = '';
    let editorToken = '';

    beforeAll(async () => {
      for (const name of ['read', 'accept', 'changes', 'reject']) {
        const created = await submit(jwt.a, caseStudy({ title: `Matrice ${name}`, partners: [] }));
        ids[name] = created.body.data.id;
        draftSlug = created.body.data.content.slug;
      }
      caseStudyDocumentId = (await editorAdmin(`/moderation/submissions/${ids.read}`)).body.data.caseStudyDocumentId;
      const withFile = await kb(cms, '/contribution/submissions', { method: 'POST', jwt: jwt.a, body: multipart(caseStudy({ title: 'Matrice fichier', partners: [] }), [{ name: 'photo.png', content: PNG }]) });
      ids.files = withFile.body.data.id;
      ids.file = withFile.body.data.attachments[0].id;
    });

    const request = async (who: Who, method: string, path: string, body?: unknown) => {
      const init: RequestInit = { method, ...(body === undefined ? {} : { body: json(body), headers: { 'content-type': 'application/json' } }) };
      if (who === 'editor') {
        if (path.startsWith('/admin-api')) return (await cms.admin(path.slice('/admin-api'.length), init)).status;
        // The editor's admin token is no users-permissions JWT: the content API refuses it.
        editorToken ||= ((await (await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json({ email: 'editor@example.org', password: 'Editor-Passw0rd' }) })).json()) as any).data.token;
        return (await call(cms, path, { ...init, body: init.body as string, jwt: editorToken })).status;
      }
      const token = who === 'contributorA' ? jwt.a : who === 'contributorB' ? jwt.b : undefined;
      const url = path.startsWith('/admin-api') ? path.slice('/admin-api'.length) : path;
      return (await call(cms, url, { ...init, body: init.body as string, jwt: token })).status;
    };

    //      route                                                          public contribA contribB editor
    const rows: [string, string, () => string, unknown, [number, number, number, number]][] = [
      ['accept invitation (bad token)', 'POST', () => '/api/knowledge-base/contribution/invitations/accept', { token: 'x'.repeat(43), password: PASSWORD }, [400, 400, 400, 400]],
      ['me', 'GET', () => '/api/knowledge-base/contribution/me', undefined, [403, 200, 200, 401]],
      ['list submissions', 'GET', () => '/api/knowledge-base/contribution/submissions', undefined, [403, 200, 200, 401]],
      ['read a submission of org A', 'GET', () => `/api/knowledge-base/contribution/submissions/${ids.read}`, undefined, [403, 200, 404, 401]],
      ['a file of a submission of org A', 'GET', () => `/api/knowledge-base/contribution/submissions/${ids.files}/attachments/${ids.file}`, undefined, [403, 200, 404, 401]],
      ['edit a submission of org A', 'PUT', () => `/api/knowledge-base/contribution/submissions/${ids.read}`, { data: { lessons: ['Matrice.'] } }, [403, 200, 404, 401]],
      ['submit a case study', 'POST', () => '/api/knowledge-base/contribution/submissions', { data: caseStudy({ title: 'Matrice création', partners: [] }) }, [403, 201, 201, 401]],
      ['propose actor changes', 'POST', () => '/api/knowledge-base/contribution/actor-updates', { data: { locale: 'fr', interests: 'Matrice.' } }, [403, 201, 201, 401]],
      // The Contributor role holds only the contribution actions: with a JWT the public read is refused too.
      ['read the draft publicly', 'GET', () => `/api/knowledge-base/case-studies/${draftSlug}`, undefined, [404, 403, 403, 401]],
      ['delete via the public API', 'DELETE', () => '/api/knowledge-base/case-studies/collecte-fixture', undefined, [405, 405, 405, 405]],
      ['publish via the content manager', 'POST', () => `/admin-api/content-manager/collection-types/plugin::knowledge-base.case-study/${caseStudyDocumentId}/actions/publish?locale=fr`, {}, [401, 401, 401, 200]],
      ['moderation queue', 'GET', () => '/admin-api/knowledge-base/moderation/submissions', undefined, [401, 401, 401, 200]],
      ['moderation: a submission’s file', 'GET', () => `/admin-api/knowledge-base/moderation/submissions/${ids.files}/attachments/${ids.file}`, undefined, [401, 401, 401, 200]],
      ['moderation: one submission', 'GET', () => `/admin-api/knowledge-base/moderation/submissions/${ids.read}`, undefined, [401, 401, 401, 200]],
      ['moderation: request changes', 'POST', () => `/admin-api/knowledge-base/moderation/submissions/${ids.changes}/request-changes`, { comment: 'Précisez.', revision: 1 }, [401, 401, 401, 200]],
      ['moderation: reject', 'POST', () => `/admin-api/knowledge-base/moderation/submissions/${ids.reject}/reject`, { comment: 'Non.', revision: 1 }, [401, 401, 401, 200]],
      ['moderation: accept', 'POST', () => `/admin-api/knowledge-base/moderation/submissions/${ids.accept}/accept`, { revision: 1 }, [401, 401, 401, 200]],
      ['moderation: invite', 'POST', () => '/admin-api/knowledge-base/moderation/invitations', { email: `m${Date.now()}@x.example`, organisation: ORG_B }, [401, 401, 401, 201]],
      ['moderation: organisations', 'GET', () => '/admin-api/knowledge-base/moderation/organisations', undefined, [401, 401, 401, 200]],
    ];

    it.each(rows)('%s (%s)', async (_name, method, path, body, expected) => {
      const who: Who[] = ['public', 'contributorA', 'contributorB', 'editor'];
      const got: number[] = [];
      for (const w of who) got.push(await request(w, method, path(), typeof body === 'object' && body && 'email' in body ? { ...body, email: `${w}-${(body as any).email}` } : body));
      expect(got).toEqual(expected);
    });

    it('shows a contributor only their organisation’s submissions and others’ drafts never', async () => {
      const listB = await kb(cms, '/contribution/submissions', { jwt: jwt.b });
      expect(listB.body.data.every((s: any) => s.organisation.slug === ORG_B)).toBe(true);
      const listA = await kb(cms, '/contribution/submissions', { jwt: jwt.a });
      expect(listA.body.data.map((s: any) => s.id)).toEqual(expect.arrayContaining([ids.read]));
      // B submits a look-alike of A's pending draft: B is not shown A's draft, the editor is.
      const lookAlike = await submit(jwt.b, caseStudy({ title: 'Matrice changes', city: 'Fixtureville', country: 'FR', partners: [], links: [] }));
      expect(lookAlike.status).toBe(201);
      expect(lookAlike.body.meta.duplicates.filter((d: any) => !d.published)).toEqual([]);
      const editorView = await editorAdmin(`/moderation/submissions/${lookAlike.body.data.id}`);
      expect(editorView.body.data.duplicates).toEqual(expect.arrayContaining([expect.objectContaining({ submission: ids.changes, published: false })]));
    });
  });

  describe('bad input', () => {
    const count = async () => (await kb(cms, '/contribution/submissions', { jwt: jwt.c })).body.data.length;
    // Files anywhere: the media library, and the private attachments folder.
    const uploads = async () => [((await (await cms.admin('/upload/files?pageSize=100')).json()) as any).pagination.total, storedAttachments(cms)];
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);

    //   case                          body                                                                   status  path
    const table: [string, () => RequestInit, number, (string | number)[]][] = [
      ['unknown field', () => ({ body: json({ data: caseStudy({ colour: 'red' }) }) }), 400, ['data', 'colour']],
      ['wrong type', () => ({ body: json({ data: caseStudy({ title: 42 }) }) }), 400, ['data', 'title']],
      ['oversized text', () => ({ body: json({ data: caseStudy({ summary: 'x'.repeat(601) }) }) }), 400, ['data', 'summary']],
      ['missing required title', () => ({ body: json({ data: caseStudy({ title: undefined }) }) }), 400, ['data', 'title']],
      ['blank summary', () => ({ body: json({ data: caseStudy({ summary: '   ' }) }) }), 400, ['data', 'summary']],
      ['missing locale', () => ({ body: json({ data: caseStudy({ locale: undefined }) }) }), 400, ['data', 'locale']],
      ['unknown locale', () => ({ body: json({ data: caseStudy({ locale: 'de' }) }) }), 400, ['data', 'locale']],
      ['unknown stage', () => ({ body: json({ data: caseStudy({ stage: 'done' }) }) }), 400, ['data', 'stage']],
      ['SDG out of range', () => ({ body: json({ data: caseStudy({ sdgs: [18] }) }) }), 400, ['data', 'sdgs', 0]],
      ['script link', () => ({ body: json({ data: caseStudy({ links: [{ label: 'x', url: 'javascript:alert(1)' }] }) }) }), 400, ['data', 'links', 0, 'url']],
      ['end before start', () => ({ body: json({ data: caseStudy({ yearStart: 2020, yearEnd: 2019 }) }) }), 400, ['data', 'yearEnd']],
      ['year not a number', () => ({ body: json({ data: caseStudy({ yearStart: '2020' }) }) }), 400, ['data', 'yearStart']],
      ['unknown theme', () => ({ body: json({ data: caseStudy({ themes: ['nope'] }) }) }), 400, ['data', 'themes', 0]],
      ['unknown partner', () => ({ body: json({ data: caseStudy({ partners: [{ actor: 'nope' }] }) }) }), 400, ['data', 'partners', 0, 'actor']],
      ['malformed partner', () => ({ body: json({ data: caseStudy({ partners: [{ actor: 'a', name: 'b' }] }) }) }), 400, ['data', 'partners', 0]],
      ['unknown top-level key', () => ({ body: json({ data: caseStudy(), extra: 1 }) }), 400, ['extra']],
      ['no data', () => ({ body: json({}) }), 400, ['data']],
      ['data not an object', () => ({ body: json({ data: [1] }) }), 400, ['data']],
      ['text file named .png', () => ({ body: multipart(caseStudy(), [{ name: 'photo.png', content: Buffer.from('<svg onload=alert(1)>'), type: 'image/png' }]) }), 400, ['files', 0]],
      ['executable named .pdf', () => ({ body: multipart(caseStudy(), [{ name: 'doc.pdf', content: Buffer.from('MZ\x90\x00binary'), type: 'application/pdf' }]) }), 400, ['files', 0]],
      ['six files', () => ({ body: multipart(caseStudy(), Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, content: PNG }))) }), 400, ['files']],
      ['file over 5 MB', () => ({ body: multipart(caseStudy(), [{ name: 'big.png', content: big }]) }), 400, ['files', 0]],
      ['data not JSON (multipart)', () => ({ body: multipart('{oops', [{ name: 'p.png', content: PNG }]) }), 400, ['data']],
      ['file under another field', () => ({ body: multipart(caseStudy(), [{ name: 'p.png', content: PNG, field: 'photo' }]) }), 400, ['photo']],
    ];

    it.each(table)('%s: field-level 400, nothing stored', async (_name, init, status, path) => {
      const [before, filesBefore] = [await count(), await uploads()];
      const reply = await kb(cms, '/contribution/submissions', { method: 'POST', jwt: jwt.c, lang: 'en', ...init() } as any);
      expect(reply.status).toBe(status);
      expect(reply.body.error.details.errors.map((e: { path: unknown }) => e.path)).toContainEqual(path);
      expect(reply.body.error.details.errors.every((e: { message: string }) => e.message && !/undefined|\{\w+\}/.test(e.message))).toBe(true);
      expect([await count(), await uploads()]).toEqual([before, filesBefore]);
    });

    it('answers in the contributor’s language (fr, en, ar)', async () => {
      for (const lang of ['fr', 'en', 'ar'] as const) {
        const reply = await submit(jwt.c, caseStudy({ title: '' }), lang);
        expect(reply.body.error.message).toBe(translate(lang, 'error.invalidSubmission'));
        expect(reply.body.error.details.errors).toEqual([{ path: ['data', 'title'], message: translate(lang, 'error.required'), name: 'ValidationError' }]);
      }
    });

    it('refuses an edit that changes the language or adds a sixth file, keeping the submission as it was', async () => {
      // Five small files of two types: formidable finishes writing them in any order; they are kept as sent.
      const five = Array.from({ length: 5 }, (_, i) => (i % 2 ? { name: `d${i}.pdf`, content: PDF } : { name: `p${i}.png`, content: PNG }));
      const created = await kb(cms, '/contribution/submissions', { method: 'POST', jwt: jwt.c, body: multipart(caseStudy({ title: 'Cinq fichiers', partners: [] }), five) });
      expect(created.status).toBe(201);
      expect(created.body.data.attachments.map((f: { name: string }) => f.name)).toEqual(five.map((f) => f.name));
      const id = created.body.data.id;
      const locale = await kb(cms, `/contribution/submissions/${id}`, { method: 'PUT', jwt: jwt.c, body: json({ data: { locale: 'en' } }) });
      expect(locale.body.error.details.errors[0].path).toEqual(['data', 'locale']);
      const filesBefore = await uploads();
      const sixth = await kb(cms, `/contribution/submissions/${id}`, { method: 'PUT', jwt: jwt.c, body: multipart({ summary: 'Avec un sixième.' }, [{ name: 'p6.png', content: PNG }]) });
      expect(sixth.status).toBe(400);
      expect(sixth.body.error.details.errors[0].path).toEqual(['files']);
      expect(await uploads()).toEqual(filesBefore);
      expect((await kb(cms, `/contribution/submissions/${id}`, { jwt: jwt.c })).body.data.content.summary).toBe(caseStudy().summary);
    });
  });
});
