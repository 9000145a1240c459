/**
 * The site-builds service in a user's app, where the setup is wrong: every build that cannot run
 * is recorded as failed with its reason and logged, none stays `running`, and the log says
 * whether a previous site is still online or none is yet.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import type { SiteBuildsConfig } from '../../../config';
import siteBuilds from '..';

type BuildRecord = { id: number; status: string; reasons: string[]; logTail?: string; release?: string | null };

/** Just enough Strapi for the service: its config, a table of build records, a log, no token store. */
function fakeStrapi(siteBuildsConfig: Partial<SiteBuildsConfig>) {
  const records: BuildRecord[] = [];
  const logs = { info: [] as string[], warn: [] as string[], error: [] as string[] };
  let refuseWrites = false;
  const strapi = {
    config: { get: (key: string, fallback: unknown) => (key === 'plugin::knowledge-base.siteBuilds' ? siteBuildsConfig : fallback) },
    service: () => ({ getByName: async () => null, create: async () => ({ accessKey: 'read-only-token' }) }),
    db: {
      query: () => ({
        create: async ({ data }: { data: Omit<BuildRecord, 'id'> }) => {
          if (refuseWrites) throw new Error('SQLITE_READONLY: attempt to write a readonly database');
          const record = { id: records.length + 1, ...data };
          records.push(record);
          return record;
        },
        update: async ({ where, data }: { where: { id: number }; data: Partial<BuildRecord> }) => Object.assign(records.find((r) => r.id === where.id)!, data),
        updateMany: async () => ({ count: 0 }),
        findMany: async () => [...records].reverse(),
      }),
    },
    log: {
      info: (message: string) => logs.info.push(message),
      warn: (message: string) => logs.warn.push(message),
      error: (message: string) => logs.error.push(message),
    },
    cron: { add: () => undefined },
  };
  return { strapi, records, logs, refuseWrites: () => void (refuseWrites = true) };
}

describe('site builds in an app whose setup is wrong', () => {
  let work: string;
  let cms: Server;
  let apiUrl: string;
  let service: ReturnType<typeof siteBuilds> | undefined;

  // The build waits for the CMS to answer its health check before it runs the command.
  beforeAll(async () => {
    cms = createServer((_, response) => response.writeHead(204).end());
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(cms.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => cms.close(resolve)));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kb-site-builds-'));
  });
  afterEach(() => service?.stop());

  const start = async (overrides: Partial<SiteBuildsConfig>) => {
    const site = join(work, 'site');
    const fake = fakeStrapi({
      enabled: true,
      command: [process.execPath, '-e', "require('fs').mkdirSync(process.argv[1],{recursive:true});require('fs').writeFileSync(process.argv[1]+'/index.html','ok')", '{outDir}'],
      cwd: site,
      releasesDir: join(site, '.releases'),
      current: join(work, 'current'),
      debounceMs: 0,
      schedule: '',
      apiUrl,
      ...overrides,
    });
    service = siteBuilds({ strapi: fake.strapi as unknown as Core.Strapi });
    await service.start();
    await service.idle();
    return fake;
  };

  it('records a missing site folder as a failed build, creates nothing, and says no site is online yet', async () => {
    const { records, logs } = await start({});
    expect(records).toEqual([
      expect.objectContaining({
        status: 'failed',
        reasons: ['first build'],
        logTail: `The build did not start: the site folder ${join(work, 'site')} does not exist (siteBuilds.cwd).`,
      }),
    ]);
    // the releases folder sits inside the site folder here: making it would have made the site folder
    expect(existsSync(join(work, 'site'))).toBe(false);
    expect(logs.error).toHaveLength(1);
    expect(logs.error[0]).toMatch(/site build #1 failed after \d+ ms; no site is online yet\./);
    expect(logs.error[0]).not.toMatch(/ENOENT|stays online/);
  });

  it('records a build command that is not found, without spawning it', async () => {
    mkdirSync(join(work, 'site'));
    const { records, logs } = await start({ command: ['kb-no-such-builder', 'build', '--outDir', '{outDir}'] });
    expect(records[0]).toMatchObject({
      status: 'failed',
      logTail: 'The build did not start: the build command "kb-no-such-builder" was not found on the build\'s PATH (siteBuilds.command).',
    });
    expect(logs.error[0]).toContain('no site is online yet');
  });

  it('records a releases folder that cannot be created as failed with its reason, and logs it: nothing stays running', async () => {
    mkdirSync(join(work, 'site'));
    writeFileSync(join(work, 'not-a-folder'), '');
    const releasesDir = join(work, 'not-a-folder', 'releases');
    const { records, logs } = await start({ releasesDir });
    expect(records.filter((r) => r.status === 'running')).toEqual([]);
    expect(records[0].status).toBe('failed');
    expect(records[0].logTail).toContain(`the releases folder ${releasesDir} cannot be created (siteBuilds.releasesDir)`);
    expect(logs.error[0]).toContain(`the releases folder ${releasesDir} cannot be created`);
  });

  it('says the previous site stays online only once one is', async () => {
    mkdirSync(join(work, 'site'));
    const { records, logs } = await start({});
    expect(records[0]).toMatchObject({ status: 'succeeded', release: expect.stringContaining(join(work, 'site', '.releases')) });
    // the same command, failing now
    service!.stop();
    const failing = await start({ command: [process.execPath, '-e', 'process.exit(2)', '{outDir}'] });
    expect(failing.records[0].status).toBe('failed');
    expect(failing.logs.error[0]).toContain(`the previous site stays online (${records[0].release})`);
    expect(logs.error).toEqual([]);
  });

  it('logs a build that fails before its record exists, instead of dropping it', async () => {
    mkdirSync(join(work, 'site'));
    const fake = fakeStrapi({ enabled: true, command: ['node', '{outDir}'], cwd: join(work, 'site'), releasesDir: join(work, 'releases'), current: join(work, 'current'), debounceMs: 0, schedule: '', apiUrl });
    fake.refuseWrites();
    service = siteBuilds({ strapi: fake.strapi as unknown as Core.Strapi });
    await service.start();
    await service.idle();
    expect(fake.records).toEqual([]);
    expect(fake.logs.error).toEqual([expect.stringMatching(/a site build \(first build\) could not run: Error: SQLITE_READONLY/)]);
  });
});
