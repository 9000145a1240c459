/**
 * What the contribution form promises, and nothing else: the server reads the type from the
 * content, the name must say the same, and the stored file takes that type's extension.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], extension: '.jpg' },
  'image/png': { extensions: ['.png'], extension: '.png' },
  'image/webp': { extensions: ['.webp'], extension: '.webp' },
  'application/pdf': { extensions: ['.pdf'], extension: '.pdf' },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** At most this many files to a submission, of at most this many MB each. */
export const MAX_FILES = 5;
export const MAX_FILE_MB = 5;
