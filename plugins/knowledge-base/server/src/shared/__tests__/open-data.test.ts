import { OPEN_DATA_COLUMNS, openDataCsv, openDataRow } from '../open-data';
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

  it('writes RFC 4180 CSV with a BOM, CRLF and quoted cells', () => {
    const csv = openDataCsv('funding-call', [openDataRow('funding-call', call, new Date('2026-03-01T00:00:00Z'))]);
    expect(csv.startsWith('\uFEFFslug,locale,title,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(',"Appel ""test"", deux lignes\net virgule",');
    expect(csv).toContain(',dechets;eau,');
    expect(csv).toContain(',"[{""document"":""d.txt"",""section"":""s""}]",');
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
