/**
 * Strapi's own data transfer (`strapi export --format dir` / `strapi import`), run inside a Strapi
 * this process has loaded: the engine, providers and content-type policy the CLI uses, without
 * the CLI's prompts, its compile step and the log file it leaves in the app folder.
 */
import { dirname, join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { CMS_DIR } from './paths';
import { importSecrets } from './secrets';

type DataTransfer = typeof import('@strapi/data-transfer');

/** The data-transfer package of the app's own Strapi, the one its `strapi export` runs. */
const dataTransfer = (): DataTransfer => {
  const strapiPackage = require.resolve('@strapi/strapi/package.json', { paths: [CMS_DIR] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('@strapi/data-transfer', { paths: [dirname(strapiPackage)] }));
};

/** The CMS (cms/) on its configured database, loaded but not listening: no site builds, no cron, no first admin. */
export async function loadCms(): Promise<Core.Strapi> {
  for (const [key, value] of Object.entries(importSecrets())) process.env[key] ??= value;
  process.env.KB_SITE_BUILDS = 'false';
  process.env.CRON_ENABLED = 'false';
  delete process.env.ADMIN_PASSWORD;
  // cms/config resolves its default paths (SQLite file, attachments) from the app folder.
  process.chdir(CMS_DIR);
  // Loaded here, not at import: a restore refused before it touches the database starts in a second.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const app = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') });
  app.log.level = 'error';
  return app.load();
}

/** Closes the CMS; closing its pool aborts Strapi's own pending background queries, whose rejections are expected. */
export async function closeCms(strapi: Core.Strapi) {
  process.on('unhandledRejection', (error) => {
    if (!(error instanceof Error && error.message === 'aborted')) throw error;
  });
  await strapi.destroy();
}

/** What `strapi export` and `strapi import` never move: admin accounts and tokens (admin::*), content releases. */
export const transferred = (uid: string) => !dataTransfer().strapi.isIgnoredOfficialTransferType(uid);
const transforms = {
  entities: [{ filter: (entity: { type: string }) => transferred(entity.type) }],
  links: [{ filter: (link: { left: { type: string }; right: { type: string } }) => transferred(link.left.type) && transferred(link.right.type) }],
};

export interface TransferCounts {
  [stage: string]: number;
}

const counts = (results: { engine?: Record<string, { count: number } | undefined> }): TransferCounts =>
  Object.fromEntries(Object.entries(results.engine ?? {}).map(([stage, item]) => [stage, item?.count ?? 0]));

/** Exports entities, links, media files, schemas and configuration into `dir`, as `strapi export --format dir --no-encrypt` does. */
export async function exportTo(strapi: Core.Strapi, dir: string): Promise<TransferCounts> {
  const { engine, strapi: local, directory } = dataTransfer();
  const source = local.providers.createLocalStrapiSourceProvider({ getStrapi: async () => strapi, autoDestroy: false });
  const destination = directory.providers.createLocalDirectoryDestinationProvider({ directory: { path: dir }, file: {} });
  const transfer = engine.createTransferEngine(source, destination, { versionStrategy: 'ignore', schemaStrategy: 'ignore', transforms });
  return counts(await transfer.transfer());
}

/**
 * Replaces the CMS's content with the export in `dir`, as `strapi import --file dir --force` does,
 * except media files when `files` is false (the caller writes them). Refuses an export whose
 * content types differ from this app's.
 */
export async function importFrom(strapi: Core.Strapi, dir: string, { files }: { files: boolean }): Promise<TransferCounts> {
  const { engine, strapi: local, directory } = dataTransfer();
  const source = directory.providers.createLocalDirectorySourceProvider({ directory: { path: dir } });
  const destination = local.providers.createLocalStrapiDestinationProvider({
    getStrapi: async () => strapi,
    autoDestroy: false,
    strategy: 'restore',
    restore: {
      entities: { exclude: Object.keys(strapi.contentTypes).filter((uid) => !transferred(uid)) },
      assets: files,
      configuration: { webhook: true, coreStore: true },
    },
  });
  const transfer = engine.createTransferEngine(source, destination, {
    versionStrategy: engine.DEFAULT_VERSION_STRATEGY,
    schemaStrategy: engine.DEFAULT_SCHEMA_STRATEGY,
    exclude: files ? [] : ['files'],
    transforms,
  });
  transfer.onSchemaDiff(async (context, next) => {
    const lines = Object.entries(context.diffs).flatMap(([uid, diffs]) => diffs.map((d) => `  ${[uid, ...d.path].join('.')}: ${d.kind}`));
    console.error(`The backup's content types differ from this app's (a backup restores into the plugin version that made it):\n${lines.join('\n')}`);
    await next(context);
  });
  return counts(await transfer.transfer());
}
