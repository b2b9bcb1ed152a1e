import type { LocalizedText } from '../db/schema';

/**
 * The mechanisms and bodies that issue recommendations, with their official names in the six UN
 * languages. Special Procedures mandates and regional bodies are an open list: admins add more
 * (Taxonomies → Bodies). A regional body carries the names in its organisation's official
 * languages only (Council of Europe: English and French, www.coe.int; Organization of American
 * States: English, Spanish, French, oas.org; African Union: English, French, au.int); the other
 * languages show the English name until an admin adds a translation. Special Procedures mandates
 * carry their titles as OHCHR's mandate pages give them in the six languages.
 */
export const bodies: {
  code: string;
  mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional';
  name: LocalizedText;
}[] = [
  {
    code: 'UPR',
    mechanism: 'upr',
    name: {
      en: 'Universal Periodic Review',
      fr: 'Examen périodique universel',
      es: 'Examen Periódico Universal',
      ru: 'Универсальный периодический обзор',
      zh: '普遍定期审议',
      ar: 'الاستعراض الدوري الشامل',
    },
  },
  {
    code: 'CCPR',
    mechanism: 'treaty_body',
    name: {
      en: 'Human Rights Committee',
      fr: 'Comité des droits de l’homme',
      es: 'Comité de Derechos Humanos',
      ru: 'Комитет по правам человека',
      zh: '人权事务委员会',
      ar: 'اللجنة المعنية بحقوق الإنسان',
    },
  },
  {
    code: 'CESCR',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on Economic, Social and Cultural Rights',
      fr: 'Comité des droits économiques, sociaux et culturels',
      es: 'Comité de Derechos Económicos, Sociales y Culturales',
      ru: 'Комитет по экономическим, социальным и культурным правам',
      zh: '经济、社会及文化权利委员会',
      ar: 'اللجنة المعنية بالحقوق الاقتصادية والاجتماعية والثقافية',
    },
  },
  {
    code: 'CERD',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on the Elimination of Racial Discrimination',
      fr: 'Comité pour l’élimination de la discrimination raciale',
      es: 'Comité para la Eliminación de la Discriminación Racial',
      ru: 'Комитет по ликвидации расовой дискриминации',
      zh: '消除种族歧视委员会',
      ar: 'لجنة القضاء على التمييز العنصري',
    },
  },
  {
    code: 'CEDAW',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on the Elimination of Discrimination against Women',
      fr: 'Comité pour l’élimination de la discrimination à l’égard des femmes',
      es: 'Comité para la Eliminación de la Discriminación contra la Mujer',
      ru: 'Комитет по ликвидации дискриминации в отношении женщин',
      zh: '消除对妇女歧视委员会',
      ar: 'اللجنة المعنية بالقضاء على التمييز ضد المرأة',
    },
  },
  {
    code: 'CAT',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee against Torture',
      fr: 'Comité contre la torture',
      es: 'Comité contra la Tortura',
      ru: 'Комитет против пыток',
      zh: '禁止酷刑委员会',
      ar: 'لجنة مناهضة التعذيب',
    },
  },
  {
    code: 'SPT',
    mechanism: 'treaty_body',
    name: {
      en: 'Subcommittee on Prevention of Torture',
      fr: 'Sous-comité pour la prévention de la torture',
      es: 'Subcomité para la Prevención de la Tortura',
      ru: 'Подкомитет по предупреждению пыток',
      zh: '防范酷刑小组委员会',
      ar: 'اللجنة الفرعية لمنع التعذيب',
    },
  },
  {
    code: 'CRC',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on the Rights of the Child',
      fr: 'Comité des droits de l’enfant',
      es: 'Comité de los Derechos del Niño',
      ru: 'Комитет по правам ребенка',
      zh: '儿童权利委员会',
      ar: 'لجنة حقوق الطفل',
    },
  },
  {
    code: 'CMW',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on Migrant Workers',
      fr: 'Comité des travailleurs migrants',
      es: 'Comité de Trabajadores Migratorios',
      ru: 'Комитет по трудящимся-мигрантам',
      zh: '移徙工人问题委员会',
      ar: 'اللجنة المعنية بالعمال المهاجرين',
    },
  },
  {
    code: 'CRPD',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on the Rights of Persons with Disabilities',
      fr: 'Comité des droits des personnes handicapées',
      es: 'Comité sobre los Derechos de las Personas con Discapacidad',
      ru: 'Комитет по правам инвалидов',
      zh: '残疾人权利委员会',
      ar: 'اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة',
    },
  },
  {
    code: 'CED',
    mechanism: 'treaty_body',
    name: {
      en: 'Committee on Enforced Disappearances',
      fr: 'Comité des disparitions forcées',
      es: 'Comité contra la Desaparición Forzada',
      ru: 'Комитет по насильственным исчезновениям',
      zh: '强迫失踪问题委员会',
      ar: 'اللجنة المعنية بحالات الاختفاء القسري',
    },
  },
  {
    code: 'SR-ADEQUATE-HOUSING',
    mechanism: 'special_procedure',
    name: {
      en: 'Special Rapporteur on the right to adequate housing',
      fr: 'Rapporteur spécial sur le droit à un logement convenable',
      es: 'Relator Especial sobre el derecho a una vivienda adecuada',
      ru: 'Специальный докладчик по вопросу о праве на достаточное жилище',
      zh: '适足住房问题特别报告员',
      ar: 'المقرر الخاص المعني بالحق في السكن اللائق',
    },
  },
  {
    code: 'SR-HEALTH',
    mechanism: 'special_procedure',
    name: {
      en: 'Special Rapporteur on the right to health',
      fr: 'Rapporteur spécial sur le droit à la santé',
      es: 'Relator Especial sobre el derecho a la salud',
      ru: 'Специальный докладчик по вопросу о праве на здоровье',
      zh: '健康权问题特别报告员',
      ar: 'المقرر الخاص المعني بالحق في الصحة',
    },
  },
  {
    code: 'SR-MINORITY-ISSUES',
    mechanism: 'special_procedure',
    name: {
      en: 'Special Rapporteur on minority issues',
      fr: 'Rapporteur spécial sur les questions relatives aux minorités',
      es: 'Relator Especial sobre cuestiones de las minorías',
      ru: 'Специальный докладчик по вопросам меньшинств',
      zh: '少数群体问题特别报告员',
      ar: 'المقرر الخاص المعني بقضايا الأقليات',
    },
  },
  {
    code: 'IACHR',
    mechanism: 'regional',
    name: {
      en: 'Inter-American Commission on Human Rights',
      fr: 'Commission interaméricaine des droits de l’homme',
      es: 'Comisión Interamericana de Derechos Humanos',
      ru: 'Межамериканская комиссия по правам человека',
      zh: '美洲人权委员会',
      ar: 'لجنة البلدان الأمريكية لحقوق الإنسان',
    },
  },
  {
    code: 'ACHPR',
    mechanism: 'regional',
    name: {
      en: 'African Commission on Human and Peoples’ Rights',
      fr: 'Commission africaine des droits de l’homme et des peuples',
      es: 'Comisión Africana de Derechos Humanos y de los Pueblos',
      ru: 'Африканская комиссия по правам человека и народов',
      zh: '非洲人权和民族权委员会',
      ar: 'اللجنة الأفريقية لحقوق الإنسان والشعوب',
    },
  },
  {
    code: 'ECRI',
    mechanism: 'regional',
    name: {
      en: 'European Commission against Racism and Intolerance',
      fr: 'Commission européenne contre le racisme et l’intolérance',
      es: 'Comisión Europea contra el Racismo y la Intolerancia',
      ru: 'Европейская комиссия по борьбе с расизмом и нетерпимостью',
      zh: '欧洲反对种族主义和不容忍委员会',
      ar: 'اللجنة الأوروبية لمناهضة العنصرية والتعصب',
    },
  },
  {
    code: 'CPT',
    mechanism: 'regional',
    name: {
      en: 'European Committee for the Prevention of Torture',
      fr: 'Comité européen pour la prévention de la torture',
      es: 'Comité Europeo para la Prevención de la Tortura',
      ru: 'Европейский комитет по предупреждению пыток',
      zh: '欧洲防止酷刑委员会',
      ar: 'اللجنة الأوروبية لمنع التعذيب',
    },
  },
  {
    code: 'SR-TORTURE',
    mechanism: 'special_procedure',
    name: {
      en: 'Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment',
      fr: 'Rapporteur spécial sur la torture et autres peines ou traitements cruels, inhumains ou dégradants',
      es: 'Relator Especial sobre la tortura y otros tratos o penas crueles, inhumanos o degradantes',
      ru: 'Специальный докладчик по вопросу о пытках и других жестоких, бесчеловечных или унижающих достоинство видах обращения и наказания',
      zh: '酷刑和其他残忍、不人道或有辱人格的待遇或处罚问题特别报告员',
      ar: 'المقرر الخاص المعني بمسألة التعذيب وغيره من ضروب المعاملة أو العقوبة القاسية أو اللاإنسانية أو المهينة',
    },
  },
  {
    code: 'GREVIO',
    mechanism: 'regional',
    name: {
      en: 'Group of Experts on Action against Violence against Women and Domestic Violence',
      fr: 'Groupe d’experts sur la lutte contre la violence à l’égard des femmes et la violence domestique',
    },
  },
  {
    code: 'ECSR',
    mechanism: 'regional',
    name: { en: 'European Committee of Social Rights', fr: 'Comité européen des droits sociaux' },
  },
  {
    code: 'FCNM',
    mechanism: 'regional',
    name: {
      en: 'Advisory Committee on the Framework Convention for the Protection of National Minorities',
      fr: 'Comité consultatif de la Convention-cadre pour la protection des minorités nationales',
    },
  },
  {
    code: 'IACTHR',
    mechanism: 'regional',
    name: {
      en: 'Inter-American Court of Human Rights',
      es: 'Corte Interamericana de Derechos Humanos',
      fr: 'Cour interaméricaine des droits de l’homme',
    },
  },
  {
    code: 'ACERWC',
    mechanism: 'regional',
    name: {
      en: 'African Committee of Experts on the Rights and Welfare of the Child',
      fr: 'Comité africain d’experts sur les droits et le bien-être de l’enfant',
    },
  },
];

