import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import sharp from 'sharp';
import { ATTACHMENT_TYPES, MAX_FILES, MAX_FILE_MB, type AttachmentType } from '../shared/attachments';
import type { Issue } from './issues';

/** Images larger than this many pixels are refused before they are decoded (decompression bombs). */
const MAX_IMAGE_PIXELS = 50_000_000;
/** How sharp names each image type it decodes; PDFs are checked by their ends. */
const SHARP_FORMAT: Record<AttachmentType, string | null> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': null };

/** A file of a multipart request, as written to the request's own temporary folder. */
export interface UploadedFile {
  filepath: string;
  originalFilename: string;
  size: number;
}

/** A file that passed every check: its real type, and a name that cannot say otherwise. */
export interface CheckedFile {
  filepath: string;
  name: string;
  mime: AttachmentType;
  size: number;
}

const SIGNATURES: { mime: AttachmentType; test: (head: Buffer) => boolean }[] = [
  { mime: 'image/png', test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { mime: 'image/webp', test: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'application/pdf', test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
];

const readAt = (filepath: string, position: number, length: number): Buffer => {
  const buffer = Buffer.alloc(length);
  const fd = openSync(filepath, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
  } finally {
    closeSync(fd);
  }
};

/** The file's type from its first bytes, whatever its name or declared type says. */
export const sniffType = (filepath: string): AttachmentType | null => {
  const head = readAt(filepath, 0, 16);
  return SIGNATURES.find((s) => s.test(head))?.mime ?? null;
};

/**
 * Whether the whole file is what its first bytes claim: an image decodes completely as that
 * format (so an HTML or script body behind image magic bytes is refused), a PDF ends as one.
 */
const wellFormed = async (filepath: string, mime: AttachmentType): Promise<boolean> => {
  const format = SHARP_FORMAT[mime];
  if (!format) return readAt(filepath, Math.max(0, statSync(filepath).size - 1024), 1024).includes('%%EOF');
  try {
    const image = sharp(filepath, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS });
    const { format: read } = await image.metadata();
    if (read !== format) return false;
    await image.stats();
    return true;
  } catch {
    return false;
  }
};

/** A name to show and download under: the sender's words, no path, no second extension, the type's own extension. */
export const attachmentName = (originalFilename: string, mime: AttachmentType): string => {
  const base = originalFilename.split(/[\\/]/).pop() ?? '';
  const stem = base.slice(0, base.length - extname(base).length).normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[-\s]+|[-\s]+$/g, '').slice(0, 80);
  return `${stem || 'file'}${ATTACHMENT_TYPES[mime].extension}`;
};

/**
 * Checks count, size, type read from the content, the name's extension against that type, and the
 * whole content against that type. Every problem is a field-level issue; nothing is stored here.
 */
export async function checkFiles(files: UploadedFile[], alreadyAttached = 0): Promise<{ files: CheckedFile[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const checked: CheckedFile[] = [];
  if (files.length + alreadyAttached > MAX_FILES) issues.push({ path: ['files'], key: 'error.tooManyFiles', params: { max: MAX_FILES } });
  for (const [i, file] of files.entries()) {
    if (file.size > MAX_FILE_MB * 2 ** 20) {
      issues.push({ path: ['files', i], key: 'error.fileTooLarge', params: { max: MAX_FILE_MB } });
      continue;
    }
    const mime = file.size > 0 ? sniffType(file.filepath) : null;
    if (!mime) {
      issues.push({ path: ['files', i], key: 'error.fileType' });
      continue;
    }
    const extension = extname(file.originalFilename).toLowerCase();
    if (!(ATTACHMENT_TYPES[mime].extensions as readonly string[]).includes(extension)) {
      issues.push({ path: ['files', i], key: 'error.fileExtension', params: { name: file.originalFilename.slice(0, 100), expected: ATTACHMENT_TYPES[mime].extension } });
      continue;
    }
    if (!(await wellFormed(file.filepath, mime))) {
      issues.push({ path: ['files', i], key: 'error.fileDamaged', params: { name: file.originalFilename.slice(0, 100) } });
      continue;
    }
    checked.push({ filepath: file.filepath, name: attachmentName(file.originalFilename, mime), mime, size: file.size });
  }
  return { files: checked, issues };
}
