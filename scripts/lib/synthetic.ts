/**
 * Synthetic content for benchmarks: a seed-format folder (see seed/README.md) with any number of
 * entries across the five collections, in French, English and Arabic, with relations that resolve.
 * The text is assembled from parallel phrase lists so it reads like the real entries and has their
 * length; every entry cites SYNTHETIC_DOCUMENT so nobody mistakes it for real content.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ACTOR_ROLES, ACTOR_TYPES, BENEFICIARIES, CASE_STUDY_STAGES, INSTRUMENTS, LEVER_CATEGORIES, PRACTICE_KINDS, SCOPE_LEVELS,
} from '../../plugins/knowledge-base/server/src/shared/content-types';
import { SYNTHETIC_DOCUMENT, type SeedCollection } from '../../seed/schema';
import { SEED_DIR } from './paths';
import {
  type Tri, type Lang, LANGS, prng, CITIES, TOPICS, TOPIC_NAMES, ASPECTS, OBJECTS, INFINITIVES, QUESTIONS, INDICATORS, TIMELINES, ORG_SUFFIX, INSTRUMENT_NAMES, TIMEZONES, slugify, orgName, arabicDigits, sentence, paragraph, body,
} from './synthetic-words';

/** Share of each collection in the real seed (530 entries): many actors and practices, few calls and themes. */
const PROPORTIONS: Record<SeedCollection, number> = {
  themes: 0.068, actors: 0.389, 'funding-calls': 0.062, 'good-practices': 0.298, 'case-studies': 0.183,
};

/** How many entries of each collection make `entries` in total, in the real seed's proportions. */
export function syntheticCounts(entries: number): Record<SeedCollection, number> {
  if (!Number.isInteger(entries) || entries < 5) throw new Error(`entries must be an integer ≥ 5 (one per collection), not ${entries}`);
  const names = Object.keys(PROPORTIONS) as SeedCollection[];
  const counts = Object.fromEntries(names.map((n) => [n, Math.max(1, Math.floor(entries * PROPORTIONS[n]))])) as Record<SeedCollection, number>;
  let missing = entries - names.reduce((sum, n) => sum + counts[n], 0);
  const byShare = [...names].sort((a, b) => PROPORTIONS[b] - PROPORTIONS[a]);
  for (let i = 0; missing !== 0; i++) {
    const name = byShare[i % byShare.length];
    if (missing < 0 && counts[name] === 1) continue;
    counts[name] += Math.sign(missing);
    missing -= Math.sign(missing);
  }
  return counts;
}

