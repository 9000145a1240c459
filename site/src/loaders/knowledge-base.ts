/**
 * The Astro content loader of the guide: published entries of one collection, in every
 * locale, from the CMS public API when `KB_API_URL` is set (each request within
 * `KB_API_TIMEOUT_MS`, a collection within `KB_API_DEADLINE_MS`), otherwise from the seed
 * files (`KB_SEED_DIR`, by default the repository's `seed/`).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { KB_TYPES, type KbType } from '@aimf/strapi-plugin-knowledge-base/shared';
import { apiEntries, apiLimits } from './api-entries';
import { seedEntries } from './seed-entries';
import type { PublicEntry } from './public-entry';
import { buildTime } from '../utils/build-time';

const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../../seed/', import.meta.url));

export const entrySource = () =>
  process.env.KB_API_URL
    ? {
        kind: 'api' as const,
        url: process.env.KB_API_URL,
        token: process.env.KB_API_TOKEN || undefined,
        ...apiLimits(),
      }
    : { kind: 'seed' as const, dir: resolve(process.env.KB_SEED_DIR || DEFAULT_SEED_DIR) };

// Every collection's loader needs the whole seed (relations cross collections): read it once, and let it
// go once every collection has taken its share, since the content store then holds what the pages need.
let seedCache: { dir: string; entries: Promise<PublicEntry[]>; waiting: Set<KbType> } | undefined;
const seedOnce = (dir: string, type: KbType, warn: (message: string) => void) => {
  if (seedCache?.dir !== dir || !seedCache.waiting.has(type)) {
    seedCache = { dir, entries: Promise.resolve().then(() => seedEntries(dir, { now: buildTime(), warn })), waiting: new Set(Object.keys(KB_TYPES) as KbType[]) };
  }
  const { entries, waiting } = seedCache;
  waiting.delete(type);
  if (!waiting.size) seedCache = undefined;
  return entries;
};

export function knowledgeBaseLoader(type: KbType): Loader {
  return {
    name: 'aimf-knowledge-base',
    async load({ store, logger, parseData, generateDigest }) {
      const source = entrySource();
      const entries =
        source.kind === 'api'
          ? await apiEntries(type, source)
          : (await seedOnce(source.dir, type, (message) => logger.warn(message))).filter((e) => e.collection === type);
      logger.info(`${entries.length} ${type} entries from ${source.kind === 'api' ? source.url : source.dir}`);
      store.clear();
      for (const entry of entries) {
        const id = `${entry.locale}/${entry.slug}`;
        const data = await parseData({ id, data: entry as unknown as Record<string, unknown> });
        store.set({ id, data, digest: generateDigest(data) });
      }
    },
  };
}
