import { changedFields } from '../submissions';

describe('changedFields: what a resubmission changed since the editor asked for changes', () => {
  const reviewed = {
    content: { title: 'Compost', summary: 'Avant.', city: 'Lyon', results: [{ indicator: 'bacs', value: 3 }], themes: ['dechets'] },
    attachments: [4, 7],
  };

  it('lists nothing when nothing changed, whatever the key order', () => {
    const same = { themes: ['dechets'], results: [{ indicator: 'bacs', value: 3 }], city: 'Lyon', summary: 'Avant.', title: 'Compost' };
    expect(changedFields(reviewed, same, [4, 7])).toEqual([]);
  });

  it('lists a changed text, a changed item inside a list, and a cleared field', () => {
    const now = { ...reviewed.content, summary: 'Après.', results: [{ indicator: 'bacs', value: 4 }], city: null };
    expect(changedFields(reviewed, now, [4, 7])).toEqual(['summary', 'city', 'results']);
  });

  it('treats a missing field and an empty one alike, and lists a field only the snapshot had', () => {
    const { title, summary, results, themes } = reviewed.content;
    expect(changedFields({ content: { ...reviewed.content, body: null } }, { title, summary, results, themes, city: 'Lyon' }, [])).toEqual([]);
    expect(changedFields(reviewed, { title, summary, results, themes }, [4, 7])).toEqual(['city']);
  });

  it('lists attachments when a file was added', () => {
    expect(changedFields(reviewed, reviewed.content, [4, 7, 9])).toEqual(['attachments']);
  });

  it('works for a fiche proposal (no files) and a snapshot without content', () => {
    expect(changedFields({ content: { description: 'A' } }, { description: 'B', website: 'https://x.example' }, [])).toEqual(['description', 'website']);
    expect(changedFields({}, null, [])).toEqual([]);
  });
});
