/**
 * A sliding-window counter per key, in memory: enough for one CMS process, and it forgets
 * keys once their window has passed so addresses are not kept.
 */
export function createRateLimit(limit: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  return {
    /** Records a hit; returns 0 when allowed, else the seconds until the next one would be. */
    hit(key: string, now = Date.now()): number {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > 10_000) for (const [k, times] of hits) if (times.every((t) => now - t >= windowMs)) hits.delete(k);
      return 0;
    },
  };
}
