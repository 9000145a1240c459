/** The case study's fields as the form holds them, named once for reading, filling and editing the form. */

/** One value each, in the order of the form; the first two are required. */
export const SINGLE_FIELDS = ['title', 'summary', 'body', 'city', 'country', 'yearStart', 'yearEnd', 'stage'] as const;
export const REQUIRED_FIELDS: readonly string[] = ['title', 'summary'];
/** What an edit clears when the contributor emptied it (the required ones cannot be). */
export const CLEARABLE_FIELDS = SINGLE_FIELDS.filter((name) => !REQUIRED_FIELDS.includes(name));
/** Lists: checkboxes, repeatable rows, lines. */
export const LIST_FIELDS = ['themes', 'sdgs', 'partners', 'results', 'lessons', 'links'] as const;

/** The parts of a result row and of a link row (`c-result-0-unit`, `c-link-2-url`). */
export const RESULT_PARTS = ['indicator', 'value', 'unit', 'year'] as const;
export const LINK_PARTS = ['label', 'url'] as const;
