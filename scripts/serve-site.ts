/**
 * The public guide's static server, a process of its own under `npm start` so that nothing a
 * request does can stop Strapi. Serves the build `--current` (a symlink) points at, read per
 * request, so the plugin's atomic switch to a new build drops no request.
 *
 *   node --import tsx scripts/serve-site.ts --port 4321 [--host 127.0.0.1] [--current site/current]
 */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_DIR } from './lib/paths';
import { siteServer } from './lib/static-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SITE_PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    current: { type: 'string', default: join(SITE_DIR, 'current') },
  },
});
const current = values.current!;

const server = siteServer({ root: () => (existsSync(current) ? realpathSync(current) : undefined) });
server.on('error', (error) => {
  console.error(`site server: cannot listen on ${values.host}:${values.port}: ${error.message}`);
  process.exit(1);
});
server.listen(Number(values.port), values.host);
