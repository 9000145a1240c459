import { parseSubscription } from '../subscription';

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
