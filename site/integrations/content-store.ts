/**
 * In a static build, pages read the content layer's data store from its JSON file as they render,
 * instead of Astro bundling that store into the server build: Astro 7 writes it into a module as one
 * JSON string literal, so for a guide of thousands of entries Rolldown parses and writes tens of
 * megabytes that every prerender worker then loads again. The pages get the same data either way;
 * `astro dev` is left as Astro does it.
 *
 * This leans on two of Astro's internal names; `site/__tests__/astro-internals.test.ts` fails when an
 * Astro release changes them, and the build says so when the module it replaces never came.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's own names (astro/dist/content/consts.js): the resolved id of the module its content runtime imports, and the file it is made from. */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';
export const DATA_STORE_FILE = 'data-store.json';
/** The line the build prints when pages read the store from its file (tests look for it). */
export const READ_FROM_FILE = 'pages read the content store from';

export function contentStoreFromFile(): AstroIntegration {
  let file: string | undefined;
  let replaced = false;
  return {
    name: 'aimf-content-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Only a static build renders where the store was written: a server would not have the file.
        if (command !== 'build' || config.output !== 'static') return;
        const storeFile = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        file = storeFile;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'aimf-content-store',
                // Before Astro's own plugin, which would answer with the store written out as code.
                load: {
                  order: 'pre',
                  handler(id: string) {
                    if (id !== DATA_STORE_MODULE || !existsSync(storeFile)) return null;
                    replaced = true;
                    return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`;
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        if (!file) return;
        if (replaced) logger.info(`${READ_FROM_FILE} ${file}`);
        // Not an error: the pages are the same, only the build is slower and bigger.
        else logger.warn(`Astro's data-store module (${JSON.stringify(DATA_STORE_MODULE)}) never came: the store was bundled. Has Astro renamed it?`);
      },
    },
  };
}
