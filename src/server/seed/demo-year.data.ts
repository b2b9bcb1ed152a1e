import type { Role } from '../../shared/schemas/identity';

/**
 * The cast and the subjects of the demo year (demo-year.ts). Invented for the demonstration, on
 * the real bodies and municipalities of demo-state.ts; none of it is an official statement.
 */

/** People who act in the story but have no demo sign-in: each entity's focal point, a CSO's member. */
export const demoColleagues: {
  name: string;
  email: string;
  role: Role;
  entity: string;
  seat: 'main' | 'alternate' | 'validator' | 'member';
}[] = [
  {
    name: 'Urška Turk',
    email: 'urska.turk@demo.implementa.example',
    role: 'focal_point',
    entity: 'MFEA',
    seat: 'main',
  },
  {
    name: 'Irena Hribar',
    email: 'irena.hribar@demo.implementa.example',
    role: 'focal_point',
    entity: 'MP',
    seat: 'main',
  },
  {
    name: 'Matej Zupančič',
    email: 'matej.zupancic@demo.implementa.example',
    role: 'focal_point',
    entity: 'MNZ',
    seat: 'main',
  },
  {
    name: 'Gregor Vidmar',
    email: 'gregor.vidmar@demo.implementa.example',
    role: 'focal_point',
    entity: 'MZ',
    seat: 'main',
  },
  {
    name: 'Primož Oblak',
    email: 'primoz.oblak@demo.implementa.example',
    role: 'focal_point',
    entity: 'MVI',
    seat: 'main',
  },
  { name: 'Rok Zajc', email: 'rok.zajc@demo.implementa.example', role: 'focal_point', entity: 'MSP', seat: 'main' },
  {
    name: 'Mojca Kranjc',
    email: 'mojca.kranjc@demo.implementa.example',
    role: 'focal_point',
    entity: 'UN',
    seat: 'main',
  },
  {
    name: 'Boštjan Kovačič',
    email: 'bostjan.kovacic@demo.implementa.example',
    role: 'focal_point',
    entity: 'SI-070',
    seat: 'main',
  },
  {
    name: 'Simona Horvat',
    email: 'simona.horvat@demo.implementa.example',
    role: 'focal_point',
    entity: 'SI-080',
    seat: 'main',
  },
  {
    name: 'Aleš Košir',
    email: 'ales.kosir@demo.implementa.example',
    role: 'focal_point',
    entity: 'SI-085',
    seat: 'main',
  },
  {
    name: 'Katja Bizjak',
    email: 'katja.bizjak@demo.implementa.example',
    role: 'focal_point',
    entity: 'SI-011',
    seat: 'main',
  },
  {
    name: 'Tina Petek',
    email: 'tina.petek@demo.implementa.example',
    role: 'stakeholder',
    entity: 'PIC',
    seat: 'member',
  },
];

/**
 * Who leads on what: the first subject whose words a recommendation's English text contains
 * gives its lead and supporting ministries, and the municipalities that share the work (assigned
 * by the coordinator, or delegated by the lead ministry when `delegated`).
 */
export interface DemoSubject {
  key: string;
  patterns: string[];
  lead: string;
  supporting: string[];
  municipalities: string[];
  delegated: boolean;
}

export const demoSubjects: DemoSubject[] = [
  {
    key: 'violence',
    patterns: ['%violence against women%', '%domestic violence%', '%gender-based violence%', '%Istanbul Convention%'],
    lead: 'MDDSZ',
    supporting: ['MNZ'],
    municipalities: ['SI-061', 'SI-070', 'SI-011'],
    delegated: true,
  },
  {
    key: 'roma',
    patterns: ['%Roma%'],
    lead: 'UN',
    supporting: ['MVI'],
    municipalities: ['SI-080', 'SI-085', 'SI-070'],
    delegated: false,
  },
  {
    key: 'hate',
    patterns: ['%hate speech%', '%hate crime%', '%racis%', '%xenophob%', '%incitement%'],
    lead: 'MP',
    supporting: ['MNZ'],
    municipalities: ['SI-061'],
    delegated: false,
  },
  {
    key: 'migrants',
    patterns: ['%migrant%', '%asylum%', '%refugee%', '%trafficking%'],
    lead: 'MNZ',
    supporting: ['MDDSZ'],
    municipalities: [],
    delegated: false,
  },
  {
    key: 'disability',
    patterns: ['%disabilit%'],
    lead: 'MSP',
    supporting: ['MDDSZ'],
    municipalities: ['SI-061'],
    delegated: false,
  },
  {
    key: 'gender',
    patterns: ['%gender equality%', '%women%', '%equal pay%'],
    lead: 'MDDSZ',
    supporting: [],
    municipalities: [],
    delegated: false,
  },
  {
    key: 'children',
    patterns: ['%child%', '%education%', '%school%'],
    lead: 'MVI',
    supporting: [],
    municipalities: [],
    delegated: false,
  },
  { key: 'health', patterns: ['%health%'], lead: 'MZ', supporting: [], municipalities: [], delegated: false },
  {
    key: 'mechanisms',
    patterns: ['%ratif%', '%Optional Protocol%', '%accede%', '%Paris Principles%', '%human rights institution%'],
    lead: 'MFEA',
    supporting: [],
    municipalities: [],
    delegated: false,
  },
  {
    key: 'justice',
    patterns: ['%prison%', '%detention%', '%torture%', '%judicia%', '%court%'],
    lead: 'MP',
    supporting: [],
    municipalities: [],
    delegated: false,
  },
  {
    key: 'social',
    patterns: ['%older persons%', '%housing%', '%poverty%', '%social%'],
    lead: 'MSP',
    supporting: [],
    municipalities: [],
    delegated: false,
  },
  {
    key: 'minorities',
    patterns: ['%erased%', '%minorit%', '%citizenship%', '%stateless%'],
    lead: 'MNZ',
    supporting: ['UN'],
    municipalities: [],
    delegated: false,
  },
];

