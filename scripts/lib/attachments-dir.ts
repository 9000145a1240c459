import { isAbsolute, join, resolve } from 'node:path';
import type { Core } from '@strapi/strapi';

/** Where the plugin keeps contributors' private files, as its attachments service finds it: configured, or `data/attachments` in the app. */
export function attachmentsDir(strapi: Core.Strapi): string {
  const configured: string = strapi.config.get('plugin::knowledge-base.contribution.attachmentsDir', '') || '';
  const root = strapi.dirs.app.root;
  return configured ? (isAbsolute(configured) ? configured : resolve(root, configured)) : join(root, 'data', 'attachments');
}
