/** Reading a built site: its HTML files, their links, and whether an internal URL resolves. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const LOCALES = ['fr', 'en', 'ar'] as const;
export const COLLECTION_PATHS = ['case-studies', 'actors', 'funding-calls', 'good-practices', 'themes'] as const;
export const SITE_ORIGIN = 'https://guide.aimf.example';

export const htmlFiles = (dist: string): string[] => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.html') ? [path] : [];
    });
  return walk(dist).sort();
};

/** `/fr/actors/x/` for `dist/fr/actors/x/index.html`. */
export const urlPathOf = (dist: string, file: string): string => {
  const rel = relative(dist, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
};

/** The file an internal URL serves, or null. Absolute URLs of the site count as internal. */
export const resolveUrl = (dist: string, url: string, from = '/'): string | null => {
  const absolute = new URL(url, `${SITE_ORIGIN}${from}`);
  if (absolute.origin !== SITE_ORIGIN) return null;
  const path = decodeURIComponent(absolute.pathname);
  const candidates = path.endsWith('/') ? [join(dist, path, 'index.html')] : [join(dist, path), join(dist, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
};

export const isInternal = (url: string, from = '/'): boolean => {
  if (/^(mailto|tel|javascript|data):/i.test(url)) return false;
  return new URL(url, `${SITE_ORIGIN}${from}`).origin === SITE_ORIGIN;
};

const cache = new Map<string, HTMLElement>();
export const page = (dist: string, urlPath: string): HTMLElement => {
  const file = resolveUrl(dist, urlPath);
  if (!file) throw new Error(`No page at ${urlPath}`);
  if (!cache.has(file)) cache.set(file, parse(readFileSync(file, 'utf8')));
  return cache.get(file)!;
};
export const pageFile = (dist: string, file: string): HTMLElement => {
  if (!cache.has(file)) cache.set(file, parse(readFileSync(file, 'utf8')));
  return cache.get(file)!;
};

/** Slugs of a seed folder's collection, read straight from its files. */
export const seedSlugs = (seedDir: string, collectionPath: string): string[] => {
  const dir = join(seedDir, collectionPath);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).slug as string)
    : [];
};

/** Template slips that would show on a page: values that were never set, code braces. */
export const TEMPLATE_SLIPS = /\bundefined\b|\[object Object\]|\bNaN\b|^\s*[{}]\s*$/m;
