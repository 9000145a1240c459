import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PLUGIN_DIR = join(__dirname, '..', '..', '..');

describe('the plugin package', () => {
  it('packs the built server, admin and shared code, its README and LICENSE, and no source or test', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: PLUGIN_DIR, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
    for (const entry of ['dist/server/index.js', 'dist/server/index.mjs', 'dist/admin/index.js', 'dist/admin/index.mjs', 'dist/shared/index.js', 'package.json', 'README.md', 'LICENSE']) {
      expect(files).toContain(entry);
    }
    expect(files.filter((f) => f.startsWith('server/') || f.includes('__tests__'))).toEqual([]);
  });

  it('declares itself to Strapi as the knowledge-base plugin', () => {
    const pkg = JSON.parse(readFileSync(join(PLUGIN_DIR, 'package.json'), 'utf8'));
    expect(pkg.strapi).toMatchObject({ kind: 'plugin', name: 'knowledge-base' });
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['./strapi-server', './strapi-admin', './shared']));
  });

  it('brings no copy of Strapi: Strapi and its admin libraries are peers, @strapi/utils not even that', () => {
    const pkg = JSON.parse(readFileSync(join(PLUGIN_DIR, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).filter((name) => /^@strapi\/|^react|styled-components/.test(name))).toEqual([]);
    expect(pkg.peerDependencies).toMatchObject({ '@strapi/strapi': expect.any(String), react: expect.any(String) });
    // A peer @strapi/utils is installed at its newest version and pushes Strapi's own copy down: every error a 500.
    expect(pkg.peerDependencies).not.toHaveProperty('@strapi/utils');
  });
});
