import { randomUUID } from 'node:crypto';
import { systemActor } from '../src/server/http/context';
import { insertEntities } from '../src/server/modules/entities/entities.repo';
import { importTrustedFile } from '../src/server/modules/imports/imports.service';
import type { Role } from '../src/shared/schemas/identity';
import { type Client, createTestApp, signInAs, type TestApp } from './app';
import { makeAction, makeCluster, makeStateProfile, makeUser, seatPerson } from './factories';
import { readFixture } from './fixtures';

/** A real public document (a treaty body's concluding observations), as an action's annex. */
export const annexPdf = () => readFixture('concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf');

/**
 * The access matrix's world: a State in miniature on real recommendations (Slovenia's second UPR
 * cycle). The target records belong to the Ministry of Labour (`own`); the Ministry of Education
 * is `other`; Region North is an LRG to which Labour delegated its recommendation (`delegated`).
 * A → Labour (delegated to Region North); C → Education; E → nobody.
 */
export type Relation = 'own' | 'other' | 'delegated' | 'none';
export interface Persona {
  role: Role;
  relation: Relation;
  name: string;
}

/** The roles that act for entities hold a seat in each relation; the others hold none. */
export const personas: Persona[] = [
  { role: 'admin', relation: 'none', name: 'admin' },
  { role: 'coordinator', relation: 'none', name: 'coordinator' },
  { role: 'stakeholder', relation: 'none', name: 'stakeholder' },
  { role: 'viewer', relation: 'none', name: 'viewer' },
  ...(['focal_point', 'validator', 'contributor'] as const).flatMap((role) =>
    (['own', 'other', 'delegated'] as const).map((relation) => ({ role, relation, name: `${role}/${relation}` })),
  ),
];

const seatFor = { focal_point: 'main', validator: 'validator', contributor: 'member' } as const;

export interface World {
  test: TestApp;
  clients: Map<string, Client>;
  /** Values for the routes' parameters: the target records (Labour's) and a few foreign ones. */
  params: Record<string, string>;
  routes: { method: string; url: string }[];
}

export async function buildWorld(): Promise<World> {
  const routes: { method: string; url: string }[] = [];
  const test = await createTestApp(
    {},
    { onRoute: (route) => void routes.push(...[route.method].flat().map((method) => ({ method, url: route.url }))) },
  );
  const { db } = test.handle;
  await makeStateProfile(db, ['Region']);
  const [labour, education, region] = await insertEntities(db, [
    { kind: 'ministry', name: 'Ministry of Labour' },
    { kind: 'ministry', name: 'Ministry of Education' },
    { kind: 'lrg', name: 'Region North', lrg_level: 1 },
  ]);
  if (!labour || !education || !region) throw new Error('entities');
  const importId = await importTrustedFile(
    db,
    systemActor('test'),
    'slovenia-upr-cycle2-thematic-list.docx',
    readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx'),
  );
  const recs = await db
    .selectFrom('recommendations')
    .select(['id', 'review_id', 'text_en'])
    .orderBy('number_sort')
    .limit(5)
    .execute();
  const [A, , C, , E] = recs.map((r) => r.id) as string[];
  const clients = new Map<string, Client>();
  for (const persona of personas) {
    const user = await makeUser(db, { role: persona.role, name: persona.name });
    const entityId = { own: labour.id, other: education.id, delegated: region.id, none: null }[persona.relation];
    if (entityId && persona.role in seatFor)
      await seatPerson(db, entityId, user.id, seatFor[persona.role as keyof typeof seatFor]);
    clients.set(persona.name, await signInAs(test.app, user.email));
  }
  const coordinator = clients.get('coordinator') as Client;
  const ok = async (method: 'POST' | 'PUT', url: string, body: unknown) => {
    const response = await coordinator.request(method, url, body);
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  for (const [ids, entityId] of [
    [[A], labour.id],
    [[C], education.id],
  ] as const)
    await ok('POST', '/api/assignments', { recommendationIds: ids, entityId, role: 'lead' });
  const assignment = await db
    .selectFrom('assignments')
    .select('id')
    .where('recommendation_id', '=', A as string)
    .where('entity_id', '=', labour.id)
    .executeTakeFirstOrThrow();
  await ok('POST', `/api/assignments/${assignment.id}/delegations`, { entityId: region.id });

  // Labour's action also answers E (a coordinator's link): Labour's people must never read E (decision 020).
  const action = await makeAction(db, labour.id, {
    title: 'Labour inspection plan',
    recommendationIds: [A as string, E as string],
  });
  const foreignAction = await makeAction(db, education.id, { title: 'Schools plan', recommendationIds: [C as string] });
  const cluster = await makeCluster(db, [A as string], 'Decent work');
  const foreignCluster = await makeCluster(db, [E as string], 'Nobody’s cluster');
  const focal = clients.get('focal_point/own') as Client;
  const update = await focal.request('POST', '/api/progress-updates', {
    recommendationId: A,
    entityId: labour.id,
    narrative: '<p>Inspections doubled.</p>',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
  });
  if (update.statusCode !== 201) throw new Error(update.body);
  const annex = annexPdf();
  const file = await test.app.inject({
    method: 'POST',
    url: `/api/actions/${action.id}/attachments?fileName=plan.pdf`,
    headers: { cookie: focal.cookie, 'x-csrf-token': focal.csrfToken, 'content-type': 'application/octet-stream' },
    payload: annex,
  });
  if (file.statusCode !== 201) throw new Error(file.body);
  const indicator = await db
    .insertInto('indicators')
    .values({
      code: 'LAB-1',
      title: 'Labour inspections a year',
      type: 'process',
      unit: 'inspections',
      frequency: 'annual',
      owner_entity_id: labour.id,
      dimensions: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('indicator_recommendations')
    .values([A, E].map((id) => ({ indicator_id: indicator.id, recommendation_id: id as string })))
    .execute();
  const call = await ok('POST', '/api/calls', {
    title: 'Follow-up 2026',
    message: 'Please tell us what your ministry has done since the last review.',
    deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
    recommendationIds: [A],
    entityIds: [labour.id],
  });
  const report = await ok('POST', '/api/reports', { bodyCode: 'UPR', type: 'upr_mid_term', title: 'Mid-term report' });
  const event = await db
    .insertInto('calendar_events')
    .values({ kind: 'other', title: 'Inter-ministerial meeting', starts_on: '2026-03-01', source: 'manual' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const term = await db.selectFrom('taxonomy_terms').select(['id', 'taxonomy']).limit(1).executeTakeFirstOrThrow();
  const reviewId = recs[0]?.review_id as string;
  return {
    test,
    clients,
    routes,
    params: {
      action: action.id,
      foreignAction: foreignAction.id,
      recommendation: A as string,
      foreignRecommendation: C as string,
      nobodysRecommendation: E as string,
      cluster: cluster.id,
      foreignCluster: foreignCluster.id,
      progressUpdate: update.json().id,
      attachment: file.json().id,
      indicator: indicator.id,
      call: call.id,
      report: report.id,
      event: event.id,
      import: importId,
      review: reviewId,
      entity: labour.id,
      foreignEntity: education.id,
      region: region.id,
      assignment: assignment.id,
      term: String(term.id),
      taxonomy: term.taxonomy,
      unknown: randomUUID(),
      // Texts and names only some may read (decision 020).
      textA: (recs[0]?.text_en ?? '').slice(0, 60),
      textC: (recs[2]?.text_en ?? '').slice(0, 60),
      textE: (recs[4]?.text_en ?? '').slice(0, 60),
      clusterName: 'Decent work',
      foreignClusterName: 'Nobody’s cluster',
    },
  };
}
