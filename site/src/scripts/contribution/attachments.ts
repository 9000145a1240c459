/** The files attached to a case study: checked against the plugin's types and limits before sending (the server checks them again, by content). */
import { $ } from './elements';
import type { Problem } from './messages';
import type { PageBase } from './page';

export const attachedFiles = (form: HTMLFormElement): File[] => [...($<HTMLInputElement>('#c-files', form).files ?? [])];

/** Too many files (an edit's count those already attached), too large, or of a type the guide does not take. */
export function attachmentProblems({ config, t }: Pick<PageBase, 'config' | 't'>, files: File[], attached: number): Problem[] {
  const problems: Problem[] = [];
  const accepted = (file: File) => config.accept.includes(file.type) || config.accept.includes(file.name.slice(file.name.lastIndexOf('.')).toLowerCase());
  if (files.length + attached > config.limits.files) problems.push({ id: 'c-files', message: t('error.tooManyFiles', { max: config.limits.files }) });
  for (const file of files) {
    if (file.size > config.limits.fileMb * 1024 * 1024) problems.push({ id: 'c-files', message: t('error.fileTooLarge', { name: file.name, max: config.limits.fileMb }) });
    else if (!accepted(file)) problems.push({ id: 'c-files', message: t('error.fileType', { name: file.name }) });
  }
  return problems;
}

/** The server's error about the file at `index` of the request, named with its file. */
export const fileMessage = (t: PageBase['t'], files: File[], path: (string | number)[], message: string): string => {
  const file = path[0] === 'files' && typeof path[1] === 'number' ? files[path[1]] : undefined;
  return file ? t('error.item', { field: file.name, message }) : message;
};

/** The multipart request: `data` as JSON, then each file under its own name. */
export function requestBody(data: Record<string, unknown>, files: File[]): FormData {
  const body = new FormData();
  body.append('data', JSON.stringify(data));
  for (const file of files) body.append('files', file, file.name);
  return body;
}
