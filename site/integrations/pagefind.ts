/**
 * The search index: Pagefind over the built site, into `<outDir>/pagefind/`, one index per language
 * from each page's `<html lang>`. Only what entry pages mark with `data-pagefind-body` is indexed,
 * minus the parts below that are the guide's own words rather than the entry's (labels, notices,
 * related entries, sources).
 *
 * `scripts/build.mjs` (the site's build) indexes in a process of its own once Astro has exited, so
 * Pagefind's memory never adds to Astro's; a bare `astro build` indexes in-process from the
 * integration, as before.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { AstroIntegration } from 'astro';

/** Inside an entry's body, what is not the entry's text. */
export const NOT_ENTRY_TEXT = [
  '.fiche-type', // "Case study" above the title
  '[data-notice]', // fallback and machine-translation notices
  '.facts dt', // field labels ("Location", "Stage"); their values stay
  '.fiche-main > section > h2', // section headings ("Lessons", "Results")
  'thead',
  '.call-status-label',
  '.call-status .small', // "status as of <date>"
  '.related', // other entries' titles
  '.sources',
  '.updated',
];

/**
 * The entry pages of a language folder, `{collection}/{slug}/`: the only pages with a `data-pagefind-body` (the search
 * index tests check it), so the only ones Pagefind reads; the others, listings above all, would be parsed to be dropped.
 */
const COLLECTION_FOLDERS = ['case-studies', 'actors', 'funding-calls', 'good-practices'];
const ENTRY_PAGES = `{${COLLECTION_FOLDERS.join(',')}}/*/index.html`;

/** Set by scripts/build.mjs: the integration leaves indexing to it. */
export const INDEX_LATER = 'KB_SEARCH_INDEX_LATER';

const fail = (step: string, errors: string[]) => {
  throw new Error(`Pagefind ${step} failed: ${errors.join('; ')}`);
};

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}
const readEntry = (bundle: string) => JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;

/** The site's language folders (`fr/`, `en/`…): those holding entry pages. */
const languageFolders = (out: string): string[] =>
  readdirSync(out, { withFileTypes: true })
    .filter((d) => d.isDirectory() && COLLECTION_FOLDERS.some((c) => existsSync(join(out, d.name, c))))
    .map((d) => d.name)
    .sort();

/** Entry pages in a language folder. */
const entryPageCount = (folder: string) =>
  COLLECTION_FOLDERS.reduce((sum, collection) => sum + (existsSync(join(folder, collection)) ? readdirSync(join(folder, collection)).length : 0), 0);

/**
 * Up to this many entry pages, all languages are indexed in one pass (measured: 1,482 pages in 1.5 s,
 * against 2.1 s in three); `KB_SEARCH_ONE_PASS_UP_TO=0` indexes a language at a time whatever the size.
 */
const onePassUpTo = () => {
  const asked = Number(process.env.KB_SEARCH_ONE_PASS_UP_TO);
  return process.env.KB_SEARCH_ONE_PASS_UP_TO && Number.isInteger(asked) && asked >= 0 ? asked : 5_000;
};

/**
 * Indexes the built site in `out`, one language at a time once the guide is big: Pagefind holds a whole index in memory until
 * it writes it, so three languages at once took half as much again as the largest alone. Each language's
 * files have names of their own; only `pagefind-entry.json`, which lists the languages, is written by
 * every pass, so it is merged at the end. Prints one exact, parseable line (the build-phase timing reads it).
 */
export async function indexSite(out: string): Promise<void> {
  const started = performance.now();
  const bundle = join(out, 'pagefind');
  const merged: PagefindEntry & Record<string, unknown> = { languages: {} };
  const languages = languageFolders(out);
  // Each pass starts a Pagefind process: a small guide is indexed in one.
  const pages = languages.reduce((sum, language) => sum + entryPageCount(join(out, language)), 0);
  const passes = pages <= onePassUpTo() && languages.length > 1 ? [`{${languages.join(',')}}`] : languages;
  for (const folders of passes) {
    try {
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_ENTRY_TEXT });
      if (!index) return fail('createIndex', errors);
      const added = await index.addDirectory({ path: out, glob: `${folders}/${ENTRY_PAGES}` });
      if (added.errors.length) fail('addDirectory', added.errors);
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) fail('writeFiles', written.errors);
      const entry = readEntry(bundle);
      Object.assign(merged, entry, { languages: { ...merged.languages, ...entry.languages } });
    } finally {
      // Ends Pagefind's process, and the memory of this pass's index with it.
      await pagefind.close();
    }
  }
  writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify(merged));
  // addDirectory counts every HTML file it read, fallbacks too; the entry file says how many pages went into an index.
  const indexed = Object.values(merged.languages).reduce((sum, { page_count }) => sum + page_count, 0);
  console.log(`[pagefind] indexed ${indexed} pages in ${Math.round(performance.now() - started)} ms`);
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        if (process.env[INDEX_LATER]) return;
        await indexSite(fileURLToPath(dir));
      },
    },
  };
}
