import { demoAccounts } from '../../src/server/seed/demo-accounts';
import type { Session } from './app-process';

/**
 * The soak's mix of what people do, by weight: mostly reading the register (lists, searches with
 * facet filters, a recommendation's page with its assignments and progress), dashboards and one's
 * own work; some writing: progress updates drafted and revised by the entities' people, comments
 * on a report open for consultation by the consulted, saved views, one's name. What a step needs
 * (ids in a person's scope, the report's sections) is read once at the start (`prepareMix`).
 */
export type Call = (session: Session, method: string, path: string, body?: unknown) => Promise<Response | undefined>;
export type Step = (session: Session, call: Call) => Promise<void>;

const words = [
  'women',
  'children',
  'torture',
  'Roma',
  'discrimination',
  'education',
  'violence',
  'disability',
  'migrants',
  'poverty',
];
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const maybe = <T>(list: T[]): T | undefined => (list.length ? pick(list) : undefined);

export interface MixData {
  recommendationIds: string[];
  /** facet values to filter by (`name=value`), from the register's own facets */
  facetFilters: string[];
  /** per person: recommendations assigned to their entity, to report progress on */
  assigned: Map<string, { recommendationId: string; entityId: string }[]>;
  /** a report open for consultation, and its sections, for the consulted to comment on */
  consultation?: { reportId: string; sectionIds: string[] };
}

/** Reads what the steps need, as the people themselves and the coordinator would. */
export async function prepareMix(sessions: Session[], call: Call): Promise<MixData> {
  const coordinator = sessions.find((s) => s.role === 'coordinator') as Session;
  const search = await call(coordinator, 'GET', '/api/recommendations?page=1&pageSize=100');
  const page = (await search?.json()) as {
    items: { id: string }[];
    facets: Record<string, { value: string; count: number }[]>;
  };
  const facetFilters = Object.entries(page.facets ?? {}).flatMap(([name, values]) =>
    values.slice(0, 5).map((value) => `${name}=${encodeURIComponent(value.value)}`),
  );
  const recommendationIds = page.items.map((item) => item.id);
  await assignDemoEntities(sessions, coordinator, call, recommendationIds);
  const assigned = new Map<string, { recommendationId: string; entityId: string }[]>();
  for (const session of sessions) {
    // Focal points and contributors write progress; validators only endorse it.
    if (assigned.has(session.email) || !['focal_point', 'contributor'].includes(session.role)) continue;
    const mine = await call(session, 'GET', '/api/assignments/mine?page=1&pageSize=50');
    const items = ((await mine?.json()) as { items?: { recommendation: { id: string }; entity: { id: string } }[] })
      ?.items;
    assigned.set(
      session.email,
      (items ?? []).map((item) => ({ recommendationId: item.recommendation.id, entityId: item.entity.id })),
    );
  }
  return {
    recommendationIds,
    facetFilters,
    assigned,
    consultation: await openConsultation(coordinator, call),
  };
}

/**
 * The demo seeds no assignments; the secretariat assigns twenty recommendations to each demo
 * person's entity (as it would at the start of a cycle), so that the entities' people have a
 * register in their scope and something to report progress on.
 */
async function assignDemoEntities(sessions: Session[], coordinator: Session, call: Call, ids: string[]) {
  const codes = [...new Set(sessions.map((s) => demoAccounts.find((a) => a.email === s.email)?.entity))].filter(
    (code): code is string => !!code && !['MFEA'].includes(code),
  );
  for (const [index, code] of codes.entries()) {
    const found = await call(coordinator, 'GET', `/api/entities?q=${encodeURIComponent(code)}&page=1&pageSize=5`);
    const items =
      ((await found?.json()) as { items?: { id: string; acronym: string | null; subdivisionCode: string | null }[] })
        ?.items ?? [];
    const entity = items.find((item) => item.acronym === code || item.subdivisionCode === code) ?? items[0];
    if (!entity) continue;
    const slice = ids.slice((index * 20) % ids.length, ((index * 20) % ids.length) + 20);
    await call(coordinator, 'POST', '/api/assignments', {
      recommendationIds: slice,
      entityId: entity.id,
      role: 'lead',
    });
  }
}

/** The secretariat drafts a report, saves version 1 and opens it for consultation. */
async function openConsultation(coordinator: Session, call: Call): Promise<MixData['consultation']> {
  const created = await call(coordinator, 'POST', '/api/reports', {
    bodyCode: 'UPR',
    type: 'upr_mid_term',
    title: 'Mid-term report (soak)',
  });
  if (created?.status !== 201 && created?.status !== 200) return undefined;
  const report = (await created.json()) as { id: string; version: number; sections: { id: string }[] };
  await call(coordinator, 'POST', `/api/reports/${report.id}/versions`, { note: 'for consultation' });
  const fresh = (await (await call(coordinator, 'GET', `/api/reports/${report.id}`))?.json()) as { version: number };
  const opened = await call(coordinator, 'POST', `/api/reports/${report.id}/consultation`, {
    versionNumber: 1,
    version: fresh.version,
  });
  if (!opened?.ok) return undefined;
  return { reportId: report.id, sectionIds: report.sections.map((section) => section.id) };
}

const get =
  (path: (data: MixData, session: Session) => string | undefined): ((data: MixData) => Step) =>
  (data) =>
  async (session, call) => {
    const url = path(data, session);
    if (url) await call(session, 'GET', url);
  };

