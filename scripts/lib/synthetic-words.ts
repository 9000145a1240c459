/**
 * The words of synthetic content (scripts/lib/synthetic.ts): a seeded random source, parallel
 * phrase lists in French, English and Arabic, and the sentences and paragraphs built from them.
 */
import { ACTOR_TYPES, INSTRUMENTS } from '../../plugins/knowledge-base/server/src/shared/content-types';

export type Tri = readonly [fr: string, en: string, ar: string];
export type Lang = 0 | 1 | 2;
export const LANGS = ['fr', 'en', 'ar'] as const;


/** mulberry32: small, fast and the same on every machine, which Math.random is not. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const chance = (p: number) => next() < p;
  /** `count` distinct items of `list` (fewer when the list is shorter). */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    const wanted = Math.min(count, list.length);
    while (chosen.size < wanted) chosen.add(Math.floor(next() * list.length));
    return [...chosen].map((i) => list[i]);
  };
  return { next, int, pick, chance, sample };
}
export type Rng = ReturnType<typeof prng>;

export const CITIES: readonly (readonly [fr: string, en: string, ar: string, country: string, lat: number, lon: number])[] = [
  ['Dakar', 'Dakar', 'داكار', 'SN', 14.69, -17.44], ['Abidjan', 'Abidjan', 'أبيدجان', 'CI', 5.36, -4.01],
  ['Bamako', 'Bamako', 'باماكو', 'ML', 12.64, -8.0], ['Ouagadougou', 'Ouagadougou', 'واغادوغو', 'BF', 12.37, -1.52],
  ['Niamey', 'Niamey', 'نيامي', 'NE', 13.51, 2.11], ['Cotonou', 'Cotonou', 'كوتونو', 'BJ', 6.37, 2.39],
  ['Lomé', 'Lomé', 'لومي', 'TG', 6.13, 1.22], ['Conakry', 'Conakry', 'كوناكري', 'GN', 9.64, -13.58],
  ['Yaoundé', 'Yaoundé', 'ياوندي', 'CM', 3.85, 11.5], ['Douala', 'Douala', 'دوالا', 'CM', 4.05, 9.77],
  ['Libreville', 'Libreville', 'ليبرفيل', 'GA', 0.42, 9.47], ['Kinshasa', 'Kinshasa', 'كينشاسا', 'CD', -4.44, 15.27],
  ['Brazzaville', 'Brazzaville', 'برازافيل', 'CG', -4.26, 15.24], ['Antananarivo', 'Antananarivo', 'أنتاناناريفو', 'MG', -18.88, 47.51],
  ['Port-Louis', 'Port Louis', 'بورت لويس', 'MU', -20.16, 57.5], ['Tunis', 'Tunis', 'تونس', 'TN', 36.81, 10.18],
  ['Rabat', 'Rabat', 'الرباط', 'MA', 34.02, -6.84], ['Casablanca', 'Casablanca', 'الدار البيضاء', 'MA', 33.57, -7.59],
  ['Nouakchott', 'Nouakchott', 'نواكشوط', 'MR', 18.08, -15.98], ['Beyrouth', 'Beirut', 'بيروت', 'LB', 33.89, 35.5],
  ['Montréal', 'Montreal', 'مونتريال', 'CA', 45.5, -73.57], ['Québec', 'Quebec City', 'كيبك', 'CA', 46.81, -71.21],
  ['Lyon', 'Lyon', 'ليون', 'FR', 45.76, 4.84], ['Bordeaux', 'Bordeaux', 'بوردو', 'FR', 44.84, -0.58],
  ['Bruxelles', 'Brussels', 'بروكسل', 'BE', 50.85, 4.35], ['Genève', 'Geneva', 'جنيف', 'CH', 46.2, 6.14],
  ['Phnom Penh', 'Phnom Penh', 'بنوم بنه', 'KH', 11.56, 104.92], ['Hué', 'Hue', 'هوي', 'VN', 16.46, 107.59],
  ['Port-au-Prince', 'Port-au-Prince', 'بورت أو برنس', 'HT', 18.54, -72.34], ['Kigali', 'Kigali', 'كيغالي', 'RW', -1.95, 30.06],
  ['Bujumbura', 'Bujumbura', 'بوجمبورا', 'BI', -3.38, 29.36], ["N'Djamena", "N'Djamena", 'نجامينا', 'TD', 12.13, 15.06],
  ['Bangui', 'Bangui', 'بانغي', 'CF', 4.39, 18.56], ['Djibouti', 'Djibouti', 'جيبوتي', 'DJ', 11.59, 43.15],
  ['Saint-Louis', 'Saint-Louis', 'سان لويس', 'SN', 16.03, -16.49], ['Sfax', 'Sfax', 'صفاقس', 'TN', 34.74, 10.76],
];

