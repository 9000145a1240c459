import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCms } from './lib/cms';
import { BIN, ROOT } from './lib/paths';
import { step } from './lib/progress';

/** `npm test [-- jest args]`: builds what the suites boot (plugin, CMS), then runs every suite. */
async function main() {
  await step('Building the plugin and compiling the CMS when they changed', async () => buildCms({ admin: false }));
  const report = join(mkdtempSync(join(tmpdir(), 'kb-jest-')), 'report.json');
  // One suite at a time: integration suites boot Strapi and build sites, and the machine has two cores.
  const result = spawnSync(BIN('jest'), ['--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  try {
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = JSON.parse(readFileSync(report, 'utf8'));
    // A suite that crashes before its tests run counts as a failure.
    console.log(`Tests: ${numPassedTests} passed, ${numFailedTests + numRuntimeErrorTestSuites} failed, ${numPendingTests} skipped`);
  } catch {
    console.log('Tests: the runner wrote no report');
  }
  process.exit(result.status ?? 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