/**
 * What each municipality in the story answers on a subject: its own words, as local governments
 * write them (one shared sentence for all would be quoted once in the report, and read as copied).
 */
export const demoMunicipalNarratives: Record<string, Record<string, string>> = {
  violence: {
    'SI-061':
      'The city co-finances a second safe house with 12 places and a counselling service for women; 140 municipal staff were trained to recognise and refer cases.',
    'SI-070':
      'Maribor opened a crisis centre for women and children with 8 places and agreed a referral protocol between the social work centre, the police and the health centre.',
    'SI-011':
      'Celje runs a counselling line with the regional social work centre; 64 municipal staff and teachers were trained to recognise domestic violence.',
  },
  roma: {
    'SI-080':
      'Murska Sobota funded after-school learning support for Roma children in two primary schools and employs a Roma mediator at the municipal social work centre.',
    'SI-085':
      'Novo mesto extended the public water supply to a further Roma settlement and co-finances a pre-school group with a Roma assistant.',
    'SI-070':
      'Maribor added Romani-speaking assistants to two pre-school units and a free summer learning programme for Roma pupils.',
  },
};

/** What an entity reports on a subject: a few sentences, plain text (answers) or HTML (updates). */
export const demoNarratives: Record<string, string[]> = {
  violence: [
    'The Resolution on the National Programme for the Prevention of Domestic Violence and Violence against Women 2024–2029 is in force. Regional shelters now operate in all twelve statistical regions and the 24-hour helpline received 4,210 calls in the reporting period.',
    'Social work centres trained 380 staff in risk assessment; multi-agency teams now meet within 48 hours of a police report of domestic violence.',
    'The municipality co-finances a safe house with 12 places and a counselling service for women; 140 municipal staff were trained to recognise and refer cases.',
  ],
  roma: [
    'Water supply and electricity reached three more Roma settlements; the inter-ministerial working group agreed a timetable for the legalisation of a further five settlements.',
    'Roma assistants now work in 41 primary schools; the share of Roma children attending pre-school for at least two years rose from 38% to 46%.',
    'The municipality funded after-school learning support for Roma children in two primary schools and employs a Roma mediator at the municipal social work centre.',
  ],
  hate: [
    'The amendment of Article 297 of the Criminal Code was drafted with the State Prosecutor’s Office; public consultation closed with 27 comments.',
    'The police introduced a bias-motive field in crime records and trained 300 officers on investigating hate crime and online hate speech.',
  ],
  migrants: [
    'The asylum procedure now includes an early identification of vulnerable applicants; unaccompanied children are placed in a dedicated unit with social workers present around the clock.',
    'The national referral mechanism for victims of trafficking was revised; 29 presumed victims were identified and assisted in the reporting period.',
  ],
  disability: [
    'The Act on Personal Assistance was amended to widen eligibility; 3,100 persons with disabilities now receive personal assistance.',
    'Low-floor buses with audio announcements serve every city line; step-free access was completed in 14 municipal buildings.',
  ],
  gender: [
    'The pay-transparency guidelines were issued to employers with more than 50 staff; the Labour Inspectorate carried out 212 inspections on equal pay.',
  ],
  children: [
    'The new Pre-school Institutions Act guarantees a pre-school place to every child from the age of one; municipalities received co-financing for 1,200 new places.',
    'Child-friendly justice protocols are applied in all district courts; the Children’s House in Ljubljana heard 96 children in the reporting period.',
  ],
  health: [
    'The Ministry of Health extended free prenatal care to women without health insurance and published the national maternal mortality figures with WHO’s estimates (attached).',
  ],
  mechanisms: [
    'Slovenia presented its views on the fourth-cycle recommendations to the Human Rights Council (A/HRC/59/15/Add.1, attached); the ratification of the remaining instruments is under inter-ministerial review.',
  ],
  justice: [
    'Two new detention units meet the European Committee for the Prevention of Torture’s standards on space per prisoner; overcrowding in Ljubljana prison fell to 112% of capacity.',
  ],
  social: [
    'The Long-Term Care Act entered into force; 4,800 older persons received care at home under the new scheme in its first year.',
  ],
  minorities: [
    'Persons erased from the register of permanent residents in 1992 may still apply for a permanent residence permit; 41 permits were issued and compensation was paid in 63 cases.',
  ],
};

/** The coordinator's reasons for returning an answer, and the stakeholders' comments on the draft report. */
export const demoReturnComment =
  'Thank you. Please add the figures for the reporting period (how many people were reached) and attach the supporting document, then resubmit.';
export const demoReportComments = [
  'The Ombudsman’s own visits found that two of the regional shelters turned women away for lack of places; the paragraph should say so.',
  'Please name the Roma settlements concerned and the date by which each will have water supply.',
  'Civil society was not consulted on the Criminal Code amendment before the draft was published; we ask that this be corrected.',
];
export const demoReportReply =
  'Thank you: the figures from the Ombudsman’s annual report will be added to this paragraph in the next version.';
