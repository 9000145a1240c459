import { join, resolve } from 'node:path';
import { evidenceProblems, renamedProblems, sourceDocuments } from '../seed/evidence';
import { loadSeed } from '../seed/load';
import { SEED_DIR } from './lib/paths';

// Checks every seed file (shape, relations, the quotes behind its facts, proper names kept) and
// prints each problem with its file and field. `--only <text>` keeps the files whose path holds it.
const args = process.argv.slice(2);
// Files are named relative to the seed folder: `--only seed/actors/x.json` and `--only actors/x` both match.
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].replace(/^(\.\/)?seed\//, '') : null;
const dir = args[0] && !args[0].startsWith('--') ? resolve(args[0]) : SEED_DIR;
const { entries, problems } = loadSeed(dir);
const documents = sourceDocuments(join(SEED_DIR, 'documents'));
for (const entry of entries) problems.push(...evidenceProblems(entry, documents), ...renamedProblems(entry));
const shown = only ? problems.filter((p) => p.file.includes(only)) : problems;
for (const p of shown) console.log(`${p.file}  ${p.path || '(file)'}: ${p.message}`);
const counts: Record<string, number> = {};
for (const e of entries) counts[e.collection] = (counts[e.collection] ?? 0) + 1;
console.log(`${entries.length} valid entries ${JSON.stringify(counts)}; ${shown.length} problems${only ? ` in files matching "${only}" (${problems.length} in all)` : ''}`);
process.exit(shown.length ? 1 : 0);