export const TOPICS: readonly Tri[] = [
  ['la gestion des déchets', 'waste management', 'إدارة النفايات'], ['la mobilité urbaine', 'urban mobility', 'التنقل الحضري'],
  ["l'accès à l'eau potable", 'access to drinking water', 'الحصول على مياه الشرب'], ["l'éclairage public", 'street lighting', 'الإنارة العمومية'],
  ['la participation citoyenne', 'citizen participation', 'المشاركة المواطنة'], ['les données ouvertes', 'open data', 'البيانات المفتوحة'],
  ["l'assainissement", 'sanitation', 'الصرف الصحي'], ["l'énergie solaire", 'solar energy', 'الطاقة الشمسية'],
  ["l'état civil numérique", 'the digital civil registry', 'الحالة المدنية الرقمية'], ['les marchés municipaux', 'municipal markets', 'الأسواق البلدية'],
  ['la fiscalité locale', 'local taxation', 'الجباية المحلية'], ["l'adaptation au climat", 'climate adaptation', 'التكيف مع المناخ'],
  ['les espaces verts', 'green spaces', 'المساحات الخضراء'], ['le logement social', 'social housing', 'السكن الاجتماعي'],
  ['le transport collectif', 'public transport', 'النقل الجماعي'], ['le cadastre', 'the land registry', 'السجل العقاري'],
  ['la santé communautaire', 'community health', 'الصحة المجتمعية'], ["l'éducation numérique", 'digital education', 'التعليم الرقمي'],
  ['la prévention des inondations', 'flood prevention', 'الوقاية من الفيضانات'], ["l'économie circulaire", 'the circular economy', 'الاقتصاد الدائري'],
  ['les tiers-lieux', 'third places', 'الفضاءات الثالثة'], ['la sécurité routière', 'road safety', 'السلامة الطرقية'],
  ['la commande publique innovante', 'innovative public procurement', 'الصفقات العمومية المبتكرة'], ["l'agriculture urbaine", 'urban agriculture', 'الزراعة الحضرية'],
];
/** Theme names without the article the sentences need. */
export const TOPIC_NAMES: readonly Tri[] = TOPICS.map(([fr, en, ar]) => [
  fr.replace(/^(la |le |les |l')/, '').replace(/^./, (c) => c.toUpperCase()), en.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase()), ar,
]);
export const ASPECTS: readonly Tri[] = [
  ['financement', 'funding', 'التمويل'], ['gouvernance', 'governance', 'الحوكمة'], ['outils numériques', 'digital tools', 'الأدوات الرقمية'],
  ['quartiers précaires', 'informal settlements', 'الأحياء الهشة'], ['suivi et évaluation', 'monitoring and evaluation', 'المتابعة والتقييم'],
  ['coopération décentralisée', 'decentralised cooperation', 'التعاون اللامركزي'], ['petites villes', 'small towns', 'المدن الصغيرة'],
  ['formation des agents', 'staff training', 'تكوين الموظفين'],
];
export const SUBJECTS: readonly Tri[] = [
  ['La municipalité', 'The municipality', 'البلدية'], ['Le conseil municipal', 'The city council', 'المجلس البلدي'],
  ['Une association de quartier', 'A neighbourhood association', 'جمعية حي'], ["L'opérateur privé", 'The private operator', 'المشغل الخاص'],
  ['Une start-up locale', 'A local start-up', 'شركة ناشئة محلية'], ["L'agence nationale", 'The national agency', 'الوكالة الوطنية'],
  ['Un bailleur international', 'An international donor', 'جهة مانحة دولية'], ["L'université", 'The university', 'الجامعة'],
  ['Le service technique', 'The technical department', 'المصلحة التقنية'], ['Un collectif d’habitants', 'A residents’ collective', 'تجمع من السكان'],
];
export const VERBS: readonly Tri[] = [
  ['a lancé', 'launched', 'أطلقت'], ['met en œuvre', 'is implementing', 'تنفذ'], ['a expérimenté', 'piloted', 'جرّبت'],
  ['finance', 'funds', 'تموّل'], ['coordonne', 'coordinates', 'تنسّق'], ['évalue', 'is evaluating', 'تقيّم'],
  ['a étendu', 'extended', 'وسّعت'], ['accompagne', 'supports', 'تواكب'], ['a conçu', 'designed', 'صمّمت'], ['pilote', 'runs', 'تدير'],
];
export const OBJECTS: readonly Tri[] = [
  ['un programme pilote', 'a pilot programme', 'برنامجًا تجريبيًا'], ['une plateforme numérique', 'a digital platform', 'منصة رقمية'],
  ['un dispositif de collecte', 'a collection scheme', 'نظامًا للجمع'], ['un budget participatif', 'a participatory budget', 'ميزانية تشاركية'],
  ['un guichet unique', 'a one-stop shop', 'شباكًا موحدًا'], ['un partenariat public-privé', 'a public-private partnership', 'شراكة بين القطاعين العام والخاص'],
  ['une campagne de sensibilisation', 'an awareness campaign', 'حملة توعية'], ['un réseau de capteurs', 'a sensor network', 'شبكة من أجهزة الاستشعار'],
  ["un fonds d'amorçage", 'a seed fund', 'صندوقًا للتمويل الأولي'], ['un observatoire', 'an observatory', 'مرصدًا'],
  ['un schéma directeur', 'a master plan', 'مخططًا توجيهيًا'], ['une régie municipale', 'a municipal utility', 'وكالة بلدية'],
  ['un laboratoire urbain', 'an urban lab', 'مختبرًا حضريًا'], ['une application mobile', 'a mobile app', 'تطبيقًا للهاتف المحمول'],
];
export const INFINITIVES: readonly Tri[] = [
  ['Créer', 'Create', 'إنشاء'], ['Mettre en place', 'Set up', 'وضع'], ['Évaluer', 'Evaluate', 'تقييم'], ['Financer', 'Fund', 'تمويل'],
  ['Cartographier', 'Map', 'رسم خريطة'], ['Mutualiser', 'Pool', 'تجميع'], ['Ouvrir', 'Open', 'فتح'], ['Pérenniser', 'Sustain', 'استدامة'],
];
export const STATEMENTS: readonly Tri[] = [
  ['Les premiers résultats montrent une baisse des coûts de {n} %.', 'Early results show costs down by {n}%.', 'تُظهر النتائج الأولى انخفاض التكاليف بنسبة {n}٪.'],
  ['Le projet a touché environ {n} foyers.', 'The project reached about {n} households.', 'شمل المشروع حوالي {n} أسرة.'],
  ['La principale difficulté reste le financement de la maintenance.', 'The main difficulty remains funding maintenance.', 'تبقى الصعوبة الرئيسية تمويل الصيانة.'],
  ['Les habitants ont été associés dès la phase de diagnostic.', 'Residents were involved from the diagnosis phase.', 'أُشرك السكان منذ مرحلة التشخيص.'],
  ["Aucune évaluation indépendante n'est disponible à ce jour.", 'No independent evaluation is available to date.', 'لا يتوفر حتى الآن أي تقييم مستقل.'],
  ['La démarche pourrait être reproduite dans des villes de taille comparable.', 'The approach could be replicated in cities of similar size.', 'يمكن تكرار هذا النهج في مدن ذات حجم مماثل.'],
  ['Le dispositif repose sur une convention signée pour {n} ans.', 'The scheme rests on an agreement signed for {n} years.', 'يستند النظام إلى اتفاقية موقعة لمدة {n} سنوات.'],
  ['Les agents municipaux ont suivi une formation préalable.', 'Municipal staff received prior training.', 'تلقى موظفو البلدية تكوينًا مسبقًا.'],
  ["Le rapport souligne l'importance d'un portage politique fort.", 'The report stresses the importance of strong political backing.', 'يؤكد التقرير أهمية وجود دعم سياسي قوي.'],
  ['Les données collectées sont publiées chaque trimestre.', 'The data collected is published every quarter.', 'تُنشر البيانات المجمعة كل ثلاثة أشهر.'],
  ['Près de {n} emplois locaux ont été créés.', 'Nearly {n} local jobs were created.', 'تم خلق ما يقارب {n} فرصة عمل محلية.'],
  ['Le coût de fonctionnement est couvert en partie par les usagers.', 'Running costs are partly covered by users.', 'يغطي المستعملون جزءًا من تكاليف التشغيل.'],
];
export const QUESTIONS: readonly Tri[] = [
  ['Qui porte le projet au sein de la municipalité ?', 'Who leads the project within the municipality?', 'من يقود المشروع داخل البلدية؟'],
  ['Quelles ressources budgétaires sont mobilisables ?', 'Which budget resources can be mobilised?', 'ما الموارد المالية التي يمكن تعبئتها؟'],
  ['Comment associer les habitants dès le départ ?', 'How can residents be involved from the start?', 'كيف يمكن إشراك السكان منذ البداية؟'],
  ['Quels indicateurs suivre pour mesurer les effets ?', 'Which indicators should be tracked to measure effects?', 'ما المؤشرات التي ينبغي تتبعها لقياس الآثار؟'],
  ['Quels partenaires techniques solliciter ?', 'Which technical partners should be approached?', 'ما الشركاء التقنيون الذين ينبغي التواصل معهم؟'],
  ['Comment assurer la maintenance après la phase pilote ?', 'How will maintenance be ensured after the pilot?', 'كيف تُضمن الصيانة بعد المرحلة التجريبية؟'],
];
export const INDICATORS: readonly (readonly [fr: string, en: string, ar: string, unit: Tri])[] = [
  ['foyers desservis', 'households served', 'الأسر المستفيدة', ['foyers', 'households', 'أسرة']],
  ['tonnes de déchets collectées', 'tonnes of waste collected', 'أطنان النفايات المجمعة', ['t', 't', 'طن']],
  ['usagers inscrits', 'registered users', 'المستعملون المسجلون', ['personnes', 'people', 'شخص']],
  ['points lumineux installés', 'light points installed', 'نقاط الإنارة المركبة', ['unités', 'units', 'وحدة']],
  ['économies annuelles', 'annual savings', 'الوفورات السنوية', ['%', '%', '٪']],
];
export const TIMELINES: readonly Tri[] = [
  ['De six mois à un an pour la phase pilote.', 'Six months to a year for the pilot phase.', 'من ستة أشهر إلى سنة للمرحلة التجريبية.'],
  ['Deux à trois ans, avec une évaluation à mi-parcours.', 'Two to three years, with a mid-term evaluation.', 'سنتان إلى ثلاث سنوات، مع تقييم في منتصف المدة.'],
  ['Un mandat municipal.', 'One municipal term.', 'ولاية بلدية واحدة.'],
];
export const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'to', 'se', 'nu', 'ba', 'di', 'fa', 'ko', 'ya', 'zi', 'wa', 'ne', 'su'];
export const ORG_SUFFIX: Partial<Record<(typeof ACTOR_TYPES)[number], Tri>> = {
  startup: ['Lab', 'Lab', 'Lab'], company: ['Services', 'Services', 'Services'], 'third-place': ['Hub', 'Hub', 'Hub'],
  'incubator-accelerator': ['Incubateur', 'Incubator', 'حاضنة'], media: ['Médias', 'Media', 'ميديا'],
  'ngo-association': ['Association', 'Association', 'جمعية'], network: ['Réseau', 'Network', 'شبكة'],
  'foundation-investor': ['Fondation', 'Foundation', 'مؤسسة'], 'university-research': ['Institut', 'Institute', 'معهد'],
  'public-agency': ['Agence', 'Agency', 'وكالة'], 'citizen-collective': ['Collectif', 'Collective', 'تجمع'],
  'international-organisation': ['Programme', 'Programme', 'برنامج'], 'national-government': ['Ministère', 'Ministry', 'وزارة'],
};
export const INSTRUMENT_NAMES: Record<(typeof INSTRUMENTS)[number], Tri> = {
  'call-for-projects': ['Appel à projets', 'Call for projects', 'دعوة لتقديم المشاريع'], prize: ['Prix', 'Prize', 'جائزة'],
  'grant-programme': ['Programme de subventions', 'Grant programme', 'برنامج منح'], loan: ['Prêt', 'Loan', 'قرض'],
  guarantee: ['Garantie', 'Guarantee', 'ضمان'], equity: ['Fonds de participation', 'Equity fund', 'صندوق مساهمة'],
  'technical-assistance': ['Assistance technique', 'Technical assistance', 'مساعدة تقنية'],
  'cooperation-programme': ['Programme de coopération', 'Cooperation programme', 'برنامج تعاون'],
  'tax-incentive': ['Incitation fiscale', 'Tax incentive', 'حافز ضريبي'],
};
export const TIMEZONES: Record<string, string> = { SN: 'Africa/Dakar', CI: 'Africa/Abidjan', FR: 'Europe/Paris', CA: 'America/Toronto', MA: 'Africa/Casablanca', TN: 'Africa/Tunis' };
export const PREP: Tri = ['pour', 'for', 'من أجل'];
export const IN: Tri = ['à', 'in', 'في'];
export const SINCE: Tri = ['depuis', 'since', 'منذ'];

export const slugify = (text: string) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
export const orgName = (rng: Rng) => {
  const word = () => Array.from({ length: rng.int(2, 3) }, () => rng.pick(SYLLABLES)).join('');
  return word().replace(/^./, (c) => c.toUpperCase()) + (rng.chance(0.4) ? ` ${word().replace(/^./, (c) => c.toUpperCase())}` : '');
};
export const arabicDigits = (text: string) => text.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);

