import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { userIds } from './lib/account-references';
import { attachmentsDir } from './lib/attachments-dir';
import { FORMAT, LAYOUT, pack, type Manifest } from './lib/backup-archive';
import { buildCms } from './lib/cms';
import { contentDigest, describe } from './lib/content-hash';
import { CMS_DIR } from './lib/paths';
import { closeCms, exportTo, loadCms } from './lib/strapi-transfer';

/**
 * `npm run backup [-- --file path] [--key key]`: the whole knowledge base of the configured
 * database (SQLite by default, or DATABASE_URL) in one file — Strapi's export (entries in every
 * locale, relations, media files, submissions and their history, contributors' accounts, alert
 * subscriptions, users-permissions and i18n settings), plus the contributors' private attachments,
 * which Strapi's export does not know of. Encrypted when a key is given (--key or KB_BACKUP_KEY).
 * `--hash` only prints the database's content hash. Never holds cms/.env: Strapi exports no secret.
 */
async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string', short: 'f' }, key: { type: 'string', short: 'k' }, hash: { type: 'boolean' } } });
  const key = values.key ?? process.env.KB_BACKUP_KEY ?? '';
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = resolve(values.file ?? join(CMS_DIR, 'data', 'backups', `kb-backup-${stamp}.tgz${key ? '.enc' : ''}`));

  buildCms({ admin: false });
  const strapi = await loadCms();
  try {
    if (values.hash) {
      const digest = await contentDigest(strapi);
      for (const [name, section] of Object.entries(digest.sections)) console.log(`  ${name}: ${section.count} ${section.hash}`);
      console.log(describe(digest));
      return;
    }
    const folder = mkdtempSync(join(tmpdir(), 'kb-backup-'));
    try {
      const transferred = await exportTo(strapi, join(folder, LAYOUT.strapi));
      const attachments = attachmentsDir(strapi);
      if (existsSync(attachments)) cpSync(attachments, join(folder, LAYOUT.attachments), { recursive: true });
      const digest = await contentDigest(strapi);
      const manifest: Manifest = {
        format: FORMAT,
        createdAt: new Date().toISOString(),
        strapi: strapi.config.get('info.strapi'),
        database: strapi.config.get('database.connection.client'),
        content: digest,
        users: await userIds(strapi),
        transferred,
      };
      writeFileSync(join(folder, LAYOUT.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
      mkdirSync(dirname(file), { recursive: true });
      await pack(folder, file, key || undefined);
      const kinds = Object.entries(transferred).map(([stage, count]) => `${count} ${stage}`).join(', ');
      console.log(`Backup written: ${file} (${(statSync(file).size / 1024).toFixed(0)} KB, ${key ? 'encrypted' : 'NOT encrypted: it holds contributors’ e-mail addresses and password hashes; give --key'})`);
      console.log(`  Strapi export: ${kinds}; private attachments: ${digest.sections.attachments.count}`);
      console.log(`  ${describe(digest)}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    await closeCms(strapi);
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
