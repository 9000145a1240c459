import { ReadStream } from 'node:fs';
import { join, sep } from 'node:path';
import type { Core } from '@strapi/strapi';
import { protectFile } from '../services/attachments';

/**
 * Headers of every file served from the uploads folder (the media library, where accepted
 * attachments go): never sniffed, never scripted, anything not an image downloaded. Decided by the
 * file served, not by the URL, which static serving decodes (`/uploads%2Fx.html` is the same file).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const uploads = join(strapi.dirs.static.public, 'uploads') + sep;
  const decoded = (path: string) => {
    try {
      return decodeURIComponent(path).replace(/\/{2,}/g, '/');
    } catch {
      return path;
    }
  };
  return async (ctx: any, next: () => Promise<unknown>) => {
    await next();
    // The file itself when static serving streams it; the path too, for answers wrapped on the way (ranges).
    const served = ctx.body instanceof ReadStream && String(ctx.body.path).startsWith(uploads);
    if (served || (ctx.status < 400 && decoded(ctx.path).startsWith('/uploads/'))) protectFile(ctx, String(ctx.type));
  };
};
