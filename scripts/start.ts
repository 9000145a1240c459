import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCms, startCms } from './lib/cms';
import { BIN, ROOT, SITE_DIR } from './lib/paths';
import { step } from './lib/progress';
import { ensureCmsEnv } from './lib/secrets';
import { serveStatic } from './lib/static-server';

const CMS_PORT = Number(process.env.PORT ?? 1337);
const SITE_PORT = Number(process.env.SITE_PORT ?? 4321);

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

  const cms = await step('Starting Strapi', () => startCms(env, { port: CMS_PORT }));
  const stop = async () => {
    console.log('\nStopping…');
    await cms.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cms.process.on('exit', (code) => {
    console.error(`Strapi stopped (code ${code}). Its last lines:\n${cms.logs().slice(-3000)}`);
    process.exit(1);
  });

  let siteUrl = '(the site is not built: site/ has no Astro project yet)';
  if (existsSync(join(SITE_DIR, 'astro.config.mjs')) || existsSync(join(SITE_DIR, 'astro.config.ts'))) {
    await step('Building the public guide from the CMS', async () => {
      const result = spawnSync('npm', ['run', 'build', '-w', '@aimf/site'], {
        cwd: ROOT,
        env: { ...process.env, KB_API_URL: cms.url },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (result.status !== 0) throw new Error('the site build failed (see above)');
    });
    await serveStatic(() => join(SITE_DIR, 'dist'), SITE_PORT);
    siteUrl = `http://localhost:${SITE_PORT}/fr/`;
  }

  console.log(`
  The knowledge base is running.
    Admin (editors)  http://localhost:${CMS_PORT}/admin
      login          ${env.ADMIN_EMAIL}  /  ${env.ADMIN_PASSWORD}
    Public guide     ${siteUrl}
    Public API       http://localhost:${CMS_PORT}/api/knowledge-base/case-studies?locale=fr
  Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
