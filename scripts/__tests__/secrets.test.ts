/** cms/.env: made once with fresh secrets, and never by a throwaway CMS that brings its own. */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCmsEnv, generateSecrets, importSecrets, parseEnv } from '../lib/secrets';

const envFile = () => join(mkdtempSync(join(tmpdir(), 'kb-secrets-')), '.env');

describe('CMS secrets', () => {
  it('an import given complete secrets (the tests, the benchmarks) writes no cms/.env, whatever admin it names', () => {
    const file = envFile();
    const given = { ...generateSecrets(), ADMIN_EMAIL: 'editor@example.org', ADMIN_PASSWORD: 'Editor-Passw0rd' };
    expect(importSecrets(given, file)).toEqual(generateSecretsLike(given));
    expect(existsSync(file)).toBe(false);
  });

  it('an import without them makes cms/.env as the first start would: fresh secrets, private to its owner', () => {
    const file = envFile();
    const secrets = importSecrets({}, file);
    const written = parseEnv(readFileSync(file, 'utf8'));
    expect(written).toMatchObject(secrets);
    expect(written.ADMIN_PASSWORD).toMatch(/^Kb-[\w-]{16}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Once made, it is kept.
    expect(ensureCmsEnv(file)).toEqual({ env: written, created: false });
  });

  it('an import with only some secrets does not take them: half a set would not start Strapi', () => {
    const file = envFile();
    const { APP_KEYS } = generateSecrets();
    expect(importSecrets({ APP_KEYS }, file).APP_KEYS).not.toBe(APP_KEYS);
    expect(existsSync(file)).toBe(true);
  });
});

/** The secrets of `env`, without its admin login. */
function generateSecretsLike(env: Record<string, string>) {
  return Object.fromEntries(Object.keys(generateSecrets()).map((key) => [key, env[key]]));
}
