/**
 * What an attacker tried with files, on a real CMS (SQLite and PostgreSQL): polyglot attachments
 * (image or PDF magic bytes in front of HTML or script, double and wrong extensions) are refused
 * or stored under a name that cannot run; unaccepted attachments reach only their organisation and
 * editors, with headers that forbid script; multipart bodies are refused before they are read
 * wherever files are not expected, and no refused upload leaves a file in the temp folder; an
 * editor's decision publishes exactly the revision the editor saw, and two editors deciding at
 * once never publish a rejected submission.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ADMIN, TestCms } from './harness';
import { testDatabases } from './databases';
import { SmtpSink } from './smtp-sink';
import { PDF, PNG, call, caseStudy, kb, multipart, onboard, storedAttachments } from './contributors';
import { translate } from '../../plugins/knowledge-base/server/src/translations';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const json = (value: unknown) => JSON.stringify(value);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const SCRIPT = "fetch('/admin/users/me').then(r=>r.text()).then(t=>fetch('/steal?'+t));";

describe.each(testDatabases())('uploads, multipart and moderation races, on %s', (database) => {
  const cms = new TestCms(database);
  const smtp = new SmtpSink();
  // The CMS's own temp folder, so the test sees every file its body parsers write.
  const temp = mkdtempSync(join(tmpdir(), 'kb-cms-tmp-'));
  const tempFiles = () => readdirSync(temp);
  const jwt = { a: '', b: '' };
  let jpeg: Buffer;
  const editor = (path: string, init: RequestInit = {}) =>
    cms.admin(`/knowledge-base${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any, headers: r.headers }));
  const create = (files: { name: string; content: Buffer; type?: string; field?: string }[], title = `Fichiers ${Math.random()}`) =>
    kb(cms, '/contribution/submissions', { method: 'POST', jwt: jwt.a, lang: 'en', body: multipart(caseStudy({ title, partners: [] }), files) });

  beforeAll(async () => {
    await smtp.start();
    jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    Object.assign(cms.env, {
      TMPDIR: temp,
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example',
      KB_SITE_URL: 'https://guide.example', KB_EDITOR_EMAILS: 'moderation@aimf.example',
      KB_SUBMISSIONS_PER_USER: '500', KB_SUBMISSIONS_PER_IP: '2000',
    });
    await cms.seed(FIXTURES);
    await cms.start();
    jwt.a = await onboard(cms, smtp, 'mairie@fixtureville.example', 'ville-fixture', 'fr');
    jwt.b = await onboard(cms, smtp, 'contact@fonds.example', 'fonds-fixture', 'en');
  }, 300_000);
  afterAll(async () => {
    await cms.dispose();
    await smtp.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  describe('polyglot and misnamed files', () => {
    //   case                                   file                                                                                     refused at
    const refused: [string, { name: string; content: Buffer; type?: string }][] = [
      ['GIF magic + script named .js', { name: 'tok.js', content: Buffer.concat([GIF, Buffer.from(SCRIPT)]), type: 'image/gif' }],
      ['GIF magic + HTML named .html', { name: 'report.html', content: Buffer.concat([GIF, Buffer.from('<script src="/uploads/tok.js"></script>')]), type: 'image/gif' }],
      ['a real GIF (not a promised type)', { name: 'anim.gif', content: GIF, type: 'image/gif' }],
      ['PNG magic + HTML body named .png', { name: 'photo.png', content: Buffer.concat([PNG.subarray(0, 8), Buffer.from(`<html><script>${SCRIPT}</script>`)]), type: 'image/png' }],
      ['PNG magic + SVG body named .svg', { name: 'logo.svg', content: Buffer.concat([PNG.subarray(0, 8), Buffer.from('<svg onload="alert(1)"/>')]), type: 'image/svg+xml' }],
      ['PDF magic + HTML named .html', { name: 'doc.html', content: Buffer.from(`%PDF-1.4\n<script>${SCRIPT}</script>\n%%EOF\n`), type: 'text/html' }],
      ['PDF magic + HTML, no end, named .pdf', { name: 'doc.pdf', content: Buffer.from(`%PDF-1.4\n<html><script>${SCRIPT}</script>`), type: 'application/pdf' }],
      ['a real PNG named .jpg', { name: 'photo.jpg', content: PNG, type: 'image/jpeg' }],
      ['a real PNG named .png.html', { name: 'photo.png.html', content: PNG, type: 'text/html' }],
      ['a real PDF named .js', { name: 'rapport.js', content: PDF, type: 'text/javascript' }],
      ['a real PNG with no extension', { name: 'photo', content: PNG, type: 'image/png' }],
      ['an SVG', { name: 'logo.svg', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), type: 'image/svg+xml' }],
    ];

    it.each(refused)('%s: refused at its field, nothing stored', async (_name, file) => {
      const before = [storedAttachments(cms), tempFiles().length];
      const reply = await create([file]);
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.errors.map((e: { path: unknown }) => e.path)).toContainEqual(['files', 0]);
      expect([storedAttachments(cms), tempFiles().length]).toEqual(before);
    });

    it('stores a real image under its own type, whatever the name and declared type said', async () => {
      const reply = await create([{ name: '../../x.html.PNG', content: PNG, type: 'text/html' }, { name: 'Photo ÉTÉ.jpeg', content: jpeg }]);
      expect(reply.status).toBe(201);
      expect(reply.body.data.attachments.map((f: any) => [f.name, f.mime])).toEqual([['x-html.png', 'image/png'], ['Photo ÉTÉ.jpg', 'image/jpeg']]);
      // Nothing of it in the public media library before an editor accepts.
      expect(((await (await cms.admin('/upload/files?pageSize=100')).json()) as any).results.map((f: any) => f.name)).not.toContain('x-html.png');
    });
  });

  describe('private attachments', () => {
    let submission: any;
    // A real PNG with a script after its end: it decodes, so it is kept, and must never run.
    let trailing: Buffer;
    beforeAll(async () => {
      trailing = Buffer.concat([PNG, Buffer.from(`<html><script>${SCRIPT}</script></html>`)]);
      const reply = await create([{ name: 'photo.png', content: trailing }, { name: 'rapport.pdf', content: PDF }], 'Pièces jointes privées');
      expect(reply.status).toBe(201);
      submission = reply.body.data;
    });

    it('serves them to their organisation and to editors only, with headers that forbid script and sniffing', async () => {
      const [image, pdf] = submission.attachments;
      expect(image.url).toBe(`/api/knowledge-base/contribution/submissions/${submission.id}/attachments/${image.id}`);
      const own = await fetch(`${cms.url}${image.url}`, { headers: { authorization: `Bearer ${jwt.a}` } });
      expect(own.status).toBe(200);
      expect(Buffer.from(await own.arrayBuffer()).equals(trailing)).toBe(true);
      expect(Object.fromEntries(['content-type', 'x-content-type-options', 'content-disposition', 'cache-control'].map((h) => [h, own.headers.get(h)]))).toEqual({
        'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-disposition': "inline; filename*=UTF-8''photo.png", 'cache-control': 'private, no-store',
      });
      expect(own.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      const ownPdf = await fetch(`${cms.url}${pdf.url}`, { headers: { authorization: `Bearer ${jwt.a}` } });
      expect(ownPdf.headers.get('content-disposition')).toMatch(/^attachment;/);
      // Another organisation: as if it did not exist. Nobody signed in: refused.
      expect((await fetch(`${cms.url}${image.url}`, { headers: { authorization: `Bearer ${jwt.b}` } })).status).toBe(404);
      expect((await fetch(`${cms.url}${image.url}`)).status).toBe(403);
      expect((await fetch(`${cms.url}/api/knowledge-base/contribution/submissions/${submission.id}/attachments/../../me`, { headers: { authorization: `Bearer ${jwt.a}` } })).status).toBe(404);
      // Editors, through their own authenticated route.
      const seen = await editor(`/moderation/submissions/${submission.id}`);
      const asEditor = await cms.admin(seen.body.data.attachments[0].url);
      expect(asEditor.status).toBe(200);
      expect(asEditor.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect((await fetch(`${cms.url}${seen.body.data.attachments[0].url}`)).status).toBe(401);
      // And nowhere under /uploads.
      const library = ((await (await cms.admin('/upload/files?pageSize=100')).json()) as any).results.map((f: any) => f.name);
      expect(library).not.toContain('photo.png');
    });

    it('puts them in the media library when accepted, served there with the same protections', async () => {
      const seen = await editor(`/moderation/submissions/${submission.id}`);
      const accepted = await editor(`/moderation/submissions/${submission.id}/accept`, { method: 'POST', body: json({ revision: seen.body.data.revision }) });
      expect(accepted.status).toBe(200);
      const published = await kb(cms, `/case-studies/${submission.content.slug}?locale=fr`);
      expect(published.body.data.cover).toMatchObject({ mime: 'image/png' });
      const image = await fetch(`${cms.url}${published.body.data.cover.url}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(image.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      // The same file by an encoded path, which static serving decodes: the same headers.
      const encoded = await fetch(`${cms.url}${published.body.data.cover.url.replace('/uploads/', '/uploads%2F')}`);
      expect([encoded.status, encoded.headers.get('x-content-type-options'), encoded.headers.get('content-security-policy')]).toEqual([200, 'nosniff', expect.stringMatching(/sandbox/)]);
      const files = ((await (await cms.admin('/upload/files?pageSize=100')).json()) as any).results as { name: string; url: string; mime: string }[];
      const pdf = files.find((f) => f.mime === 'application/pdf' && f.name === 'rapport.pdf')!;
      const served = await fetch(`${cms.url}${pdf.url}`);
      expect(served.headers.get('content-disposition')).toBe('attachment');
    });

    it('tells the admin panel to run scripts from /admin/ only, never from /uploads', async () => {
      const reply = await fetch(`${cms.url}/api/knowledge-base/openapi.json`);
      const scriptSrc = /script-src ([^;]*)/.exec(reply.headers.get('content-security-policy') ?? '')?.[1];
      expect(scriptSrc).toBe(`${new URL(cms.url).host}/admin/`);
    });
  });

  describe('multipart only where files are expected, after the route and the user are known', () => {
    const big = Buffer.alloc(20 * 2 ** 20, 1);
    const form = (files: { name: string; content: Buffer; field?: string }[], data: unknown = caseStudy({ title: 'Refusé', partners: [] })) => multipart(data, files);
    //   case                                             request                                                                                                    status
    const refused: [string, () => [string, RequestInit & { jwt?: string }], number][] = [
      ['anonymous, unknown route, 20 MB', () => ['/api/nonexistent', { method: 'POST', body: form([{ name: 'a.png', content: big }]) }], 415],
      ['anonymous, a read route', () => ['/api/knowledge-base/case-studies', { method: 'POST', body: form([{ name: 'a.png', content: PNG }]) }], 415],
      ['anonymous, alert subscription', () => ['/api/knowledge-base/alerts', { method: 'POST', body: form([{ name: 'a.png', content: PNG }]) }], 415],
      ['anonymous, log-in route', () => ['/api/auth/local', { method: 'POST', body: form([{ name: 'a.png', content: big }]) }], 415],
      ['anonymous, the submissions route, 20 MB', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', body: form([{ name: 'a.png', content: big }]) }], 403],
      ['anonymous, the upload API', () => ['/api/upload', { method: 'POST', body: form([{ name: 'a.png', content: big }]) }], 401],
      ['anonymous, the admin upload', () => ['/upload', { method: 'POST', body: form([{ name: 'a.png', content: big }]) }], 401],
      ['anonymous, admin project settings', () => ['/admin/project-settings', { method: 'POST', body: form([{ name: 'a.png', content: PNG }]) }], 401],
      ['a made-up token, the upload API, 20 MB', () => ['/api/upload', { method: 'POST', headers: { authorization: 'Bearer made-up' }, body: form([{ name: 'a.png', content: big }]) }], 401],
      ['a made-up token, the admin upload, 20 MB', () => ['/upload', { method: 'POST', headers: { authorization: 'Bearer made-up' }, body: form([{ name: 'a.png', content: big }]) }], 401],
      ['a contributor’s token, the admin upload', () => ['/upload', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: PNG }]) }], 401],
      ['contributor, the upload API', () => ['/api/upload', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: PNG }]) }], 403],
      ['contributor, an edit of another organisation', () => ['/api/knowledge-base/contribution/submissions/nope', { method: 'PUT', jwt: jwt.b, body: form([{ name: 'a.png', content: PNG }], {}) }], 404],
      ['contributor, fiche proposal with a file', () => ['/api/knowledge-base/contribution/actor-updates', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: PNG }], { locale: 'fr' }) }], 415],
      ['contributor, a file over 5 MB', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: Buffer.concat([PNG, Buffer.alloc(5 * 2 ** 20)]) }]) }], 400],
      ['contributor, 20 MB', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: big }]) }], 400],
      ['contributor, six files', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form(Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, content: PNG }))) }], 400],
      ['contributor, a file under another field', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: PNG, field: 'photo' }]) }], 400],
      ['contributor, a polyglot', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form([{ name: 'tok.js', content: Buffer.concat([GIF, Buffer.from(SCRIPT)]) }]) }], 400],
      ['contributor, data not JSON', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: PNG }], '{oops') }], 400],
      ['contributor, invalid data', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, body: form([{ name: 'a.png', content: PNG }], caseStudy({ title: 42 })) }], 400],
      ['contributor, a broken multipart body', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nabc' }], 400],
      ['contributor, multipart with no boundary', () => ['/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, headers: { 'content-type': 'multipart/form-data' }, body: 'x' }], 400],
    ];

    it.each(refused.map(([name, make, status]) => [name, status, make] as const))('%s → %i, no file left behind', async (_name, status, make) => {
      const before = [tempFiles().length, storedAttachments(cms)];
      const [path, init] = make();
      const reply = await call(cms, path, init as any).catch((error) => ({ status: 0, error }));
      expect(reply.status).toBe(status);
      expect([tempFiles().length, storedAttachments(cms)]).toEqual(before);
    });

    it('leaves the temp folder as it was after 30 refused uploads of every kind, and still answers', async () => {
      const before = tempFiles();
      for (let i = 0; i < 30; i++) {
        const [path, init] = refused[i % refused.length][1]();
        await call(cms, path, init as any).catch(() => undefined);
      }
      expect(tempFiles()).toEqual(before);
      expect((await kb(cms, '/case-studies?locale=fr')).status).toBe(200);
    });

    it('takes an editor’s upload to the media library, and leaves no temp file', async () => {
      const before = tempFiles();
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'logo-editeur.png');
      const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(ADMIN) });
      const token = ((await login.json()) as any).data.token;
      const reply = await fetch(`${cms.url}/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      expect(reply.status).toBe(201);
      expect(((await reply.json()) as any)[0]).toMatchObject({ name: 'logo-editeur.png', mime: 'image/png' });
      expect(tempFiles()).toEqual(before);
    });

    it('closes and removes the files of an upload cut off half-way', async () => {
      const before = tempFiles();
      const boundary = 'kb-cut-off';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${json(caseStudy({ title: 'Coupé', partners: [] }))}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
      const { port } = new URL(cms.url);
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST /api/knowledge-base/contribution/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${jwt.a}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${4 * 2 ** 20}\r\n\r\n${head}`);
          socket.write(Buffer.alloc(2 ** 20, 7), () => setTimeout(() => { socket.destroy(); resolve(); }, 300));
        });
        socket.on('error', reject);
      });
      // The CMS notices the client is gone, closes what it wrote and removes its folder.
      const held = () => readdirSync(`/proc/${cms.pid}/fd`).map((fd) => { try { return readlinkSync(`/proc/${cms.pid}/fd/${fd}`); } catch { return ''; } }).filter((path) => path.includes('kb-upload-'));
      for (let i = 0; i < 50 && (held().length || tempFiles().length !== before.length); i++) await new Promise((r) => setTimeout(r, 100));
      expect(held()).toEqual([]);
      expect(tempFiles()).toEqual(before);
    });

    it('refuses multipart in the caller’s language, with the field that is wrong', async () => {
      const other = await call(cms, '/api/knowledge-base/alerts', { method: 'POST', lang: 'ar', body: form([{ name: 'a.png', content: PNG }]) });
      expect(other.status).toBe(415);
      expect(other.body.error.message).toBe(translate('ar', 'error.multipartNotAccepted'));
      const six = await call(cms, '/api/knowledge-base/contribution/submissions', { method: 'POST', jwt: jwt.a, lang: 'fr', body: form(Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, content: PNG }))) });
      expect(six.body.error.details.errors).toEqual([{ path: ['files'], message: translate('fr', 'error.tooManyFiles', { max: 5 }), name: 'ValidationError' }]);
    });
  });

  describe('decisions on the revision the editor saw', () => {
    const submitted = async (title: string) => {
      const reply = await kb(cms, '/contribution/submissions', { method: 'POST', jwt: jwt.a, body: json({ data: caseStudy({ title, partners: [] }) }) });
      expect(reply.status).toBe(201);
      return reply.body.data as { id: string; content: { slug: string } };
    };
    const isPublic = async (slug: string) => (await kb(cms, `/case-studies/${slug}?locale=fr`)).status === 200;

    it('refuses (409) an accept on a revision the contributor changed since, and publishes nothing', async () => {
      const s = await submitted('Révision vue par l’éditeur');
      const seen = await editor(`/moderation/submissions/${s.id}`);
      const edit = await kb(cms, `/contribution/submissions/${s.id}`, { method: 'PUT', jwt: jwt.a, body: json({ data: { summary: 'Changé après la lecture de l’éditeur.' } }) });
      expect(edit.status).toBe(200);
      const stale = await editor(`/moderation/submissions/${s.id}/accept`, { method: 'POST', headers: { 'accept-language': 'en' }, body: json({ revision: seen.body.data.revision }) });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toBe(translate('en', 'error.staleSubmission'));
      expect(await isPublic(s.content.slug)).toBe(false);
      const now = await editor(`/moderation/submissions/${s.id}`);
      expect(now.body.data).toMatchObject({ status: 'submitted', revision: seen.body.data.revision + 1 });
      const accepted = await editor(`/moderation/submissions/${s.id}/accept`, { method: 'POST', body: json({ revision: now.body.data.revision }) });
      expect(accepted.status).toBe(200);
      expect((await kb(cms, `/case-studies/${s.content.slug}?locale=fr`)).body.data.summary).toBe('Changé après la lecture de l’éditeur.');
    });

    it('reads the queue’s query with its schema: bounds, statuses and names', async () => {
      const paths = async (query: string) => ((await editor(`/moderation/submissions?${query}`)).body.error?.details?.errors ?? []).map((e: any) => e.path);
      expect(await paths('page=10001')).toEqual([['page']]);
      expect(await paths('page=1e3&pageSize=0x10')).toEqual([['page'], ['pageSize']]);
      expect(await paths('status=submitted,nope')).toEqual([['status', 1]]);
      expect(await paths('colour=red')).toEqual([['colour']]);
      expect((await editor('/moderation/submissions?status=submitted&page=2&pageSize=1')).body.meta.pagination).toMatchObject({ page: 2, pageSize: 1 });
    });

    it('refuses a decision without the revision, naming the field', async () => {
      const s = await submitted('Sans révision');
      const reply = await editor(`/moderation/submissions/${s.id}/accept`, { method: 'POST', body: '{}' });
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.errors.map((e: any) => e.path)).toEqual([['revision']]);
    });

    it('never publishes a submission another editor rejected at the same moment (10 races)', async () => {
      for (let i = 0; i < 10; i++) {
        const s = await submitted(`Course ${i}`);
        const revision = (await editor(`/moderation/submissions/${s.id}`)).body.data.revision;
        const [accept, reject] = await Promise.all([
          editor(`/moderation/submissions/${s.id}/accept`, { method: 'POST', body: json({ revision }) }),
          editor(`/moderation/submissions/${s.id}/reject`, { method: 'POST', body: json({ revision, comment: 'Non.' }) }),
        ]);
        // One decision wins; the other finds the submission moved on (400) or at another revision (409).
        expect([accept.status, reject.status].filter((status) => status === 200)).toHaveLength(1);
        expect([accept.status, reject.status].every((status) => [200, 400, 409].includes(status))).toBe(true);
        const final = (await editor(`/moderation/submissions/${s.id}`)).body.data.status;
        expect(final).toBe(accept.status === 200 ? 'accepted' : 'rejected');
        expect(await isPublic(s.content.slug)).toBe(final === 'accepted');
      }
    });

    it('never publishes an edit the contributor sends while the editor accepts (10 races)', async () => {
      for (let i = 0; i < 10; i++) {
        const s = await submitted(`Édition concurrente ${i}`);
        const revision = (await editor(`/moderation/submissions/${s.id}`)).body.data.revision;
        const [accept, edit] = await Promise.all([
          editor(`/moderation/submissions/${s.id}/accept`, { method: 'POST', body: json({ revision }) }),
          kb(cms, `/contribution/submissions/${s.id}`, { method: 'PUT', jwt: jwt.a, body: json({ data: { summary: `Édition ${i}` } }) }),
        ]);
        expect([accept.status, edit.status].filter((status) => status === 200)).toHaveLength(1);
        const published = await kb(cms, `/case-studies/${s.content.slug}?locale=fr`);
        if (accept.status === 200) expect(published.body.data.summary).toBe(caseStudy().summary);
        else expect([accept.status, published.status]).toEqual([409, 404]);
      }
    });
  });
});
