/**
 * `npm run bench [-- name… ] [--runs N]`: runs the benchmarks of scripts/bench/ (each file whose
 * default export is a function; its result key is the file name in camelCase) and merges their
 * figures into bench/results.json, with the machine, date and commit, then rewrites bench/summary.md.
 * A benchmark that fails has its error recorded and the others still run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import type { Bench, BenchContext } from './bench/context';
import type { Figure } from './bench/stats';
import { ROOT } from './lib/paths';

const BENCH_DIR = join(ROOT, 'scripts', 'bench');
const OUT_DIR = join(ROOT, 'bench');
const RESULTS = join(OUT_DIR, 'results.json');
const SUMMARY = join(OUT_DIR, 'summary.md');

/**
 * Benchmarks that leave something for others run first (siteBuild builds the guide searchPayload
 * searches); the rest follow in name order.
 */
const RUN_FIRST = ['siteBuild', 'searchPayload'];
export const runOrder = (keys: string[]) =>
  [...keys].sort((a, b) => (RUN_FIRST.includes(a) ? RUN_FIRST.indexOf(a) : RUN_FIRST.length) - (RUN_FIRST.includes(b) ? RUN_FIRST.indexOf(b) : RUN_FIRST.length) || a.localeCompare(b));

export const resultKey = (file: string) => basename(file, '.ts').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}
/** The last `npm run bench` of every benchmark, start to end: issue 9 asks for under 30 minutes. */
interface FullRun {
  date: string;
  commit: string;
  minutes: number;
  benchmarks: string[];
  failed: string[];
}
interface BenchResult {
  machine: Machine;
  date: string;
  commit: string;
  seconds: number;
  figures?: Record<string, unknown>;
  error?: string;
}

const machine = (): Machine => ({
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
});

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // Figures measured on uncommitted changes say so; the results this run writes in bench/ do not count.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/** The benchmark files: every scripts/bench/*.ts whose default export is a function. */
async function discover(): Promise<Map<string, { file: string; run: Bench }>> {
  const found = new Map<string, { file: string; run: Bench }>();
  for (const name of readdirSync(BENCH_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const module = await import(join(BENCH_DIR, name));
    const run = module.default?.default ?? module.default;
    if (typeof run === 'function') found.set(resultKey(name), { file: name, run });
  }
  return found;
}

const isFigure = (value: unknown): value is Figure =>
  !!value && typeof value === 'object' && 'median' in value && 'min' in value && 'max' in value && 'unit' in value;

const formatNumber = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 100) / 100));

/** One line per figure: nested objects flattened into dotted names. */
function rows(figures: Record<string, unknown>, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(figures)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isFigure(value)) {
      const spread = value.runs > 1 ? ` (${formatNumber(value.min)}–${formatNumber(value.max)}, ${value.runs} runs)` : ' (1 run)';
      out.push([name, `${formatNumber(value.median)} ${value.unit}${spread}`]);
    } else if (Array.isArray(value)) {
      out.push([name, value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ')]);
    } else if (value && typeof value === 'object' && Object.values(value).every((v) => v === null || typeof v !== 'object')) {
      // A small record of plain values reads best on one line.
      out.push([name, Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'number' ? formatNumber(v) : String(v)}`).join(' · ')]);
    } else if (value && typeof value === 'object') {
      out.push(...rows(value as Record<string, unknown>, name));
    } else {
      out.push([name, typeof value === 'number' ? formatNumber(value) : String(value)]);
    }
  }
  return out;
}

const FULL_RUN = '_lastFullRun';

export function summary(results: Record<string, BenchResult>): string {
  const lines = ['# Benchmark results', '', 'Written by `npm run bench` from `bench/results.json`; medians with min–max over the runs.', ''];
  const full = (results as Record<string, unknown>)[FULL_RUN] as FullRun | undefined;
  if (full) {
    lines.push(`Last run of every benchmark in one go: ${full.date.slice(0, 16).replace('T', ' ')} UTC, commit ${full.commit}, ${full.minutes} minutes end to end${full.failed.length ? `; failed: ${full.failed.join(', ')}` : ''}.`, '');
  }
  for (const [key, result] of Object.entries(results).filter(([k]) => k !== FULL_RUN).sort(([a], [b]) => a.localeCompare(b))) {
    const m = result.machine;
    lines.push(`## ${key}`, '', `${result.date.slice(0, 16).replace('T', ' ')} UTC · commit ${result.commit} · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} · took ${Math.round(result.seconds)} s`, '');
    if (result.error) {
      lines.push(`**Failed:** ${result.error.split('\n')[0]}`, '');
      continue;
    }
    lines.push('| figure | value |', '| --- | --- |');
    for (const [name, value] of rows(result.figures ?? {})) lines.push(`| ${name} | ${value.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  const names = args.filter((a, i) => !a.startsWith('--') && !(runsArg >= 0 && i === runsArg + 1)).map((a) => resultKey(basename(a, '.ts')));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');

  const available = await discover();
  const unknown = names.filter((n) => !available.has(n));
  if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}; available: ${[...available.keys()].join(', ')}`);
  const selected = names.length ? names : runOrder([...available.keys()]);

  mkdirSync(OUT_DIR, { recursive: true });
  const started = Date.now();
  const runTmp = join(OUT_DIR, 'tmp', `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const shared = join(runTmp, 'shared');
  mkdirSync(shared, { recursive: true });
  const failed: string[] = [];
  console.log(`Benchmarks: ${selected.join(', ')} (${runs} runs each unless a benchmark says otherwise)`);

  for (const [i, key] of selected.entries()) {
    const { run } = available.get(key)!;
    const tmp = join(runTmp, key);
    mkdirSync(tmp, { recursive: true });
    const benchStarted = Date.now();
    const elapsed = () => `${Math.round((Date.now() - benchStarted) / 1000)}s`.padStart(5);
    const ctx: BenchContext = { runs, tmp, shared, log: (message) => console.log(`[${key} ${elapsed()}] ${message}`) };
    console.log(`▸ ${key} (${i + 1}/${selected.length})`);
    const result: BenchResult = { machine: machine(), date: new Date().toISOString(), commit: commit(), seconds: 0 };
    try {
      result.figures = await run(ctx);
      console.log(`  ✓ ${key} (${Math.round((Date.now() - benchStarted) / 1000)} s)`);
    } catch (error) {
      result.error = error instanceof Error ? `${error.message}` : String(error);
      failed.push(key);
      console.log(`  ✗ ${key} failed: ${result.error.split('\n')[0]}`);
    } finally {
      result.seconds = Math.round((Date.now() - benchStarted) / 100) / 10;
      rmSync(tmp, { recursive: true, force: true });
    }
    // Re-read and merged after each benchmark: a later crash keeps what was measured, and another
    // run that wrote meanwhile (of other benchmarks) keeps its results.
    const results: Record<string, BenchResult> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
    results[key] = result;
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(SUMMARY, summary(results));
  }
  rmSync(runTmp, { recursive: true, force: true });
  if (!names.length) {
    const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
    const run: FullRun = { date: new Date(started).toISOString(), commit: commit(), minutes: Math.round((Date.now() - started) / 6000) / 10, benchmarks: selected, failed };
    results[FULL_RUN] = run;
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(SUMMARY, summary(results));
  }
  console.log(`Wrote bench/results.json and bench/summary.md in ${Math.round((Date.now() - started) / 1000)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
  return failed.length ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
