import { closeSync, openSync, readSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import type { Issue } from './issues';

export const MAX_FILES = 5;
export const MAX_FILE_MB = 5;

/** An uploaded file as koa-body (formidable) hands it over. */
export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
  /** Where the file began in the request (see keepFileOrder). */
  kbPlace?: number;
}

type MiddlewareEntry = string | { name?: string; resolve?: string; config?: Record<string, any> };

/**
 * Formidable lists a request's files as their writes to disk finish, so two files can come out in
 * either order. Strapi's body middleware lets the app pass formidable an `onFileBegin` hook, which
 * runs in the order the files appear in the request: the plugin adds one (keeping any the app set)
 * that numbers each file, and `inRequestOrder` sorts by that number. Runs at register, before
 * Strapi builds its middlewares; an app without a `middlewares` config keeps formidable's order.
 */
export function keepFileOrder(strapi: Core.Strapi): void {
  const middlewares = strapi.config.get('middlewares') as MiddlewareEntry[] | undefined;
  if (!Array.isArray(middlewares)) return;
  let place = 0;
  const number = (_field: string, file: UploadedFile) => {
    file.kbPlace = ++place;
  };
  strapi.config.set(
    'middlewares',
    middlewares.map((entry) => {
      const name = typeof entry === 'string' ? entry : entry.name;
      if (name !== 'strapi::body') return entry;
      const config = (typeof entry === 'string' ? {} : entry.config) ?? {};
      const own = config.formidable?.onFileBegin as ((...args: unknown[]) => unknown) | undefined;
      const onFileBegin = own
        ? function (this: unknown, field: string, file: UploadedFile) {
            number(field, file);
            return own.call(this, field, file);
          }
        : number;
      return { ...(typeof entry === 'string' ? {} : entry), name, config: { ...config, formidable: { ...config.formidable, onFileBegin } } };
    }),
  );
}

/** The files in the order the caller sent them (formidable's order when they were not numbered). */
export const inRequestOrder = (files: UploadedFile[]): UploadedFile[] =>
  files.every((f) => typeof f.kbPlace === 'number') ? [...files].sort((a, b) => a.kbPlace! - b.kbPlace!) : files;

const SIGNATURES: { mime: string; test: (head: Buffer) => boolean }[] = [
  { mime: 'image/png', test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { mime: 'image/gif', test: (h) => ['GIF87a', 'GIF89a'].includes(h.subarray(0, 6).toString('latin1')) },
  { mime: 'image/webp', test: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'application/pdf', test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The file's real type from its first bytes, whatever its name or declared type says. */
export function sniffMime(filepath: string): string | null {
  const head = Buffer.alloc(16);
  const fd = openSync(filepath, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return SIGNATURES.find((s) => s.test(head))?.mime ?? null;
}

/** Checks count, size and content type; returns the detected type of each accepted file. */
export function checkFiles(files: UploadedFile[], alreadyAttached = 0): { mimes: string[]; issues: Issue[] } {
  const issues: Issue[] = [];
  if (files.length + alreadyAttached > MAX_FILES) issues.push({ path: ['files'], key: 'error.tooManyFiles', params: { max: MAX_FILES } });
  const mimes = files.map((file, i) => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) issues.push({ path: ['files', i], key: 'error.fileTooLarge', params: { max: MAX_FILE_MB } });
    const mime = file.size > 0 ? sniffMime(file.filepath) : null;
    if (!mime) issues.push({ path: ['files', i], key: 'error.fileType' });
    return mime ?? '';
  });
  return { mimes, issues };
}
