import { exceedsLimits, oversizedFields } from '../bounds';

const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}0${']'.repeat(levels)}`);

describe('exceedsLimits', () => {
  const limits = { depth: 3, values: 10, chars: 20 };

  it('lets through what fits', () => {
    expect(exceedsLimits({ a: [1, 2, { b: 'x' }] }, limits)).toBe(false);
    expect(exceedsLimits('x'.repeat(20), limits)).toBe(false);
  });

  it('stops at depth, value count and text size, keys included', () => {
    expect(exceedsLimits(nested(4), limits)).toBe(true);
    expect(exceedsLimits(Array.from({ length: 10 }, () => 0), limits)).toBe(true);
    expect(exceedsLimits(['x'.repeat(21)], limits)).toBe(true);
    expect(exceedsLimits({ ['k'.repeat(21)]: 1 }, limits)).toBe(true);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(exceedsLimits(nested(100_000))).toBe(true);
  });
});

describe('oversizedFields', () => {
  it('names each field too deep or too large under the given path', () => {
    expect(oversizedFields({ ok: 'x', deep: nested(50), proto: JSON.parse('{"__proto__":[[[[[[[[[[1]]]]]]]]]]}') }, ['data'])).toEqual([
      { path: ['data', 'deep'], key: 'error.tooComplex' },
      { path: ['data', 'proto'], key: 'error.tooComplex' },
    ]);
    expect(oversizedFields('not an object')).toEqual([]);
  });
});
