import type { Core } from '@strapi/strapi';
import { ATTACHMENT_CSP } from '../services/attachments';

/**
 * Headers of every file served from `/uploads/` (the media library, where accepted attachments
 * go): never sniffed, never scripted, PDFs and anything not an image downloaded, not opened.
 */
export default (_config: unknown, { strapi: _strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    if (!['GET', 'HEAD'].includes(ctx.method) || !ctx.path.startsWith('/uploads/')) return next();
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', ATTACHMENT_CSP);
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (ctx.status === 200 && !/^image\/(png|jpeg|webp|gif|avif)$/.test(String(ctx.type))) ctx.set('Content-Disposition', 'attachment');
  };
