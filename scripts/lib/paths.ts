import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CMS_DIR = join(ROOT, 'cms');
export const PLUGIN_DIR = join(ROOT, 'plugins', 'knowledge-base');
export const SITE_DIR = join(ROOT, 'site');
export const SEED_DIR = join(ROOT, 'seed');
export const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);
