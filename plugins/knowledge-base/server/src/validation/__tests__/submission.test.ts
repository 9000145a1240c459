import { ACTOR_PROPOSAL_FIELDS } from '../../shared/moderation';
import { checkAcceptInvitation, checkBodyKeys, checkDecision, checkInvitation, checkSubmission, checkSubmissionBody } from '../submission';

const at = (issues: { path: (string | number)[]; key: string }[]) => issues.map((i) => `${i.path.join('.')}:${i.key}`);
const deep = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}"x"${']'.repeat(levels)}`);
const CASE_STUDY = { locale: 'fr', title: 'Compostage', summary: 'Des composteurs.', yearStart: 2021, stage: 'pilot', themes: ['dechets'] };

describe('checkSubmission', () => {
  it('accepts a case study, trimmed, and keeps only its fields', () => {
    const { value, issues } = checkSubmission('case-study', { ...CASE_STUDY, title: '  Compostage  ', partners: [{ actor: 'ville' }, { name: 'Association' }] }, false);
    expect(issues).toEqual([]);
    expect(value).toEqual({ locale: 'fr', fields: { title: 'Compostage', summary: 'Des composteurs.', yearStart: 2021, stage: 'pilot', themes: ['dechets'], partners: [{ actor: 'ville' }, { name: 'Association' }] } });
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'])('refuses %s, a name of Object.prototype, as an unknown field', (name) => {
    expect(at(checkSubmission('case-study', { ...CASE_STUDY, [name]: 'x' }, false).issues)).toEqual([`data.${name}:error.unknownField`]);
    expect(at(checkSubmission('actor-update', { locale: 'fr', description: 'Une ville.', [name]: 'x' }, false).issues)).toEqual([`data.${name}:error.unknownField`]);
    expect(at(checkSubmission('case-study', { [name]: 'x' }, true).issues)).toEqual([`data.${name}:error.unknownField`]);
  });

  it('refuses __proto__ from JSON.parse as an unknown field, at any depth, and pollutes nothing', () => {
    const top = JSON.parse(`{"__proto__":{"polluted":true,"title":"from the prototype"},"locale":"fr","summary":"S."}`);
    const { value, issues } = checkSubmission('case-study', top, false);
    expect(at(issues)).toEqual(['data.__proto__:error.unknownField', 'data.title:error.required']);
    expect(value.fields).toEqual({});
    const nested = JSON.parse(`{"locale":"fr","title":"T","summary":"S","results":[{"indicator":"i","__proto__":{"isAdmin":true}}],"partners":[{"__proto__":{"actor":"x"},"name":"n"}]}`);
    expect(at(checkSubmission('case-study', nested, false).issues)).toEqual(['data.partners.0.__proto__:error.unknownField', 'data.results.0.__proto__:error.unknownParameter']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('gives the fields of a proposal a fresh object: nothing inherited comes with them', () => {
    const { value } = checkSubmission('actor-update', { locale: 'en', description: 'A fund.' }, false);
    expect(Object.keys(value.fields)).toEqual(['description']);
    expect(Object.keys(ACTOR_PROPOSAL_FIELDS)).toContain('description');
  });

  it.each([
    ['country', deep(5000)],
    ['country', Array.from({ length: 100_000 }, () => 'FR')],
    ['title', 'x'.repeat(600_000)],
    ['locale', deep(5000)],
  ])('refuses %s nested too deep or too large, before anything reads it', (name, value) => {
    const kind = name === 'locale' ? 'actor-update' : 'case-study';
    expect(at(checkSubmission(kind, { ...CASE_STUDY, [name]: value }, false).issues)).toEqual([`data.${name}:error.tooComplex`]);
  });

  it('names a non-text value where text is expected, quoting it without walking it', () => {
    const { issues } = checkSubmission('case-study', { ...CASE_STUDY, country: [[['FR']]], locale: { fr: true }, city: 42 }, false);
    expect(issues).toEqual([
      { path: ['data', 'locale'], key: 'error.unknownLocale', params: { value: '{…}', allowed: 'fr, en, ar' } },
      { path: ['data', 'city'], key: 'error.notText' },
      { path: ['data', 'country'], key: 'error.invalidValue', params: { value: '[…]', allowed: 'ISO 3166-1 alpha-2 (FR, SN, …)' } },
    ]);
  });

  it('requires title, summary and locale on creation only; an edit may clear the optional fields', () => {
    expect(at(checkSubmission('case-study', { title: '   ' }, false).issues)).toEqual(['data.locale:error.required', 'data.title:error.required', 'data.summary:error.required']);
    expect(checkSubmission('case-study', { body: null, summary: 'Nouveau.' }, true)).toEqual({ value: { locale: undefined, fields: { body: null, summary: 'Nouveau.' } }, issues: [] });
    expect(at(checkSubmission('case-study', { title: null }, true).issues)).toEqual(['data.title:error.notText']);
  });

  it('bounds numbers and checks year order', () => {
    expect(checkSubmission('case-study', { ...CASE_STUDY, yearStart: 1e20, yearEnd: -1 }, false).issues).toEqual([
      { path: ['data', 'yearStart'], key: 'error.tooLarge', params: { max: 2100 } },
      { path: ['data', 'yearEnd'], key: 'error.tooSmall', params: { min: 1800 } },
    ]);
    expect(at(checkSubmission('case-study', { ...CASE_STUDY, yearStart: 2020, yearEnd: 2019 }, false).issues)).toEqual(['data.yearEnd:error.yearOrder']);
  });

  it('asks a proposal for at least one change, and a partner for exactly one of actor or name', () => {
    expect(at(checkSubmission('actor-update', { locale: 'fr' }, false).issues)).toEqual(['data:error.emptyUpdate']);
    expect(at(checkSubmission('case-study', { ...CASE_STUDY, partners: [{ actor: 'a', name: 'b' }, 'x'] }, false).issues)).toEqual(['data.partners.0:error.partner', 'data.partners.1:error.partner']);
  });
});

describe('the other bodies', () => {
  it('checkBodyKeys knows only own names', () => {
    expect(at(checkBodyKeys(JSON.parse('{"data":{},"constructor":1,"__proto__":2}'), ['data']))).toEqual(['constructor:error.unknownField', '__proto__:error.unknownField']);
  });

  it('checkAcceptInvitation refuses a token nested 5,000 deep, or not text, naming it', () => {
    expect(at(checkAcceptInvitation({ token: deep(5000), password: 'Passw0rd-long' }).issues)).toEqual(['token:error.tooComplex']);
    expect(at(checkAcceptInvitation({ token: ['a'.repeat(43)], password: 'Passw0rd-long', toString: 'x' }).issues)).toEqual(['toString:error.unknownField', 'token:error.invitationInvalid']);
    expect(checkAcceptInvitation({ token: 'a'.repeat(43), password: 'Passw0rd-long', locale: 'ar' })).toEqual({ value: { token: 'a'.repeat(43), password: 'Passw0rd-long', locale: 'ar' }, issues: [] });
    // Too short and without a digit: one message says both.
    expect(at(checkAcceptInvitation({ token: 'a'.repeat(43), password: 'short' }).issues)).toEqual(['password:error.password']);
  });

  it('checkInvitation normalises the address and refuses prototype names', () => {
    expect(checkInvitation({ email: ' Mairie@Ville.EXAMPLE ', organisation: 'ville' })).toEqual({ value: { email: 'mairie@ville.example', organisation: 'ville', locale: 'fr' }, issues: [] });
    expect(at(checkInvitation({ email: 'x', organisation: '', valueOf: 1 }).issues)).toEqual(['valueOf:error.unknownField', 'email:error.notEmail', 'organisation:error.required']);
  });

  it('checkDecision wants the revision seen, and a comment when asked', () => {
    expect(checkDecision({ revision: 3, comment: ' Merci ' }, true)).toEqual({ value: { revision: 3, comment: 'Merci' }, issues: [] });
    expect(at(checkDecision({ comment: '  ' }, true).issues)).toEqual(['revision:error.required', 'comment:error.required']);
    expect(at(checkDecision({ revision: 1e300, hasOwnProperty: 1 }, false).issues)).toEqual(['hasOwnProperty:error.unknownField', 'revision:error.notInteger']);
  });
});

describe('checkSubmissionBody', () => {
  it('takes `{ data }` and nothing else, saying every problem at once', () => {
    expect(checkSubmissionBody('case-study', { data: CASE_STUDY }, false, false)).toEqual(checkSubmission('case-study', CASE_STUDY, false));
    expect(at(checkSubmissionBody('case-study', JSON.parse('{"data":{"locale":"fr","summary":"S."},"constructor":1}'), false, false).issues)).toEqual([
      'constructor:error.unknownField',
      'data.title:error.required',
    ]);
    expect(at(checkSubmissionBody('case-study', {}, false, false).issues)).toEqual(['data:error.required']);
    expect(at(checkSubmissionBody('case-study', { data: [1] }, false, false).issues)).toEqual(['data:error.malformed']);
  });

  it('reads `data` of a multipart form as JSON text, and bounds it field by field', () => {
    expect(checkSubmissionBody('actor-update', { data: '{"locale":"en","description":"A fund."}' }, false, true).value).toEqual({ locale: 'en', fields: { description: 'A fund.' } });
    expect(at(checkSubmissionBody('case-study', { data: '{oops' }, false, true).issues)).toEqual(['data:error.notJson']);
    const nested = `${JSON.stringify(CASE_STUDY).slice(0, -1)},"country":${'['.repeat(5000)}"FR"${']'.repeat(5000)}}`;
    expect(at(checkSubmissionBody('case-study', { data: nested }, false, true).issues)).toEqual(['data.country:error.tooComplex']);
  });
});
