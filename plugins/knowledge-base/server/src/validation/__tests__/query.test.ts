import { MAX_PAGE_SIZE, parseListQuery, parseOneQuery } from '../query';

describe('parseListQuery', () => {
  it('defaults to French, page 1, 25 per page, the collection’s default sort', () => {
    const { value, issues } = parseListQuery('case-study', {});
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ locale: 'fr', page: 1, pageSize: 25, sort: 'title:asc', filters: {} });
  });

  it('caps a huge page size instead of refusing it', () => {
    const { value, issues } = parseListQuery('actor', { pageSize: '1000000' });
    expect(issues).toEqual([]);
    expect(value.pageSize).toBe(MAX_PAGE_SIZE);
  });

  it('reports every bad parameter with its path', () => {
    const { issues } = parseListQuery('case-study', {
      locale: 'de', page: '0', pageSize: 'ten', sort: 'password:asc', filters: { secret: 'x', stage: 'flying' }, populate: '*',
    });
    expect(issues.map((i) => [i.path.join('.'), i.key])).toEqual([
      ['populate', 'error.unknownParameter'],
      ['locale', 'error.unknownLocale'],
      ['page', 'error.tooSmall'],
      ['pageSize', 'error.notInteger'],
      ['sort', 'error.unknownSort'],
      ['filters.secret', 'error.unknownFilter'],
      ['filters.stage', 'error.invalidValue'],
    ]);
  });

  it('refuses operator objects in filters (no $where injection)', () => {
    const { issues } = parseListQuery('actor', { filters: { country: { $ne: 'FR' } } });
    expect(issues).toEqual([{ path: ['filters', 'country'], key: 'error.malformed' }]);
  });

  it('turns filters into Strapi conditions, comma-separated values as a list', () => {
    const { value } = parseListQuery('case-study', { filters: { country: 'ng,gh', theme: 'dechets' } });
    expect(value.filters).toEqual({ $and: [{ country: { $in: ['NG', 'GH'] } }, { themes: { slug: { $in: ['dechets'] } } }] });
  });

  it('keeps the derived status filter apart from database conditions', () => {
    const { value, issues } = parseListQuery('funding-call', { filters: { status: 'open,closing-soon' } });
    expect(issues).toEqual([]);
    expect(value.statuses).toEqual(['open', 'closing-soon']);
    expect(value.filters).toEqual({});
  });
});

describe('parseOneQuery', () => {
  it('accepts only a known locale', () => {
    expect(parseOneQuery({ locale: 'ar' })).toEqual({ value: { locale: 'ar' }, issues: [] });
    expect(parseOneQuery({ locale: 'xx', fields: 'a' }).issues.map((i) => i.key)).toEqual(['error.unknownParameter', 'error.unknownLocale']);
  });
});
