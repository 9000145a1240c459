import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';
import { ATTACHMENT_TYPES, type AttachmentType } from '../shared/attachments';
import type { CheckedFile } from '../validation/files';

/** A contributor's file as a submission lists it. */
export interface Attachment {
  id: string;
  name: string;
  mime: AttachmentType;
  size: number;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** No document opened from a file anyone sent may run anything, nor be read as another type. */
export const FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
const SHOWN_INLINE = /^image\/(png|jpeg|webp|gif|avif)$/;

/** The headers of a file a contributor or an editor sent, wherever it is served: images shown, the rest downloaded. */
export const protectFile = (ctx: any, mime: string, name?: string) => {
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', FILE_CSP);
  const disposition = SHOWN_INLINE.test(mime) ? 'inline' : 'attachment';
  ctx.set('Content-Disposition', name ? `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}` : disposition);
};

/**
 * Contributors' files while their submission is under review: kept outside every public folder,
 * under a name the plugin chose, and served only through the authenticated routes of the
 * contributor's organisation and of editors. An accepted submission's files go to the media library.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dir = () => {
    const configured = pluginConfig(strapi, 'contribution').attachmentsDir;
    return configured ? (isAbsolute(configured) ? configured : resolve(strapi.dirs.app.root, configured)) : join(strapi.dirs.app.root, 'data', 'attachments');
  };
  const pathOf = (file: Pick<Attachment, 'id' | 'mime'>) => {
    if (!ID.test(file.id) || !Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, file.mime)) throw new Error(`not an attachment: ${file.id}`);
    return join(dir(), `${file.id}${ATTACHMENT_TYPES[file.mime].extension}`);
  };

  return {
    /** Copies checked files out of the request's temporary folder. */
    async store(files: CheckedFile[]): Promise<Attachment[]> {
      await mkdir(dir(), { recursive: true });
      const stored: Attachment[] = [];
      try {
        for (const file of files) {
          const attachment: Attachment = { id: randomUUID(), name: file.name, mime: file.mime, size: file.size };
          await copyFile(file.filepath, pathOf(attachment));
          stored.push(attachment);
        }
      } catch (error) {
        await this.remove(stored);
        throw error;
      }
      return stored;
    },

    async remove(files: Attachment[]) {
      await Promise.all(files.map((file) => rm(pathOf(file), { force: true })));
    },

    /** Answers with the file: its own type, never sniffed nor scripted, PDFs as downloads; false when it is gone. */
    async send(ctx: any, file: Attachment): Promise<boolean> {
      const path = pathOf(file);
      if (!(await stat(path).catch(() => null))?.isFile()) return false;
      protectFile(ctx, file.mime, file.name);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = file.mime;
      ctx.length = file.size;
      ctx.body = createReadStream(path);
      return true;
    },

    /** Copies the files into the media library (public from then on), in order; returns its records. */
    async publish(files: Attachment[]): Promise<Record<string, any>[]> {
      const upload = strapi.plugin('upload').service('upload');
      const published: Record<string, any>[] = [];
      for (const file of files) {
        const [record] = await upload.upload({ data: {}, files: { filepath: pathOf(file), originalFilename: file.name, mimetype: file.mime, size: file.size } });
        published.push(record);
      }
      return published;
    },
  };
};
