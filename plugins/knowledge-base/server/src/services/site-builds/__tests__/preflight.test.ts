/**
 * A build that cannot start says why in the words of its config (siteBuilds.cwd,
 * siteBuilds.command), instead of Node's `spawn npx ENOENT`.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSetupProblem } from '../preflight';

describe('buildSetupProblem', () => {
  const site = mkdtempSync(join(tmpdir(), 'kb-preflight-'));
  const path = dirname(process.execPath);

  it('finds nothing wrong with an existing folder and a program on the PATH or by path', () => {
    expect(buildSetupProblem(['node', 'build.js'], { cwd: site, path })).toBeUndefined();
    expect(buildSetupProblem([process.execPath, 'build.js'], { cwd: site, path: '' })).toBeUndefined();
  });

  it('names a missing site folder', () => {
    const missing = join(site, 'no-such-site');
    expect(buildSetupProblem(['node'], { cwd: missing, path })).toBe(`the site folder ${missing} does not exist (siteBuilds.cwd)`);
  });

  it('names a program that is not on the PATH', () => {
    expect(buildSetupProblem(['npx', 'astro', 'build'], { cwd: site, path: join(site, 'empty-bin') })).toBe(
      'the build command "npx" was not found on the build\'s PATH (siteBuilds.command)',
    );
  });

  it('names a program path that does not exist or cannot run, resolved from the site folder', () => {
    expect(buildSetupProblem(['./node_modules/.bin/astro'], { cwd: site, path })).toBe(
      `the build command ${join(site, 'node_modules', '.bin', 'astro')} does not exist or cannot be run (siteBuilds.command)`,
    );
    writeFileSync(join(site, 'build.sh'), '#!/bin/sh\n');
    chmodSync(join(site, 'build.sh'), 0o644);
    expect(buildSetupProblem(['./build.sh'], { cwd: site, path })).toMatch(/build\.sh does not exist or cannot be run/);
    chmodSync(join(site, 'build.sh'), 0o755);
    expect(buildSetupProblem(['./build.sh'], { cwd: site, path })).toBeUndefined();
  });
});
