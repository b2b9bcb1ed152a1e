import type { LocalizedText } from '../../db/schema';

/**
 * The demo hub's members: real NMIRFs, their profiles written from the public sources each one
 * names (OHCHR's Knowledge Gateway, the mechanisms' own sites, government press releases), in
 * the words of those sources and saying no more than they do. A text is given in another UN
 * language only where it could be translated faithfully; elsewhere the page shows it in the
 * language it has, marked as such.
 */
export interface DemoHubMember {
  countryCode: string;
  /** The mechanism's name in its own language. */
  name: string;
  nameI18n: LocalizedText;
  acronym: string | null;
  systemOfGovernment: 'unitary' | 'federal' | 'devolved';
  mandate: LocalizedText;
  legalBasis: LocalizedText;
  composition: LocalizedText;
  secretariat: LocalizedText;
  focalPoints: LocalizedText;
  established: number | null;
  website: string | null;
  source: string;
}

export const demoHubMembers: DemoHubMember[] = [
  {
    countryCode: 'PT',
    name: 'Comissão Nacional para os Direitos Humanos',
    nameI18n: {
      en: 'National Human Rights Committee',
      fr: 'Commission nationale des droits de l’homme',
      es: 'Comisión Nacional de Derechos Humanos',
    },
    acronym: 'CNDH',
    systemOfGovernment: 'unitary',
    mandate: {
      en: 'Portugal’s permanent, standing national mechanism for implementation, reporting and follow-up on human rights.\n\nIts plenary meets several times a year, one meeting open to civil society. Working groups prepare the defence of national reports before the treaty bodies and work on human rights indicators and on business and human rights (activities report 2020).',
      fr: 'Le mécanisme national permanent de mise en œuvre, d’établissement de rapports et de suivi du Portugal en matière de droits de l’homme.\n\nSa plénière se réunit plusieurs fois par an, dont une réunion ouverte à la société civile. Des groupes de travail préparent la présentation des rapports nationaux devant les organes conventionnels et travaillent sur les indicateurs des droits de l’homme et sur les entreprises et les droits de l’homme (rapport d’activité 2020).',
      es: 'El mecanismo nacional permanente de aplicación, presentación de informes y seguimiento de Portugal en materia de derechos humanos.\n\nSu plenario se reúne varias veces al año, una de ellas abierta a la sociedad civil. Grupos de trabajo preparan la defensa de los informes nacionales ante los órganos de tratados y trabajan sobre indicadores de derechos humanos y sobre empresas y derechos humanos (informe de actividades 2020).',
    },
    legalBasis: {
      en: 'Resolution of the Council of Ministers No. 27/2010.',
      fr: 'Résolution du Conseil des ministres no 27/2010.',
      es: 'Resolución del Consejo de Ministros n.º 27/2010.',
    },
    composition: {
      en: 'Representatives of 18 government areas, each of which nominates a focal point and a deputy focal point, and four permanent observers:\n\n- Parliament\n- the Public Prosecutor’s Office\n- the Ombudsperson\n- the National Association of Portuguese Municipalities\n\nThe President of the Committee is the Secretary of State for Foreign Affairs and Cooperation; the Vice-President is the Deputy Director-General for Foreign Policy, responsible for multilateral affairs.',
      fr: 'Des représentants de 18 domaines gouvernementaux, chacun désignant un point focal et un point focal adjoint, et quatre observateurs permanents :\n\n- le Parlement\n- le ministère public\n- le Médiateur (Provedor de Justiça)\n- l’Association nationale des municipalités portugaises\n\nLa Commission est présidée par le secrétaire d’État aux affaires étrangères et à la coopération ; son vice-président est le directeur général adjoint de la politique étrangère, chargé des affaires multilatérales.',
      es: 'Representantes de 18 áreas de gobierno, cada una de las cuales designa un punto focal y un punto focal adjunto, y cuatro observadores permanentes:\n\n- el Parlamento\n- la Fiscalía\n- el Defensor del Pueblo (Provedor de Justiça)\n- la Asociación Nacional de Municipios Portugueses\n\nPreside la Comisión el Secretario de Estado de Asuntos Exteriores y Cooperación; el Vicepresidente es el Director General Adjunto de Política Exterior, responsable de los asuntos multilaterales.',
    },
    secretariat: {
      en: 'An Executive Secretariat in the Ministry of Foreign Affairs prepares the Committee’s work, including the communication that asks each new Government’s ministers to appoint their focal points.',
      fr: 'Un secrétariat exécutif au ministère des affaires étrangères prépare les travaux de la Commission, notamment la communication qui demande aux ministres de chaque nouveau gouvernement de désigner leurs points focaux.',
      es: 'Una Secretaría Ejecutiva en el Ministerio de Asuntos Exteriores prepara el trabajo de la Comisión, incluida la comunicación que pide a los ministros de cada nuevo Gobierno que designen a sus puntos focales.',
    },
    focalPoints: {
      en: 'Focal points are appointed at the start of each new Government: the Office of the Minister for Foreign Affairs writes to the offices of the other ministers. They tend to be international relations experts, usually heads of department in line ministries, or advisers in ministers’ offices. More contact points may be added where needed.',
      fr: 'Les points focaux sont désignés au début de chaque nouveau gouvernement : le cabinet du ministre des affaires étrangères écrit aux cabinets des autres ministres. Ce sont le plus souvent des spécialistes des relations internationales, en général chefs de service dans les ministères sectoriels, ou des conseillers des cabinets ministériels. D’autres personnes de contact peuvent être ajoutées au besoin.',
      es: 'Los puntos focales se designan al comienzo de cada nuevo Gobierno: el Gabinete del Ministro de Asuntos Exteriores escribe a los gabinetes de los demás ministros. Suelen ser especialistas en relaciones internacionales, por lo general jefes de departamento de los ministerios sectoriales, o asesores de los gabinetes ministeriales. Pueden añadirse otros puntos de contacto cuando sea necesario.',
    },
    established: 2010,
    website: null,
    source:
      'OHCHR Knowledge Gateway, NMIRF profile of Portugal (https://knowledgegateway.ohchr.org/nmirf/regions/5/84?name=Portugal); National Human Rights Committee, Activities report 2020.',
  },
  {
    countryCode: 'PY',
    name: 'Sistema de Monitoreo de Recomendaciones en Derechos Humanos',
    nameI18n: {
      en: 'System for Monitoring Human Rights Recommendations',
      es: 'Sistema de Monitoreo de Recomendaciones en Derechos Humanos',
    },
    acronym: 'SIMORE Plus',
    systemOfGovernment: 'unitary',
    mandate: {
      en: 'A standing national mechanism built around SIMORE Plus, a public online tool for monitoring and reporting on the implementation of international human rights recommendations from the universal system (treaty bodies, the UPR, special rapporteurs) and from the Inter-American system (the points of the judgments of the Inter-American Court of Human Rights). It links each recommendation to the Sustainable Development Goals and their targets.\n\nParaguay shares the tool with other States through its SIMORE technical cooperation programme.',
      es: 'Un mecanismo nacional permanente construido en torno a SIMORE Plus, una herramienta en línea de acceso público para el monitoreo y la elaboración de informes sobre la implementación de las recomendaciones internacionales de derechos humanos del sistema universal (órganos de tratados, EPU, relatores especiales) y del sistema interamericano (los puntos resolutivos de las sentencias de la Corte Interamericana de Derechos Humanos). Vincula cada recomendación con los Objetivos de Desarrollo Sostenible y sus metas.\n\nEl Paraguay comparte la herramienta con otros Estados por medio de su Programa de Cooperación Técnica SIMORE.',
    },
    legalBasis: {
      en: 'Presidential Decree No. 4368 of 9 November 2015.',
      es: 'Decreto Presidencial n.º 4368 del 9 de noviembre de 2015.',
    },
    composition: {
      en: 'A network of about 170 focal points from about 70 public institutions of the executive, legislative and judicial branches and of bodies outside them, each responsible for following the recommendations assigned to its institution.',
      es: 'Una red de alrededor de 170 puntos focales de unas 70 instituciones públicas de los Poderes Ejecutivo, Legislativo y Judicial y de órganos extra poder, cada uno responsable del seguimiento de las recomendaciones asignadas a su institución.',
    },
    secretariat: {
      en: 'The mechanism is coordinated jointly by the Ministry of Foreign Affairs (its General Human Rights Unit) and the Ministry of Justice, which convene the ordinary meetings of the focal points’ network.',
      es: 'El mecanismo está coordinado conjuntamente por el Ministerio de Relaciones Exteriores (su Unidad General de Derechos Humanos) y el Ministerio de Justicia, que convocan las reuniones ordinarias de la Red de Puntos Focales.',
    },
    focalPoints: {
      en: 'Focal points are designated by the highest authority of each institution. Each institution appoints the main and alternate focal points it needs and a validating authority; their duties are set in the SIMORE regulations. Focal points upload to SIMORE Plus their institution’s actions to implement the recommendations within its competence; new focal points are trained on the platform.',
      es: 'Los puntos focales son designados por la máxima autoridad de cada institución. Cada institución designa los puntos focales titulares y alternos que considere necesarios y una autoridad validadora; sus funciones están establecidas en el reglamento del SIMORE. Los puntos focales cargan en SIMORE Plus las acciones de su institución para implementar las recomendaciones de su competencia; los nuevos puntos focales reciben capacitación sobre la plataforma.',
    },
    established: 2015,
    website: null,
    source:
      'OHCHR Knowledge Gateway, NMIRF profile of Paraguay (https://knowledgegateway.ohchr.org/nmirf/regions/9/174?name=Paraguay); Ministry of Foreign Affairs of Paraguay, news on the SIMORE Plus focal points’ network (mre.gov.py).',
  },
  {
    countryCode: 'MA',
    name: 'Délégation interministérielle aux droits de l’Homme',
    nameI18n: {
      en: 'Interministerial Delegation for Human Rights',
      fr: 'Délégation interministérielle aux droits de l’Homme',
      ar: 'المندوبية الوزارية المكلفة بحقوق الإنسان',
    },
    acronym: 'DIDH',
    systemOfGovernment: 'unitary',
    mandate: {
      en: 'A standing national mechanism that prepares and follows up the implementation of the Government’s human rights policy, drafts the national reports and sees that international human rights commitments are implemented. The decree that established it gives it these missions:\n\n- to elaborate and implement the governmental policy on human rights and international humanitarian law, in coordination with ministerial departments, national institutions and relevant organizations\n- to propose measures to ensure the implementation of the international conventions ratified by the Kingdom\n- to promote the respect and integration of human rights in public policies\n- to ensure reporting through permanent consultation with all concerned departments and institutions',
      fr: 'Un mécanisme national permanent qui prépare et suit la mise en œuvre de la politique gouvernementale en matière de droits de l’Homme, rédige les rapports nationaux et veille à la mise en œuvre des engagements internationaux en matière de droits de l’Homme. Le décret qui l’a créée lui donne ces missions :\n\n- élaborer et mettre en œuvre la politique gouvernementale en matière de droits de l’Homme et de droit international humanitaire, en coordination avec les départements ministériels, les institutions nationales et les organisations concernées\n- proposer des mesures pour assurer la mise en œuvre des conventions internationales ratifiées par le Royaume\n- promouvoir le respect et l’intégration des droits de l’Homme dans les politiques publiques\n- assurer l’établissement des rapports en concertation permanente avec tous les départements et institutions concernés',
    },
    legalBasis: {
      en: 'Decree No. 2-11-150 (2011); reorganized by Decree No. 2-25-541 of September 2025.',
      fr: 'Décret no 2-11-150 (2011) ; réorganisée par le décret no 2-25-541 de septembre 2025.',
    },
    composition: {
      en: 'All relevant government departments, national institutions, regional and local authorities and civil society organizations take part in its work, with theme-specific focal points designated as needed.',
      fr: 'Tous les départements gouvernementaux, institutions nationales, autorités régionales et locales et organisations de la société civile concernés participent à ses travaux, avec des points focaux thématiques désignés au besoin.',
    },
    secretariat: {
      en: 'A permanent governmental structure under an Interministerial Delegate of ministerial rank appointed by the King, attached to the Head of Government. It has a general secretariat and a dedicated team; since 2025 it has four departments: planning and relations with civil society; national reporting and follow-up; studies, monitoring and international and regional cooperation; human and financial resources and general affairs.',
      fr: 'Une structure gouvernementale permanente placée sous l’autorité d’un délégué interministériel ayant rang de ministre, nommé par le Roi, et rattachée au Chef du gouvernement. Elle dispose d’un secrétariat général et d’une équipe dédiée ; depuis 2025, elle compte quatre directions : planification et relations avec la société civile ; rapports nationaux et suivi ; études, veille et coopération internationale et régionale ; ressources humaines et financières et affaires générales.',
    },
    focalPoints: {
      en: 'The Delegation drafts the reports; stakeholders give information through correspondence, meetings and working sessions, and drafts are shared with them for review before final adoption.',
      fr: 'La Délégation rédige les rapports ; les parties prenantes fournissent des informations par correspondance, lors de réunions et de séances de travail, et les projets leur sont communiqués pour examen avant leur adoption définitive.',
    },
    established: 2011,
    website: 'https://www.didh.gov.ma',
    source:
      'OHCHR Knowledge Gateway, NMIRF profile of Morocco (https://knowledgegateway.ohchr.org/nmirf/regions/4/28?name=Morocco); DIDH, “Mission” (http://www.didh.ma/en/didh/mission/).',
  },
  {
    countryCode: 'SI',
    name: 'Medresorska komisija za človekove pravice',
    nameI18n: { en: 'Inter-departmental Commission on Human Rights' },
    acronym: 'ICHR',
    systemOfGovernment: 'unitary',
    mandate: {
      en: 'Slovenia’s national mechanism for implementation, reporting and follow-up. It coordinates reporting to the international human rights mechanisms and monitors the implementation of obligations.\n\nIts work follows the “Guidelines for the preparation of reports of the Republic of Slovenia and the implementation of related international activities in the field of human rights and consideration of reports of international supervisory bodies”, adopted by the Government, and its Rules of Procedure.',
    },
    legalBasis: {
      en: 'Decision of the Government of the Republic of Slovenia No. 01201-2/2013/4, amended by Decisions No. 01201-2/2013/10, No. 01201-1/2015/3 and No. 01201-4/2024/3.',
    },
    composition: {
      en: 'Representatives of:\n\n- the Office of the Prime Minister\n- all line ministries\n- the National Statistical Office\n- the Police\n- the Office for National Minorities\n- the Office for the Support and Integration of Migrants\n- civil society and academia\n\nIt includes the focal points established under article 33 (1) of the Convention on the Rights of Persons with Disabilities and focal points of the gender equality mechanisms.',
    },
    secretariat: {
      en: 'There is no permanent secretariat. The Ministry of Foreign and European Affairs nominates the president and the secretary and coordinates the work.',
    },
    focalPoints: {
      en: 'The Guidelines and the Rules of Procedure are given to every new member of the Commission to inform their work.',
    },
    established: 2013,
    website: null,
    source:
      'OHCHR Knowledge Gateway, NMIRF profile of Slovenia (https://knowledgegateway.ohchr.org/nmirf/regions/5/77?name=Slovenia).',
  },
  {
    countryCode: 'MU',
    name: 'National Mechanism for Reporting and Follow-up',
    nameI18n: {
      en: 'National Mechanism for Reporting and Follow-up',
      fr: 'Mécanisme national d’établissement des rapports et de suivi',
    },
    acronym: 'NMRF',
    systemOfGovernment: 'unitary',
    mandate: {
      en: 'The mechanism brings together ministries, departments and non-governmental organizations to follow up all commitments under the human rights conventions (Minister of Foreign Affairs, October 2021). Its meetings review the reporting obligations and the reports falling due, and the implementation of the recommendations received.',
    },
    legalBasis: {},
    composition: {
      en: 'At its meeting of October 2021, chaired by the Minister of Foreign Affairs, Regional Integration and International Trade, the mechanism brought together, among others, the Prime Minister’s Office, the Ministry of Finance, Economic Planning and Development, the Ministry of Social Integration, Social Security and National Solidarity, the Ministry of Environment, Solid Waste Management and Climate Change, the Attorney General’s Office, the Ministry of Gender Equality and Family Welfare, the Police Force, the Prisons Department and Statistics Mauritius, with non-governmental organizations (among them Parapli Rouz, Dis Moi, CEDEM and Collectif Urgence Toxida) and civil society.',
    },
    secretariat: {
      en: 'The Human Rights Division of the Ministry of Foreign Affairs, Regional Integration and International Trade, headed by a Senior Chief Executive, assisted the Minister at the October 2021 meeting.',
    },
    focalPoints: {
      en: 'Ministries submit their inputs at the mechanism’s meetings, which discuss reporting obligations and the reports due in the coming year. In 2019 its members, supervising officers and permanent secretaries were trained, with OHCHR, on the four key capacities of a national mechanism, and the next step named was a National Recommendations Tracking Database.',
    },
    established: null,
    website: null,
    source:
      'Government of Mauritius press release of 13 October 2021 on the meeting of the National Mechanism for Reporting and Follow-up (https://allafrica.com/stories/202110130111.html); “The 4 Key Capacities of the National Mechanism for Reporting and Follow-Up”, Maurice Info, 24 May 2019.',
  },
];

