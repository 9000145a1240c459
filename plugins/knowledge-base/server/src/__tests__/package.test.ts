import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PLUGIN_DIR = join(__dirname, '..', '..', '..');

describe('the plugin package', () => {
  it('packs the built server, admin and shared code, and no source or test', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: PLUGIN_DIR, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
    for (const entry of ['dist/server/index.js', 'dist/server/index.mjs', 'dist/admin/index.js', 'dist/admin/index.mjs', 'dist/shared/index.js', 'package.json']) {
      expect(files).toContain(entry);
    }
    expect(files.filter((f) => f.startsWith('server/') || f.includes('__tests__'))).toEqual([]);
  });

  it('declares itself to Strapi as the knowledge-base plugin', () => {
    const pkg = require(join(PLUGIN_DIR, 'package.json'));
    expect(pkg.strapi).toMatchObject({ kind: 'plugin', name: 'knowledge-base' });
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['./strapi-server', './strapi-admin', './shared']));
  });
});
