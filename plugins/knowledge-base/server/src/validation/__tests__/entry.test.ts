import { checkEntryFields } from '../entry';

const keys = (data: Record<string, unknown>) => checkEntryFields(data).map((i) => `${i.path.join('.')}:${i.key}`);

describe('checkEntryFields', () => {
  it('accepts well-formed lists and leaves absent fields alone', () => {
    expect(keys({
      sources: [{ document: '003_8a1b5a3e89e4207d.txt', section: 'B1' }],
      sdgs: [6, 11],
      lessons: ['À retenir'],
      results: [{ indicator: 'foyers', value: 10, unit: null, year: 2016 }],
      links: [{ label: 'Site', url: 'https://example.org' }],
      actorRoles: { 'ville-de-lyon': 'initiator' },
    })).toEqual([]);
    expect(keys({ title: 'only text' })).toEqual([]);
  });

  it('names the field and item of each problem', () => {
    expect(keys({
      sources: [{ document: 'x.txt' }],
      sdgs: [0, 18, 3.5],
      links: [{ label: 'bad', url: 'javascript:alert(1)' }],
      actorRoles: { 'ville-de-lyon': 'owner' },
      lessons: 'not a list',
    })).toEqual([
      'sources.0.section:error.required',
      'sdgs.0:error.sdg',
      'sdgs.1:error.sdg',
      'sdgs.2:error.sdg',
      'lessons:error.notList',
      'links.0.url:error.notUrl',
      'actorRoles.ville-de-lyon:error.invalidValue',
    ]);
  });

  it('takes a null role (the source names the actor, not its part) and the seed’s evidence, bounded', () => {
    expect(keys({ actorRoles: { 'ville-de-lyon': null }, evidence: { city: 'à Lyon', stage: ['a', 'b'] } })).toEqual([]);
    expect(keys({ evidence: { city: 'x'.repeat(401), stage: [3] } })).toEqual(['evidence.city:error.tooLong', 'evidence.stage:error.malformed']);
  });

  it('takes only web addresses for a website or an application address', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x', '//evil.example/x', '/\\evil.example', 'https://x.org/"><script>']) {
      expect(keys({ website: bad, applicationUrl: bad })).toEqual(['website:error.notUrl', 'applicationUrl:error.notUrl']);
    }
    expect(keys({ website: 'https://example.org/a?b=c', applicationUrl: null })).toEqual([]);
    expect(keys({ website: '', applicationUrl: '' })).toEqual([]);
  });

  it('refuses unknown keys inside structured items', () => {
    expect(keys({ results: [{ indicator: 'x', colour: 'red' }] })).toEqual(['results.0.colour:error.unknownParameter']);
  });
});

describe('checkEntryFields and hostile values', () => {
  it('refuses names of Object.prototype inside structured items, own keys only', () => {
    const data = JSON.parse('{"links":[{"label":"x","url":"https://example.org","constructor":"y","__proto__":{"polluted":true}}],"results":[{"indicator":"i","toString":"z"}]}');
    expect(keys(data)).toEqual(['results.0.toString:error.unknownParameter', 'links.0.constructor:error.unknownParameter', 'links.0.__proto__:error.unknownParameter']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads only the JSON fields the entry has of its own', () => {
    const inherited = Object.create({ lessons: 'not a list' });
    expect(keys(inherited)).toEqual([]);
  });

  it('refuses a value nested 5,000 deep without walking it, and quotes values without walking them', () => {
    expect(keys({ lessons: JSON.parse(`${'['.repeat(5000)}"x"${']'.repeat(5000)}`) })).toEqual(['lessons:error.tooComplex']);
    expect(checkEntryFields({ actorRoles: { ville: [[['initiator']]] } })).toEqual([
      { path: ['actorRoles', 'ville'], key: 'error.invalidValue', params: { value: '[…]', allowed: expect.stringContaining('initiator') } },
    ]);
  });
});
