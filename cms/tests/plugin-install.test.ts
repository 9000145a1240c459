/**
 * The plugin as a user gets it: `npm pack`ed, its tarball installed by npm into a Strapi app made
 * from nothing in a temporary folder outside this workspace (no workspace link, npm resolving the
 * peer dependencies), the admin panel built, the app started on SQLite. Proves that the tarball
 * carries its README and LICENSE, that the app ends with one @strapi/utils (a second copy turns
 * every error into a 500), that the content types, the locales and the Public role's read actions
 * appear, that errors keep their status, and that a site build with no site folder is recorded as
 * failed with its reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildCms } from '../../scripts/lib/cms';
import { until } from '../../scripts/lib/live-site';
import { PLUGIN_DIR, ROOT } from '../../scripts/lib/paths';
import { generateSecrets } from '../../scripts/lib/secrets';
import { FreshApp, TESTED_STRAPI } from './fresh-app';

const ADMIN = { email: 'first.admin@example.org', password: 'First-Admin-Passw0rd' };
const PUBLIC_COLLECTIONS = ['actor', 'case-study', 'funding-call', 'good-practice', 'theme'];
const INSTALLED = join('node_modules', '@aimf', 'strapi-plugin-knowledge-base');

type Build = { id: number; status: string; reasons: string[]; logTail: string | null };

/** Every copy of a package under an app's node_modules, by its package.json. */
function copiesOf(appDir: string, name: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    if (!existsSync(modules)) return;
    if (existsSync(join(modules, name, 'package.json'))) found.push(relative(appDir, join(modules, name)));
    for (const entry of readdirSync(modules)) {
      const scoped = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => join(entry, sub)) : [entry];
      for (const pkg of scoped) walk(join(modules, pkg, 'node_modules'));
    }
  };
  walk(join(appDir, 'node_modules'));
  return found;
}

