/**
 * The backup file: a gzipped tar of a folder (Strapi's export, the private attachments, a
 * manifest), encrypted when a key is given. Strapi's own `--key` is AES-128-ECB under an unsalted
 * key with no integrity check; this is AES-256-GCM under a key derived by scrypt with a random
 * salt, so a wrong key or a changed byte is refused before anything is restored.
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ContentDigest } from './content-hash';

const MAGIC = Buffer.from('AIMF-KB-BACKUP AES-256-GCM 1\n');
const SALT = 16;
const IV = 12;
const TAG = 16;
const HEADER = MAGIC.length + SALT + IV;

const deriveKey = (passphrase: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 2 ** 20 }, (error, key) => (error ? reject(error) : resolve(key))),
  );

const tar = (args: string[]) => {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar ${args[0]} failed: ${result.stderr || result.error?.message}`);
};

/** Whether `file` starts as an encrypted backup does. */
export async function isEncrypted(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAGIC.length), 0, MAGIC.length, 0);
    return bytesRead === MAGIC.length && buffer.equals(MAGIC);
  } finally {
    await handle.close();
  }
}

/** Packs `dir` into `file` (readable by its owner only), encrypted under `key` when given. */
export async function pack(dir: string, file: string, key?: string) {
  if (!key) {
    tar(['-czf', file, '-C', dir, '.']);
    await chmod(file, 0o600);
    return;
  }
  const plain = `${file}.partial.tgz`;
  try {
    tar(['-czf', plain, '-C', dir, '.']);
    const salt = randomBytes(SALT);
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', await deriveKey(key, salt), iv);
    await pipeline(
      Readable.from((async function* () {
        yield Buffer.concat([MAGIC, salt, iv]);
        for await (const chunk of createReadStream(plain).pipe(cipher)) yield chunk;
        yield cipher.getAuthTag();
      })()),
      createWriteStream(file, { mode: 0o600 }),
    );
  } finally {
    await rm(plain, { force: true });
  }
}

/** Unpacks the backup `file` into `dir`, decrypting it with `key` first when it is encrypted. */
export async function unpack(file: string, dir: string, key?: string) {
  await mkdir(dir, { recursive: true });
  if (!(await isEncrypted(file))) {
    tar(['-xzf', file, '-C', dir]);
    return;
  }
  if (!key) throw new Error(`${file} is encrypted: give its key (--key, or KB_BACKUP_KEY).`);
  const { size } = await stat(file);
  if (size < HEADER + TAG) throw new Error(`${file} is cut short: not a whole backup.`);
  const handle = await open(file, 'r');
  let salt: Buffer, iv: Buffer, tag: Buffer;
  try {
    const header = (await handle.read(Buffer.alloc(HEADER), 0, HEADER, 0)).buffer;
    salt = header.subarray(MAGIC.length, MAGIC.length + SALT);
    iv = header.subarray(MAGIC.length + SALT);
    tag = (await handle.read(Buffer.alloc(TAG), 0, TAG, size - TAG)).buffer;
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(key, salt), iv);
  decipher.setAuthTag(tag);
  const plain = `${dir}.tgz`;
  try {
    // Nothing is unpacked before the tag checks out: the plaintext waits in a file until then.
    await pipeline(createReadStream(file, { start: HEADER, end: size - TAG - 1 }), decipher, createWriteStream(plain, { mode: 0o600 })).catch(() => {
      throw new Error(`${file} cannot be decrypted with this key (a wrong key, or the file was changed).`);
    });
    tar(['-xzf', plain, '-C', dir]);
  } finally {
    await rm(plain, { force: true });
  }
}

/** What a backup folder holds: Strapi's export (`strapi/`), the private attachments (`attachments/`) and this manifest. */
export const LAYOUT = { manifest: 'manifest.json', strapi: 'strapi', attachments: 'attachments' } as const;
export const FORMAT = 'aimf-kb-backup/1';

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  strapi: string;
  database: string;
  /** The backed-up database's content digest: what a restore must reproduce. */
  content: ContentDigest;
  /** Every users-permissions user's id → documentId in the backed-up database (see account-references.ts). */
  users: Record<string, string>;
  /** Strapi's transfer counts per stage. */
  transferred: Record<string, number>;
}
