import { MAX_PAGE, MAX_PAGE_SIZE, MAX_PAGE_SIZE_ASKED, parseListQuery, parseOneQuery } from '../query';

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

describe('parseListQuery bounds', () => {
  it.each([
    ['page 400000000000000000', 'page', '400000000000000000', 'error.tooLarge', { max: MAX_PAGE }],
    ['page 99999999999999999999', 'page', '99999999999999999999', 'error.tooLarge', { max: MAX_PAGE }],
    ['page MAX_PAGE + 1', 'page', String(MAX_PAGE + 1), 'error.tooLarge', { max: MAX_PAGE }],
    ['page of 401 digits', 'page', `1${'0'.repeat(400)}`, 'error.tooLarge', { max: MAX_PAGE }],
    ['page 1e3', 'page', '1e3', 'error.notInteger', undefined],
    ['page -1', 'page', '-1', 'error.tooSmall', { min: 1 }],
    ['pageSize 99999999999999999999', 'pageSize', '99999999999999999999', 'error.tooLarge', { max: MAX_PAGE_SIZE_ASKED }],
    ['pageSize given twice', 'pageSize', ['10', '20'], 'error.notInteger', undefined],
  ])('refuses %s', (_label, name, raw, key, params) => {
    expect(parseListQuery('case-study', { [name as string]: raw }).issues).toEqual([{ path: [name], key, ...(params ? { params } : {}) }]);
  });

  it('serves the last page and the largest page size asked', () => {
    const { value, issues } = parseListQuery('case-study', { page: String(MAX_PAGE), pageSize: String(MAX_PAGE_SIZE_ASKED) });
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ page: MAX_PAGE, pageSize: MAX_PAGE_SIZE });
  });
});

describe('parseListQuery and names of Object.prototype', () => {
  it('refuses them as parameters and as filters (own keys only), and never reads the prototype', () => {
    const query = JSON.parse('{"constructor":"x","filters":{"constructor":"x","toString":"y","__proto__":"z","hasOwnProperty":"w"}}');
    expect(parseListQuery('case-study', query).issues.map((i) => [i.path.join('.'), i.key])).toEqual([
      ['constructor', 'error.unknownParameter'],
      ['filters.constructor', 'error.unknownFilter'],
      ['filters.toString', 'error.unknownFilter'],
      ['filters.__proto__', 'error.unknownFilter'],
      ['filters.hasOwnProperty', 'error.unknownFilter'],
    ]);
  });

  it('refuses a value nested deeper than a query needs', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 20; i++) nested = { a: nested };
    expect(parseListQuery('actor', { filters: nested }).issues).toEqual([{ path: ['filters'], key: 'error.tooComplex' }]);
  });
});

describe('parseOneQuery', () => {
  it('accepts only a known locale', () => {
    expect(parseOneQuery({ locale: 'ar' })).toEqual({ value: { locale: 'ar' }, issues: [] });
    expect(parseOneQuery({ locale: 'xx', fields: 'a' }).issues.map((i) => i.key)).toEqual(['error.unknownParameter', 'error.unknownLocale']);
  });
});
