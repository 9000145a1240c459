/**
 * In a static build, pages read the content layer's data store from its JSON file as they render,
 * instead of Astro bundling that store as a JavaScript module: for a guide of thousands of entries the
 * module is tens of megabytes that Rollup parses and writes and Node compiles again, at the build's memory
 * peak. The pages get the same data either way; `astro dev` is left as Astro does it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

// Astro's own names (astro/dist/content/consts.js): the module its content runtime imports, and the file it is made from.
const DATA_STORE_MODULE = '\0astro:data-layer-content';
const DATA_STORE_FILE = 'data-store.json';

export function contentStoreFromFile(): AstroIntegration {
  return {
    name: 'aimf-content-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Only a static build renders where the store was written: a server would not have the file.
        if (command !== 'build' || config.output !== 'static') return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'aimf-content-store',
                // Before Astro's own plugin, which would answer with the store written out as code.
                load: {
                  order: 'pre',
                  handler(id) {
                    if (id !== DATA_STORE_MODULE || !existsSync(file)) return null;
                    return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
