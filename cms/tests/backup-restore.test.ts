/**
 * Backup and restore, end to end: `npm run backup` of a SQLite knowledge base holding entries in
 * every locale, relations, media files, submissions with their history and private attachments,
 * contributors (one of them deleted, so account ids have a gap), an alert subscription; then
 * `npm run restore` into an empty SQLite database and an empty PostgreSQL schema. Proves that the
 * backup is encrypted (not a tar, not gzip, not JSON, no plain content) and holds no secret of the
 * CMS's environment; that a wrong key restores nothing; that each restored database hashes exactly
 * as the backed-up one (scripts/lib/content-hash.ts) and that the hash changes when one field does;
 * that a database with content is not overwritten without --force; and that the restored CMS
 * serves the same public answers, lets the contributor sign in with their password and see their
 * submissions, history and files, and serves the same media bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unpack, type Manifest } from '../../scripts/lib/backup-archive';
import type { ContentDigest } from '../../scripts/lib/content-hash';
import { pgQuery } from '../../scripts/lib/database-env';
import { BIN, CMS_DIR, ROOT } from '../../scripts/lib/paths';
import { PASSWORD, PDF, PNG, caseStudy, kb, login, multipart, onboard } from './contributors';
import { testDatabases, type Database } from './databases';
import { TestCms } from './harness';
import { SmtpSink } from './smtp-sink';

const FIXTURES = join(__dirname, 'fixtures', 'seed');
const KEY = 'correct horse battery staple';
const CONTRIBUTOR = 'mairie@fixtureville.example';
const PUBLIC_PATHS = ['case-studies', 'actors', 'funding-calls', 'good-practices', 'themes'].flatMap((type) => ['fr', 'en', 'ar'].map((locale) => `/${type}?locale=${locale}`));
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'ADMIN_PASSWORD'];
const json = (value: unknown) => JSON.stringify(value);

/** Runs `npm run backup|restore` (the script bootstrap.mjs hands over to) against a CMS's database. */
const run = (script: 'backup' | 'restore', args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(BIN('tsx'), [join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });

const hashIn = (output: string) => {
  const found = /content hash ([0-9a-f]{64}) \((\d+) entities in (\d+) kinds\)/.exec(output);
  if (!found) throw new Error(`no content hash in:\n${output.slice(-3000)}`);
  return { hash: found[1], entities: Number(found[2]), kinds: Number(found[3]) };
};

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

/** Answers with ids dropped: those are the database's own, the rest must match. */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(withoutIds) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id').map(([k, v]) => [k, withoutIds(v)])) : value;

/** A list answer with its entries in documentId order. */
const byDocument = (answer: any) => ({ ...answer, data: [...answer.data].sort((a: { documentId: string }, b: { documentId: string }) => a.documentId.localeCompare(b.documentId)) });

describe('backup and restore (SQLite → each database)', () => {
  const targets = testDatabases();
  const source = new TestCms('sqlite');
  const restored = Object.fromEntries(targets.map((database) => [database, new TestCms(database)])) as Record<Database, TestCms>;
  const smtp = new SmtpSink();
  const dir = mkdtempSync(join(tmpdir(), 'kb-backup-test-'));
  const file = join(dir, 'kb.backup');
  // What the source answered before the backup: the restored CMS must answer the same.
  const before = { publicAnswers: {} as Record<string, unknown>, mine: null as unknown, history: null as unknown, mediaFiles: {} as Record<string, Buffer> };
  const ids = { pending: '', accepted: '', pendingFiles: [] as { id: string; name: string }[], slug: '', attachments: 0 };
  const servedAnswers: Record<string, any> = {};
  const summary = { entities: 0, kinds: 0, hash: '', mapped: 0, media: 0, attachments: 0, scanned: 0, equal: {} as Record<string, boolean> };
  let sections: ContentDigest['sections'] = {};

  const editor = (path: string, init: RequestInit = {}) => source.admin(`/knowledge-base${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as any }));
  /** The source's media files on disk (cms/public is shared by every CMS of this workspace): each restore must bring them back. */
  const removeMediaFiles = () => {
    for (const name of Object.keys(before.mediaFiles)) rmSync(join(CMS_DIR, 'public', 'uploads', name), { force: true });
  };

  beforeAll(async () => {
    await smtp.start();
    Object.assign(source.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'guide@aimf.example', KB_SITE_URL: 'https://guide.example' });
    await source.seed(FIXTURES);
    await source.start();

    // A contributor account an editor deleted: user ids now have a gap, which the import closes.
    await onboard(source, smtp, 'gone@fonds.example', 'fonds-fixture', 'en');
    const users = (await (await source.admin('/content-manager/collection-types/plugin::users-permissions.user?pageSize=100')).json()) as any;
    const gone = users.results.find((u: { email: string }) => u.email === 'gone@fonds.example');
    expect((await source.admin(`/content-manager/collection-types/plugin::users-permissions.user/${gone.documentId}`, { method: 'DELETE' })).status).toBe(200);

    const jwt = await onboard(source, smtp, CONTRIBUTOR, 'ville-fixture', 'fr');
    // A submission sent back for changes and resubmitted, its files still private.
    const pending = await kb(source, '/contribution/submissions', {
      method: 'POST', jwt,
      body: multipart(caseStudy({ title: 'Jardins partagés de Fixtureville' }), [{ name: 'plan.png', content: PNG }, { name: 'budget.pdf', content: PDF }]),
    });
    expect(pending.status).toBe(201);
    ids.pending = pending.body.data.id;
    ids.pendingFiles = pending.body.data.attachments;
    const seen = await editor(`/moderation/submissions/${ids.pending}`);
    expect((await editor(`/moderation/submissions/${ids.pending}/request-changes`, { method: 'POST', body: json({ comment: 'Ajoutez le budget.', revision: seen.body.data.revision }) })).status).toBe(200);
    expect((await kb(source, `/contribution/submissions/${ids.pending}`, { method: 'PUT', jwt, body: json({ data: { summary: 'Budget : 12 000 €.' } }) })).status).toBe(200);
    // A submission accepted: a published case study whose cover went to the media library.
    const accepted = await kb(source, '/contribution/submissions', {
      method: 'POST', jwt, body: multipart(caseStudy({ title: 'Toits végétalisés de Fixtureville', city: 'Fixtureville' }), [{ name: 'toit.png', content: PNG }]),
    });
    expect(accepted.status).toBe(201);
    ids.accepted = accepted.body.data.id;
    ids.slug = accepted.body.data.content.slug;
    const review = await editor(`/moderation/submissions/${ids.accepted}`);
    expect((await editor(`/moderation/submissions/${ids.accepted}/accept`, { method: 'POST', body: json({ comment: 'Merci.', revision: review.body.data.revision }) })).status).toBe(200);
    // A reader's confirmed alert subscription.
    expect((await kb(source, '/alerts', { method: 'POST', body: json({ email: 'reader@example.org', locale: 'ar', themes: ['dechets'], frequency: 'weekly' }) })).status).toBe(202);
    const confirm = /https?:\/\/\S+\/alerts\/confirm\?token=\S+/.exec((await smtp.waitFor((m) => m.to.includes('reader@example.org'))).text)![0];
    expect((await fetch(confirm)).status).toBe(200);

    for (const path of PUBLIC_PATHS) before.publicAnswers[path] = (await kb(source, path)).body;
    before.mine = (await kb(source, '/contribution/submissions', { jwt })).body;
    before.history = (await editor(`/moderation/submissions/${ids.pending}`)).body.data.history;
    const cover = (await kb(source, `/case-studies/${ids.slug}?locale=fr`)).body.data.cover;
    expect(cover.url).toMatch(/^\/uploads\//);
    const name = cover.url.slice('/uploads/'.length);
    before.mediaFiles[name] = readFileSync(join(CMS_DIR, 'public', 'uploads', name));
    await source.stop();
    // The accepted submission's file stays private beside its copy in the media library.
    ids.attachments = readdirSync(source.env.KB_ATTACHMENTS_DIR).length;
    expect(ids.attachments).toBeGreaterThanOrEqual(ids.pendingFiles.length);
  }, 300_000);

  afterAll(async () => {
    console.log(
      `backup-restore: ${summary.entities} entities compared in ${summary.kinds} kinds (${summary.media} media files, ${summary.attachments} private attachments, ${summary.mapped} contributor ids mapped); ` +
        `${targets.map((t) => `sqlite → ${t}: hash ${summary.equal[t] === undefined ? 'not compared' : summary.equal[t] ? 'equal' : 'DIFFERENT'}`).join('; ')}; ` +
        `${SECRETS.length} secrets absent from ${summary.scanned} files of the decrypted backup`,
    );
    removeMediaFiles();
    for (const cms of [source, ...Object.values(restored)]) await cms.dispose();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes an encrypted backup that holds the content and none of the CMS’s secrets', async () => {
    const backup = await run('backup', ['--file', file, '--key', KEY], source.env);
    expect(backup.code).toBe(0);
    Object.assign(summary, hashIn(backup.output));
    expect(summary.entities).toBeGreaterThan(100);

    // Encrypted: not a tar, not gzip, not JSON, and no content in the clear.
    const bytes = readFileSync(file);
    expect(spawnSync('tar', ['-tf', file]).status).not.toBe(0);
    expect(() => gunzipSync(bytes)).toThrow();
    expect(() => JSON.parse(bytes.toString('utf8'))).toThrow();
    for (const plain of [CONTRIBUTOR, 'Jardins partagés', 'reader@example.org', '"documentId"']) expect(bytes.includes(plain)).toBe(false);
    expect(statSync(file).mode & 0o077).toBe(0);

    // Decrypted, it holds the content (Strapi's export, the private attachments), but no secret.
    const open = join(dir, 'open');
    await unpack(file, open, KEY);
    const files = filesUnder(open);
    const text = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    for (const content of [CONTRIBUTOR, 'Jardins partagés'.normalize(), 'reader@example.org', 'Ajoutez le budget.']) expect(text.includes(Buffer.from(content).toString('latin1'))).toBe(true);
    expect(readdirSync(join(open, 'attachments'))).toHaveLength(ids.attachments);
    const secrets = SECRETS.flatMap((name) => [source.env[name], ...source.env[name].split(',')]).filter((value) => value.length >= 8);
    expect(secrets.length).toBeGreaterThanOrEqual(SECRETS.length);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    summary.scanned = files.length;
    sections = (JSON.parse(readFileSync(join(open, 'manifest.json'), 'utf8')) as Manifest).content.sections;
    rmSync(open, { recursive: true, force: true });
  }, 180_000);

  it('refuses a wrong key and touches nothing', async () => {
    const target = restored.sqlite;
    const wrong = await run('restore', [file, '--key', 'not the key'], target.env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toContain('cannot be decrypted with this key');
    expect(existsSync(target.env.DATABASE_FILENAME)).toBe(false);
    const none = await run('restore', [file], target.env);
    expect(none.output).toContain('is encrypted: give its key');
  }, 60_000);

  it.each(targets)('restores into an empty %s database with the same content hash', async (database) => {
    expect(summary.hash).toMatch(/^[0-9a-f]{64}$/);
    const target = restored[database];
    if (database === 'postgres') await pgQuery(`CREATE SCHEMA IF NOT EXISTS "${target.env.DATABASE_SCHEMA}"`);
    removeMediaFiles();
    const result = await run('restore', [file, '--key', KEY], target.env);
    const after = hashIn(result.output.slice(result.output.indexOf('Restored')));
    summary.equal[database] = after.hash === summary.hash;
    expect(result.output).toContain('identical to the backup');
    expect(after).toEqual({ hash: summary.hash, entities: summary.entities, kinds: summary.kinds });
    expect(result.code).toBe(0);
    const counts = /media files: (\d+); private attachments: (\d+); contributor ids mapped: (\d+)/.exec(result.output)!;
    [summary.media, summary.attachments, summary.mapped] = counts.slice(1).map(Number);
    expect(summary.media).toBe(Object.keys(before.mediaFiles).length);
    expect(summary.attachments).toBe(ids.attachments);
    // The deleted account left a gap: the remaining contributor's rows had to follow their user's new id.
    expect(summary.mapped).toBeGreaterThan(0);
    for (const [name, content] of Object.entries(before.mediaFiles)) expect(readFileSync(join(CMS_DIR, 'public', 'uploads', name)).equals(content)).toBe(true);
  }, 180_000);

  it('does not overwrite a database that holds content, unless told to', async () => {
    const again = await run('restore', [file, '--key', KEY], restored.sqlite.env);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/already holds content \(.*submission.*\)\. A restore replaces all of it: run again with --force/);
  }, 120_000);

  it('serves the restored knowledge base: public answers, the contributor’s account, submissions, history and files', async () => {
    const target = restored[targets[targets.length - 1]];
    await target.start();
    try {
      // The same entries (the order is compared in the next test).
      for (const path of PUBLIC_PATHS) {
        servedAnswers[path] = (await kb(target, path)).body;
        expect([path, withoutIds(byDocument(servedAnswers[path]))]).toEqual([path, withoutIds(byDocument(before.publicAnswers[path]))]);
      }
      const jwt = await login(target, CONTRIBUTOR, PASSWORD);
      expect(withoutIds((await kb(target, '/contribution/submissions', { jwt })).body)).toEqual(withoutIds(before.mine));
      const mine = await kb(target, `/contribution/submissions/${ids.pending}`, { jwt });
      expect(mine.body.data).toMatchObject({ status: 'resubmitted', comment: 'Ajoutez le budget.' });
      for (const [attachment, content] of [[ids.pendingFiles[0], PNG], [ids.pendingFiles[1], PDF]] as const) {
        const got = await fetch(`${target.url}/api/knowledge-base/contribution/submissions/${ids.pending}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${jwt}` } });
        expect([attachment.name, got.status]).toEqual([attachment.name, 200]);
        expect(Buffer.from(await got.arrayBuffer()).equals(content)).toBe(true);
      }
      const history = (await (await target.admin(`/knowledge-base/moderation/submissions/${ids.pending}`)).json()) as any;
      expect(withoutIds(history.data.history)).toEqual(withoutIds(before.history));
      for (const [name, content] of Object.entries(before.mediaFiles)) {
        const served = await fetch(`${target.url}/uploads/${name}`);
        expect(Buffer.from(await served.arrayBuffer()).equals(content)).toBe(true);
      }
    } finally {
      await target.stop();
    }
  }, 180_000);

  it(`lists public entries in the same order on ${targets[targets.length - 1]} as on SQLite`, () => {
    const order = (answer: any) => answer.data.map((entry: { slug: string }) => entry.slug);
    for (const path of PUBLIC_PATHS) expect([path, order(servedAnswers[path])]).toEqual([path, order(before.publicAnswers[path])]);
  });

  it('changes the content hash when one field changes, and names what changed', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Sqlite = require('better-sqlite3');
    const db = new Sqlite(restored.sqlite.env.DATABASE_FILENAME);
    try {
      expect(db.prepare("UPDATE kb_alert_subscriptions SET frequency = 'daily' WHERE email = ?").run('reader@example.org').changes).toBe(1);
    } finally {
      db.close();
    }
    const changed = await run('backup', ['--hash'], restored.sqlite.env);
    expect(changed.code).toBe(0);
    expect(hashIn(changed.output).hash).not.toBe(summary.hash);
    const now = [...changed.output.matchAll(/^ {2}(\S+): (\d+) ([0-9a-f]{64})$/gm)];
    expect(now.map((m) => m[1]).sort()).toEqual(Object.keys(sections).sort());
    expect(now.filter((m) => sections[m[1]].hash !== m[3]).map((m) => m[1])).toEqual(['plugin::knowledge-base.alert-subscription']);
  }, 120_000);
});
