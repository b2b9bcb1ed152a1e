import type { HubTheme } from '../../../shared/schemas/hub';
import type { Database } from '../../db/database';
import { reindexThread } from '../../modules/community/community.index';
import {
  ensureSpaces,
  insertPost,
  insertThread,
  refreshThread,
  setAccepted,
} from '../../modules/community/community.repo';
import { renderPost, zonedToInstant } from '../../modules/community/community.rules';
import { reindexEvent } from '../../modules/community/events.service';
import { ensureParticipant } from '../../modules/community/posting.service';

/**
 * The demo hub's community (issue 19, decision 037): real public events on national mechanisms,
 * each naming its source, and a few practitioners' questions that public documents raise, each
 * naming the document. No invented facts: where a source gives no hours, the event's description
 * says the hours shown are the working day and points to the source's programme.
 */
export interface CommunitySeedContext {
  memberIdByCountry: Map<string, string>;
  networkIdByName: Map<string, string>;
  accountIdByRole: Map<string, string>;
}

const practicalGuide =
  'OHCHR, National Mechanisms for Reporting and Follow-up: A Practical Guide to Effective State Engagement with International Human Rights Mechanisms (HR/PUB/16/1, 2016)';

interface SeedEvent {
  title: Record<string, string>;
  description: Record<string, string>;
  start: string;
  end: string;
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  organiserName: string;
  organiserCountry?: string;
  source: string;
}

const hoursNote = {
  en: 'The source gives the day, not the hours: the hours shown are the working day; see the programme at the source.',
  fr: 'La source donne le jour, pas les heures : les heures indiquées sont celles de la journée de travail ; voir le programme à la source.',
  es: 'La fuente indica el día, no las horas: las horas mostradas son la jornada de trabajo; vea el programa en la fuente.',
};

