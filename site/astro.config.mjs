// @ts-check
import { defineConfig } from 'astro/config';
import { sitemap } from './integrations/sitemap';
import { pagefindIndex } from './integrations/pagefind';
import { contentStoreFromFile } from './integrations/content-store';

export default defineConfig({
  site: process.env.KB_SITE_URL || 'https://guide.aimf.example',
  output: 'static',
  trailingSlash: 'always',
  // Tests build several sites side by side: each keeps its own content-layer cache.
  cacheDir: process.env.KB_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [contentStoreFromFile(), sitemap(), pagefindIndex()],
  vite: {
    // The plugin's shared rules are TypeScript source: compile them with the site.
    ssr: { noExternal: ['@aimf/strapi-plugin-knowledge-base'] },
  },
});