export interface SyntheticOptions {
  /** Entries in total, across the five collections. */
  entries: number;
  /** The same number gives the same files, byte for byte. */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a seed-format folder with `entries` synthetic entries. The folder's collection
 * sub-folders are replaced; the repository's own seed/ is refused.
 */
export function writeSyntheticSeed(dir: string, { entries, seed = 1, onProgress }: SyntheticOptions): { counts: Record<string, number> } {
  if (resolve(dir) === resolve(SEED_DIR)) throw new Error('writeSyntheticSeed: refusing to overwrite the real seed/ folder');
  const counts = syntheticCounts(entries);
  const rng = prng(seed);
  const source = (collection: string, index: number) => [{ document: SYNTHETIC_DOCUMENT, section: `Synthetic ${collection} #${index} (seed ${seed}); not real content` }];
  const localized = (build: (lang: Lang) => Record<string, unknown>) =>
    Object.fromEntries(LANGS.map((locale, lang) => [locale, { ...build(lang as Lang), translationOrigin: lang === 0 ? 'original' : 'machine' }]));
  const numbered = (base: string, index: number) => `${slugify(base).slice(0, 60).replace(/-$/, '')}-${index + 1}`;

  // Slugs and topics first, so relations can name entries written later.
  const themeTopic = Array.from({ length: counts.themes }, (_, i) => i % TOPICS.length);
  const themeSlugs = themeTopic.map((t, i) => (i < TOPICS.length ? slugify(TOPIC_NAMES[t][0]) : numbered(`${TOPIC_NAMES[t][0]} ${ASPECTS[i % ASPECTS.length][0]}`, i)));
  const plan = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));
  const actorPlan = plan(counts.actors, (i) => {
    const type = i % 5 === 0 ? 'local-government' : rng.pick(ACTOR_TYPES);
    const city = rng.pick(CITIES);
    const name: Tri = type === 'local-government'
      ? [`Ville de ${city[0]}`, `City of ${city[1]}`, `مدينة ${city[2]}`]
      : (() => {
          const base = orgName(rng);
          const suffix = ORG_SUFFIX[type] ?? ['', '', ''];
          return [`${suffix[0]} ${base}`.trim(), `${base} ${suffix[1]}`.trim(), `${suffix[2]} ${base}`.trim()];
        })();
    return { type, city, name, slug: numbered(name[0], i) };
  });
  const casePlan = plan(counts['case-studies'], (i) => {
    const city = rng.pick(CITIES);
    const topic = rng.int(0, TOPICS.length - 1);
    const object = rng.pick(OBJECTS);
    const title: Tri = [`${city[0]} : ${object[0]} pour ${TOPICS[topic][0]}`, `${city[1]}: ${object[1]} for ${TOPICS[topic][1]}`, `${city[2]}: ${object[2]} من أجل ${TOPICS[topic][2]}`];
    return { city, topic, title, slug: numbered(`${city[0]} ${object[0]} ${TOPIC_NAMES[topic][0]}`, i) };
  });
  const practicePlan = plan(counts['good-practices'], (i) => {
    const topic = rng.int(0, TOPICS.length - 1);
    const [verb, object] = [rng.pick(INFINITIVES), rng.pick(OBJECTS)];
    const title: Tri = [`${verb[0]} ${object[0]} pour ${TOPICS[topic][0]}`, `${verb[1]} ${object[1]} for ${TOPICS[topic][1]}`, `${verb[2]} ${object[2]} من أجل ${TOPICS[topic][2]}`];
    return { topic, title, slug: numbered(title[0], i) };
  });
  const callPlan = plan(counts['funding-calls'], (i) => {
    const instrument = rng.pick(INSTRUMENTS);
    const topic = rng.int(0, TOPICS.length - 1);
    const year = rng.int(2014, 2028);
    const n = INSTRUMENT_NAMES[instrument];
    const title: Tri = [`${n[0]} ${TOPIC_NAMES[topic][0].toLowerCase()} ${year}`, `${n[1]}: ${TOPIC_NAMES[topic][1].toLowerCase()} ${year}`, `${n[2]} ${TOPIC_NAMES[topic][2]} ${arabicDigits(String(year))}`];
    return { instrument, topic, year, title, slug: numbered(title[0], i) };
  });
  const themesOf = (topic: number) => {
    const same = themeSlugs.filter((_, i) => themeTopic[i] === topic);
    return rng.sample(same.length ? same : themeSlugs, rng.int(1, 2)).concat(rng.chance(0.3) ? [rng.pick(themeSlugs)] : []).filter((s, i, all) => all.indexOf(s) === i);
  };

  const files: [SeedCollection, string, unknown][] = [];
  themeTopic.forEach((t, i) => {
    const aspect = ASPECTS[i % ASPECTS.length];
    const top = i < TOPICS.length;
    const description = paragraph(rng, rng.pick(CITIES), TOPICS[t], 2, 3);
    const round = i >= TOPICS.length * (ASPECTS.length + 1) ? ` (${Math.floor(i / TOPICS.length)})` : '';
    files.push(['themes', themeSlugs[i], {
      slug: themeSlugs[i],
      parent: top ? null : themeSlugs[t],
      sources: source('theme', i + 1),
      ...localized((l) => ({
        name: top ? TOPIC_NAMES[t][l] : `${TOPIC_NAMES[t][l]}${l === 0 ? ' : ' : ': '}${aspect[l]}${round}`,
        description: description.get(l),
      })),
    }]);
  });
  actorPlan.forEach((a, i) => {
    const topic = rng.pick(TOPICS);
    const fiche = (p: number) => (rng.chance(p) ? paragraph(rng, a.city, topic, 1, 3) : null);
    const [interests, competences, resources, network, priorities, difficulties, howToCollaborate] = [0.6, 0.6, 0.4, 0.4, 0.5, 0.5, 0.4].map(fiche);
    const description = paragraph(rng, a.city, topic, 2, 4);
    files.push(['actors', a.slug, {
      slug: a.slug,
      type: a.type,
      city: a.type === 'local-government' || rng.chance(0.6) ? a.city[0] : null,
      country: a.city[3],
      website: rng.chance(0.5) ? `https://example.org/synthetic/${a.slug}` : null,
      publicContact: null,
      aimfMember: a.type === 'local-government' ? rng.chance(0.7) : null,
      themes: rng.sample(themeSlugs, rng.int(0, 3)),
      sources: source('actor', i + 1),
      ...localized((l) => ({
        name: a.name[l],
        description: description.get(l),
        ...Object.fromEntries(Object.entries({ interests, competences, resources, network, priorities, difficulties, howToCollaborate })
          .filter(([, v]) => v).map(([k, v]) => [k, v!.get(l)])),
      })),
    }]);
    onProgress?.(files.length, entries);
  });
  callPlan.forEach((c, i) => {
    const city = rng.pick(CITIES);
    const kind = rng.int(0, 2); // rolling, a year in the past, or dated
    const month = rng.int(1, 12);
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const country = city[3];
    const amountMax = rng.chance(0.6) ? rng.pick([50_000, 100_000, 250_000, 1_000_000, 5_000_000]) : null;
    const [summary, text] = [sentence(rng, city, TOPICS[c.topic]), body(rng, city, TOPICS[c.topic], 2, 4)];
    files.push(['funding-calls', c.slug, {
      slug: c.slug,
      instrument: c.instrument,
      funders: rng.sample(actorPlan.map((a) => a.slug), rng.int(1, 2)),
      eligibleBeneficiaries: rng.sample(BENEFICIARIES, rng.int(1, 3)),
      scopeLevel: rng.pick(SCOPE_LEVELS),
      countries: rng.chance(0.7) ? [country] : [],
      themes: themesOf(c.topic),
      amountMin: amountMax && rng.chance(0.5) ? amountMax / 10 : null,
      amountMax,
      currency: amountMax ? rng.pick(['EUR', 'XOF', 'USD']) : null,
      cofinancingRate: rng.chance(0.3) ? rng.pick([50, 70, 80]) : null,
      openingDate: kind === 2 ? `${c.year}-${String(month).padStart(2, '0')}-01` : null,
      deadline: kind === 2 ? `${c.year + (month > 9 ? 1 : 0)}-${String(((month + 2) % 12) + 1).padStart(2, '0')}-${day}T23:59:00+00:00` : null,
      timezone: kind === 2 ? (TIMEZONES[country] ?? 'UTC') : null,
      recurrence: kind === 0 ? 'rolling' : rng.pick(['one-off', 'annual'] as const),
      referenceYear: kind === 1 ? Math.min(c.year, 2022) : null,
      applicationUrl: rng.chance(0.5) ? `https://example.org/synthetic/${c.slug}` : null,
      nextEdition: i + 1 < callPlan.length && rng.chance(0.1) ? callPlan[i + 1].slug : null,
      sources: source('funding call', i + 1),
      ...localized((l) => ({ title: c.title[l], summary: summary.get(l), body: text.get(l), contact: null })),
    }]);
    onProgress?.(files.length, entries);
  });
  practicePlan.forEach((p, i) => {
    const city = rng.pick(CITIES);
    const topic = TOPICS[p.topic];
    const [summary, problem, implementation, costs, pitfalls] = [
      sentence(rng, city, topic), paragraph(rng, city, topic, 2, 4), body(rng, city, topic, 2, 4), paragraph(rng, city, topic, 1, 2), paragraph(rng, city, topic, 1, 3),
    ];
    const timeline = rng.pick(TIMELINES);
    const questions = rng.sample(QUESTIONS, rng.int(0, 4));
    const indicators = rng.sample(INDICATORS, rng.int(0, 3));
    files.push(['good-practices', p.slug, {
      slug: p.slug,
      kind: rng.pick(PRACTICE_KINDS),
      leverCategory: rng.pick(LEVER_CATEGORIES),
      themes: themesOf(p.topic),
      sdgs: rng.sample([6, 7, 9, 11, 12, 13, 16, 17], rng.int(1, 3)).sort((a, b) => a - b),
      caseStudies: rng.sample(casePlan.map((c) => c.slug), rng.int(0, 3)),
      relatedPractices: rng.sample(practicePlan.filter((_, j) => j !== i).map((q) => q.slug), rng.int(0, 2)),
      sources: source('good practice', i + 1),
      ...localized((l) => ({
        title: p.title[l], summary: summary.get(l), problem: problem.get(l), implementation: implementation.get(l), costs: costs.get(l),
        timeline: timeline[l], keyQuestions: questions.map((q) => q[l]), indicators: indicators.map((x) => x[l]), pitfalls: pitfalls.get(l),
      })),
    }]);
    onProgress?.(files.length, entries);
  });
  casePlan.forEach((c, i) => {
    const topic = TOPICS[c.topic];
    const stage = rng.pick(CASE_STUDY_STAGES);
    const yearStart = rng.int(2008, 2023);
    const [summary, text] = [sentence(rng, c.city, topic), body(rng, c.city, topic, 3, 5)];
    const lessons = Array.from({ length: rng.int(1, 3) }, () => sentence(rng, c.city, topic));
    const link = rng.chance(0.3);
    const located = rng.chance(0.5);
    const results = rng.sample(INDICATORS, rng.int(0, 2)).map((ind) => ({ ind, value: rng.int(10, 20_000), year: Math.min(yearStart + rng.int(1, 4), 2024) }));
    files.push(['case-studies', c.slug, {
      slug: c.slug,
      city: c.city[0],
      country: c.city[3],
      latitude: located ? c.city[4] : null,
      longitude: located ? c.city[5] : null,
      yearStart,
      yearEnd: stage === 'ended' ? Math.min(yearStart + rng.int(1, 5), 2025) : null,
      stage,
      themes: themesOf(c.topic),
      sdgs: rng.sample([6, 7, 9, 11, 12, 13, 16, 17], rng.int(1, 3)).sort((a, b) => a - b),
      actors: rng.sample(actorPlan, rng.int(1, 3)).map((a, j) => ({ actor: a.slug, role: j === 0 ? 'initiator' : rng.pick(ACTOR_ROLES) })),
      goodPractices: rng.sample(practicePlan.map((p) => p.slug), rng.int(0, 2)),
      fundingCalls: rng.chance(0.3) ? [rng.pick(callPlan).slug] : [],
      sources: source('case study', i + 1),
      ...localized((l) => ({
        title: c.title[l],
        summary: summary.get(l),
        body: text.get(l),
        lessons: lessons.map((x) => x.get(l)),
        results: results.map(({ ind, value, year }) => ({ indicator: ind[l], value, unit: ind[3][l], year })),
        links: link ? [{ label: ['Fiche du projet (synthétique)', 'Project page (synthetic)', 'صفحة المشروع (اصطناعية)'][l], url: `https://example.org/synthetic/${c.slug}` }] : [],
      })),
    }]);
    onProgress?.(files.length, entries);
  });

  for (const collection of Object.keys(PROPORTIONS)) {
    rmSync(join(dir, collection), { recursive: true, force: true });
    mkdirSync(join(dir, collection), { recursive: true });
  }
  for (const [collection, slug, data] of files) writeFileSync(join(dir, collection, `${slug}.json`), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), `# Synthetic content: not real\n\nWritten by scripts/lib/synthetic.ts (${entries} entries, seed ${seed}) for benchmarks. Every entry cites "${SYNTHETIC_DOCUMENT}".\n`);
  return { counts };
}
