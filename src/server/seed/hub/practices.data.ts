import type { Locale } from '../../../shared/i18n/locales';
import type { GovernmentLevel, HubTheme } from '../../../shared/schemas/hub';

/**
 * The demo hub's promising practices (decision 036): real practices of national mechanisms,
 * written from the public documents each one names in `source`. Nothing here is invented: where a
 * source says little (Ecuador's platform), the practice says little. The texts are summaries in our
 * words, not quotations.
 */
export interface SeedPractice {
  /** ISO 3166-1 alpha-2 code of the member it belongs to. */
  country: string;
  level: GovernmentLevel;
  themes: HubTheme[];
  originalLocale: Locale;
  texts: Partial<Record<Locale, { title: string; summary: string; body: string }>>;
  links: { url: string; label: string }[];
  contact: string | null;
  source: string;
}

export const seedPractices: SeedPractice[] = [
  {
    country: 'PY',
    level: 'national',
    themes: ['information', 'linkage', 'coordination', 'engagement_civil_society'],
    originalLocale: 'es',
    texts: {
      es: {
        title: 'SIMORE Plus: un sistema público de seguimiento de recomendaciones vinculado a los ODS',
        summary:
          'Paraguay sigue en una plataforma en línea, abierta al público, las recomendaciones de los mecanismos de las Naciones Unidas y los puntos resolutivos de la Corte Interamericana, con las acciones que informa cada institución responsable.',
        body:
          '<h2>Qué es</h2><p>El Sistema de Monitoreo de Recomendaciones (SIMORE) es una herramienta informática desarrollada por el Ministerio de Relaciones Exteriores y el Ministerio de Justicia con la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos. Reúne las recomendaciones de los órganos de tratados, del Examen Periódico Universal y de los procedimientos especiales, así como los puntos resolutivos de las sentencias de la Corte Interamericana de Derechos Humanos. Su mandato se establece por el Decreto Presidencial n.º 4368 de 9 de noviembre de 2015.</p>' +
          '<h2>Cómo funciona</h2><ul><li>Una red de unos 170 puntos focales de cerca de 70 instituciones de los tres poderes del Estado carga en la plataforma las acciones de su institución para cumplir las recomendaciones que le corresponden.</li><li>Cada institución designa puntos focales titulares y alternos y una autoridad que valida la información.</li><li>La versión «Plus», desarrollada con la Oficina Regional para América del Sur del ACNUDH y el PNUD, vincula cada recomendación con los Objetivos de Desarrollo Sostenible y sus metas, y ofrece un espacio de consulta a las organizaciones de la sociedad civil.</li></ul>' +
          '<h2>Por qué es prometedora</h2><p>La información pública y actualizada facilita la redacción de los informes del Estado y el diálogo con la sociedad civil. El sistema se ha replicado, mediante un programa de cooperación, en otros países de la región y en la Comisión Interamericana de Derechos Humanos.</p>',
      },
      en: {
        title: 'SIMORE Plus: a public recommendations tracking system linked to the SDGs',
        summary:
          'Paraguay tracks, on an online platform open to the public, the recommendations of the UN human rights mechanisms and the operative points of Inter-American Court judgments, with the action each responsible institution reports.',
        body:
          '<h2>What it is</h2><p>The Recommendations Monitoring System (SIMORE) is a digital tool developed by the Ministry of Foreign Affairs and the Ministry of Justice with the Office of the UN High Commissioner for Human Rights. It brings together the recommendations of the treaty bodies, the Universal Periodic Review and the special procedures, and the operative points of the judgments of the Inter-American Court of Human Rights. Its mandate rests on Presidential Decree No. 4368 of 9 November 2015.</p>' +
          '<h2>How it works</h2><ul><li>A network of about 170 focal points in some 70 institutions of the three branches of government enters the action their institution takes on the recommendations assigned to it.</li><li>Each institution appoints main and alternate focal points and an authority that validates the information.</li><li>The “Plus” version, built with OHCHR’s Regional Office for South America and UNDP, links each recommendation to the Sustainable Development Goals and their targets, and gives civil society organizations a space to comment.</li></ul>' +
          '<h2>Why it is promising</h2><p>Public, up-to-date information makes the State’s reports quicker to write and supports dialogue with civil society. Through a cooperation programme the system has been taken up by other countries of the region and by the Inter-American Commission on Human Rights.</p>',
      },
    },
    links: [
      { url: 'https://www.mre.gov.py/SimorePlus/', label: 'SIMORE Plus (Ministry of Foreign Affairs of Paraguay)' },
      {
        url: 'https://www.oas.org/en/iachr/media_center/PReleases/2017/201.asp',
        label: 'IACHR press release 201/17: memorandum of understanding with Paraguay on SIMORE',
      },
    ],
    contact: null,
    source:
      'OHCHR NMIRF Knowledge Gateway, profile of Paraguay; OHCHR, National Mechanisms for Reporting and Follow-up: A Practical Guide to Effective State Engagement with International Human Rights Mechanisms (HR/PUB/16/1, 2016); Geneva Human Rights Platform, digital human rights tracking tools directory: SIMORE Plus.',
  },
  {
    country: 'PT',
    level: 'national',
    themes: ['mandate', 'coordination', 'engagement_parliament', 'engagement_lrg', 'engagement_civil_society'],
    originalLocale: 'en',
    texts: {
      en: {
        title: 'A standing National Human Rights Committee with Parliament and municipalities as observers',
        summary:
          'Portugal’s National Human Rights Committee brings the focal points of eighteen government areas together under the Secretary of State for Foreign Affairs, with Parliament, the Public Prosecutor’s Office, the Ombudsperson and the association of municipalities as permanent observers.',
        body:
          '<h2>Set-up</h2><p>The Comissão Nacional para os Direitos Humanos was established by Resolution of the Council of Ministers No. 27/2010 as a permanent inter-ministerial body. It is chaired by the Secretary of State for Foreign Affairs and Cooperation; the Deputy Director-General for Foreign Policy responsible for multilateral affairs is its vice-president, and an executive secretariat in the Ministry of Foreign Affairs prepares its work.</p>' +
          '<h2>Composition</h2><ul><li>Eighteen government areas each name a focal point and a deputy; focal points are renewed at the start of each new Government through a formal request from the Minister for Foreign Affairs.</li><li>Four permanent observers: Parliament, the Public Prosecutor’s Office, the Ombudsperson and the National Association of Portuguese Municipalities.</li></ul>' +
          '<h2>Working methods</h2><p>The Committee meets in plenary several times a year, at least once in a session open to civil society, and in working groups (for example on human rights indicators, and on business and human rights). It publishes an annual activities report that also presents good practices of each ministry.</p>' +
          '<h2>Why it is promising</h2><p>A standing body with a stable network of focal points keeps reporting and follow-up going across changes of Government, and the observers bring the legislature, the independent institutions and local government into the same room.</p>',
      },
      fr: {
        title:
          'Une Commission nationale des droits de l’homme permanente, avec le Parlement et les communes comme observateurs',
        summary:
          'La Commission nationale des droits de l’homme du Portugal réunit les points focaux de dix-huit domaines gouvernementaux sous la présidence du secrétaire d’État aux affaires étrangères, avec le Parlement, le ministère public, le médiateur et l’association des communes comme observateurs permanents.',
        body:
          '<h2>Mise en place</h2><p>La Comissão Nacional para os Direitos Humanos a été créée par la résolution du Conseil des ministres n° 27/2010 en tant qu’organe interministériel permanent. Elle est présidée par le secrétaire d’État aux affaires étrangères et à la coopération ; un secrétariat exécutif au ministère des affaires étrangères prépare ses travaux.</p>' +
          '<h2>Composition</h2><ul><li>Dix-huit domaines gouvernementaux désignent chacun un point focal et un suppléant, renouvelés au début de chaque nouveau gouvernement.</li><li>Quatre observateurs permanents : le Parlement, le ministère public, le médiateur et l’Association nationale des communes portugaises.</li></ul>' +
          '<h2>Méthodes de travail</h2><p>La Commission se réunit en plénière plusieurs fois par an, dont au moins une séance ouverte à la société civile, et en groupes de travail. Elle publie un rapport annuel d’activités.</p>' +
          '<h2>Pourquoi elle est prometteuse</h2><p>Un organe permanent doté d’un réseau stable de points focaux assure la continuité des rapports et du suivi au-delà des changements de gouvernement.</p>',
      },
    },
    links: [
      {
        url: 'https://knowledgegateway.ohchr.org/nmirf/regions/5/84?name=Portugal',
        label: 'OHCHR NMIRF Knowledge Gateway: Portugal',
      },
    ],
    contact: null,
    source:
      'OHCHR NMIRF Knowledge Gateway, profile of Portugal; National Human Rights Committee of Portugal, Activities Report 2020; OHCHR, Study on National Mechanisms for Reporting and Follow-up (HR/PUB/16/1/Add.1, 2016).',
  },
  {
    country: 'MA',
    level: 'national',
    themes: ['mandate', 'coordination', 'engagement_civil_society'],
    originalLocale: 'fr',
    texts: {
      fr: {
        title:
          'La Délégation interministérielle aux droits de l’homme : une structure permanente auprès du chef du gouvernement',
        summary:
          'Le Maroc a confié à une délégation interministérielle permanente la rédaction des rapports nationaux, le suivi des recommandations et la coordination de la politique gouvernementale en matière de droits de l’homme.',
        body:
          '<h2>Mise en place</h2><p>La Délégation interministérielle aux droits de l’homme (DIDH) a été créée en 2011 par le décret n° 2-11-150, sous l’autorité d’un délégué interministériel de rang ministériel ; elle est rattachée au chef du gouvernement. Le décret n° 2-25-541 de 2025 l’a réorganisée en quatre départements, dont un chargé des rapports nationaux et du suivi et un chargé de la planification et des relations avec la société civile.</p>' +
          '<h2>Méthode</h2><ul><li>Les départements ministériels, les institutions nationales, les autorités régionales et locales et des organisations de la société civile contribuent à ses travaux, avec des points focaux thématiques désignés selon les besoins.</li><li>La DIDH rédige les rapports ; les projets sont communiqués aux parties prenantes pour observations avant leur adoption.</li><li>Elle assure aussi l’interaction avec les procédures spéciales et la consolidation des réponses aux communications.</li></ul>' +
          '<h2>Pourquoi elle est prometteuse</h2><p>Une structure permanente, dotée d’un secrétariat et d’un mandat réglementaire, relie l’établissement des rapports au suivi des recommandations dans les politiques publiques.</p>',
      },
      en: {
        title:
          'The Interministerial Delegation for Human Rights: a standing structure attached to the Head of Government',
        summary:
          'Morocco has entrusted a standing interministerial delegation with drafting national reports, following up recommendations and coordinating the Government’s human rights policy.',
        body:
          '<h2>Set-up</h2><p>The Interministerial Delegation for Human Rights (DIDH) was created in 2011 by Decree No. 2-11-150, under an Interministerial Delegate of ministerial rank; it is attached to the Head of Government. Decree No. 2-25-541 of 2025 reorganized it into four departments, one in charge of national reporting and follow-up and one of planning and relations with civil society.</p>' +
          '<h2>Method</h2><ul><li>Government departments, national institutions, regional and local authorities and civil society organizations contribute to its work, with thematic focal points named as needed.</li><li>The DIDH drafts the reports; drafts go to stakeholders for comment before they are adopted.</li><li>It also handles engagement with the special procedures and consolidates replies to communications.</li></ul>' +
          '<h2>Why it is promising</h2><p>A standing structure with a secretariat and a mandate in regulation ties reporting to the follow-up of recommendations in public policy.</p>',
      },
      ar: {
        title: 'المندوبية الوزارية المكلفة بحقوق الإنسان: بنية دائمة لدى رئيس الحكومة',
        summary:
          'أسند المغرب إلى مندوبية وزارية دائمة إعداد التقارير الوطنية وتتبع تنفيذ التوصيات وتنسيق السياسة الحكومية في مجال حقوق الإنسان.',
        body:
          '<h2>الإحداث</h2><p>أُحدثت المندوبية الوزارية المكلفة بحقوق الإنسان سنة 2011 بموجب المرسوم رقم 2-11-150، تحت سلطة مندوب وزاري برتبة وزير، وهي ملحقة برئيس الحكومة. وأعاد المرسوم رقم 2-25-541 لسنة 2025 تنظيمها في أربع مديريات، منها مديرية مكلفة بالتقارير الوطنية والتتبع وأخرى بالتخطيط والعلاقات مع المجتمع المدني.</p>' +
          '<h2>المنهجية</h2><ul><li>تشارك القطاعات الحكومية والمؤسسات الوطنية والسلطات الجهوية والمحلية ومنظمات المجتمع المدني في أعمالها، مع تعيين نقاط اتصال موضوعاتية حسب الحاجة.</li><li>تعد المندوبية مشاريع التقارير وتعرضها على الأطراف المعنية لإبداء الملاحظات قبل اعتمادها.</li></ul>' +
          '<h2>لماذا تعد ممارسة واعدة</h2><p>بنية دائمة لها كتابة عامة وولاية محددة بنص تنظيمي تربط إعداد التقارير بتتبع التوصيات في السياسات العمومية.</p>',
      },
    },
    links: [{ url: 'https://didh.gov.ma/en/', label: 'Interministerial Delegation for Human Rights (DIDH)' }],
    contact: null,
    source:
      'OHCHR NMIRF Knowledge Gateway, profile of Morocco; DIDH, “Mission” and “About us” pages (didh.gov.ma); OHCHR, Study on National Mechanisms for Reporting and Follow-up (HR/PUB/16/1/Add.1, 2016).',
  },
  {
    country: 'WS',
    level: 'national',
    themes: ['information', 'linkage', 'coordination', 'engagement_civil_society'],
    originalLocale: 'en',
    texts: {
      en: {
        title: 'SADATA: a public web application tracking human rights and SDG implementation',
        summary:
          'Samoa’s national mechanism, set up with OHCHR’s Pacific office and the Ministry of Foreign Affairs and Trade, tracks the Government’s implementation of human rights recommendations and their links to the SDGs in a publicly accessible web application.',
        body:
          '<h2>Background</h2><p>Before the mechanism, the Ministry of Foreign Affairs and Trade and the Ministry of Women, Community and Social Development wrote each report after a labour-intensive round of data collection among ministries, civil society and the private sector. In July 2016 OHCHR’s Pacific office and the Ministry held an induction workshop for a standing inter-governmental body on reporting and follow-up, meant to bring them together and collect information as they go.</p>' +
          '<h2>The tool</h2><ul><li>SADATA, presented to ministries in November 2017, is a website open to the public that tracks the Government’s progress on its human rights obligations and links it to the Sustainable Development Goals.</li><li>Members of the public can read what the Government and civil society have done to further the enjoyment of rights.</li><li>It was funded by UNDP, New Zealand and OHCHR.</li></ul>' +
          '<h2>Why it is promising</h2><p>A small administration gets one place where the information for every report and for the Voluntary National Review is gathered during the cycle, not rebuilt at each deadline.</p>',
      },
    },
    links: [
      {
        url: 'https://www.samoaobserver.ws/category/article/5559',
        label:
          'Samoa Observer, 28 November 2017: Samoa on verge of launching first global human rights web application',
      },
    ],
    contact: null,
    source:
      'Samoa Observer, “Targeting greater positive change” (27 July 2016) and “Samoa on verge of launching first global human rights web application” (28 November 2017); OHCHR, Study on National Mechanisms for Reporting and Follow-up (HR/PUB/16/1/Add.1, 2016).',
  },
  {
    country: 'MU',
    level: 'national',
    themes: ['coordination', 'engagement_civil_society', 'information'],
    originalLocale: 'en',
    texts: {
      en: {
        title: 'Ministries and NGOs around one table in the National Mechanism for Reporting and Follow-up',
        summary:
          'Mauritius’s mechanism, set up by Cabinet decision in 2016, meets ministries, departments and non-governmental organizations together to prepare reports and follow up commitments, and trained its members on the four key capacities of an NMRF.',
        body:
          '<h2>Set-up</h2><p>Cabinet decided in 2016 to set up the National Mechanism for Reporting and Follow-up; its first meeting reviewed the reports due, the action plan and the gaps to close. It is served by the Human Rights Division, now in the Ministry of Foreign Affairs, Regional Integration and International Trade, and chaired by the Minister.</p>' +
          '<h2>Participation</h2><ul><li>Meetings bring together the Prime Minister’s Office, line ministries, the Attorney General’s Office, the Police, the Prisons Department and Statistics Mauritius with non-governmental organizations such as Dis-Moi and CEDEM.</li><li>Ministries submit their inputs at the meeting; discussions follow the conventions and the reports due in the year ahead.</li></ul>' +
          '<h2>Capacities</h2><p>In 2019 the Ministry of Justice and OHCHR trained members, supervising officers and permanent secretaries on the four key capacities of an NMRF (engagement, coordination, consultation and information management); the next step announced was a National Recommendations Tracking Database.</p>' +
          '<h2>Why it is promising</h2><p>Civil society sits in the mechanism itself rather than being consulted at the end, and training reached the senior officials whose commitment the mechanism had found lacking.</p>',
      },
      fr: {
        title:
          'Ministères et ONG autour d’une même table dans le mécanisme national d’établissement des rapports et de suivi',
        summary:
          'Le mécanisme de Maurice, créé par décision du Conseil des ministres en 2016, réunit ministères, départements et organisations non gouvernementales pour préparer les rapports et suivre les engagements, et a formé ses membres aux quatre capacités clés d’un mécanisme national.',
        body:
          '<h2>Mise en place</h2><p>Le Conseil des ministres a décidé en 2016 de créer le mécanisme ; sa première réunion a passé en revue les rapports à préparer, le plan d’action et les lacunes à combler. Il est servi par la Division des droits humains, aujourd’hui au ministère des affaires étrangères.</p>' +
          '<h2>Participation</h2><ul><li>Les réunions rassemblent le cabinet du Premier ministre, les ministères, le bureau de l’Attorney General, la police, l’administration pénitentiaire et Statistics Mauritius avec des ONG telles que Dis-Moi et CEDEM.</li></ul>' +
          '<h2>Capacités</h2><p>En 2019, le ministère de la justice et le HCDH ont formé les membres aux quatre capacités clés (dialogue, coordination, consultation et gestion de l’information) ; l’étape suivante annoncée était une base de données de suivi des recommandations.</p>',
      },
    },
    links: [],
    contact: null,
    source:
      'Government of Mauritius press release on the NMRF meeting of 12 October 2021 (allafrica.com, 13 October 2021); Maurice Info, “The 4 Key Capacities of the National Mechanism for Reporting and Follow-Up” (24 May 2019); ION News, first meeting of the NMRF (19 February 2018).',
  },
  {
    country: 'EC',
    level: 'national',
    themes: ['information', 'coordination'],
    originalLocale: 'es',
    texts: {
      es: {
        title: 'SIDERECHOS: una plataforma para reunir la información de las cinco funciones del Estado',
        summary:
          'Ecuador preparó su informe nacional para el cuarto ciclo del Examen Periódico Universal recabando la información de las cinco funciones del Estado mediante la plataforma SIDERECHOS, que constituye su mecanismo de coordinación.',
        body:
          '<h2>Qué es</h2><p>SIDERECHOS es la plataforma en línea con la que el Estado ecuatoriano recoge la información sobre la aplicación de las recomendaciones internacionales de derechos humanos. El informe nacional presentado en 2022 al Grupo de Trabajo sobre el Examen Periódico Universal indica que la información se levantó con las cinco funciones del Estado (ejecutiva, legislativa, judicial, electoral y de transparencia y control social) a través de esta plataforma.</p>' +
          '<h2>Por qué es prometedora</h2><p>Una sola vía de recogida de información para todas las funciones del Estado, y no solo para el poder ejecutivo, permite que el informe refleje lo que hacen la Asamblea, la justicia y los órganos de control.</p>',
      },
      en: {
        title: 'SIDERECHOS: one platform to collect information from the five branches of the State',
        summary:
          'Ecuador prepared its national report for the fourth cycle of the Universal Periodic Review by collecting information from the five branches of the State through the SIDERECHOS platform, which constitutes its coordination mechanism.',
        body:
          '<h2>What it is</h2><p>SIDERECHOS is the online platform through which the Ecuadorian State collects information on the implementation of international human rights recommendations. The national report submitted in 2022 to the UPR Working Group states that information was gathered from the five branches of the State (executive, legislative, judicial, electoral, and transparency and social control) through this platform.</p>' +
          '<h2>Why it is promising</h2><p>One channel for all branches of the State, not the executive alone, lets the report reflect what the Assembly, the courts and the oversight bodies do.</p>',
      },
    },
    links: [],
    contact: null,
    source:
      'Ecuador, national report to the Universal Periodic Review, fourth cycle (A/HRC/WG.6/41/ECU/1, 15 August 2022), para. 2.',
  },
];
