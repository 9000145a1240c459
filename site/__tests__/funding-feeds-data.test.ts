/**
 * The fixture guide's funding page, feeds, calendars and open data, read back from the
 * built files: RSS parsed as XML, iCalendar unfolded line by line, CSV parsed back and
 * compared with the JSON and with the entries themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { transformSync } from 'esbuild';
import { KB_TYPES, type KbType } from '../../plugins/knowledge-base/server/src/shared/content-types';
import { OPEN_DATA_COLUMNS, openDataRow } from '../../plugins/knowledge-base/server/src/shared/open-data';
import { PUBLIC_QUERY } from '../../plugins/knowledge-base/server/src/validation/query';
import { seedEntries } from '../src/loaders/seed-entries';
import { escapeText, foldLine } from '../src/utils/ical';
import { buildFixtureSite, FIXTURE_NOW, FIXTURE_SEED } from './test-utils/build';
import { LOCALES, page, resolveUrl } from './test-utils/dist';

let dist: string;
beforeAll(async () => {
  ({ dist } = await buildFixtureSite());
}, 300_000);

const file = (path: string) => readFileSync(join(dist, path), 'utf8');
const entries = seedEntries(FIXTURE_SEED, { now: new Date(FIXTURE_NOW), warn: () => undefined });
const TYPES = Object.keys(KB_TYPES) as KbType[];
const textOf = (html: { text: string }) => html.text.replace(/\s+/g, ' ').trim();

describe('funding page', () => {
  it('puts calls closing within 30 days first, then open ones by deadline, then closed ones, in every locale', () => {
    for (const locale of LOCALES) {
      const doc = page(dist, `/${locale}/funding/`);
      const slugs = (id: string) => doc.querySelectorAll(`#${id} [data-call] .card-title a`).map((a) => a.getAttribute('href'));
      expect(slugs('calls-soon')).toEqual([`/${locale}/funding-calls/appel-villes-durables-2026/`]);
      expect(slugs('calls-open')).toEqual([`/${locale}/funding-calls/prix-innovation-urbaine-2026/`, `/${locale}/funding-calls/programme-permanent-d-assistance/`]);
      expect(slugs('calls-closed')).toEqual([`/${locale}/funding-calls/appel-innovation-2015/`]);
    }
  });

  it('has filters on beneficiary, instrument, theme, scope and status, hidden until their script runs', () => {
    const doc = page(dist, '/fr/funding/');
    const form = doc.querySelector('#call-filters')!;
    expect(form.hasAttribute('hidden')).toBe(true);
    const values = (name: string) => form.querySelectorAll(`input[name="${name}"]`).map((i) => i.getAttribute('value'));
    expect(values('callStatus')).toEqual(['upcoming', 'open', 'closing-soon', 'closed', 'rolling', 'unknown']);
    expect(values('beneficiaries').sort()).toEqual(['local-governments', 'ngos', 'public-agencies', 'startups']);
    expect(values('instrument').sort()).toEqual(['call-for-projects', 'grant-programme', 'prize', 'technical-assistance']);
    expect(values('themes').sort()).toEqual(['dechets', 'services-urbains']);
    expect(values('scope').sort()).toEqual(['international', 'local', 'national', 'regional']);
    // Every card carries what the filters read.
    const card = doc.querySelector('[data-call] a[href$="/appel-villes-durables-2026/"]')!.closest('[data-call]')!;
    expect(card.getAttribute('data-beneficiaries')).toBe('local-governments ngos');
    expect(card.getAttribute('data-themes')).toBe('services-urbains');
    expect(card.getAttribute('data-call-status')).toBe('closing-soon');
    // The instant in UTC, as the API gives it (the same from the seed: cms/tests/contract).
    expect(card.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-20T22:59:00.000Z');
  });

  it('links the feeds and calendars, in <head> and on the page', () => {
    const doc = page(dist, '/fr/funding/');
    const alternates = doc.querySelectorAll('link[rel="alternate"][type]').map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(alternates).toEqual([
      ['application/rss+xml', '/fr/feed.xml'],
      ['application/rss+xml', '/fr/funding-calls/feed.xml'],
      ['text/calendar', '/fr/funding-calls/deadlines.ics'],
    ]);
    const links = doc.querySelectorAll('.funding-follow a').map((a) => a.getAttribute('href')!);
    expect(links).toEqual(expect.arrayContaining(['/fr/funding-calls/feed.xml', '/fr/funding-calls/deadlines.ics', '/fr/funding-calls/deadlines/services-urbains.ics', '/fr/data/']));
    for (const href of links) expect({ href, resolves: !!resolveUrl(dist, href) }).toEqual({ href, resolves: true });
  });

  it('is what the header leads to, with no alert form when the guide does not know the CMS', () => {
    expect(page(dist, '/ar/').querySelector('.main-nav a[href="/ar/funding/"]')).not.toBeNull();
    expect(page(dist, '/fr/funding/').querySelector('form.alert-form')).toBeNull();
  });
});

describe('closed calls and the deadline clock', () => {
  it('keeps a closed call’s page, marked closed, linking its next edition', () => {
    const doc = page(dist, '/fr/funding-calls/appel-innovation-2015/');
    const box = doc.querySelector('.call-status')!;
    expect(box.getAttribute('data-call-status')).toBe('closed');
    expect(box.querySelector('.status')!.getAttribute('data-status')).toBe('closed');
    expect(textOf(box.querySelector('.call-closed')!)).toBe('Cet appel est clos. Prochaine édition : Appel « Villes durables » 2026');
    expect(box.querySelector('.call-closed a')!.getAttribute('href')).toBe('/fr/funding-calls/appel-villes-durables-2026/');
  });

  it('gives the open call its deadline as machine-readable time and its days left as of the build', () => {
    const box = page(dist, '/en/funding-calls/appel-villes-durables-2026/').querySelector('.call-status')!;
    expect(box.getAttribute('data-deadline')).toBe('2026-03-20T22:59:00.000Z');
    expect(box.getAttribute('data-opens')).toBe('2026-01-14T23:00:00.000Z');
    expect(box.getAttribute('data-tz')).toBe('Europe/Paris');
    expect(box.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-20T22:59:00.000Z');
    expect(textOf(box.querySelector('[data-days-left]')!)).toBe('Closes in 19 days');
  });

  it('ships the clock, minified from its source, once on each page showing calls and nowhere else', () => {
    const source = transformSync(readFileSync(join(__dirname, '../src/scripts/deadline-clock.js'), 'utf8'), { minify: true }).code.trim();
    const withCalls = ['/fr/funding/', '/ar/funding/', '/fr/funding-calls/', '/fr/funding-calls/appel-innovation-2015/', '/fr/', '/fr/themes/services-urbains/', '/ar/countries/sn/'];
    for (const url of withCalls) {
      const scripts = page(dist, url).querySelectorAll('script[data-kb-clock]');
      expect({ url, count: scripts.length }).toEqual({ url, count: 1 });
      expect(scripts[0].text).toBe(source);
      expect(JSON.parse(scripts[0].getAttribute('data-l')!).s.closed).toBeTruthy();
    }
    for (const url of ['/fr/case-studies/', '/fr/actors/ville-de-lyon/', '/fr/data/', '/fr/about/', '/fr/themes/participation-citoyenne/']) {
      expect({ url, count: page(dist, url).querySelectorAll('script').length }).toEqual({ url, count: 0 });
    }
    expect(page(dist, '/ar/funding/').querySelector('script[data-kb-clock]')!.outerHTML.length).toBeLessThan(1500);
  });
});

describe('RSS feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
  const feed = (path: string) => parser.parse(file(path));

  it('lists every entry written in the locale (no fallback copies), newest first, with links that resolve', () => {
    for (const locale of LOCALES) {
      const { rss } = feed(`${locale}/feed.xml`);
      expect(rss['@_version']).toBe('2.0');
      expect(rss.channel.language).toBe(locale);
      expect(rss.channel['atom:link']['@_href']).toBe(`https://guide.aimf.example/${locale}/feed.xml`);
      const written = entries.filter((e) => e.locale === locale && e.collection !== 'theme');
      expect(rss.channel.item).toHaveLength(Math.min(50, written.length));
      const dates = rss.channel.item.map((item: any) => Date.parse(item.pubDate));
      expect(dates.every((d: number) => !Number.isNaN(d))).toBe(true);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      for (const item of rss.channel.item) {
        expect(item.guid['#text']).toBe(item.link);
        expect({ link: item.link, resolves: !!resolveUrl(dist, item.link) }).toEqual({ link: item.link, resolves: true });
      }
    }
  });

  it('has one feed per type and locale, holding only that type', () => {
    for (const locale of LOCALES) {
      for (const type of ['case-study', 'actor', 'funding-call', 'good-practice'] as const) {
        const { rss } = feed(`${locale}/${KB_TYPES[type].path}/feed.xml`);
        const expected = entries.filter((e) => e.locale === locale && e.collection === type).map((e) => `https://guide.aimf.example/${locale}/${KB_TYPES[type].path}/${e.slug}/`);
        expect((rss.channel.item ?? []).map((i: any) => i.link).sort()).toEqual(expected.sort());
      }
    }
    // The Arabic case-study feed leaves out the case study that has no Arabic text.
    expect(file('ar/case-studies/feed.xml')).not.toContain('lagos-collecte-des-dechets');
  });
});

describe('iCalendar feeds', () => {
  const raw = (path: string) => file(path);
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
  const events = (text: string) =>
    unfold(text)
      .split('BEGIN:VEVENT\r\n')
      .slice(1)
      .map((block) => Object.fromEntries(block.split('\r\n').filter((l) => l.includes(':') && !l.startsWith('END:VEVENT')).map((l) => [l.slice(0, l.indexOf(':')).split(';')[0], l.slice(l.indexOf(':') + 1)])));

  it('is valid RFC 5545 framing: CRLF only, lines of at most 75 octets, one VCALENDAR', () => {
    for (const locale of LOCALES) {
      const text = raw(`${locale}/funding-calls/deadlines.ics`);
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(text).toContain('PRODID:');
    }
  });

  it('has an event at the deadline instant of every call with a deadline, stable UID, DTSTAMP', () => {
    const list = events(raw('fr/funding-calls/deadlines.ics'));
    expect(list.map((e) => e.UID)).toEqual([
      'funding-call-appel-villes-durables-2026@guide.aimf.example',
      'funding-call-prix-innovation-urbaine-2026@guide.aimf.example',
    ]);
    // 23:59 in Paris on 20 March 2026 (UTC+1) and on 30 September 2026 (UTC+2).
    expect(list.map((e) => e.DTSTART)).toEqual(['20260320T225900Z', '20260930T215900Z']);
    for (const event of list) {
      expect(event.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(event.URL).toMatch(/^https:\/\/guide\.aimf\.example\/fr\/funding-calls\/[a-z0-9-]+\/$/);
    }
    expect(list[0].SUMMARY).toBe('Date limite : Appel « Villes durables » 2026');
    // Same UIDs in every locale: one call, one event.
    expect(events(raw('ar/funding-calls/deadlines.ics')).map((e) => e.UID)).toEqual(list.map((e) => e.UID));
    expect(events(raw('ar/funding-calls/deadlines.ics'))[0].SUMMARY).toBe('الموعد النهائي: دعوة «مدن مستدامة» 2026');
  });

  it('has a calendar per theme with only that theme’s calls', () => {
    expect(events(raw('fr/funding-calls/deadlines/services-urbains.ics')).map((e) => e.UID)).toEqual(['funding-call-appel-villes-durables-2026@guide.aimf.example']);
    // No deadline in that theme: still a valid calendar, holding one component (the UTC zone).
    expect(events(raw('en/funding-calls/deadlines/dechets.ics'))).toEqual([]);
    expect(raw('en/funding-calls/deadlines/dechets.ics')).toContain('BEGIN:VTIMEZONE\r\nTZID:UTC\r\n');
    expect(raw('fr/funding-calls/deadlines.ics')).not.toContain('VTIMEZONE');
  });

  it('folds inside no UTF-8 character and escapes TEXT', () => {
    const line = `SUMMARY:${'دعوة مدن مستدامة، '.repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});

/** RFC 4180: quoted fields, doubled quotes, CRLF between records. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
};

/** A CSV cell back to the JSON value of its column, by the documented rules. */
const decode = (kind: string, cell: string): unknown => {
  if (kind === 'list') return cell === '' ? [] : cell.split(';').map((v) => (/^\d+$/.test(v) && v.length < 3 ? Number(v) : v));
  if (kind === 'lines') return cell === '' ? [] : cell.split('\n');
  if (cell === '') return null;
  if (kind === 'json') return JSON.parse(cell);
  if (kind === 'number' || kind === 'integer') return Number(cell);
  if (kind === 'boolean') return cell === 'true';
  return cell;
};

