import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import busboy from 'busboy';
import type { Core } from '@strapi/strapi';
import { callerLocale } from '../translations';
import { MAX_FILES, MAX_FILE_MB } from '../shared/attachments';
import type { UploadedFile } from '../validation/files';
import { validationError, type Issue } from '../validation/issues';

/** Set by the multipart guard: the request's real content type, kept from Strapi's body parser. */
export const DEFERRED = 'kbDeferredMultipart';
/** What this middleware leaves for the controller. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

const FIELD_BYTES = 256 * 1024;
/** The whole request at most: every file at its limit, plus the form's text. */
export const MAX_MULTIPART_BYTES = MAX_FILES * MAX_FILE_MB * 2 ** 20 + FIELD_BYTES + 64 * 1024;

/**
 * Reads a multipart request into `dir`, in the order its parts come, holding every limit while
 * the bytes arrive: past one, nothing more is written and the issue is returned.
 */
export function readMultipart(req: IncomingMessage, contentType: string, dir: string, fieldNames: string[], fileField: string) {
  return new Promise<MultipartBody & { issues: Issue[] }>((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null);
    const files: UploadedFile[] = [];
    const issues: Issue[] = [];
    const writes: Promise<unknown>[] = [];
    const streams: { destroy: () => void }[] = [];
    let failure: Error | undefined;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        // busboy signals a limit when a count reaches it: one more byte, and room for the sixth file to be named as such.
        limits: { files: MAX_FILES, fileSize: MAX_FILE_MB * 2 ** 20 + 1, fields: fieldNames.length, fieldSize: FIELD_BYTES, parts: fieldNames.length + MAX_FILES + 2 },
      });
    } catch {
      resolve({ fields, files, issues: [{ path: [], key: 'error.notMultipart' }] });
      return;
    }
    let done = false;
    const finish = (issue?: Issue) => {
      if (issue) issues.push(issue);
      if (done) return;
      done = true;
      // The rest of the body is read and dropped: nothing more reaches the disk, and the client gets the answer.
      req.unpipe(parser);
      req.resume();
      // A file cut short never ends by itself once the parser stops reading: close both ends.
      if (issue) for (const stream of streams) stream.destroy();
      Promise.all(writes).then(() => (failure ? reject(failure) : resolve({ fields, files, issues })));
    };
    parser.on('field', (name, value, info) => {
      if (!fieldNames.includes(name)) return finish({ path: [name.slice(0, 50)], key: 'error.unknownField', params: { name: name.slice(0, 50) } });
      if (info.valueTruncated) return finish({ path: [name], key: 'error.tooLong', params: { max: FIELD_BYTES } });
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // After a refusal nothing more is opened for writing.
      if (done) return void stream.resume();
      if (name !== fileField) {
        stream.resume();
        return finish({ path: [name.slice(0, 50)], key: 'error.unknownField', params: { name: name.slice(0, 50) } });
      }
      const file: UploadedFile = { filepath: join(dir, String(files.length)), originalFilename: info.filename ?? '', size: 0 };
      const place = files.push(file) - 1;
      const writer = createWriteStream(file.filepath);
      streams.push(stream, writer);
      // Settled by the file's closing, however it ends: written, cut short or failed (a pipeline's promise
      // does not settle on Node 24 when busboy's stream is destroyed).
      writes.push(new Promise<void>((settle) => writer.once('close', () => settle())));
      writer.on('error', (error) => {
        // Once refused, the files are closed on purpose: only a failure before that is one.
        if (!done) failure ??= error;
        stream.resume();
      });
      stream.on('data', (chunk: Buffer) => (file.size += chunk.length));
      stream.on('limit', () => finish({ path: [fileField, place], key: 'error.fileTooLarge', params: { max: MAX_FILE_MB } }));
      stream.pipe(writer);
    });
    parser.on('filesLimit', () => finish({ path: [fileField], key: 'error.tooManyFiles', params: { max: MAX_FILES } }));
    parser.on('fieldsLimit', () => finish({ path: [], key: 'error.tooManyFields' }));
    parser.on('partsLimit', () => finish({ path: [], key: 'error.tooManyFields' }));
    parser.on('error', () => finish({ path: [], key: 'error.notMultipart' }));
    parser.on('close', () => finish());
    // A client gone mid-upload: close every file (an open one would keep its space after the folder is removed).
    req.once('close', () => {
      if (req.complete || done) return;
      done = true;
      for (const stream of streams) stream.destroy();
      Promise.all(writes).then(() => reject(new Error('request aborted')));
    });
    req.pipe(parser);
  });
}

/**
 * Route middleware of the contribution routes that take files: runs after authentication and the
 * route's policies, so nobody else's bytes reach the disk. Files go to a folder of the request's
 * own, which is removed when the request ends, whatever happened.
 */
export default (_config: unknown, { strapi: _strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const contentType: string | undefined = ctx.state[DEFERRED];
    if (!contentType) return next();
    const lang = callerLocale(ctx.query ?? {}, ctx.get('accept-language'));
    const refuse = (issues: Issue[]) => validationError(lang, 'error.invalidSubmission', issues);
    if (Number(ctx.get('content-length') || 0) > MAX_MULTIPART_BYTES)
      throw refuse([{ path: [], key: 'error.bodyTooLarge', params: { max: Math.floor(MAX_MULTIPART_BYTES / 2 ** 20) } }]);
    const dir = await mkdtemp(join(tmpdir(), 'kb-upload-'));
    try {
      const { fields, files, issues } = await readMultipart(ctx.req, contentType, dir, ['data'], 'files');
      if (issues.length) throw refuse(issues);
      ctx.state.multipart = { fields, files } satisfies MultipartBody;
      return await next();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
