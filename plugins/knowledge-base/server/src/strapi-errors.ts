import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { errors as StrapiErrors } from '@strapi/utils';

/**
 * Strapi's error classes, taken from the @strapi/utils that Strapi's own core loaded. The core
 * answers a thrown error with its status (400, 403, 404, 429…) only if it is an `instanceof` one
 * of *its* classes, and an app may hold several copies of @strapi/utils (npm nests one under each
 * Strapi package as soon as another version sits at the top): a class from another copy becomes
 * a 500. So the plugin neither bundles nor declares @strapi/utils; it follows the app's
 * @strapi/strapi to its @strapi/core, and takes that package's @strapi/utils.
 */
function coreErrors(): typeof StrapiErrors {
  // The running app's folder; outside Strapi (unit tests), the folder the process runs in.
  const appRoot = (globalThis as { strapi?: { dirs?: { app?: { root?: string } } } }).strapi?.dirs?.app?.root ?? process.cwd();
  const fromApp = createRequire(join(appRoot, 'package.json'));
  const fromStrapi = createRequire(fromApp.resolve('@strapi/strapi'));
  const fromCore = createRequire(fromStrapi.resolve('@strapi/core'));
  return (fromCore('@strapi/utils') as { errors: typeof StrapiErrors }).errors;
}

let resolved: typeof StrapiErrors | undefined;

/** Resolved on first use: the `shared` bundle carries this module too, and sites import it far from any Strapi app. */
export const errors = new Proxy({} as typeof StrapiErrors, {
  get: (_, name) => (resolved ??= coreErrors())[name as keyof typeof StrapiErrors],
});
