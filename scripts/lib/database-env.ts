import { Client } from 'pg';

export type Database = 'sqlite' | 'postgres';
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The CMS environment for a SQLite file, or for a schema of its own in the PostgreSQL at PG_URL. */
export function databaseEnv(database: Database, where: { sqliteFile: string; pgSchema: string }): Record<string, string> {
  return database === 'sqlite'
    ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: where.sqliteFile }
    : { DATABASE_CLIENT: 'postgres', DATABASE_URL: PG_URL, DATABASE_SCHEMA: where.pgSchema, DATABASE_POOL_MIN: '0' };
}

/** One statement on PG_URL, on a connection of its own. */
export async function pgQuery<T = Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}