describe(`the packed plugin in a fresh Strapi ${TESTED_STRAPI} app`, () => {
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'kb-plugin-install-')));
  const app = new FreshApp(work);
  const site = join(work, 'site'); // never created: the user has not set up a site yet

  beforeAll(async () => {
    if (!relative(ROOT, work).startsWith('..')) throw new Error(`${work} is inside the workspace: npm would link the plugin instead of installing it`);
    buildCms({ admin: false });
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PLUGIN_DIR, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    app.write(JSON.parse(pack.stdout)[0].filename);
    await app.install();
    await app.build();
    await app.start({
      ...generateSecrets(),
      DATABASE_FILENAME: join(work, 'data', 'app.db'),
      SITE_DIR: site,
      SITE_RELEASES: join(site, '.releases'),
      SITE_CURRENT: join(work, 'current'),
    });
    await app.registerAdmin(ADMIN);
  }, 15 * 60_000);

  afterAll(async () => {
    await app.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('installs the tarball, with its README and LICENSE, not a link to the workspace', () => {
    const installed = join(work, INSTALLED);
    expect(realpathSync(installed)).toBe(installed);
    expect(readFileSync(join(installed, 'README.md'), 'utf8')).toContain('npm pack');
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('MIT License');
    expect(existsSync(join(installed, 'server'))).toBe(false);
  });

  it('leaves the app one @strapi/utils, Strapi’s own, so Strapi and the plugin share its error classes', () => {
    expect(copiesOf(work, '@strapi/utils')).toEqual([join('node_modules', '@strapi', 'utils')]);
    const utils = JSON.parse(readFileSync(join(work, 'node_modules', '@strapi', 'utils', 'package.json'), 'utf8'));
    expect(utils.version).toBe(TESTED_STRAPI);
  });

  it('has the plugin’s content types and its three locales, French by default', async () => {
    const types = ((await (await app.admin('/content-manager/content-types')).json()) as { data: { uid: string }[] }).data.map((t) => t.uid);
    for (const name of PUBLIC_COLLECTIONS) expect(types).toContain(`plugin::knowledge-base.${name}`);
    const locales = (await (await app.admin('/i18n/locales')).json()) as { code: string; isDefault: boolean }[];
    expect(locales.map((l) => l.code).sort()).toEqual(['ar', 'en', 'fr']);
    expect(locales.find((l) => l.isDefault)?.code).toBe('fr');
  });

  it('grants the Public role exactly the read actions of the plugin’s public API', async () => {
    const { roles } = (await (await app.admin('/users-permissions/roles')).json()) as { roles: { id: number; type: string }[] };
    const publicRole = roles.find((r) => r.type === 'public')!;
    const { role } = (await (await app.admin(`/users-permissions/roles/${publicRole.id}`)).json()) as any;
    const controllers = role.permissions['plugin::knowledge-base'].controllers as Record<string, Record<string, { enabled: boolean }>>;
    const enabled = Object.entries(controllers).flatMap(([controller, actions]) =>
      Object.entries(actions).filter(([, action]) => action.enabled).map(([action]) => `${controller}.${action}`),
    );
    expect(enabled.sort()).toEqual(PUBLIC_COLLECTIONS.flatMap((c) => [`${c}.find`, `${c}.findOne`]).sort());
    const list = await fetch(`${app.url}/api/knowledge-base/case-studies?locale=en`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total).toBe(0);
  });

  it('answers errors with their status, the plugin’s and Strapi’s own: 404, 400, 403, never 500', async () => {
    const call = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${app.url}${path}`, init);
      return { status: response.status, body: (await response.json()) as { error: { name: string; message: string; details?: any } } };
    };
    const missing = await call('/api/knowledge-base/case-studies/no-such-slug?locale=en');
    expect(missing).toMatchObject({ status: 404, body: { error: { name: 'NotFoundError' } } });
    expect(missing.body.error.message).toContain('no-such-slug');
    const bad = await call('/api/knowledge-base/case-studies?locale=klingon&page=-1');
    expect(bad).toMatchObject({ status: 400, body: { error: { name: 'ValidationError' } } });
    expect(bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['locale', 'page']);
    // the plugin's policy on users-permissions' sign-up route
    const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const signUp = await call('/api/auth/local/register', { ...json, body: JSON.stringify({ username: 'x', email: 'x@example.org', password: 'Passw0rd-123' }) });
    expect(signUp).toMatchObject({ status: 403, body: { error: { name: 'PolicyError' } } });
    // users-permissions' own error, thrown with Strapi's classes
    const login = await call('/api/auth/local', { ...json, body: JSON.stringify({ identifier: 'nobody@example.org', password: 'Wrong-Passw0rd' }) });
    expect(login).toMatchObject({ status: 400, body: { error: { name: 'ValidationError' } } });
    expect(app.logs()).not.toMatch(/\) 500\b/);
  });

  it('records a site build with no site folder as failed, with its reason, and says no site is online yet', async () => {
    const settled = () =>
      until('the site builds to settle', async () => {
        const { data, meta } = (await (await app.admin('/knowledge-base/site-builds')).json()) as { data: Build[]; meta: { state: string } };
        return meta.state === 'idle' && data.length && data[0].status !== 'running' ? data : undefined;
      }, { timeoutMs: 30_000 });
    const reason = `The build did not start: the site folder ${site} does not exist (siteBuilds.cwd).`;
    expect((await settled())[0]).toMatchObject({ status: 'failed', reasons: ['first build'], logTail: reason });
    // and so is one an editor asks for
    expect((await app.admin('/knowledge-base/site-builds', { method: 'POST', body: '{}' })).status).toBe(202);
    const history = await until('the requested build', async () => {
      const builds = await settled();
      return builds.length === 2 ? builds : undefined;
    }, { timeoutMs: 30_000 });
    expect(history[0]).toMatchObject({ status: 'failed', reasons: [`requested by ${ADMIN.email}`], logTail: reason });
    expect(app.logs()).toMatch(/site build #1 failed after \d+ ms; no site is online yet\./);
    expect(app.logs()).not.toMatch(/ENOENT|stays online/);
    expect(existsSync(site)).toBe(false);
  });
});
