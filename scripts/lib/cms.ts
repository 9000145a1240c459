import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildIfStale } from './builds';
import { BIN, CMS_DIR, PLUGIN_DIR } from './paths';

/** Builds the plugin and compiles the CMS when their sources changed; `admin` also builds the admin panel. */
export function buildCms({ admin }: { admin: boolean }): string[] {
  const built: string[] = [];
  if (buildIfStale([join(PLUGIN_DIR, 'server', 'src'), join(PLUGIN_DIR, 'admin', 'src'), join(PLUGIN_DIR, 'package.json')],
    join(PLUGIN_DIR, 'dist', '.stamp'), [BIN('strapi-plugin'), 'build'], PLUGIN_DIR)) built.push('plugin');
  const cmsSources = [join(CMS_DIR, 'config'), join(CMS_DIR, 'src'), join(PLUGIN_DIR, 'dist', '.stamp')];
  if (admin) {
    if (buildIfStale(cmsSources, join(CMS_DIR, 'dist', '.admin-stamp'), [BIN('strapi'), 'build'], CMS_DIR)) built.push('admin');
  } else if (buildIfStale(cmsSources, join(CMS_DIR, 'dist', '.stamp'), [BIN('tsc'), '-p', 'tsconfig.json'], CMS_DIR)) {
    built.push('cms');
  }
  return built;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface RunningCms {
  url: string;
  process: ChildProcess;
  logs: () => string;
  stop: () => Promise<void>;
}

/** A Strapi app to start: its folder and its `strapi` command. */
export interface StrapiApp {
  dir: string;
  bin: string;
}

/** This workspace's app; the plugin-install test starts another, made outside the workspace. */
export const CMS_APP: StrapiApp = { dir: CMS_DIR, bin: BIN('strapi') };

/** How Strapi is launched here: `strapi start` in the app (cms/), in production mode, on loopback, with `env` over the machine's. */
export const strapiLaunch = (env: Record<string, string | undefined>, port: number, app: StrapiApp = CMS_APP) => ({
  command: app.bin,
  args: ['start'],
  cwd: app.dir,
  env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), STRAPI_TELEMETRY_DISABLED: 'true', ...env },
});

/** Starts `strapi start` in the app (cms/) with `env` and waits until it answers its health check. */
export async function startCms(
  env: Record<string, string>,
  { port, echo = false, timeoutMs = 180_000, app }: { port?: number; echo?: boolean; timeoutMs?: number; app?: StrapiApp } = {},
): Promise<RunningCms> {
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  let output = '';
  const launch = strapiLaunch(env, listenPort, app);
  const child = spawn(launch.command, launch.args, { cwd: launch.cwd, env: launch.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (echo) process.stdout.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Strapi exited (code ${code}) before it was ready:\n${output.slice(-4000)}`))),
  );
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${url}/_health`);
        if (response.status === 204) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`Strapi did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  exited.catch(() => undefined);

  return {
    url,
    process: child,
    logs: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
