/**
 * Copies every row of a Strapi SQLite database into a PostgreSQL schema where Strapi has already
 * created the same tables: the benchmark's way to a 10,000-entry PostgreSQL database in seconds
 * rather than a second import of many minutes. Values are converted by the target column's type.
 */
import { Client } from 'pg';
import { PG_URL } from './database-env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sqlite = require('better-sqlite3') as new (file: string, options: { readonly: boolean }) => {
  prepare(sql: string): { all(): Record<string, unknown>[] };
  close(): void;
};

/** Strapi's own bookkeeping of the schema: each database keeps its own. */
const SKIP = new Set(['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal', 'sqlite_sequence']);
const BATCH = 500;

function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith('timestamp') && typeof value === 'number') return new Date(value);
  if (type === 'date' && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (type === 'boolean') return Boolean(value);
  return value;
}

export async function copySqliteToPostgres(sqliteFile: string, schema: string, log: (message: string) => void = () => undefined): Promise<number> {
  const sqlite = new Sqlite(sqliteFile, { readonly: true });
  const pg = new Client({ connectionString: PG_URL });
  await pg.connect();
  let copied = 0;
  try {
    const columns = (await pg.query(
      'SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1',
      [schema],
    )).rows as { table_name: string; column_name: string; data_type: string }[];
    const target = new Map<string, Map<string, string>>();
    for (const c of columns) {
      if (!target.has(c.table_name)) target.set(c.table_name, new Map());
      target.get(c.table_name)!.set(c.column_name, c.data_type);
    }
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => String(r.name)).filter((t) => !SKIP.has(t) && target.has(t));
    await pg.query('BEGIN');
    await pg.query(`TRUNCATE ${tables.map((t) => `"${schema}"."${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    for (const table of tables) {
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all();
      if (!rows.length) continue;
      const types = target.get(table)!;
      const names = Object.keys(rows[0]).filter((c) => types.has(c));
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${names.map((name) => {
          values.push(convert(row[name], types.get(name)!));
          return `$${values.length}`;
        }).join(', ')})`);
        await pg.query(`INSERT INTO "${schema}"."${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
      if (types.has('id')) {
        await pg.query(`SELECT setval(pg_get_serial_sequence('"${schema}"."${table}"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${schema}"."${table}"))`);
      }
      copied += rows.length;
      if (rows.length >= 10_000) log(`  ${table}: ${rows.length} rows`);
    }
    await pg.query('COMMIT');
  } catch (error) {
    await pg.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    sqlite.close();
    await pg.end();
  }
  return copied;
}