export const seedEvents: SeedEvent[] = [
  {
    title: {
      en: 'Intersessional panel discussion on international cooperation to support national human rights follow-up systems and processes',
      fr: 'Réunion-débat intersessions sur la coopération internationale à l’appui des systèmes et processus nationaux de suivi des droits de l’homme',
      es: 'Mesa redonda entre períodos de sesiones sobre la cooperación internacional en apoyo de los sistemas y procesos nacionales de seguimiento en materia de derechos humanos',
      ar: 'حلقة نقاش بين الدورات بشأن التعاون الدولي لدعم نظم وعمليات المتابعة الوطنية في مجال حقوق الإنسان',
    },
    description: {
      en: `Convened by OHCHR under Human Rights Council resolution 30/25 during the twenty-sixth session of the Working Group on the Universal Periodic Review, the first panel of its kind shared experiences and good practices in establishing and strengthening national human rights follow-up systems, and the role of international cooperation. Its summary is report A/HRC/34/24.\n\n${hoursNote.en}`,
      fr: `Organisée par le HCDH en application de la résolution 30/25 du Conseil des droits de l’homme pendant la vingt-sixième session du Groupe de travail sur l’Examen périodique universel, cette première réunion-débat de ce type a permis d’échanger expériences et bonnes pratiques sur la création et le renforcement des systèmes nationaux de suivi. Son résumé figure dans le rapport A/HRC/34/24.\n\n${hoursNote.fr}`,
      es: `Convocada por el ACNUDH en virtud de la resolución 30/25 del Consejo de Derechos Humanos durante el 26º período de sesiones del Grupo de Trabajo sobre el Examen Periódico Universal, la primera mesa redonda de este tipo compartió experiencias y buenas prácticas sobre los sistemas nacionales de seguimiento. Su resumen es el informe A/HRC/34/24.\n\n${hoursNote.es}`,
    },
    start: '2016-11-09T10:00',
    end: '2016-11-09T13:00',
    timeZone: 'Europe/Zurich',
    place: 'Palais des Nations, Geneva',
    onlineUrl: null,
    organiserName: 'OHCHR',
    source:
      'A/HRC/34/24, Summary of the panel discussion (Report of the United Nations High Commissioner for Human Rights)',
  },
  {
    title: {
      en: 'One-day seminar on national mechanisms for implementation, reporting and follow-up (HRC resolution 51/33)',
      fr: 'Séminaire d’une journée sur les mécanismes nationaux de mise en œuvre, d’établissement de rapports et de suivi (résolution 51/33)',
      es: 'Seminario de un día sobre los mecanismos nacionales de aplicación, presentación de informes y seguimiento (resolución 51/33)',
      ar: 'حلقة دراسية ليوم واحد بشأن الآليات الوطنية للتنفيذ والإبلاغ والمتابعة (قرار مجلس حقوق الإنسان 51/33)',
    },
    description: {
      en: `Foreseen for 2023 by Human Rights Council resolution 51/33, held in Room XVII of the Palais des Nations during the Council's 53rd session, in hybrid format. Participants gave feedback on the mock-up of the virtual hub and discussed the key characteristics of an effective NMIRF institutional set-up and mandate (theme 1 of the practices compiled in annex 1 of report A/HRC/50/64).\n\n${hoursNote.en}`,
      fr: `Prévu pour 2023 par la résolution 51/33 du Conseil des droits de l’homme, tenu en salle XVII du Palais des Nations pendant la 53e session du Conseil, en format hybride. Les participants ont commenté la maquette de la plateforme virtuelle et discuté des caractéristiques d’un cadre institutionnel et d’un mandat efficaces (thème 1 des pratiques compilées à l’annexe 1 du rapport A/HRC/50/64).\n\n${hoursNote.fr}`,
      es: `Previsto para 2023 por la resolución 51/33 del Consejo de Derechos Humanos, celebrado en la Sala XVII del Palacio de las Naciones durante el 53º período de sesiones del Consejo, en formato híbrido. Los participantes comentaron la maqueta del centro virtual y debatieron las características de una configuración institucional y un mandato eficaces (tema 1 de las prácticas del anexo 1 del informe A/HRC/50/64).\n\n${hoursNote.es}`,
    },
    start: '2023-06-23T10:00',
    end: '2023-06-23T18:00',
    timeZone: 'Europe/Zurich',
    place: 'Palais des Nations, Room XVII, Geneva (hybrid)',
    onlineUrl: 'https://indico.un.org/event/1005377/',
    organiserName: 'OHCHR',
    source:
      'Geneva for Human Rights, “Seminar for NMIRFs, 23 June 2023”, gdh-ghr.org; registration: indico.un.org/event/1005377',
  },
  {
    title: {
      en: 'II International Seminar on National Mechanisms for Implementation, Reporting and Follow-up',
      es: 'II Seminario Internacional sobre Mecanismos Nacionales de Implementación, Informes y Seguimiento',
      fr: 'IIe Séminaire international sur les mécanismes nationaux de mise en œuvre, d’établissement de rapports et de suivi',
      ar: 'الحلقة الدراسية الدولية الثانية بشأن الآليات الوطنية للتنفيذ والإبلاغ والمتابعة',
    },
    description: {
      en: `Organised by the Government of Paraguay with Portugal and Morocco as co-sponsors, following up the Marrakech Declaration of December 2022. Delegations of some 20 countries and 13 international bodies discussed civil society and NHRI participation, local governments and parliaments, and information management tools, and adopted the Declaration of Asunción founding the International Network of NMIRFs.\n\n${hoursNote.en}`,
      es: `Organizado por el Gobierno del Paraguay, con el copatrocinio de Portugal y Marruecos, para dar seguimiento a la Declaración de Marrakech de diciembre de 2022. Delegaciones de unos 20 países y 13 organismos internacionales abordaron la participación de la sociedad civil y de las INDH, los gobiernos locales y los parlamentos, y las herramientas de gestión de la información; se adoptó la Declaración de Asunción, fundacional de la Red Internacional de MNIIS.\n\n${hoursNote.es}`,
      fr: `Organisé par le Gouvernement du Paraguay avec le Portugal et le Maroc comme coparrains, dans le prolongement de la Déclaration de Marrakech de décembre 2022. Les délégations d’une vingtaine de pays et de 13 organismes internationaux ont adopté la Déclaration d’Asunción, fondatrice du Réseau international des MNMES.\n\n${hoursNote.fr}`,
    },
    start: '2024-05-08T09:00',
    end: '2024-05-09T18:00',
    timeZone: 'America/Asuncion',
    place: 'Asunción, Paraguay',
    onlineUrl: null,
    organiserName: 'Ministry of Foreign Affairs of Paraguay',
    organiserCountry: 'PY',
    source:
      'Ministerio de Relaciones Exteriores del Paraguay, mre.gov.py: “II Seminario Internacional sobre Mecanismos Nacionales de Implementación, Informes y Seguimiento – Asunción, 8 y 9 de mayo de 2024”',
  },
];

