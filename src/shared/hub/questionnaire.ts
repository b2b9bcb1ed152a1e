import type { Locale } from '../i18n/locales';
import type { HubTheme } from '../schemas/hub';

/**
 * The self-assessment's questions (issue 19 item 6, decision 039): the key characteristics of an
 * effective national mechanism for implementation, reporting and follow-up, as OHCHR's practical
 * guide (HR/PUB/16/1, 2016) and HRC resolution 51/33 describe them. Data, versioned: answers keep
 * the version they were given under, so a later edition of the questions leaves old rounds readable
 * (a version is added, never edited once members have answered it).
 *
 * Each characteristic is one question answered on one scale, 0 (absent) to 4 (established and
 * reviewed), with what level 4 looks like in the source's words (paraphrased, not quoted), the
 * source named, and the hub themes it concerns (to suggest practices for the weakest ones).
 */
export type Texts = Record<Locale, string>;

export interface Characteristic {
  id: string;
  themes: HubTheme[];
  title: Texts;
  question: Texts;
  /** What an established and reviewed mechanism has here (level 4). */
  good: Texts;
  /** Where the characteristic comes from: document symbol and part. */
  source: string;
}

export interface Questionnaire {
  version: number;
  levels: { value: number; label: Texts; description: Texts }[];
  characteristics: Characteristic[];
}

const guide = 'OHCHR, National Mechanisms for Reporting and Follow-up: A Practical Guide (HR/PUB/16/1, 2016)';
const resolution = 'Human Rights Council resolution 51/33 (2022)';

const levels: Questionnaire['levels'] = [
  {
    value: 0,
    label: { en: 'Absent', fr: 'Absent', es: 'Inexistente', ru: 'Отсутствует', zh: '不存在', ar: 'غير موجود' },
    description: {
      en: 'Nothing of this exists yet.',
      fr: 'Rien de cela n’existe encore.',
      es: 'Todavía no existe nada de esto.',
      ru: 'Ничего из этого пока нет.',
      zh: '目前尚无任何相关安排。',
      ar: 'لا يوجد شيء من ذلك بعد.',
    },
  },
  {
    value: 1,
    label: { en: 'Ad hoc', fr: 'Ponctuel', es: 'Ad hoc', ru: 'Эпизодически', zh: '临时性', ar: 'مخصص وظرفي' },
    description: {
      en: 'Done now and then, depending on individuals, without a written basis.',
      fr: 'Fait de temps à autre, selon les personnes, sans base écrite.',
      es: 'Se hace de vez en cuando, según las personas, sin base escrita.',
      ru: 'Делается время от времени, зависит от отдельных людей, без письменной основы.',
      zh: '偶尔进行，取决于个人，没有书面依据。',
      ar: 'يُنجز من حين لآخر، بحسب الأشخاص، دون أساس مكتوب.',
    },
  },
  {
    value: 2,
    label: {
      en: 'Being set up',
      fr: 'En cours de mise en place',
      es: 'En preparación',
      ru: 'В процессе создания',
      zh: '正在建立',
      ar: 'قيد الإنشاء',
    },
    description: {
      en: 'A basis or practice exists but is partial, recent or not yet applied throughout.',
      fr: 'Une base ou une pratique existe, mais partielle, récente ou pas encore appliquée partout.',
      es: 'Existe una base o práctica, pero parcial, reciente o aún no aplicada en todo.',
      ru: 'Основа или практика есть, но она частичная, недавняя или применяется не везде.',
      zh: '已有依据或做法，但尚不完整、较新或未全面实施。',
      ar: 'يوجد أساس أو ممارسة، لكنها جزئية أو حديثة أو غير مطبقة في كل المجالات بعد.',
    },
  },
  {
    value: 3,
    label: { en: 'Established', fr: 'Établi', es: 'Establecido', ru: 'Налажено', zh: '已确立', ar: 'قائم' },
    description: {
      en: 'In place and working regularly.',
      fr: 'En place et fonctionnant régulièrement.',
      es: 'Implantado y funcionando con regularidad.',
      ru: 'Действует и работает регулярно.',
      zh: '已经到位并定期运作。',
      ar: 'قائم ويعمل بانتظام.',
    },
  },
  {
    value: 4,
    label: {
      en: 'Established and reviewed',
      fr: 'Établi et réexaminé',
      es: 'Establecido y revisado',
      ru: 'Налажено и пересматривается',
      zh: '已确立并定期审查',
      ar: 'قائم ويخضع للمراجعة',
    },
    description: {
      en: 'In place, working, and reviewed and improved at set intervals.',
      fr: 'En place, opérationnel, et réexaminé et amélioré à intervalles fixés.',
      es: 'Implantado, en funcionamiento, y revisado y mejorado a intervalos fijos.',
      ru: 'Действует, работает, регулярно пересматривается и улучшается.',
      zh: '已经到位并运作，且按既定周期审查和改进。',
      ar: 'قائم ويعمل، ويُراجَع ويُحسَّن على فترات محددة.',
    },
  },
];

