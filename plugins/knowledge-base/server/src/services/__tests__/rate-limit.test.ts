/** The one rate limiter (alerts and submissions): a sliding window per key, and several limits counted together or not at all. */
import { createRateLimit, hitAll } from '../rate-limit';

describe('createRateLimit', () => {
  it('allows `limit` hits per window, then says how many seconds until the oldest leaves it', () => {
    const limit = createRateLimit(2, 60_000);
    expect([limit.hit('a', 0), limit.hit('a', 1_000), limit.hit('a', 1_500)]).toEqual([0, 0, 59]);
    expect(limit.hit('b', 1_500)).toBe(0);
    expect(limit.hit('a', 60_000)).toBe(0);
    expect(limit.wait('a', 60_000)).toBe(1);
  });

  it('never says 0 seconds to a refused caller', () => {
    const limit = createRateLimit(1, 1_000);
    limit.hit('a', 0);
    expect(limit.hit('a', 999)).toBe(1);
  });
});

describe('hitAll', () => {
  it('counts a hit against every limit, or, when one is over, against none', () => {
    const [user, ip] = [createRateLimit(1, 10_000), createRateLimit(3, 10_000)];
    expect(hitAll([[user, '1'], [ip, 'x']], 0)).toBe(0);
    expect(hitAll([[user, '1'], [ip, 'x']], 1_000)).toBe(9);
    expect(hitAll([[user, '2'], [ip, 'x']], 1_000)).toBe(0);
    // The refused attempt was not counted against the IP: one more user still gets in.
    expect(hitAll([[user, '3'], [ip, 'x']], 1_000)).toBe(0);
    expect(hitAll([[user, '4'], [ip, 'x']], 2_000)).toBe(8);
  });
});
