import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCms, startCms, type RunningCms } from '../../scripts/lib/cms';
import { BIN, ROOT } from '../../scripts/lib/paths';
import { databaseEnv, pgQuery } from '../../scripts/lib/database-env';
import { generateSecrets } from '../../scripts/lib/secrets';

import type { Database } from './databases';

export const ADMIN = { email: 'editor@example.org', password: 'Editor-Passw0rd' };

/** A fresh database (temp SQLite file, or a PostgreSQL schema of its own) and a CMS to start on it. */
export class TestCms {
  readonly env: Record<string, string>;
  private running?: RunningCms;
  private token?: string;
  private readonly dir = mkdtempSync(join(tmpdir(), 'kb-cms-'));
  private readonly schema = `kb_test_${process.pid}_${Date.now().toString(36)}`;

  constructor(readonly database: Database) {
    this.env = {
      ...generateSecrets(),
      SERVE_ADMIN_PANEL: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...databaseEnv(database, { sqliteFile: join(this.dir, 'kb.db'), pgSchema: this.schema }),
      KB_ATTACHMENTS_DIR: join(this.dir, 'attachments'),
    };
  }

  get url(): string {
    if (!this.running) throw new Error('the CMS is not started');
    return this.running.url;
  }

  logs = () => this.running?.logs() ?? '';

  /** The Strapi process's id, to look at what it holds open. */
  get pid(): number | undefined {
    return this.running?.process.pid;
  }

  private async prepare() {
    buildCms({ admin: false });
    if (this.database === 'postgres') await pgQuery(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
  }

  /** `port`: when something must know the CMS's URL before it starts (a site built against it). */
  async start({ port }: { port?: number } = {}) {
    await this.prepare();
    this.running = await startCms(this.env, { port });
    this.token = undefined;
    return this;
  }

  async stop() {
    await this.running?.stop();
    this.running = undefined;
  }

  /** Runs `npm run seed` against this database (stop the CMS first on SQLite); returns its output. */
  async seed(seedDir: string, ...args: string[]): Promise<string> {
    await this.prepare();
    const result = spawnSync(BIN('tsx'), [join(ROOT, 'scripts', 'seed.ts'), '--dir', seedDir, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`seed failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  /** A request to the admin API as the editor. */
  async admin(path: string, init: RequestInit = {}): Promise<Response> {
    if (!this.token) {
      const login = await fetch(`${this.url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      this.token = ((await login.json()) as any).data.token;
    }
    return fetch(`${this.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...(init.headers ?? {}) },
    });
  }

  async dispose() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    if (this.database === 'postgres') await pgQuery(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
  }
}

export const api = (cms: { url: string }, path: string, init?: RequestInit) => fetch(`${cms.url}/api/knowledge-base${path}`, init);