interface SeedThread {
  theme: HubTheme;
  kind: 'discussion' | 'question';
  title: string;
  body: string;
  source: string;
  authorRole: string;
  replies: { role: string; body: string; accepted?: boolean }[];
  daysAgo: number;
}

export const seedThreads: SeedThread[] = [
  {
    theme: 'mandate',
    kind: 'question',
    title: 'Law or executive decree: which legal basis kept your mechanism going through changes of government?',
    body: 'The OHCHR Practical Guide (2016) notes that mechanisms are set up by law, by decree or by an administrative act, and that a formal legal basis helps a mechanism last beyond one government. Ours rests on a ministerial order. For those who moved to a law or a decree: what did it change in practice (budget line, staff, authority over ministries), and how long did the process take?',
    source: practicalGuide,
    authorRole: 'member',
    replies: [
      {
        role: 'moderator',
        body: 'The Guide recommends a **dedicated, permanent secretariat with its own staff and budget**, and a mandate that covers all the international and regional mechanisms (treaty bodies, UPR, special procedures). In our experience, whatever the instrument, writing these into it is what keeps the mechanism working when governments change.',
        accepted: true,
      },
    ],
    daysAgo: 12,
  },
  {
    theme: 'coordination',
    kind: 'discussion',
    title: 'Keeping ministries’ focal points engaged between reporting cycles',
    body: 'The Practical Guide describes coordination as one of a mechanism’s four core capacities (with engagement, consultation and information management), and recommends focal points in each ministry with a clear mandate. Between two reports our network of focal points goes quiet and turnover is high. What keeps yours active: a yearly implementation plan, regular meetings, a tracking tool each focal point updates?',
    source: practicalGuide,
    authorRole: 'member',
    replies: [],
    daysAgo: 9,
  },
  {
    theme: 'information',
    kind: 'question',
    title: 'A recommendations tracking database, or a shared spreadsheet first?',
    body: 'The Guide lists information management as a core capacity: clustering recommendations, assigning them to ministries, tracking implementation and sharing the information. Tools exist (OHCHR’s National Recommendations Tracking Database, Paraguay’s SIMORE). For a small secretariat starting out, did a spreadsheet serve well enough, and at what point did you need a database?',
    source: practicalGuide,
    authorRole: 'member',
    replies: [
      {
        role: 'moderator',
        body: 'A point from the Guide worth keeping whatever the tool: the value comes from **clustering** recommendations by theme and from linking each one to a responsible ministry and a timeline; a tool that cannot do that will not help much, whichever it is.',
      },
    ],
    daysAgo: 6,
  },
  {
    theme: 'engagement_nhri',
    kind: 'question',
    title: 'Should the national human rights institution sit in the mechanism, or be consulted by it?',
    body: 'The Practical Guide cautions that an NHRI, being independent, should not be a member of a government mechanism, while the mechanism should consult it regularly. Some mechanisms still list their NHRI as an observer. How have you arranged this, and has the NHRI’s independence ever been questioned because of it?',
    source: practicalGuide,
    authorRole: 'member',
    replies: [],
    daysAgo: 4,
  },
  {
    theme: 'linkage',
    kind: 'discussion',
    title: 'One tracking exercise for human rights recommendations and the SDGs?',
    body: 'Resolution 51/33 and the compilation of practices in report A/HRC/50/64 name linkage with other implementation processes, such as the 2030 Agenda, as a theme of its own. Has anyone tagged recommendations with SDG targets and used it in a Voluntary National Review? What did it take to agree with the SDG coordination unit?',
    source: 'A/HRC/50/64 (annex 1, compilation of practices); HRC resolution 51/33',
    authorRole: 'member',
    replies: [],
    daysAgo: 2,
  },
];

const ago = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000);

