import { DIGEST_WINDOW, linkToken, parseDigestRequest, parseSubscription } from '../subscription';

const THEMES = new Set(['dechets', 'services-urbains']);
const keys = (body: unknown) => parseSubscription(body, THEMES).issues.map((i) => [i.path.join('.'), i.key]);

describe('parseSubscription', () => {
  it('accepts a minimal subscription with defaults, the address lower-cased', () => {
    expect(parseSubscription({ email: ' Reader@Example.ORG ' }, THEMES)).toEqual({
      value: { email: 'reader@example.org', locale: 'fr', themes: [], beneficiaries: [], scopes: [], frequency: 'weekly' },
      issues: [],
    });
  });

  it('reads lists from JSON arrays, repeated form fields and comma-separated text alike', () => {
    const { value, issues } = parseSubscription({ email: 'a@b.org', themes: ['dechets', 'services-urbains,dechets'], beneficiaries: 'ngos,startups', scopes: ['local'], locale: 'ar', frequency: 'daily' }, THEMES);
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ themes: ['dechets', 'services-urbains'], beneficiaries: ['ngos', 'startups'], scopes: ['local'], locale: 'ar', frequency: 'daily' });
  });

  it('names every bad field at once', () => {
    expect(keys({ email: 'a@b', locale: 'de', themes: ['x'], beneficiaries: ['aliens'], scopes: 3, frequency: 'hourly', extra: true })).toEqual([
      ['extra', 'error.unknownParameter'],
      ['email', 'error.notEmail'],
      ['locale', 'error.unknownLocale'],
      ['themes', 'alerts.error.unknownTheme'],
      ['beneficiaries', 'error.invalidValue'],
      ['scopes', 'error.notList'],
      ['frequency', 'error.invalidValue'],
    ]);
    expect(keys({})).toEqual([['email', 'error.required']]);
    expect(keys({ email: `${'a'.repeat(250)}@b.org` })).toEqual([['email', 'error.tooLong']]);
    expect(keys({ email: 'two@@example.org' })).toEqual([['email', 'error.notEmail']]);
    expect(keys({ email: 'a b@example.org' })).toEqual([['email', 'error.notEmail']]);
    expect(keys(null)).toEqual([['email', 'error.required']]);
  });
});

describe('parseSubscription and hostile bodies', () => {
  it('refuses names of Object.prototype as unknown parameters', () => {
    expect(keys(JSON.parse('{"email":"a@b.org","toString":"x","constructor":"y","__proto__":{"admin":true}}'))).toEqual([
      ['toString', 'error.unknownParameter'],
      ['constructor', 'error.unknownParameter'],
      ['__proto__', 'error.unknownParameter'],
    ]);
  });

  it('refuses a locale nested 5,000 deep, or a list of lists, without walking it', () => {
    expect(keys({ email: 'a@b.org', locale: JSON.parse(`${'['.repeat(5000)}"fr"${']'.repeat(5000)}`) })).toEqual([['locale', 'error.tooComplex']]);
    expect(parseSubscription({ email: 'a@b.org', locale: [['fr']] }, THEMES).issues).toEqual([
      { path: ['locale'], key: 'error.unknownLocale', params: { value: '[…]', allowed: 'fr, en, ar' } },
    ]);
    expect(keys({ email: 'a@b.org', themes: Array.from({ length: 10_000 }, () => 'dechets') })).toEqual([['themes', 'error.tooComplex']]);
  });
});

describe('parseDigestRequest', () => {
  const clock = new Date('2030-06-01T07:00:00Z');
  const at = (body: unknown) => parseDigestRequest(body, clock);

  it('runs as of the clock, or of an instant a day back at most, a few minutes ahead at most', () => {
    expect(at({})).toEqual({ value: { now: clock }, issues: [] });
    expect(at({ now: '2030-05-31T07:00:00Z' }).value.now.toISOString()).toBe('2030-05-31T07:00:00.000Z');
    expect(at({ now: '2030-06-01T07:04:00Z' }).issues).toEqual([]);
  });

  it.each(['2098-12-15T07:00:00Z', '2030-06-01T07:06:00Z', '2030-05-31T06:59:00Z', '1970-01-01T00:00:00Z'])('refuses %s, outside the window', (now) => {
    expect(at({ now }).issues).toEqual([
      {
        path: ['now'],
        key: 'error.dateRange',
        params: { min: new Date(clock.getTime() - DIGEST_WINDOW.pastMs).toISOString(), max: new Date(clock.getTime() + DIGEST_WINDOW.futureMs).toISOString() },
      },
    ]);
  });

  it('refuses what is not an instant, and unknown keys', () => {
    expect(at({ now: 'soon' }).issues).toEqual([{ path: ['now'], key: 'error.malformed' }]);
    expect(at({ now: 1893456000000 }).issues).toEqual([{ path: ['now'], key: 'error.malformed' }]);
    expect(at({ now: JSON.parse(`${'['.repeat(5000)}1${']'.repeat(5000)}`) }).issues).toEqual([{ path: ['now'], key: 'error.tooComplex' }]);
    expect(at({ purge: true }).issues.map((i) => i.path)).toEqual([['purge']]);
  });
});

describe('linkToken', () => {
  it('takes the token of a mail link, whatever else a mail client added, and nothing that is not one', () => {
    expect(linkToken({ token: 'abc.def', utm_source: 'newsletter' })).toBe('abc.def');
    expect([linkToken({}), linkToken({ token: '' }), linkToken({ token: ['a', 'b'] }), linkToken(undefined)]).toEqual([null, null, null, null]);
  });
});