/** The networks of the demo hub: real ones only, each naming its source. */
export const demoHubNetworks: {
  kind: 'international' | 'regional' | 'language';
  name: string;
  nameI18n: LocalizedText;
  descriptionI18n: LocalizedText;
  website: string | null;
  /** Members of the demo hub in the network, by country. */
  countries: string[];
}[] = [
  {
    kind: 'international',
    name: 'Group of Friends on national implementation, reporting and follow-up',
    nameI18n: {
      en: 'Group of Friends on national implementation, reporting and follow-up',
      fr: 'Groupe des amis de la mise en œuvre, de l’établissement de rapports et du suivi au niveau national',
      es: 'Grupo de Amigos de la aplicación, la presentación de informes y el seguimiento a nivel nacional',
    },
    descriptionI18n: {
      en: 'A cross-regional group of States at the Human Rights Council in Geneva that promotes national mechanisms for implementation, reporting and follow-up. On 19 September 2019 Portugal spoke on behalf of its 28 member States: Angola, Bahamas, Belgium, Botswana, Brazil, Colombia, Costa Rica, Denmark, Ecuador, Fiji, Georgia, Haiti, Italy, Mexico, Morocco, Netherlands, North Macedonia, Norway, Paraguay, Portugal, Republic of Korea, Seychelles, Slovenia, Sweden, Thailand, Timor-Leste, Tunisia and Uruguay.\n\nSource: statement of Portugal on behalf of the Group of Friends, Human Rights Council, 42nd session, general debate on item 5 (Permanent Mission of Portugal, Geneva).',
    },
    website: null,
    countries: ['MA', 'PY', 'PT', 'SI'],
  },
];
