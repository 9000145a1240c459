import { resolve } from 'node:path';
import { loadSeed } from '../seed/load';
import { SEED_DIR } from './lib/paths';

// Checks every seed file (shape and relations) and prints each problem with its file and field.
const dir = process.argv[2] ? resolve(process.argv[2]) : SEED_DIR;
const { entries, problems } = loadSeed(dir);
for (const p of problems) console.log(`${p.file}  ${p.path || '(file)'}: ${p.message}`);
const counts: Record<string, number> = {};
for (const e of entries) counts[e.collection] = (counts[e.collection] ?? 0) + 1;
console.log(`${entries.length} valid entries ${JSON.stringify(counts)}; ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