/** UPR cycles (docs/domain.md). */
export const uprCycles = [
  { cycle: 1, starts: '2008-04-01', ends: '2011-10-31' },
  { cycle: 2, starts: '2012-05-01', ends: '2016-11-30' },
  { cycle: 3, starts: '2017-05-01', ends: '2022-01-31' },
  { cycle: 4, starts: '2022-11-01', ends: '2027-12-31' },
];

/** Implementation statuses: configurable terms of the `status` taxonomy; these are the defaults. */
export const defaultStatuses: { code: string; label: LocalizedText; final?: boolean }[] = [
  {
    code: 'not_started',
    label: {
      en: 'Not started',
      fr: 'Non commencée',
      es: 'No iniciada',
      ru: 'Не начато',
      zh: '尚未开始',
      ar: 'لم يبدأ',
    },
  },
  {
    code: 'in_progress',
    label: { en: 'In progress', fr: 'En cours', es: 'En curso', ru: 'Выполняется', zh: '进行中', ar: 'قيد التنفيذ' },
  },
  {
    code: 'partially_implemented',
    label: {
      en: 'Partially implemented',
      fr: 'Partiellement mise en œuvre',
      es: 'Aplicada parcialmente',
      ru: 'Выполнено частично',
      zh: '部分落实',
      ar: 'نُفذت جزئياً',
    },
  },
  {
    code: 'implemented',
    final: true,
    label: { en: 'Implemented', fr: 'Mise en œuvre', es: 'Aplicada', ru: 'Выполнено', zh: '已落实', ar: 'نُفذت' },
  },
  {
    code: 'not_applicable',
    final: true,
    label: {
      en: 'Not applicable',
      fr: 'Sans objet',
      es: 'No aplicable',
      ru: 'Неприменимо',
      zh: '不适用',
      ar: 'لا ينطبق',
    },
  },
];

