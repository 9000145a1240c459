import { AnswerCache } from '../answer-cache';

describe('the public answer cache', () => {
  let clock = 0;
  const now = () => clock;
  const counting = () => {
    const calls: string[] = [];
    return { calls, answer: (value: string) => () => (calls.push(value), Promise.resolve({ value })) };
  };
  beforeEach(() => (clock = 1_000_000));

  it('answers a question asked again from memory, the same answer each time', async () => {
    const cache = new AnswerCache({ ttlSeconds: 60, maxAnswers: 10, maxBytes: 1_000_000 }, now);
    const { calls, answer } = counting();
    const first = await cache.get('case-study list page 1', answer('a'));
    const second = await cache.get('case-study list page 1', answer('b'));
    expect(second).toBe(first);
    expect(calls).toEqual(['a']);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });

  it('asks again after a publish empties it, and after ttlSeconds', async () => {
    const cache = new AnswerCache({ ttlSeconds: 60, maxAnswers: 10, maxBytes: 1_000_000 }, now);
    const { calls, answer } = counting();
    await cache.get('k', answer('before publish'));
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get('k', answer('after publish'))).toEqual({ value: 'after publish' });
    clock += 59_999;
    expect(await cache.get('k', answer('not yet'))).toEqual({ value: 'after publish' });
    clock += 1;
    expect(await cache.get('k', answer('expired'))).toEqual({ value: 'expired' });
    expect(calls).toEqual(['before publish', 'after publish', 'expired']);
  });

  it('makes questions asked while the same one is answered wait for that answer', async () => {
    const cache = new AnswerCache({ ttlSeconds: 60, maxAnswers: 10, maxBytes: 1_000_000 }, now);
    let release!: (v: string) => void;
    let queries = 0;
    const slow = () => (queries++, new Promise<string>((resolve) => (release = resolve)));
    const waiting = Array.from({ length: 32 }, () => cache.get('k', slow));
    release('one answer');
    expect(await Promise.all(waiting)).toEqual(Array(32).fill('one answer'));
    expect(queries).toBe(1);
  });

  it('keeps at most maxAnswers, dropping the least recently used', async () => {
    const cache = new AnswerCache({ ttlSeconds: 60, maxAnswers: 2, maxBytes: 1_000_000 }, now);
    const { calls, answer } = counting();
    await cache.get('a', answer('a1'));
    await cache.get('b', answer('b1'));
    await cache.get('a', answer('a2')); // a is now the most recently used
    await cache.get('c', answer('c1')); // drops b
    expect(cache.size).toBe(2);
    await cache.get('a', answer('a3'));
    await cache.get('b', answer('b2'));
    expect(calls).toEqual(['a1', 'b1', 'c1', 'b2']);
  });

  it('keeps at most maxBytes of serialized answers, dropping the least recently used', async () => {
    const cache = new AnswerCache({ ttlSeconds: 60, maxAnswers: 10, maxBytes: 250 }, now);
    const page = (n: number) => () => Promise.resolve(Buffer.alloc(100, n));
    await cache.get('page 1', page(1));
    await cache.get('page 2', page(2));
    expect(cache.weight).toBe(200);
    await cache.get('page 3', page(3)); // 300 bytes: page 1, the least recently used, goes
    expect([cache.size, cache.weight]).toEqual([2, 200]);
    let asked = 0;
    await cache.get('page 1', () => (asked++, Promise.resolve(Buffer.alloc(100))));
    expect(asked).toBe(1);
    cache.clear();
    expect([cache.size, cache.weight]).toEqual([0, 0]);
  });

  it('does not keep a failure: the next caller asks again', async () => {
    const cache = new AnswerCache({ ttlSeconds: 60, maxAnswers: 10, maxBytes: 1_000_000 }, now);
    await expect(cache.get('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', () => Promise.resolve('back'))).toBe('back');
  });

  it('is off with ttlSeconds 0: every question is asked of the database', async () => {
    const cache = new AnswerCache({ ttlSeconds: 0, maxAnswers: 10, maxBytes: 1_000_000 }, now);
    const { calls, answer } = counting();
    await cache.get('k', answer('1'));
    await cache.get('k', answer('2'));
    expect(calls).toEqual(['1', '2']);
    expect(cache.size).toBe(0);
  });
});
