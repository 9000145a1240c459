/** The server's 400 on a case study, each error beside the control it designates. */
import { errorMessage, fieldErrors, type Reply } from './api';
import { fileMessage } from './attachments';
import type { Problem } from './messages';
import type { PageBase } from './page';
import type { RowsSent } from './read-case-study';

/** The control a server error's path designates: ['data', 'links', 1, 'url'], ['files', 0]… */
export function controlFor(path: (string | number)[], where: RowsSent): string | undefined {
  const [top, name, index, key] = path;
  if (top === 'files') return 'c-files';
  if (top !== 'data' || name === undefined) return undefined;
  const row = typeof index === 'number' ? where[name as keyof RowsSent]?.[index] : undefined;
  if (name === 'partners') return row === undefined ? 'c-partner-0' : `c-partner-${row}`;
  if (name === 'results') return `c-result-${row ?? 0}-${['value', 'unit', 'year'].includes(String(key)) ? key : 'indicator'}`;
  if (name === 'links') return `c-link-${row ?? 0}-${key === 'url' ? 'url' : 'label'}`;
  if (name === 'themes' || name === 'sdgs') return `c-${name}`;
  return document.getElementById(`c-${name}`) ? `c-${name}` : undefined;
}

/** `where` and `files`: what was sent, to find the row or the file an error is about. */
export function serverProblems(t: PageBase['t'], reply: Reply, where: RowsSent, files: File[]): Problem[] {
  const named = fieldErrors(reply).map((e) => ({ id: controlFor(e.path, where), message: fileMessage(t, files, e.path, e.message) }));
  return named.length ? named : [{ message: errorMessage(reply) }];
}
