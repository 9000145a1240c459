import { present } from '../entries';

describe('present', () => {
  it('gives each actor of a case study its own role, never one inherited from Object.prototype', () => {
    const entry = present('case-study', {
      id: 1,
      slug: 'compost',
      actorRoles: { 'ville-de-lyon': 'initiator' },
      actors: [{ id: 2, slug: 'ville-de-lyon' }, { id: 3, slug: 'constructor' }, { id: 4, slug: 'toString' }],
    });
    expect(entry.actors).toEqual([
      { slug: 'ville-de-lyon', role: 'initiator' },
      { slug: 'constructor', role: null },
      { slug: 'toString', role: null },
    ]);
    expect(entry).not.toHaveProperty('actorRoles');
    expect(entry).not.toHaveProperty('id');
  });
});
