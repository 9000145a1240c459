import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { startCms, type RunningCms } from '../../scripts/lib/cms';
import { CMS_DIR, PLUGIN_DIR } from '../../scripts/lib/paths';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** The Strapi the plugin is built and tested against, as its package.json pins it for development. */
export const TESTED_STRAPI: string = readJson(join(PLUGIN_DIR, 'package.json')).devDependencies['@strapi/strapi'];

// The environment of a process run in the fresh app: this machine's, without what the outer
// `npm test` passes down about this workspace (npm_package_*, npm_config_local_prefix…), and
// with the Node running the tests first on the PATH.
const outsideWorkspace = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_(cache|registry|userconfig)$/i.test(key))),
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
});

/** Runs a command in `cwd`, resolving with its output, failing with the end of it. */
const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-200_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${output.slice(-4000)}`)),
    );
  });

// A create-strapi-app project cut down to what Strapi needs, in JavaScript: nothing to compile.
const CONFIG: Record<string, string> = {
  'database.js': `module.exports = ({ env }) => ({
  connection: { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME') }, useNullAsDefault: true },
});
`,
  'server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
});
`,
  'admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`,
  'middlewares.js': `module.exports = [
  'strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy',
  'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public',
];
`,
  // The plugin as the README shows it, site builds with the README's own command.
  'plugins.js': `module.exports = ({ env }) => ({
  'knowledge-base': {
    enabled: true,
    config: {
      siteBuilds: {
        enabled: true,
        command: ['npx', 'astro', 'build', '--outDir', '{outDir}'],
        cwd: env('SITE_DIR'),
        releasesDir: env('SITE_RELEASES'),
        current: env('SITE_CURRENT'),
        debounceMs: 200,
        schedule: '',
      },
    },
  },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
`,
};

/**
 * A Strapi app made from nothing in `dir` (outside this workspace), as a user makes one: its own
 * package.json naming the tested Strapi and the plugin's packed tarball, installed by npm from
 * the registry with no workspace link, its admin panel built, then started.
 */
export class FreshApp {
  private running?: RunningCms;
  private token?: string;

  constructor(readonly dir: string) {}

  get url(): string {
    if (!this.running) throw new Error('the app is not started');
    return this.running.url;
  }

  logs = () => this.running?.logs() ?? '';

  /** Writes package.json, config/, src/ and public/ around `tarball` (a file in `dir`). */
  write(tarball: string) {
    // The app's other dependencies at the versions cms/ (the workspace's own app) uses.
    const cms = readJson(join(CMS_DIR, 'package.json')).dependencies;
    const pick = (...names: string[]) => Object.fromEntries(names.map((name) => [name, cms[name]]));
    const manifest = {
      name: 'kb-fresh-app',
      private: true,
      version: '0.0.0',
      scripts: { build: 'strapi build', start: 'strapi start' },
      dependencies: {
        '@aimf/strapi-plugin-knowledge-base': `file:./${tarball}`,
        '@strapi/strapi': TESTED_STRAPI,
        '@strapi/plugin-users-permissions': TESTED_STRAPI,
        ...pick('better-sqlite3', 'react', 'react-dom', 'react-router-dom', 'styled-components'),
      },
      // npm runs no dependency's install script unless listed: SQLite's native binding needs its build.
      allowScripts: { 'better-sqlite3': true, esbuild: false, '@swc/core': false, 'core-js-pure': false },
      strapi: { uuid: false, telemetryDisabled: true },
    };
    writeFileSync(join(this.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    mkdirSync(join(this.dir, 'config'));
    for (const [file, text] of Object.entries(CONFIG)) writeFileSync(join(this.dir, 'config', file), text);
    mkdirSync(join(this.dir, 'src'));
    writeFileSync(join(this.dir, 'src', 'index.js'), 'module.exports = { register() {}, bootstrap() {} };\n');
    // Strapi's upload provider refuses to start without its folder.
    mkdirSync(join(this.dir, 'public', 'uploads'), { recursive: true });
  }

  /** `npm install` from npm's cache when it can, else the registry; better-sqlite3 compiled here, for this Node. */
  install(): Promise<string> {
    const nodeHeaders = dirname(dirname(process.execPath));
    return run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], this.dir, {
      ...outsideWorkspace(),
      // The headers of the Node running the tests: the binding must load in it, and nothing is fetched.
      npm_config_nodedir: process.env.npm_config_nodedir || (existsSync(join(nodeHeaders, 'include', 'node', 'node.h')) ? nodeHeaders : undefined),
      // better-sqlite3 would fetch a prebuilt binding from GitHub: built from source, only the npm registry is used.
      npm_config_build_from_source: 'better-sqlite3',
    });
  }

  /** `strapi build`: the admin panel, with the plugin's pages in it. */
  build(): Promise<string> {
    return run(join(this.dir, 'node_modules', '.bin', 'strapi'), ['build'], this.dir, { ...outsideWorkspace(), NODE_ENV: 'production' });
  }

  async start(env: Record<string, string>) {
    this.running = await startCms(env, { app: { dir: this.dir, bin: join(this.dir, 'node_modules', '.bin', 'strapi') } });
  }

  /** Registers the first admin, as the admin panel's welcome form does, and keeps its token. */
  async registerAdmin(admin: { email: string; password: string }) {
    const response = await fetch(`${this.url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstname: 'First', lastname: 'Admin', ...admin }),
    });
    if (response.status !== 200) throw new Error(`registering the first admin answered ${response.status}: ${await response.text()}`);
    this.token = ((await response.json()) as { data: { token: string } }).data.token;
  }

  /** A request to the admin API as that admin. */
  admin(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...(init.headers ?? {}) },
    });
  }

  async stop() {
    await this.running?.stop();
    this.running = undefined;
  }
}
