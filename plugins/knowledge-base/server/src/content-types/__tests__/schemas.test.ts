import {
  ACTOR_TYPES, CASE_STUDY_STAGES, INSTRUMENTS, LEVER_CATEGORIES, PRACTICE_KINDS, RECURRENCES, SCOPE_LEVELS,
  TRANSLATION_ORIGINS,
} from '../../shared/content-types';
import contentTypes from '..';

const attributes = (name: keyof typeof contentTypes) => contentTypes[name].schema.attributes as Record<string, any>;

describe('content-type schemas', () => {
  it('use the enumerations of the shared module', () => {
    expect(attributes('case-study').stage.enum).toEqual([...CASE_STUDY_STAGES]);
    expect(attributes('actor').type.enum).toEqual([...ACTOR_TYPES]);
    expect(attributes('funding-call').instrument.enum).toEqual([...INSTRUMENTS]);
    expect(attributes('funding-call').scopeLevel.enum).toEqual([...SCOPE_LEVELS]);
    expect(attributes('funding-call').recurrence.enum).toEqual([...RECURRENCES]);
    expect(attributes('good-practice').kind.enum).toEqual([...PRACTICE_KINDS]);
    expect(attributes('good-practice').leverCategory.enum).toEqual([...LEVER_CATEGORIES]);
    for (const name of ['case-study', 'actor', 'funding-call', 'good-practice', 'theme'] as const) {
      expect(attributes(name).translationOrigin.enum).toEqual([...TRANSLATION_ORIGINS]);
    }
  });

  it('are localized with draft & publish, and never localize codes, dates or relations', () => {
    for (const name of ['case-study', 'actor', 'funding-call', 'good-practice', 'theme'] as const) {
      const { schema } = contentTypes[name];
      expect(schema.options.draftAndPublish).toBe(true);
      expect(schema.pluginOptions.i18n.localized).toBe(true);
      for (const [field, attribute] of Object.entries(attributes(name))) {
        if (['relation', 'uid', 'date', 'datetime', 'integer', 'decimal', 'boolean', 'media'].includes(attribute.type) || field === 'country') {
          expect([field, attribute.pluginOptions?.i18n?.localized]).toEqual([field, false]);
        }
      }
    }
  });
});
