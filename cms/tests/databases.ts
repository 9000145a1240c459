import { spawnSync } from 'node:child_process';

import { PG_URL, type Database } from '../../scripts/lib/database-env';

export { PG_URL, type Database };

/**
 * The databases the integration suites run on, known when Jest collects tests: SQLite always,
 * PostgreSQL when reachable. In CI an unreachable PostgreSQL fails the run instead of narrowing it.
 */
export function testDatabases(): Database[] {
  const probe = spawnSync(
    process.execPath,
    ['-e', `const {Client}=require('pg');const c=new Client({connectionString:${JSON.stringify(PG_URL)},connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`],
    { cwd: __dirname, encoding: 'utf8' },
  );
  if (probe.status === 0) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_URL}: CI must test the production database.`);
  console.warn(`PostgreSQL is not reachable at ${PG_URL}: integration tests run on SQLite only.`);
  return ['sqlite'];
}
