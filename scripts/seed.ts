import { join, resolve } from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { loadSeed } from '../seed/load';
import { SEED_COLLECTIONS } from '../seed/schema';
import { buildCms } from './lib/cms';
import { CMS_DIR, SEED_DIR } from './lib/paths';
import { importSecrets } from './lib/secrets';

/**
 * `npm run seed [-- --force] [--if-empty] [--dir path]`: checks every seed file, then imports them
 * through the plugin's importer into the CMS database (SQLite by default, or DATABASE_URL).
 */
export async function seed({ dir = SEED_DIR, force = false, ifEmpty = false, log = console.log } = {}) {
  const { entries, problems } = loadSeed(dir);
  if (problems.length) {
    for (const p of problems) log(`  ${p.file}  ${p.path || '(file)'}: ${p.message}`);
    throw new Error(`${problems.length} problems in the seed files: nothing was imported.`);
  }
  buildCms({ admin: false });
  for (const [key, value] of Object.entries(importSecrets())) process.env[key] ??= value;
  // This process only imports: no site builds or cron tasks here (the serving CMS rebuilds at its next start).
  process.env.KB_SITE_BUILDS = 'false';
  process.env.CRON_ENABLED = 'false';
  // The serving CMS creates the first admin; here Strapi's follow-up query would wait on the import's transaction.
  delete process.env.ADMIN_PASSWORD;
  process.chdir(CMS_DIR);
  const started = Date.now();
  const strapi = await createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') }).load();
  let lastLine = '';
  try {
    if (ifEmpty && (await strapi.documents('plugin::knowledge-base.theme' as any).count({}))) {
      log('Seed: the database already has content; nothing imported.');
      return null;
    }
    const report = await strapi.plugin('knowledge-base').service('importer').import(
      entries.map((e) => ({ type: SEED_COLLECTIONS[e.collection].type, data: e.data })),
      {
        force,
        onProgress: (phase: string, done: number, total: number) => {
          const line = `  ${phase}: ${done}/${total}`;
          if (done === total || done % 50 === 0) {
            if (line !== lastLine) log(line);
            lastLine = line;
          }
        },
      },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`Seed: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.skippedEdited.length} skipped (edited in the admin; --force overwrites) in ${seconds} s`);
    for (const key of report.skippedEdited) log(`  skipped ${key}`);
    return report;
  } finally {
    // Closing the pool aborts Strapi's own pending background queries; only those rejections are expected.
    const ignoreAborted = (error: unknown) => {
      if (!(error instanceof Error && error.message === 'aborted')) throw error;
    };
    process.on('unhandledRejection', ignoreAborted);
    await strapi.destroy();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dirArg = args.indexOf('--dir');
  seed({ force: args.includes('--force'), ifEmpty: args.includes('--if-empty'), dir: dirArg >= 0 ? resolve(args[dirArg + 1]) : SEED_DIR })
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
