/**
 * The plugin's one rate limiter: a sliding window of hit times per key, in memory. Enough for one
 * CMS process (limits reset on restart, which errs on the side of letting people in), and it
 * forgets keys once their window has passed, so addresses are not kept.
 */
export interface RateLimit {
  /** Seconds until `key` may hit again; 0 when it may now. */
  wait(key: string, now?: number): number;
  /** Counts a hit of `key`. */
  record(key: string, now?: number): void;
  /** Counts a hit of `key` if allowed: returns 0, else the seconds to wait (and counts nothing). */
  hit(key: string, now?: number): number;
}

export function createRateLimit(limit: number, windowMs: number): RateLimit {
  const hits = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
    hits.set(key, times);
    return times;
  };
  const forgetPassed = (now: number) => {
    if (hits.size > 10_000) for (const [key, times] of hits) if (times.every((t) => now - t >= windowMs)) hits.delete(key);
  };
  const self: RateLimit = {
    wait(key, now = Date.now()) {
      const times = recent(key, now);
      return times.length < limit ? 0 : Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
    },
    record(key, now = Date.now()) {
      recent(key, now).push(now);
      forgetPassed(now);
    },
    hit(key, now = Date.now()) {
      const wait = self.wait(key, now);
      if (!wait) self.record(key, now);
      return wait;
    },
  };
  return self;
}

/** One hit against several limits, counted by all or by none: 0 when counted, else the longest wait. */
export function hitAll(hits: [RateLimit, string][], now = Date.now()): number {
  const wait = Math.max(0, ...hits.map(([limit, key]) => limit.wait(key, now)));
  if (!wait) for (const [limit, key] of hits) limit.record(key, now);
  return wait;
}