describe('open data', () => {
  it('writes the same columns, in the same order, as the documented schema version 1', () => {
    expect(Object.fromEntries(TYPES.map((type) => [type, OPEN_DATA_COLUMNS[type].map((c) => c.name)]))).toEqual(SCHEMA_V1);
    for (const locale of LOCALES) {
      for (const type of TYPES) {
        const csv = file(`${locale}/data/${KB_TYPES[type].path}.csv`);
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(parseCsv(csv.slice(1))[0]).toEqual(SCHEMA_V1[type]);
        const json = JSON.parse(file(`${locale}/data/${KB_TYPES[type].path}.json`));
        expect(json).toMatchObject({ collection: type, locale, schemaVersion: 1, licence: { id: 'etalab-2.0' } });
        expect(json.columns.map((c: { name: string }) => c.name)).toEqual(SCHEMA_V1[type]);
        // No locale-suffixed column soup.
        expect(SCHEMA_V1[type].filter((name) => /_(fr|en|ar)$|(Fr|En|Ar)$/.test(name))).toEqual([]);
      }
    }
  });

  it('round-trips: the CSV parsed back equals the JSON, and the JSON equals the entries', () => {
    const now = new Date(FIXTURE_NOW);
    for (const locale of LOCALES) {
      for (const type of TYPES) {
        const columns = OPEN_DATA_COLUMNS[type];
        const json = JSON.parse(file(`${locale}/data/${KB_TYPES[type].path}.json`)).entries;
        const [, ...records] = parseCsv(file(`${locale}/data/${KB_TYPES[type].path}.csv`).slice(1));
        const fromCsv = records.map((cells) => Object.fromEntries(columns.map((c, i) => [c.name, decode(c.kind, cells[i])])));
        expect(fromCsv).toEqual(json);
        const expected = entries
          .filter((e) => e.locale === locale && e.collection === type)
          .map((e) => openDataRow(type, e as any, now))
          .sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
        expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
      }
    }
    // Spot check: relations by slug, lists joined with ";", Arabic kept as is.
    const [, ...calls] = parseCsv(file('ar/data/funding-calls.csv').slice(1));
    const call = calls.find((r) => r[0] === 'appel-villes-durables-2026')!;
    const at = (name: string) => call[SCHEMA_V1['funding-call'].indexOf(name)];
    expect([at('title'), at('eligibleBeneficiaries'), at('countries'), at('themes'), at('status'), at('funders')]).toEqual([
      'دعوة «مدن مستدامة» 2026',
      'local-governments;ngos',
      'FR;SN',
      'services-urbains',
      'closing-soon',
      'agence-exemple-de-financement',
    ]);
  });

  it('has a data page per locale linking every file, the licence, the API description and the schema', () => {
    for (const locale of LOCALES) {
      const doc = page(dist, `/${locale}/data/`);
      const hrefs = doc.querySelectorAll('a').map((a) => a.getAttribute('href')!);
      for (const type of TYPES) {
        for (const format of ['json', 'csv']) expect(hrefs).toContain(`/${locale}/data/${KB_TYPES[type].path}.${format}`);
      }
      expect(hrefs).toContain('/openapi.json');
      expect(doc.querySelector('a[rel="license"]')!.getAttribute('href')).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
      const documented = doc.querySelector('section[aria-labelledby="schema-funding-call"]')!.querySelectorAll('tbody th code').map((c) => c.text);
      expect(documented).toEqual(SCHEMA_V1['funding-call']);
      expect(page(dist, `/${locale}/`).querySelector(`.site-footer a[href="/${locale}/data/"]`)).not.toBeNull();
    }
  });

  it('publishes the OpenAPI 3 description generated from the plugin’s query whitelist', () => {
    const doc = JSON.parse(file('openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    for (const type of TYPES) {
      const list = doc.paths[`/api/knowledge-base/${KB_TYPES[type].path}`].get;
      const filters = list.parameters.filter((p: { name: string }) => p.name.startsWith('filters[')).map((p: { name: string }) => p.name.slice(8, -1));
      expect(filters).toEqual(Object.keys(PUBLIC_QUERY[type].filters));
      expect(doc.paths[`/api/knowledge-base/${KB_TYPES[type].path}/{slug}`].get.responses['404']).toBeDefined();
    }
    const status = doc.paths['/api/knowledge-base/funding-calls'].get.parameters.find((p: { name: string }) => p.name === 'filters[status]');
    expect(status.schema.items.enum).toEqual(['upcoming', 'open', 'closing-soon', 'closed', 'rolling', 'unknown']);
    expect(doc.components.schemas.FundingCall.properties.deadline).toEqual({ type: 'string', format: 'date-time' });
    expect(doc.paths['/api/knowledge-base/alerts'].post.responses['429']).toBeDefined();
    // The subscription store is not part of the public API.
    expect(JSON.stringify(doc)).not.toMatch(/alert-subscription|confirmTokenHash/);
  });
});

const SCHEMA_V1: Record<KbType, string[]> = {
  'case-study': ['slug', 'locale', 'title', 'summary', 'body', 'lessons', 'city', 'country', 'latitude', 'longitude', 'yearStart', 'yearEnd', 'stage', 'sdgs', 'themes', 'actors', 'actorRoles', 'goodPractices', 'fundingCalls', 'results', 'links', 'translationOrigin', 'sources', 'publishedAt', 'updatedAt'],
  actor: ['slug', 'locale', 'name', 'type', 'description', 'interests', 'competences', 'resources', 'network', 'priorities', 'difficulties', 'howToCollaborate', 'city', 'country', 'website', 'publicContact', 'aimfMember', 'themes', 'caseStudies', 'fundedCalls', 'translationOrigin', 'sources', 'publishedAt', 'updatedAt'],
  'funding-call': ['slug', 'locale', 'title', 'summary', 'body', 'instrument', 'funders', 'eligibleBeneficiaries', 'scopeLevel', 'countries', 'themes', 'amountMin', 'amountMax', 'currency', 'cofinancingRate', 'openingDate', 'deadline', 'timezone', 'recurrence', 'referenceYear', 'status', 'applicationUrl', 'contact', 'nextEdition', 'caseStudies', 'translationOrigin', 'sources', 'publishedAt', 'updatedAt'],
  'good-practice': ['slug', 'locale', 'title', 'summary', 'kind', 'leverCategory', 'problem', 'implementation', 'costs', 'timeline', 'keyQuestions', 'indicators', 'pitfalls', 'sdgs', 'themes', 'caseStudies', 'relatedPractices', 'translationOrigin', 'sources', 'publishedAt', 'updatedAt'],
  theme: ['slug', 'locale', 'name', 'description', 'parent', 'children', 'translationOrigin', 'sources', 'publishedAt', 'updatedAt'],
};
