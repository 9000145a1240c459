import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCms, strapiLaunch } from './lib/cms';
import { BIN, ROOT, SITE_DIR } from './lib/paths';
import { step } from './lib/progress';
import { ensureCmsEnv } from './lib/secrets';
import { Supervisor } from './lib/supervisor';

const CMS_PORT = Number(process.env.PORT ?? 1337);
const SITE_PORT = Number(process.env.SITE_PORT ?? 4321);
const STRAPI = 'Strapi';
const SITE = 'The site server';

/** Whether something answers HTTP at `url` with a status `ok` accepts. */
const answers = (url: string, ok: (status: number) => boolean) => async () =>
  ok((await fetch(url, { signal: AbortSignal.timeout(2000) })).status);

/** `npm start`: the whole system on this machine — CMS with content, and the public guide. */
async function main() {
  const { env, created } = ensureCmsEnv();
  if (created) console.log('▸ Generated cms/.env: secrets and the first admin login (git-ignored, never commit it).');

  const built = await step('Building the plugin and the admin panel when they changed (about 2 min the first time)', async () =>
    buildCms({ admin: true }),
  );
  if (built.length) console.log(`  rebuilt: ${built.join(', ')}`);

  await step('Importing the seed content if the database is empty', async () => {
    const result = spawnSync(BIN('tsx'), [join(ROOT, 'scripts', 'seed.ts'), '--if-empty'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the seed import failed (see above)');
  });

  const current = join(SITE_DIR, 'current');
  const hadSite = existsSync(current);
  // Strapi and the site server are separate processes: a crash of one is reported and that one
  // restarted, while the other keeps serving.
  const supervisor = new Supervisor([
    {
      name: STRAPI,
      // The plugin builds the site itself: now, and whenever an editor publishes. The site's address
      // is this machine's unless set, so canonical links and invitation e-mails point at it.
      ...strapiLaunch({ ...env, KB_SITE_BUILDS: 'true', KB_SITE_URL: process.env.KB_SITE_URL || env.KB_SITE_URL || `http://localhost:${SITE_PORT}` }, CMS_PORT),
      ready: answers(`http://127.0.0.1:${CMS_PORT}/_health`, (status) => status === 204),
      startTimeoutMs: 180_000,
    },
    {
      name: SITE,
      command: process.execPath,
      args: ['--import', 'tsx', join(ROOT, 'scripts', 'serve-site.ts'), '--port', String(SITE_PORT), '--current', current],
      cwd: ROOT,
      ready: answers(`http://127.0.0.1:${SITE_PORT}/`, () => true),
      echo: true,
    },
  ]);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await supervisor.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

  await step('Starting Strapi', () => supervisor.start(STRAPI));
  if (!hadSite) {
    await step('Building the public guide from the CMS (pages, then the search index)', () => firstBuild(supervisor, current));
  }
  await supervisor.start(SITE);
  const siteUrl = `http://localhost:${SITE_PORT}/fr/`;

  console.log(`
  The knowledge base is running.
    Admin (editors)  http://localhost:${CMS_PORT}/admin
      login          ${env.ADMIN_EMAIL}  /  ${env.ADMIN_PASSWORD}
    Public guide     ${siteUrl}
    Public API       http://localhost:${CMS_PORT}/api/knowledge-base/case-studies?locale=fr
  Publishing in the admin rebuilds the guide within seconds (history: Knowledge base › Site builds).${hadSite ? '\n  The guide shown is the last build; a fresh one is on its way.' : ''}
  Ctrl-C stops everything.
`);
}

/** Waits for the plugin's first site build, reading its outcome from Strapi's log. */
async function firstBuild(supervisor: Supervisor, current: string, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(current)) return;
    if (supervisor.state(STRAPI) === 'given up') throw new Error('Strapi stopped before the site was built (see above)');
    const failed = /\[knowledge-base\] site build #\d+ failed[^]*/.exec(supervisor.logs(STRAPI));
    if (failed) throw new Error(`the site build failed:\n${failed[0].slice(0, 3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the site was not built within ${timeoutMs / 60_000} minutes`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