const characteristics: Characteristic[] = [
  {
    id: 'mandate',
    themes: ['mandate'],
    title: {
      en: 'Mandate and legal basis',
      fr: 'Mandat et base juridique',
      es: 'Mandato y base jurídica',
      ru: 'Мандат и правовая основа',
      zh: '任务授权与法律依据',
      ar: 'الولاية والأساس القانوني',
    },
    question: {
      en: 'Is the mechanism’s mandate set out in a law, decree or other official act?',
      fr: 'Le mandat du mécanisme est-il fixé par une loi, un décret ou un autre acte officiel ?',
      es: '¿Está el mandato del mecanismo establecido en una ley, un decreto u otro acto oficial?',
      ru: 'Закреплён ли мандат механизма в законе, указе или ином официальном акте?',
      zh: '该机制的任务是否由法律、法令或其他正式文件确定？',
      ar: 'هل ولاية الآلية منصوص عليها في قانون أو مرسوم أو صك رسمي آخر؟',
    },
    good: {
      en: 'An official act gives the mechanism a standing mandate to prepare reports, engage with all international and regional mechanisms and coordinate the follow-up of their recommendations.',
      fr: 'Un acte officiel donne au mécanisme un mandat permanent : préparer les rapports, dialoguer avec tous les mécanismes internationaux et régionaux et coordonner le suivi de leurs recommandations.',
      es: 'Un acto oficial otorga al mecanismo un mandato permanente: preparar los informes, interactuar con todos los mecanismos internacionales y regionales y coordinar el seguimiento de sus recomendaciones.',
      ru: 'Официальный акт даёт механизму постоянный мандат: готовить доклады, взаимодействовать со всеми международными и региональными механизмами и координировать выполнение их рекомендаций.',
      zh: '正式文件赋予该机制常设任务：编写报告，与所有国际和区域机制互动，并协调其建议的后续落实。',
      ar: 'يمنح صك رسمي الآلية ولاية دائمة: إعداد التقارير، والتعامل مع جميع الآليات الدولية والإقليمية، وتنسيق متابعة توصياتها.',
    },
    source: `${guide}, chapter on the types and mandate of national mechanisms; ${resolution}`,
  },
  {
    id: 'setup',
    themes: ['mandate', 'coordination'],
    title: {
      en: 'Institutional set-up: standing, secretariat, resources',
      fr: 'Dispositif institutionnel : permanence, secrétariat, moyens',
      es: 'Estructura institucional: carácter permanente, secretaría, recursos',
      ru: 'Институциональное устройство: постоянство, секретариат, ресурсы',
      zh: '机构设置：常设性、秘书处与资源',
      ar: 'الإطار المؤسسي: الديمومة والأمانة والموارد',
    },
    question: {
      en: 'Is the mechanism a standing body with its own secretariat, staff and budget?',
      fr: 'Le mécanisme est-il un organe permanent doté de son propre secrétariat, de personnel et d’un budget ?',
      es: '¿Es el mecanismo un órgano permanente con secretaría, personal y presupuesto propios?',
      ru: 'Является ли механизм постоянным органом с собственным секретариатом, штатом и бюджетом?',
      zh: '该机制是否为拥有自身秘书处、工作人员和预算的常设机构？',
      ar: 'هل الآلية هيئة دائمة لها أمانتها وموظفوها وميزانيتها؟',
    },
    good: {
      en: 'The mechanism works between reporting deadlines, with a dedicated secretariat of trained staff, a budget line of its own and continuity when people change.',
      fr: 'Le mécanisme travaille entre les échéances de rapport, avec un secrétariat dédié au personnel formé, une ligne budgétaire propre et une continuité quand les personnes changent.',
      es: 'El mecanismo trabaja entre los plazos de presentación de informes, con una secretaría dedicada de personal capacitado, una partida presupuestaria propia y continuidad cuando cambian las personas.',
      ru: 'Механизм работает и между сроками докладов: есть специальный секретариат с обученным персоналом, собственная бюджетная статья и преемственность при смене людей.',
      zh: '该机制在报告期限之间持续运作，设有由受过培训的人员组成的专门秘书处和独立预算项目，人员变动时工作保持连续。',
      ar: 'تعمل الآلية بين مواعيد تقديم التقارير، بأمانة مخصصة من موظفين مدرَّبين وبند ميزانية خاص بها واستمرارية عند تغيّر الأشخاص.',
    },
    source: `${guide}, chapter on standing mechanisms and their secretariat`,
  },
  {
    id: 'engagement',
    themes: ['coordination', 'information'],
    title: {
      en: 'Engagement with international and regional mechanisms',
      fr: 'Dialogue avec les mécanismes internationaux et régionaux',
      es: 'Interacción con los mecanismos internacionales y regionales',
      ru: 'Взаимодействие с международными и региональными механизмами',
      zh: '与国际和区域机制的互动',
      ar: 'التعامل مع الآليات الدولية والإقليمية',
    },
    question: {
      en: 'Does the mechanism organise the State’s reports, dialogues, visits and replies to all human rights mechanisms?',
      fr: 'Le mécanisme organise-t-il les rapports, dialogues, visites et réponses de l’État à tous les mécanismes des droits de l’homme ?',
      es: '¿Organiza el mecanismo los informes, diálogos, visitas y respuestas del Estado a todos los mecanismos de derechos humanos?',
      ru: 'Организует ли механизм доклады, диалоги, визиты и ответы государства всем правозащитным механизмам?',
      zh: '该机制是否组织国家向所有人权机制提交报告、开展对话、接待访问和作出答复？',
      ar: 'هل تنظم الآلية تقارير الدولة وحواراتها والزيارات وردودها على جميع آليات حقوق الإنسان؟',
    },
    good: {
      en: 'One body liaises with the treaty bodies, the Universal Periodic Review, the special procedures and regional systems, prepares reports and replies on time, and facilitates visits.',
      fr: 'Un seul organe est l’interlocuteur des organes conventionnels, de l’Examen périodique universel, des procédures spéciales et des systèmes régionaux, prépare les rapports et réponses à temps et facilite les visites.',
      es: 'Un solo órgano se relaciona con los órganos de tratados, el Examen Periódico Universal, los procedimientos especiales y los sistemas regionales, prepara a tiempo informes y respuestas y facilita las visitas.',
      ru: 'Один орган поддерживает связь с договорными органами, универсальным периодическим обзором, специальными процедурами и региональными системами, своевременно готовит доклады и ответы и содействует визитам.',
      zh: '由一个机构负责与条约机构、普遍定期审议、特别程序和区域体系联络，按时编写报告和答复，并为访问提供便利。',
      ar: 'تتولى هيئة واحدة التواصل مع هيئات المعاهدات والاستعراض الدوري الشامل والإجراءات الخاصة والنظم الإقليمية، وتعدّ التقارير والردود في موعدها، وتيسّر الزيارات.',
    },
    source: `${guide}, "engagement capacity"`,
  },
  {
    id: 'coordination',
    themes: ['coordination'],
    title: {
      en: 'Coordination across the State',
      fr: 'Coordination au sein de l’État',
      es: 'Coordinación en el conjunto del Estado',
      ru: 'Координация в рамках государства',
      zh: '国家内部的协调',
      ar: 'التنسيق داخل الدولة',
    },
    question: {
      en: 'Do ministries and other State bodies have named focal points who meet and share information through the mechanism?',
      fr: 'Les ministères et autres organes de l’État ont-ils des points focaux désignés qui se réunissent et échangent par le mécanisme ?',
      es: '¿Tienen los ministerios y demás órganos del Estado puntos focales designados que se reúnen e intercambian información a través del mecanismo?',
      ru: 'Есть ли в министерствах и других государственных органах назначенные координаторы, которые встречаются и обмениваются информацией через механизм?',
      zh: '各部委及其他国家机关是否有指定的协调人，通过该机制开会和交流信息？',
      ar: 'هل لدى الوزارات وسائر أجهزة الدولة جهات تنسيق معيَّنة تجتمع وتتبادل المعلومات عبر الآلية؟',
    },
    good: {
      en: 'Focal points in each ministry, the judiciary and other bodies meet regularly, responsibilities for each recommendation are assigned, and the mechanism can ask for information and get it.',
      fr: 'Des points focaux dans chaque ministère, la justice et les autres organes se réunissent régulièrement, chaque recommandation a ses responsables, et le mécanisme obtient les informations qu’il demande.',
      es: 'Los puntos focales de cada ministerio, del poder judicial y de otros órganos se reúnen con regularidad, cada recomendación tiene responsables asignados y el mecanismo obtiene la información que solicita.',
      ru: 'Координаторы в каждом министерстве, судебной системе и других органах регулярно встречаются, за каждой рекомендацией закреплены ответственные, и механизм получает запрашиваемую информацию.',
      zh: '各部委、司法机关和其他机构的协调人定期开会，每项建议都指定了负责方，该机制能够获得所需信息。',
      ar: 'تجتمع جهات التنسيق في كل وزارة وفي القضاء وسائر الهيئات بانتظام، وتُحدَّد المسؤوليات عن كل توصية، وتحصل الآلية على المعلومات التي تطلبها.',
    },
    source: `${guide}, "coordination capacity"`,
  },
  {
    id: 'lrg',
    themes: ['engagement_lrg'],
    title: {
      en: 'Local and regional governments',
      fr: 'Collectivités locales et régionales',
      es: 'Gobiernos locales y regionales',
      ru: 'Местные и региональные органы власти',
      zh: '地方和区域政府',
      ar: 'الحكومات المحلية والإقليمية',
    },
    question: {
      en: 'Are local and regional governments involved in reporting on and following up recommendations?',
      fr: 'Les collectivités locales et régionales participent-elles aux rapports et au suivi des recommandations ?',
      es: '¿Participan los gobiernos locales y regionales en los informes y el seguimiento de las recomendaciones?',
      ru: 'Участвуют ли местные и региональные органы власти в подготовке докладов и выполнении рекомендаций?',
      zh: '地方和区域政府是否参与报告和建议的后续落实？',
      ar: 'هل تشارك الحكومات المحلية والإقليمية في إعداد التقارير ومتابعة التوصيات؟',
    },
    good: {
      en: 'Local and regional governments have focal points, receive the recommendations that concern them, report on their follow-up and are consulted on the State’s reports.',
      fr: 'Les collectivités locales et régionales ont des points focaux, reçoivent les recommandations qui les concernent, rendent compte de leur suivi et sont consultées sur les rapports de l’État.',
      es: 'Los gobiernos locales y regionales tienen puntos focales, reciben las recomendaciones que les conciernen, informan sobre su seguimiento y son consultados sobre los informes del Estado.',
      ru: 'У местных и региональных органов есть координаторы; они получают касающиеся их рекомендации, отчитываются о выполнении и участвуют в консультациях по докладам государства.',
      zh: '地方和区域政府设有协调人，收到与其相关的建议，报告落实情况，并就国家报告接受咨询。',
      ar: 'لدى الحكومات المحلية والإقليمية جهات تنسيق، وتتلقى التوصيات التي تعنيها، وتُبلغ عن متابعتها، وتُستشار بشأن تقارير الدولة.',
    },
    source: `${resolution}; ${guide}, "coordination capacity" (subnational levels)`,
  },
  {
    id: 'nhri',
    themes: ['engagement_nhri'],
    title: {
      en: 'Consultation with the national human rights institution',
      fr: 'Consultation de l’institution nationale des droits de l’homme',
      es: 'Consulta con la institución nacional de derechos humanos',
      ru: 'Консультации с национальным правозащитным учреждением',
      zh: '与国家人权机构协商',
      ar: 'التشاور مع المؤسسة الوطنية لحقوق الإنسان',
    },
    question: {
      en: 'Is the national human rights institution consulted regularly, while keeping its independence?',
      fr: 'L’institution nationale des droits de l’homme est-elle consultée régulièrement, dans le respect de son indépendance ?',
      es: '¿Se consulta regularmente a la institución nacional de derechos humanos, respetando su independencia?',
      ru: 'Проводятся ли регулярные консультации с национальным правозащитным учреждением при сохранении его независимости?',
      zh: '是否在尊重国家人权机构独立性的前提下定期与其协商？',
      ar: 'هل تُستشار المؤسسة الوطنية لحقوق الإنسان بانتظام مع الحفاظ على استقلاليتها؟',
    },
    good: {
      en: 'The institution is consulted on reports and follow-up plans at set moments, as an observer or adviser rather than a member, so that its independent voice before the mechanisms is kept.',
      fr: 'L’institution est consultée sur les rapports et plans de suivi à des moments fixés, comme observatrice ou conseillère et non comme membre, afin de préserver sa voix indépendante devant les mécanismes.',
      es: 'La institución es consultada sobre los informes y planes de seguimiento en momentos fijados, como observadora o asesora y no como miembro, para preservar su voz independiente ante los mecanismos.',
      ru: 'С учреждением консультируются по докладам и планам выполнения в установленные сроки, как с наблюдателем или советником, а не членом, чтобы сохранить его независимый голос перед механизмами.',
      zh: '在既定时点就报告和后续计划征求该机构意见，其身份为观察员或顾问而非成员，以保持其在各机制面前的独立声音。',
      ar: 'تُستشار المؤسسة بشأن التقارير وخطط المتابعة في مواعيد محددة، بصفة مراقب أو مستشار لا عضو، حفاظاً على صوتها المستقل أمام الآليات.',
    },
    source: `${guide}, "consultation capacity"`,
  },
  {
    id: 'civil_society',
    themes: ['engagement_civil_society'],
    title: {
      en: 'Consultation with civil society',
      fr: 'Consultation de la société civile',
      es: 'Consulta con la sociedad civil',
      ru: 'Консультации с гражданским обществом',
      zh: '与民间社会协商',
      ar: 'التشاور مع المجتمع المدني',
    },
    question: {
      en: 'Are civil society organisations consulted on reports and on the follow-up of recommendations?',
      fr: 'Les organisations de la société civile sont-elles consultées sur les rapports et le suivi des recommandations ?',
      es: '¿Se consulta a las organizaciones de la sociedad civil sobre los informes y el seguimiento de las recomendaciones?',
      ru: 'Консультируются ли с организациями гражданского общества по докладам и выполнению рекомендаций?',
      zh: '是否就报告和建议的后续落实征求民间社会组织的意见？',
      ar: 'هل تُستشار منظمات المجتمع المدني بشأن التقارير ومتابعة التوصيات؟',
    },
    good: {
      en: 'Consultations are announced in advance, open to a wide range of organisations, including those of marginalised groups, and the mechanism says what it did with what it heard.',
      fr: 'Les consultations sont annoncées à l’avance, ouvertes à un large éventail d’organisations, y compris celles des groupes marginalisés, et le mécanisme dit ce qu’il a fait de ce qu’il a entendu.',
      es: 'Las consultas se anuncian con antelación, están abiertas a una amplia gama de organizaciones, incluidas las de grupos marginados, y el mecanismo explica qué hizo con lo que escuchó.',
      ru: 'О консультациях объявляют заранее, они открыты для широкого круга организаций, в том числе маргинализированных групп, и механизм сообщает, как учтено услышанное.',
      zh: '提前公布协商安排，向包括边缘化群体组织在内的广泛组织开放，并说明如何处理所听取的意见。',
      ar: 'يُعلَن عن المشاورات مسبقاً، وتكون مفتوحة لطيف واسع من المنظمات، بما فيها منظمات الفئات المهمشة، وتوضح الآلية ما فعلته بما سمعته.',
    },
    source: `${guide}, "consultation capacity"; ${resolution}`,
  },
  {
    id: 'parliament',
    themes: ['engagement_parliament'],
    title: {
      en: 'Engagement with parliament',
      fr: 'Relations avec le parlement',
      es: 'Relación con el parlamento',
      ru: 'Взаимодействие с парламентом',
      zh: '与议会的互动',
      ar: 'التعامل مع البرلمان',
    },
    question: {
      en: 'Does parliament receive the recommendations and reports, and discuss their follow-up?',
      fr: 'Le parlement reçoit-il les recommandations et les rapports, et en débat-il le suivi ?',
      es: '¿Recibe el parlamento las recomendaciones y los informes, y debate su seguimiento?',
      ru: 'Получает ли парламент рекомендации и доклады и обсуждает ли их выполнение?',
      zh: '议会是否收到建议和报告，并讨论其后续落实？',
      ar: 'هل يتلقى البرلمان التوصيات والتقارير ويناقش متابعتها؟',
    },
    good: {
      en: 'Recommendations and reports go to parliament, a committee follows them up, and legislation needed to implement them is planned with the mechanism.',
      fr: 'Les recommandations et les rapports sont transmis au parlement, une commission en assure le suivi, et les lois nécessaires à leur mise en œuvre sont planifiées avec le mécanisme.',
      es: 'Las recomendaciones y los informes se remiten al parlamento, una comisión hace su seguimiento y la legislación necesaria para aplicarlas se planifica con el mecanismo.',
      ru: 'Рекомендации и доклады направляются в парламент, профильный комитет следит за их выполнением, а необходимое законодательство планируется вместе с механизмом.',
      zh: '建议和报告提交议会，由一个委员会跟进，落实所需的立法与该机制共同规划。',
      ar: 'تُحال التوصيات والتقارير إلى البرلمان، وتتابعها لجنة مختصة، ويُخطَّط للتشريعات اللازمة لتنفيذها بالتعاون مع الآلية.',
    },
    source: `${guide}, "consultation capacity" (parliament); ${resolution}`,
  },
  {
    id: 'information',
    themes: ['information'],
    title: {
      en: 'Information management and tracking',
      fr: 'Gestion de l’information et suivi',
      es: 'Gestión de la información y seguimiento',
      ru: 'Управление информацией и отслеживание',
      zh: '信息管理与跟踪',
      ar: 'إدارة المعلومات والتتبع',
    },
    question: {
      en: 'Are all recommendations kept in one tracking tool, clustered, with responsible bodies, timelines and progress?',
      fr: 'Toutes les recommandations sont-elles tenues dans un outil de suivi, regroupées, avec organes responsables, échéances et avancement ?',
      es: '¿Se registran todas las recomendaciones en una herramienta de seguimiento, agrupadas, con órganos responsables, plazos y avances?',
      ru: 'Ведутся ли все рекомендации в едином инструменте отслеживания, сгруппированными, с ответственными органами, сроками и ходом выполнения?',
      zh: '是否将所有建议录入统一的跟踪工具，分组归类，并注明负责机构、时间表和进展？',
      ar: 'هل تُحفظ جميع التوصيات في أداة تتبع واحدة، مصنَّفة، مع الجهات المسؤولة والجداول الزمنية ومدى التقدم؟',
    },
    good: {
      en: 'A tracking tool holds every recommendation from every mechanism, clustered by theme, with the body responsible, a timeline and indicators; reports are drawn from it and it is shared with stakeholders.',
      fr: 'Un outil de suivi contient toutes les recommandations de tous les mécanismes, regroupées par thème, avec l’organe responsable, une échéance et des indicateurs ; les rapports en sont tirés et il est partagé avec les parties prenantes.',
      es: 'Una herramienta de seguimiento contiene todas las recomendaciones de todos los mecanismos, agrupadas por tema, con el órgano responsable, un plazo e indicadores; los informes se extraen de ella y se comparte con las partes interesadas.',
      ru: 'Инструмент отслеживания содержит все рекомендации всех механизмов, сгруппированные по темам, с ответственным органом, сроком и показателями; доклады готовятся на его основе, и он доступен заинтересованным сторонам.',
      zh: '跟踪工具收录所有机制的全部建议，按主题分组，注明负责机构、时间表和指标；报告据此编写，并与利益攸关方共享。',
      ar: 'تضم أداة التتبع كل توصيات جميع الآليات، مصنفة حسب الموضوع، مع الجهة المسؤولة والجدول الزمني والمؤشرات؛ وتُستخرج التقارير منها وتُتاح لأصحاب المصلحة.',
    },
    source: `${guide}, "information management capacity"`,
  },
  {
    id: 'sdg',
    themes: ['linkage', 'information'],
    title: {
      en: 'Linkage with the Sustainable Development Goals',
      fr: 'Lien avec les objectifs de développement durable',
      es: 'Vinculación con los Objetivos de Desarrollo Sostenible',
      ru: 'Связь с целями в области устойчивого развития',
      zh: '与可持续发展目标的衔接',
      ar: 'الربط بأهداف التنمية المستدامة',
    },
    question: {
      en: 'Are recommendations linked to SDG targets and is their follow-up used in the SDG reviews?',
      fr: 'Les recommandations sont-elles reliées aux cibles des ODD et leur suivi sert-il aux examens des ODD ?',
      es: '¿Están las recomendaciones vinculadas a las metas de los ODS y se usa su seguimiento en los exámenes de los ODS?',
      ru: 'Связаны ли рекомендации с задачами ЦУР и используется ли их выполнение в обзорах по ЦУР?',
      zh: '建议是否与可持续发展目标具体目标挂钩，其落实情况是否用于可持续发展目标审查？',
      ar: 'هل ترتبط التوصيات بغايات أهداف التنمية المستدامة، وهل تُستخدم متابعتها في استعراضات تلك الأهداف؟',
    },
    good: {
      en: 'Each recommendation is linked to the SDG targets it serves, and the mechanism and those who prepare the voluntary national reviews share data and plans.',
      fr: 'Chaque recommandation est reliée aux cibles des ODD qu’elle sert, et le mécanisme et ceux qui préparent les examens nationaux volontaires partagent données et plans.',
      es: 'Cada recomendación está vinculada a las metas de los ODS a las que contribuye, y el mecanismo y quienes preparan los exámenes nacionales voluntarios comparten datos y planes.',
      ru: 'Каждая рекомендация связана с задачами ЦУР, которым она служит, а механизм и те, кто готовит добровольные национальные обзоры, обмениваются данными и планами.',
      zh: '每项建议都与其所服务的可持续发展目标具体目标挂钩，该机制与编写国别自愿陈述的部门共享数据和计划。',
      ar: 'ترتبط كل توصية بغايات أهداف التنمية المستدامة التي تخدمها، وتتبادل الآلية والجهات التي تعد الاستعراضات الوطنية الطوعية البيانات والخطط.',
    },
    source: `${resolution}; ${guide}, "information management capacity" (links with the 2030 Agenda)`,
  },
];

/** Every edition of the questions, by version; the last is the one a new round is given. */
export const questionnaires: Record<number, Questionnaire> = {
  1: { version: 1, levels, characteristics },
};
export const currentQuestionnaireVersion = 1;
export const maxLevel = 4;

export function questionnaireOf(version: number): Questionnaire {
  const found = questionnaires[version];
  if (!found) throw new Error(`no self-assessment questionnaire of version ${version}`);
  return found;
}