export const builtinTaxonomies: { code: string; name: LocalizedText }[] = [
  {
    code: 'theme',
    name: {
      en: 'Human rights themes',
      fr: 'Thèmes relatifs aux droits de l’homme',
      es: 'Temas de derechos humanos',
      ru: 'Темы в области прав человека',
      zh: '人权主题',
      ar: 'مواضيع حقوق الإنسان',
    },
  },
  {
    code: 'affected_person',
    name: {
      en: 'Affected persons',
      fr: 'Personnes concernées',
      es: 'Personas afectadas',
      ru: 'Затрагиваемые лица',
      zh: '受影响者',
      ar: 'الأشخاص المتأثرون',
    },
  },
  {
    code: 'sdg',
    name: {
      en: 'Sustainable Development Goals',
      fr: 'Objectifs de développement durable',
      es: 'Objetivos de Desarrollo Sostenible',
      ru: 'Цели в области устойчивого развития',
      zh: '可持续发展目标',
      ar: 'أهداف التنمية المستدامة',
    },
  },
  {
    code: 'upr_info_issue',
    name: {
      en: 'UPR Info issues',
      fr: 'Questions UPR Info',
      es: 'Temas de UPR Info',
      ru: 'Вопросы UPR Info',
      zh: 'UPR Info 议题',
      ar: 'قضايا UPR Info',
    },
  },
  {
    code: 'status',
    name: {
      en: 'Implementation status',
      fr: 'État de mise en œuvre',
      es: 'Estado de aplicación',
      ru: 'Статус выполнения',
      zh: '落实状况',
      ar: 'حالة التنفيذ',
    },
  },
];
