import { csvCell, OPEN_DATA_COLUMNS, openDataCsv, openDataRow } from '../open-data';
import { openApiDocument } from '../openapi';
import { PUBLIC_QUERY } from '../../validation/query';
import { KB_TYPES, KB_TYPE_NAMES } from '../content-types';

describe('open data', () => {
  const call = {
    slug: 'appel',
    locale: 'fr',
    title: 'Appel "test", deux lignes\net virgule',
    themes: [{ slug: 'dechets', name: 'Déchets' }, { slug: 'eau', name: 'Eau' }],
    eligibleBeneficiaries: ['ngos'],
    amountMax: '5000.5',
    deadline: '2026-03-20T22:59:00.000Z',
    nextEdition: { slug: 'appel-2027', title: 'x' },
    sources: [{ document: 'd.txt', section: 's' }],
  };

  it('turns an API entry into one value per column, relations by slug, status derived', () => {
    const row = openDataRow('funding-call', call, new Date('2026-03-01T00:00:00Z'));
    expect(Object.keys(row)).toEqual(OPEN_DATA_COLUMNS['funding-call'].map((c) => c.name));
    expect(row).toMatchObject({ themes: ['dechets', 'eau'], countries: [], amountMax: 5000.5, nextEdition: 'appel-2027', status: 'closing-soon', body: null });
  });

  it('writes RFC 4180 CSV with a BOM, CRLF and every cell quoted', () => {
    const csv = openDataCsv('funding-call', [openDataRow('funding-call', call, new Date('2026-03-01T00:00:00Z'))]);
    expect(csv.startsWith('\uFEFF"slug","locale","title",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(',"Appel ""test"", deux lignes\net virgule",');
    expect(csv).toContain(',"dechets;eau",');
    expect(csv).toContain(',"[{""document"":""d.txt"",""section"":""s""}]",');
  });
});

/** RFC 4180, strictly: a quote inside an unquoted cell, text after a closing quote or a bare CR or LF is an error. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (text[i] === '"') break;
        else cell += text[i];
      }
      i++;
    } else {
      while (i < text.length && !/[,\r\n"]/.test(text[i])) cell += text[i++];
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i] ?? 'end of file')} at ${i}`);
  }
  if (row.length) throw new Error('last record does not end with CRLF');
  return rows;
};

describe('open data CSV against formula injection', () => {
  const NOW = new Date('2026-03-01T00:00:00Z');
  /** Titles a contributor may send, and the cell a spreadsheet must get. */
  const TITLES: [string, string][] = [
    ['=HYPERLINK("http://evil.example","v0")', '\'=HYPERLINK("http://evil.example","v0")'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\'=1', "''=1"],
    ['Appel "test", deux lignes\r\n=et virgule;=1', 'Appel "test", deux lignes\r\n=et virgule;=1'],
    ['"=1"', '"=1"'],
    [' =1', ' =1'],
    ["l'eau", "l'eau"],
    ['دعوة «مدن مستدامة» 2026', 'دعوة «مدن مستدامة» 2026'],
  ];
  const FORMULA = /^[=+\-@\t\r]/;
  const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
  const entries = TITLES.map(([title], i) => ({
    slug: `cas-${i}`,
    locale: 'fr',
    title,
    summary: '- a list, as Markdown starts one',
    lessons: ['=1+1', 'plain'],
    city: '@city',
    latitude: -33.92,
    longitude: '-18.42',
    yearStart: 2016,
    sdgs: [11],
    themes: [{ slug: 'eau' }],
    results: [{ label: '=1', value: -3 }],
  }));
  const columns = OPEN_DATA_COLUMNS['case-study'].map((c) => c.name);
  const [header, ...records] = parseCsv(openDataCsv('case-study', entries.map((e) => openDataRow('case-study', e, NOW))).slice(1));
  const at = (record: string[], name: string) => record[columns.indexOf(name)];

  it('parses back to one record per entry, one cell per column', () => {
    expect(header).toEqual(columns);
    expect(records).toHaveLength(TITLES.length);
    for (const record of records) expect(record).toHaveLength(columns.length);
  });

  it('starts every formula-like title with a quote, keeps the others as they are, and no cell but a number starts a formula', () => {
    expect(records.map((r) => at(r, 'title'))).toEqual(TITLES.map(([, cell]) => cell));
    const formulas = records.flatMap((record) => record.filter((cell) => FORMULA.test(cell)));
    expect(formulas.filter((cell) => !NUMBER.test(cell))).toEqual([]);
    expect(formulas).toHaveLength(2 * TITLES.length);
  });

  it('neutralises text, lines, list and JSON cells alike', () => {
    expect([at(records[0], 'summary'), at(records[0], 'lessons'), at(records[0], 'city')]).toEqual(["'- a list, as Markdown starts one", "'=1+1\nplain", "'@city"]);
    expect(at(records[0], 'results')).toBe('[{"label":"=1","value":-3}]');
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect([at(records[0], 'latitude'), at(records[0], 'longitude'), at(records[0], 'yearStart'), at(records[0], 'sdgs')]).toEqual(['-33.92', '-18.42', '2016', '11']);
    expect(csvCell('number', -1e-7)).toBe('-1e-7');
    expect(csvCell('number', -Infinity)).toBe("'-Infinity");
    expect(csvCell('json', -3)).toBe('-3');
  });

  it('gives every value back by removing one quote from a cell that starts with quotes and a formula character', () => {
    const unquote = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    expect(records.map((r) => unquote(at(r, 'title')))).toEqual(TITLES.map(([title]) => title));
  });
});

describe('OpenAPI document', () => {
  const doc = openApiDocument('https://cms.example') as any;

  it('documents every public filter and sort the API accepts, and nothing else', () => {
    for (const type of KB_TYPE_NAMES) {
      const params = doc.paths[`/api/knowledge-base/${KB_TYPES[type].path}`].get.parameters;
      expect(params.filter((p: any) => p.name.startsWith('filters[')).map((p: any) => p.name)).toEqual(Object.keys(PUBLIC_QUERY[type].filters).map((f) => `filters[${f}]`));
      const sort = params.find((p: any) => p.name === 'sort');
      expect(sort.schema.enum).toEqual(PUBLIC_QUERY[type].sorts.flatMap((s) => [`${s}:asc`, `${s}:desc`]));
      expect(sort.schema.default).toBe(PUBLIC_QUERY[type].defaultSort);
    }
    expect(doc.servers).toEqual([{ url: 'https://cms.example' }]);
  });

  it('describes entries from the content types, relations as references', () => {
    expect(doc.components.schemas.CaseStudy.properties.themes).toEqual({ type: 'array', items: { $ref: '#/components/schemas/ThemeRef' } });
    expect(doc.components.schemas.FundingCall.properties.nextEdition).toMatchObject({ $ref: '#/components/schemas/FundingCallRef', nullable: true });
    expect(doc.components.schemas.FundingCall.properties.instrument.enum).toContain('call-for-projects');
    expect(doc.components.schemas.CaseStudy.properties).not.toHaveProperty('actorRoles');
  });
});
