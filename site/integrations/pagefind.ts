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
import { readFileSync } from 'node:fs';
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
 * The entry pages, `/{locale}/{collection}/{slug}/`: the only pages with a `data-pagefind-body` (the search
 * index tests check it), so the only ones Pagefind reads; the others, listings above all, would be parsed to be dropped.
 */
const ENTRY_PAGES = '*/{case-studies,actors,funding-calls,good-practices}/*/index.html';

/** Set by scripts/build.mjs: the integration leaves indexing to it. */
export const INDEX_LATER = 'KB_SEARCH_INDEX_LATER';

const fail = (step: string, errors: string[]) => {
  throw new Error(`Pagefind ${step} failed: ${errors.join('; ')}`);
};

/** Indexes the built site in `out`; prints one exact, parseable line (the build-phase timing reads it). */
export async function indexSite(out: string): Promise<void> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_ENTRY_TEXT });
    if (!index) return fail('createIndex', errors);
    const added = await index.addDirectory({ path: out, glob: ENTRY_PAGES });
    if (added.errors.length) fail('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length) fail('writeFiles', written.errors);
    // addDirectory counts every HTML file it read, fallbacks too; the entry file says how many pages went into an index.
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
    console.log(`[pagefind] indexed ${indexed} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
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
