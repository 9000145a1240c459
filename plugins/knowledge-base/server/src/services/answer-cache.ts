import type { Core } from '@strapi/strapi';
import { pluginConfig, type PublicCacheConfig } from '../config';

/**
 * Answers of the public read API, kept in memory. What the public sees changes only when a
 * knowledge-base entry is published, unpublished or deleted, and register.ts empties the cache
 * then, so between two publishes the same question gets the same answer without a query.
 * `ttlSeconds` bounds how old an answer can be where this instance does not see the change: a
 * publish on another instance, a deadline passing, a replaced image. Questions asked while the
 * same one is being answered wait for that answer instead of querying again.
 */
type Kept = { at: number; value: Promise<unknown>; bytes: number };

/** What an answer weighs once known: serialized answers (Buffers) by their length, others as nothing. */
const weight = (value: unknown) => (Buffer.isBuffer(value) ? value.length : 0);

export class AnswerCache {
  private readonly answers = new Map<string, Kept>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly config: PublicCacheConfig,
    private readonly now: () => number = Date.now,
  ) {}

  get size() {
    return this.answers.size;
  }

  /** Bytes of the serialized answers kept. */
  get weight() {
    return this.bytes;
  }

  async get<T>(key: string, answer: () => Promise<T>): Promise<T> {
    if (this.config.ttlSeconds <= 0) return answer();
    const found = this.answers.get(key);
    if (found && this.now() - found.at < this.config.ttlSeconds * 1000) {
      // Most recently used last: the least recently used go first when the cache is full.
      this.answers.delete(key);
      this.answers.set(key, found);
      this.hits++;
      return found.value as Promise<T>;
    }
    this.misses++;
    const entry: Kept = { at: this.now(), value: answer(), bytes: 0 };
    this.drop(key);
    this.answers.set(key, entry);
    this.trim();
    entry.value.then(
      (value) => {
        if (this.answers.get(key) !== entry) return;
        entry.bytes = weight(value);
        this.bytes += entry.bytes;
        this.trim();
      },
      // A failure is not an answer: the next caller asks again.
      () => this.answers.get(key) === entry && this.drop(key),
    );
    return entry.value as Promise<T>;
  }

  /** The least recently used go first, until both bounds hold. */
  private trim() {
    while (this.answers.size > this.config.maxAnswers || (this.bytes > this.config.maxBytes && this.answers.size > 1)) {
      this.drop(this.answers.keys().next().value!);
    }
  }

  private drop(key: string) {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.answers.delete(key);
  }

  clear() {
    this.answers.clear();
    this.bytes = 0;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => new AnswerCache(pluginConfig(strapi, 'publicCache'));
