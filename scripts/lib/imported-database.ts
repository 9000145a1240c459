/**
 * A CMS database holding N synthetic entries, imported once and kept in bench/tmp/cache: importing
 * 10,000 entries takes minutes, measuring against them seconds. The cache key covers what the
 * data depends on (the generator and the content types), so a change re-imports.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySqliteToPostgres } from './copy-database';
import { databaseEnv, pgQuery, type Database } from './database-env';
import { BIN, PLUGIN_DIR, ROOT } from './paths';
import { generateSecrets } from './secrets';
import { syntheticCounts, writeSyntheticSeed } from './synthetic';

export const BENCH_CACHE = join(ROOT, 'bench', 'tmp', 'cache');
const KB_TYPES = ['case-study', 'actor', 'funding-call', 'good-practice', 'theme'];

function cacheKey(entries: number, seed: number): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(ROOT, 'scripts', 'lib', 'synthetic.ts')));
  for (const type of KB_TYPES) hash.update(readFileSync(join(PLUGIN_DIR, 'server', 'src', 'content-types', type, 'schema.json')));
  return `${entries}_s${seed}_${hash.digest('hex').slice(0, 10)}`;
}

/** `npm run seed -- --dir` with the database's environment, its output passed to `log` line by line. */
function runSeed(dir: string, env: Record<string, string>, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN('tsx'), [join(ROOT, 'scripts', 'seed.ts'), '--dir', dir], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const collect = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      for (const line of chunk.toString().split('\n')) if (/^\s+\w+: \d+\/\d+$|^Seed:/.test(line) && /000\/|Seed:/.test(line)) log(line.trim());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed import failed (code ${code}):\n${tail}`))));
  });
}

/** Refuses to cache a database that does not hold each synthetic case study once per locale, published. */
function checkImported(sqliteFile: string, caseStudies: number) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sqlite = require('better-sqlite3');
  const db = new Sqlite(sqliteFile);
  try {
    // The CMS writes through a write-ahead log: fold it into the file before the file alone is copied.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const row = db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT slug) AS slugs FROM kb_case_studies WHERE locale = 'fr' AND published_at IS NOT NULL").get() as { n: number; slugs: number };
    if (row.n !== caseStudies || row.slugs !== caseStudies) throw new Error(`the import left ${row.n} published French case studies (${row.slugs} slugs), not ${caseStudies}: not cached`);
  } finally {
    db.close();
  }
}

export interface ImportedDatabase {
  /** The CMS environment for this database (secrets included). */
  env: Record<string, string>;
  /** Whether this call imported (false: taken from the cache). */
  imported: boolean;
  importSeconds?: number;
}

/**
 * A database with `entries` synthetic entries: SQLite, a copy of the cached file in `tmp` (the CMS
 * writes to it); PostgreSQL, a schema kept between runs and named after the cache key.
 */
export async function importedDatabase(
  database: Database,
  { entries, seed = 1, tmp, log }: { entries: number; seed?: number; tmp: string; log: (message: string) => void },
): Promise<ImportedDatabase> {
  mkdirSync(BENCH_CACHE, { recursive: true });
  const key = cacheKey(entries, seed);
  const cachedFile = join(BENCH_CACHE, `sqlite_${key}.db`);
  const schema = `kb_bench_${key}`;
  const done = join(BENCH_CACHE, `${database}_${key}.done`);
  const workFile = join(tmp, `${database}_${key}.db`);
  // No first admin: creating one fires a metrics query that waits on the import's long SQLite transaction and times out.
  const env = { ...generateSecrets(), SERVE_ADMIN_PANEL: 'false', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', STRAPI_TELEMETRY_DISABLED: 'true', ...databaseEnv(database, { sqliteFile: workFile, pgSchema: schema }) };

  const cached = existsSync(done) && (database === 'sqlite'
    ? existsSync(cachedFile)
    : (await pgQuery('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).length > 0);
  let imported = false;
  let importSeconds: number | undefined;
  if (!cached) {
    const started = Date.now();
    if (database === 'sqlite') {
      log(`importing ${entries} synthetic entries into SQLite (once; cached in bench/tmp/cache)…`);
      const seedDir = join(tmp, `synthetic-${entries}-s${seed}`);
      if (!existsSync(seedDir)) writeSyntheticSeed(seedDir, { entries, seed });
      rmSync(workFile, { force: true });
      await runSeed(seedDir, env, (line) => log(`  ${line}`));
      checkImported(workFile, syntheticCounts(entries)['case-studies']);
      copyFileSync(workFile, cachedFile);
    } else {
      // The same rows as the SQLite cache: Strapi creates its tables on an empty schema, then they are copied.
      const sqlite = await importedDatabase('sqlite', { entries, seed, tmp, log });
      log(`copying the ${entries}-entry SQLite database into PostgreSQL schema ${schema} (once)…`);
      await pgQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pgQuery(`CREATE SCHEMA "${schema}"`);
      const empty = join(tmp, 'empty-seed');
      mkdirSync(empty, { recursive: true });
      await runSeed(empty, env, () => undefined);
      const rows = await copySqliteToPostgres(sqlite.env.DATABASE_FILENAME, schema, log);
      log(`  ${rows} rows copied`);
    }
    importSeconds = (Date.now() - started) / 1000;
    writeFileSync(done, JSON.stringify({ entries, seed, importSeconds, date: new Date().toISOString() }));
    imported = true;
  } else if (database === 'sqlite') {
    copyFileSync(cachedFile, workFile);
  }
  return { env, imported, importSeconds };
}
