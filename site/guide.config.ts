/**
 * What makes this site the AIMF's guide: name, publisher, logo, locales, colours, source
 * documents. Another network runs its own guide by editing this file (site/README.md,
 * "Running another network's guide"); every build checks it and names any bad field.
 */
import { defineGuide } from './src/utils/guide-config';

export default defineGuide({
  name: {
    fr: "Guide de l'innovation urbaine",
    en: 'Urban Innovation Guide',
    ar: 'دليل الابتكار الحضري',
  },
  description: {
    fr: "Un guide libre et multilingue de l'innovation urbaine : ce que les villes ont fait, avec qui, comment le financer et ce qu'on peut en retenir.",
    en: 'An open, multilingual guide to urban innovation: what cities have done, with whom, how to fund it and what can be learned from it.',
    ar: 'دليل مفتوح ومتعدد اللغات للابتكار الحضري: ما أنجزته المدن، ومع من، وكيف يُموَّل، وما الدروس المستفادة منه.',
  },
  about: {
    fr: 'Le guide est une base de connaissances libre, publiée par le réseau des maires francophones (AIMF), pour que les villes apprennent les unes des autres. Son premier contenu provient de cinq documents, présentés ci-dessous ; chaque fiche indique le document et la section dont elle est tirée.',
    en: 'The guide is an open knowledge base, published by the network of francophone mayors (AIMF), so that cities can learn from one another. Its first content comes from five documents, presented below; each entry states the document and section it is drawn from.',
    ar: 'الدليل قاعدة معارف مفتوحة تنشرها شبكة رؤساء البلديات الفرنكوفونيين (AIMF) لكي تتعلّم المدن بعضها من بعض. ويأتي محتواه الأول من خمس وثائق نعرضها أدناه؛ وتذكر كل بطاقة الوثيقة والقسم اللذين استُمدّت منهما.',
  },
  publisher: {
    name: {
      fr: 'Réseau des maires francophones (AIMF)',
      en: 'Network of francophone mayors (AIMF)',
      ar: 'شبكة رؤساء البلديات الفرنكوفونيين (AIMF)',
    },
    shortName: 'AIMF',
    url: 'https://www.aimf.asso.fr/',
  },
  // The logo has no text of its own: the name beside it says it all, so its alt is empty.
  logo: { src: '/logo.svg', alt: { fr: '', en: '', ar: '' } },
  favicon: '/favicon.svg',
  locales: ['fr', 'en', 'ar'],
  defaultLocale: 'fr',
  colours: {
    ink: '#1b1f24',
    muted: '#4a5561',
    paper: '#fff',
    tint: '#f2f5f8',
    line: '#d3dae1',
    brand: '#0d3b66',
    brandInk: '#fff',
    link: '#0b57a4',
    accent: '#b3541e',
    accentTint: '#fdf3ec',
  },
  // The seed's documents (shared/seeds/README.md); each entry's sources name one of these files.
  sourceDocuments: [
    {
      id: '000',
      file: '000_8e574027f4a084fb.txt',
      title: {
        fr: "Rapport aux maires de l'AIMF sur l'innovation locale",
        en: 'Report to AIMF mayors on local innovation',
        ar: 'تقرير إلى رؤساء بلديات AIMF حول الابتكار المحلي',
      },
      description: {
        fr: "Un rapport réalisé par des étudiants d'un master de Sciences Po pour le réseau des maires francophones : comment une mairie relie les acteurs de l'innovation locale. Il étudie Abidjan, Lyon, Lausanne et Phnom Penh, puis d'autres villes, propose des actions internes et externes aux maires, une méthode de projet en sept étapes et un modèle de fiche pour décrire un acteur, que reprennent les fiches acteurs de ce guide.",
        en: "A report by students of a Sciences Po master's programme for the network of francophone mayors: how a city hall connects the actors of local innovation. It studies Abidjan, Lyon, Lausanne and Phnom Penh, then other cities, proposes internal and external actions for mayors, a seven-step project method and a template for describing an actor, which this guide's actor entries follow.",
        ar: 'تقرير أعدّه طلاب ماجستير في معهد العلوم السياسية بباريس (Sciences Po) لشبكة رؤساء البلديات الفرنكوفونيين: كيف تربط البلدية بين فاعلي الابتكار المحلي. يدرس أبيدجان وليون ولوزان وبنوم بنه ثم مدنًا أخرى، ويقترح على رؤساء البلديات إجراءات داخلية وخارجية، ومنهجية مشروع من سبع مراحل، ونموذج بطاقة لوصف الفاعل تعتمده بطاقات الفاعلين في هذا الدليل.',
      },
    },
    {
      id: '001',
      file: '001_f695345749e5eed6.txt',
      title: {
        fr: "Annexes d'un rapport français de 2015 sur l'innovation territoriale",
        en: 'Annexes of a 2015 French report on territorial innovation',
        ar: 'ملاحق تقرير فرنسي صادر عام 2015 حول الابتكار الترابي',
      },
      description: {
        fr: "Dix-huit recommandations présentées en fiches action (problème résolu, mise en œuvre, coûts, calendrier), des contributions de territoires, dont de petites villes, et la liste des organisations entendues. Ses dispositifs de financement sont décrits tels qu'ils étaient en 2015 : le guide les présente comme passés ou comme des programmes permanents, sans inventer de date.",
        en: 'Eighteen recommendations presented as action sheets (problem solved, implementation, costs, timeline), contributions from territories, including small towns, and the list of organisations heard. Its funding schemes are described as they were in 2015: the guide presents them as past or as standing programmes, without inventing any date.',
        ar: 'ثماني عشرة توصية في شكل بطاقات عمل (المشكلة المعالَجة، التنفيذ، التكاليف، الجدول الزمني)، ومساهمات من أقاليم من بينها مدن صغيرة، وقائمة بالهيئات التي استُمع إليها. وتوصف آليات التمويل فيه كما كانت عام 2015، فيعرضها الدليل بوصفها منتهية أو برامج دائمة دون اختلاق أي تاريخ.',
      },
    },
    {
      id: '002',
      file: '002_3fbd6008e1083b73.txt',
      title: {
        fr: 'Atelier AIMF « Villes et start-up » (Tunis, 2020)',
        en: 'AIMF workshop “Cities and start-ups” (Tunis, 2020)',
        ar: 'ورشة AIMF «المدن والشركات الناشئة» (تونس، 2020)',
      },
      description: {
        fr: "Le compte rendu d'un atelier en ligne du réseau sur les relations entre villes et start-up : un respirateur conçu à Nantes, la cartographie participative au Cameroun, un fablab à Douala, le soutien de Liège à son écosystème, le cadre légal tunisien des start-up, et les recommandations adoptées.",
        en: "The minutes of an online workshop of the network on relations between cities and start-ups: a respirator designed in Nantes, participatory mapping in Cameroon, a fablab in Douala, Liège's support for its ecosystem, Tunisia's legal framework for start-ups, and the recommendations adopted.",
        ar: 'محضر ورشة عمل للشبكة عبر الإنترنت حول العلاقة بين المدن والشركات الناشئة: جهاز تنفس صُمّم في نانت، ورسم الخرائط التشاركي في الكاميرون، ومختبر تصنيع في دوالا، ودعم مدينة لييج لمنظومتها، والإطار القانوني التونسي للشركات الناشئة، والتوصيات المعتمدة.',
      },
    },
    {
      id: '003',
      file: '003_8a1b5a3e89e4207d.txt',
      title: {
        fr: "Guide de la ville intelligente de l'AFD et de l'Iddri",
        en: 'AFD and Iddri smart city guide',
        ar: 'دليل المدينة الذكية للوكالة الفرنسية للتنمية ومعهد Iddri',
      },
      description: {
        fr: "Un guide pour les collectivités des pays émergents : comprendre le numérique urbain, agir dans quatre domaines (services urbains, aménagement pour les plus vulnérables, développement économique local, relations entre autorités locales et citoyens) et s'adapter. Ses encadrés « Initiative », « Boîte à idées », « Questions clés » et « Mise en pratique » nourrissent de nombreuses études de cas et bonnes pratiques.",
        en: 'A guide for local authorities in emerging countries: understanding urban digital technology, acting in four fields (urban services, planning for the most vulnerable, local economic development, relations between local authorities and citizens) and adapting. Its “Initiative”, “Idea box”, “Key questions” and “In practice” boxes feed many case studies and good practices.',
        ar: 'دليل موجّه إلى الجماعات المحلية في البلدان الناشئة: فهم الرقمنة الحضرية، والعمل في أربعة مجالات (الخدمات الحضرية، والتهيئة لفائدة الفئات الأكثر هشاشة، والتنمية الاقتصادية المحلية، والعلاقة بين السلطات المحلية والمواطنين)، ثم التكيّف. وتغذّي إطاراته «مبادرة» و«صندوق أفكار» و«أسئلة أساسية» و«في الممارسة» كثيرًا من دراسات الحالة والممارسات الجيدة.',
      },
    },
    {
      id: '004',
      file: '004_994557f5daff7d16.txt',
      title: {
        fr: "Atelier « Place de l'innovation urbaine »",
        en: "Workshop “Place de l'innovation urbaine”",
        ar: "ورشة «Place de l'innovation urbaine»",
      },
      description: {
        fr: "Le compte rendu d'un atelier sur une plateforme nationale d'innovation ouverte : les besoins des innovateurs et des collectivités, et les fonctions souhaitées (valoriser les projets, annuaire des innovateurs, mise en relation, financements réunis en un lieu, dialogue avec les villes étrangères). Le guide est conçu pour y répondre.",
        en: 'The minutes of a workshop on a national open-innovation platform: the needs of innovators and of local authorities, and the features they wished for (showcasing projects, a directory of innovators, matchmaking, funding in one place, dialogue with cities abroad). The guide is designed to answer them.',
        ar: 'محضر ورشة حول منصة وطنية للابتكار المفتوح: احتياجات المبتكرين والجماعات المحلية، والوظائف المرغوب فيها (التعريف بالمشاريع، ودليل المبتكرين، والوساطة، وجمع التمويلات في مكان واحد، والحوار مع المدن في الخارج). وقد صُمّم الدليل للاستجابة لها.',
      },
    },
  ],
});
