import { resolve } from 'node:path';
import { writeSyntheticSeed } from './lib/synthetic';

/** `npx tsx scripts/synthetic.ts --entries N [--seed S] --out DIR`: writes a synthetic seed folder. */
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const entries = Number(option('entries'));
const seed = Number(option('seed') ?? 1);
const out = option('out');
if (!out || !Number.isInteger(entries) || !Number.isInteger(seed)) {
  console.error('Usage: npx tsx scripts/synthetic.ts --entries N [--seed S] --out DIR');
  process.exit(2);
}
const started = Date.now();
let shown = 0;
try {
  const { counts } = writeSyntheticSeed(resolve(out), {
    entries,
    seed,
    onProgress: (done, total) => {
      // About ten progress lines whatever the size.
      if (done - shown >= Math.max(1, Math.ceil(total / 10))) {
        console.log(`  ${done}/${total} entries`);
        shown = done;
      }
    },
  });
  console.log(`Wrote ${entries} synthetic entries (seed ${seed}) to ${resolve(out)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