/** Text in the three languages, built side by side so the translations say the same thing. */
export class Trilingual {
  constructor(readonly parts: [string, string, string] = ['', '', '']) {}
  static of(fr: string, en: string, ar: string) {
    return new Trilingual([fr, en, ar]);
  }
  get(lang: Lang) {
    return this.parts[lang];
  }
}
export const join3 = (items: Trilingual[], separator: string) =>
  Trilingual.of(...([0, 1, 2] as Lang[]).map((l) => items.map((i) => i.get(l)).join(separator)) as [string, string, string]);
export const fill = (tri: Tri, n: number) => Trilingual.of(tri[0].replace('{n}', String(n)), tri[1].replace('{n}', String(n)), tri[2].replace('{n}', arabicDigits(String(n))));

export function sentence(rng: Rng, city: (typeof CITIES)[number], topic: Tri): Trilingual {
  if (rng.chance(0.35)) {
    const statement = rng.pick(STATEMENTS);
    // Each figure in its own plausible range: years of a convention are not households.
    const n = statement[0].includes('ans') ? rng.int(2, 15) : statement[0].includes('%') ? rng.int(5, 45) : rng.int(2, 400) * 10;
    return fill(statement, n);
  }
  const [s, v, o] = [rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS)];
  const year = rng.int(2008, 2024);
  const t = rng.chance(0.5) ? topic : rng.pick(TOPICS);
  const place = rng.chance(0.5);
  return Trilingual.of(
    `${s[0]} ${v[0]} ${o[0]} ${PREP[0]} ${t[0]}${place ? ` ${IN[0]} ${city[0]}` : ''} ${SINCE[0]} ${year}.`,
    `${s[1]} ${v[1]} ${o[1]} ${PREP[1]} ${t[1]}${place ? ` ${IN[1]} ${city[1]}` : ''} ${SINCE[1]} ${year}.`,
    `${v[2]} ${s[2]} ${o[2]} ${PREP[2]} ${t[2]}${place ? ` ${IN[2]} ${city[2]}` : ''} ${SINCE[2]} ${arabicDigits(String(year))}.`,
  );
}
export const paragraph = (rng: Rng, city: (typeof CITIES)[number], topic: Tri, min = 3, max = 5) =>
  join3(Array.from({ length: rng.int(min, max) }, () => sentence(rng, city, topic)), ' ');
export const body = (rng: Rng, city: (typeof CITIES)[number], topic: Tri, min = 3, max = 5) =>
  join3(Array.from({ length: rng.int(min, max) }, () => paragraph(rng, city, topic)), '\n\n');