const search = (data: MixData) => {
  const filters = [maybe(data.facetFilters), Math.random() < 0.4 ? maybe(data.facetFilters) : undefined];
  const q = Math.random() < 0.6 ? `q=${pick(words)}&` : '';
  return `/api/recommendations?${q}${filters.filter(Boolean).join('&')}${filters.some(Boolean) ? '&' : ''}page=1&pageSize=25`;
};

/** Weights sum to 100: about 85 reads to 15 writes. */
export function mixOf(data: MixData): [number, Step][] {
  return [
    [12, get(() => '/api/recommendations?page=1&pageSize=25')(data)],
    [16, get(search)(data)],
    [
      12,
      async (session, call) => {
        const own = (data.assigned.get(session.email) ?? []).map((item) => item.recommendationId);
        const id = pick(
          data.assigned.has(session.email) ? (own.length ? own : data.recommendationIds) : data.recommendationIds,
        );
        // A recommendation's page: the record, who is assigned, its progress.
        await call(session, 'GET', `/api/recommendations/${id}`);
        await call(session, 'GET', `/api/recommendations/${id}/assignments`);
        await call(session, 'GET', `/api/progress-updates?recommendationId=${id}&page=1&pageSize=10`);
      },
    ],
    [6, get(() => '/api/session')(data)],
    [4, get(() => '/api/dashboards/status')(data)],
    [3, get(() => '/api/dashboards/overdue')(data)],
    [3, get(() => '/api/dashboards/trend?interval=month&periods=12')(data)],
    [4, get(() => '/api/entities?page=1&pageSize=25')(data)],
    [4, get(() => '/api/actions?page=1&pageSize=25')(data)],
    [3, get(() => '/api/indicators?page=1&pageSize=25')(data)],
    [4, get(() => '/api/inbox?page=1&pageSize=25')(data)],
    [4, get(() => '/api/assignments/mine?page=1&pageSize=25')(data)],
    [3, get(() => '/api/saved-views')(data)],
    [2, get(() => '/api/calendar/events?from=2026-01-01&to=2026-12-31')(data)],
    // The reports list is the secretariat's and the consulted's page (others have no link to it).
    [
      2,
      get((_data, session) =>
        ['admin', 'coordinator', 'stakeholder'].includes(session.role)
          ? '/api/reports?page=1&pageSize=25'
          : '/api/inbox?page=1&pageSize=25',
      )(data),
    ],
    [
      5,
      async (session, call) => {
        const subject = maybe(data.assigned.get(session.email) ?? []);
        if (!subject) return void (await call(session, 'GET', '/api/progress-updates?page=1&pageSize=25'));
        // A progress update drafted, then revised at its version; one whose period already has
        // the entity's update (400, periodOverlaps) is that draft, revised again.
        const period = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };
        const created = await call(session, 'POST', '/api/progress-updates', {
          ...subject,
          ...period,
          narrative: '<p>Inspections carried out in the period.</p>',
        });
        let id: string | undefined;
        if (created?.status === 201) id = ((await created.json()) as { id: string }).id;
        else if (created?.status === 400) {
          const drafts = await call(
            session,
            'GET',
            `/api/progress-updates?recommendationId=${subject.recommendationId}&entityId=${subject.entityId}&status=draft&page=1&pageSize=5`,
          );
          id = ((await drafts?.json()) as { items?: { id: string }[] })?.items?.[0]?.id;
        }
        if (!id) return;
        const detail = await call(session, 'GET', `/api/progress-updates/${id}`);
        const version = ((await detail?.json()) as { version?: number })?.version;
        if (version === undefined) return;
        await call(session, 'PUT', `/api/progress-updates/${id}`, {
          ...period,
          narrative: `<p>Inspections carried out in the period, with the labour inspectorate’s figures (${new Date().toISOString()}).</p>`,
          version,
        });
      },
    ],
    [
      4,
      async (session, call) => {
        const open = data.consultation;
        if (!open || session.role !== 'stakeholder')
          return void (await call(session, 'GET', '/api/inbox?page=1&pageSize=25'));
        await call(session, 'GET', `/api/reports/${open.reportId}/consultation`);
        await call(session, 'POST', `/api/reports/${open.reportId}/comments`, {
          sectionId: pick(open.sectionIds),
          paragraph: 0,
          body: 'The section should name the budget of the labour inspectorate.',
        });
      },
    ],
    [
      5,
      async (session, call) => {
        const created = await call(session, 'POST', '/api/saved-views', {
          name: `soak ${Math.random().toString(36).slice(2, 10)}`,
          query: { q: pick(words) },
        });
        if (created?.status === 201) {
          const { id } = (await created.json()) as { id: string };
          await call(session, 'DELETE', `/api/saved-views/${id}`);
        }
      },
    ],
    [
      2,
      (session, call) =>
        // One's name, at the version the session shows.
        call(session, 'GET', '/api/session').then(async (response) => {
          const user = ((await response?.json()) as { user?: { version: number } })?.user;
          if (!user) return;
          await call(session, 'PATCH', '/api/me', {
            name: demoAccounts.find((a) => a.email === session.email)?.name,
            version: user.version,
          });
        }),
    ],
  ];
}