/** Writes the demo community; run once on an empty hub (it adds, never updates). */
export async function seedHubCommunity(db: Database, ctx: CommunitySeedContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await ensureSpaces(trx);
    const spaces = await trx.selectFrom('hub_spaces').select(['id', 'theme']).where('kind', '=', 'theme').execute();
    const accounts = new Map<string, { id: string; name: string; email: string; role: string }>();
    for (const [role, id] of ctx.accountIdByRole) {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'name', 'email', 'role'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!user) throw new Error(`seedHubCommunity: no account ${id} for ${role}`);
      await ensureParticipant(trx, user);
      await trx.updateTable('hub_participants').set({ trusted: true }).where('user_id', '=', id).execute();
      accounts.set(role, user);
    }
    const author = (role: string) => {
      const user = accounts.get(role) ?? accounts.get('member') ?? [...accounts.values()][0];
      if (!user) throw new Error('seedHubCommunity: accountIdByRole is empty');
      return user;
    };

    for (const seed of seedThreads) {
      const space = spaces.find((row) => row.theme === seed.theme);
      if (!space) throw new Error(`no space for ${seed.theme}`);
      const opener = author(seed.authorRole);
      const thread = await insertThread(trx, {
        space_id: space.id,
        kind: seed.kind,
        title: seed.title,
        author_id: opener.id,
        locale: 'en',
        source: seed.source,
        created_at: ago(seed.daysAgo),
      });
      await insertPost(trx, {
        thread_id: thread.id,
        opening: true,
        author_id: opener.id,
        body: seed.body,
        body_html: renderPost(seed.body),
        status: 'visible',
        created_at: ago(seed.daysAgo),
      });
      await trx.insertInto('hub_follows').values({ user_id: opener.id, thread_id: thread.id }).execute();
      for (const [index, reply] of seed.replies.entries()) {
        const post = await insertPost(trx, {
          thread_id: thread.id,
          opening: false,
          author_id: author(reply.role).id,
          body: reply.body,
          body_html: renderPost(reply.body),
          status: 'visible',
          created_at: ago(seed.daysAgo - 1, index),
        });
        if (reply.accepted) await setAccepted(trx, thread.id, post.id);
      }
      await refreshThread(trx, thread.id);
      await reindexThread(trx, thread.id);
    }

    // The International Network's own space: a members' thread on following up its founding text.
    const networkId = [...ctx.networkIdByName].find(([name]) => /international network/i.test(name))?.[1];
    if (networkId) {
      await ensureSpaces(trx);
      const space = await trx
        .selectFrom('hub_spaces')
        .select('id')
        .where('network_id', '=', networkId)
        .executeTakeFirstOrThrow();
      const opener = author('member');
      const body =
        'The Declaration of Asunción (May 2024) founded the Network as a non-binding space for exchange. Which exchanges would help your mechanism most in the coming year: peer visits, a shared calendar of reporting deadlines, or working groups per theme? Members only: this space is not public.';
      const thread = await insertThread(trx, {
        space_id: space.id,
        kind: 'discussion',
        title: 'What should the Network work on first after Asunción?',
        author_id: opener.id,
        locale: 'en',
        source: 'Ministerio de Relaciones Exteriores del Paraguay, mre.gov.py (II International Seminar, 8–9 May 2024)',
        created_at: ago(3),
      });
      await insertPost(trx, {
        thread_id: thread.id,
        opening: true,
        author_id: opener.id,
        body,
        body_html: renderPost(body),
        status: 'visible',
        created_at: ago(3),
      });
      await reindexThread(trx, thread.id);
    }

    for (const seed of seedEvents) {
      const startsAt = zonedToInstant(seed.start, seed.timeZone);
      const endsAt = zonedToInstant(seed.end, seed.timeZone);
      if (!startsAt || !endsAt) throw new Error(`seed event ${seed.start} does not exist in ${seed.timeZone}`);
      const { id } = await trx
        .insertInto('hub_events')
        .values({
          title_i18n: JSON.stringify(seed.title),
          description_i18n: JSON.stringify(seed.description),
          starts_at: startsAt,
          ends_at: endsAt,
          time_zone: seed.timeZone,
          online_url: seed.onlineUrl,
          place: seed.place,
          organiser_member_id: seed.organiserCountry
            ? (ctx.memberIdByCountry.get(seed.organiserCountry) ?? null)
            : null,
          organiser_name: seed.organiserName,
          capacity: null,
          visibility: 'public',
          source: seed.source,
          created_by: accounts.get('moderator')?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await reindexEvent(trx, id);
    }
  });
}
