import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve, sep } from 'node:path';

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const isProgram = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * What would stop a build before it starts, named by its config key. Checked before spawning:
 * Node reports a missing working folder as `spawn npx ENOENT`, blaming the command.
 */
export function buildSetupProblem(command: string[], { cwd, path = '' }: { cwd: string; path?: string }): string | undefined {
  const folder = resolve(cwd);
  if (!isFolder(folder)) return `the site folder ${folder} does not exist (siteBuilds.cwd)`;
  const [program] = command;
  // Windows finds programs through PATHEXT too: there, spawn's own error has to do.
  if (process.platform === 'win32') return undefined;
  if (program.includes(sep)) {
    const file = resolve(folder, program);
    return isProgram(file) ? undefined : `the build command ${file} does not exist or cannot be run (siteBuilds.command)`;
  }
  const found = path.split(delimiter).some((dir) => dir && isProgram(join(dir, program)));
  return found ? undefined : `the build command "${program}" was not found on the build's PATH (siteBuilds.command)`;
}
