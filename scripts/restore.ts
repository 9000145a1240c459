import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { UID } from '@strapi/strapi';
import { USER, remapUserIds } from './lib/account-references';
import { attachmentsDir } from './lib/attachments-dir';
import { FORMAT, LAYOUT, unpack, type Manifest } from './lib/backup-archive';
import { buildCms } from './lib/cms';
import { contentDigest, describe, differences } from './lib/content-hash';
import { closeCms, importFrom, loadCms } from './lib/strapi-transfer';

/**
 * `npm run restore -- <file> [--key key] [--force]`: replaces the configured database's content
 * with a backup's through Strapi's import, puts its media files and private attachments back, maps
 * contributors' account ids to the new rows, then checks that the database hashes exactly as the
 * backed-up one did. Refuses a database that already holds content unless --force. Stop the CMS first.
 */
const ATTACHMENT_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.\w+$/;

/** Copies the regular files of `from` (no links, no folders) into `to`; returns their names. */
const copyFiles = (from: string, to: string) => {
  if (!existsSync(from)) return [];
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  for (const name of names) copyFileSync(join(from, name), join(to, name));
  return names;
};

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { key: { type: 'string', short: 'k' }, force: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new Error('Usage: npm run restore -- <backup file> [--key key] [--force]');
  const file = resolve(positionals[0]);
  const folder = mkdtempSync(join(tmpdir(), 'kb-restore-'));
  try {
    await unpack(file, folder, values.key ?? process.env.KB_BACKUP_KEY ?? undefined);
    const manifest = JSON.parse(readFileSync(join(folder, LAYOUT.manifest), 'utf8')) as Manifest;
    if (manifest.format !== FORMAT) throw new Error(`${file} is not a backup this version can restore (format ${manifest.format}).`);

    buildCms({ admin: false });
    const strapi = await loadCms();
    try {
      const held: string[] = [];
      const kbTypes = (Object.keys(strapi.contentTypes) as UID.ContentType[]).filter((uid) => uid.startsWith('plugin::knowledge-base.'));
      for (const uid of [...kbTypes, USER, 'plugin::upload.file' as const]) {
        const count = await strapi.db.query(uid).count({});
        if (count) held.push(`${count} ${uid.split('.').pop()}`);
      }
      if (held.length && !values.force) {
        throw new Error(`This database already holds content (${held.join(', ')}). A restore replaces all of it: run again with --force to do so.`);
      }

      // Media files: Strapi's own import would move public/uploads aside and delete it; here the
      // backup's files are written beside what is there (local provider), so a restore deletes no file.
      const local = strapi.config.get('plugin::upload.provider', 'local') === 'local';
      const exported = join(folder, LAYOUT.strapi);
      const transferred = await importFrom(strapi, exported, { files: !local });
      const uploads = local ? copyFiles(join(exported, 'assets', 'uploads'), join(strapi.dirs.static.public, 'uploads')).length : transferred.assets;

      // Private attachments: the backup's, and none of the replaced submissions'.
      const dir = attachmentsDir(strapi);
      const attachments = copyFiles(join(folder, LAYOUT.attachments), dir);
      if (existsSync(dir)) for (const name of readdirSync(dir)) if (ATTACHMENT_NAME.test(name) && !attachments.includes(name)) rmSync(join(dir, name));

      const remapped = await remapUserIds(strapi, manifest.users);
      const digest = await contentDigest(strapi);
      console.log(`Restored ${file} (made ${manifest.createdAt} on ${manifest.database}) into ${strapi.config.get('database.connection.client')}:`);
      console.log(`  Strapi import: ${Object.entries(transferred).map(([stage, count]) => `${count} ${stage}`).join(', ')}; media files: ${uploads}; private attachments: ${attachments.length}; contributor ids mapped: ${remapped} (${Object.keys(manifest.users).length} accounts in the backup)`);
      console.log(`  ${describe(digest)}`);
      const differ = differences(manifest.content, digest);
      if (differ.length) throw new Error(`The restored content differs from the backup's in: ${differ.join(', ')}.`);
      console.log("  identical to the backup's.");
    } finally {
      await closeCms(strapi);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main()
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
