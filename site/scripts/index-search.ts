/** `node scripts/index-search.ts <outDir>`: the search index of a built site (see integrations/pagefind.ts). */
import { indexSite } from '../integrations/pagefind.ts';

const [outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/index-search.ts <outDir>');
  process.exit(2);
}
await indexSite(outDir);
