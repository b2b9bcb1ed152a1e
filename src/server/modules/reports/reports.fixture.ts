import { afterAll, beforeAll, expect } from 'vitest';
import { type Client, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';
import { readFixture } from '../../../../tests/fixtures';
import type { Role } from '../../../shared/schemas/identity';
import type { ReportDetail } from '../../../shared/schemas/reports';
import { systemActor } from '../../http/context';
import { insertEntities } from '../entities/entities.repo';
import { importTrustedFile } from '../imports/imports.service';

// Slovenia's second UPR cycle (the real thematic list), a ministry and two municipalities with
// validated updates on its first recommendations, one update still submitted (never pulled in).
export let test: TestApp;
export let coordinator: Client;
export let reviewId: string;
export const entity: Record<'ministry' | 'ljubljana' | 'maribor', string> = {} as never;
export const recs: { id: string; number: string }[] = [];
export const clients: Partial<Record<Role, Client>> = {};

export async function clientAs(role: Role): Promise<Client> {
  const existing = clients[role];
  if (existing) return existing;
  const user = await makeUser(test.handle.db, { role, name: `Report ${role}` });
  const client = await signInAs(test.app, user.email);
  clients[role] = client;
  return client;
}

async function validatedUpdate(
  recommendationId: string,
  entityId: string,
  narrative: string,
  status: 'validated' | 'submitted' = 'validated',
) {
  await test.handle.db
    .insertInto('progress_updates')
    .values({
      recommendation_id: recommendationId,
      entity_id: entityId,
      narrative,
      narrative_format: 'html',
      status,
      period_start: '2023-01-01',
      period_end: '2023-12-31',
    })
    .execute();
}

export async function createReport(body: Record<string, unknown> = {}): Promise<ReportDetail> {
  const response = await coordinator.request('POST', '/api/reports', {
    bodyCode: 'UPR',
    type: 'upr_mid_term',
    title: 'Mid-term report of Slovenia',
    language: 'en',
    reviewIds: [reviewId],
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ReportDetail;
}

export function setUpReportState(): void {
  beforeAll(async () => {
    test = await createTestApp();
    const db = test.handle.db;
    const data = readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
    await importTrustedFile(db, systemActor('test'), 'slovenia-upr-cycle2-thematic-list.docx', data);
    const review = await db.selectFrom('reviews').select('id').executeTakeFirstOrThrow();
    reviewId = review.id;
    const rows = await db
      .selectFrom('recommendations')
      .select(['id', 'number'])
      .orderBy('number_sort')
      .limit(4)
      .execute();
    recs.push(...rows.map((row) => ({ id: row.id, number: row.number ?? '' })));
    const [ministry] = await insertEntities(db, [
      { kind: 'ministry', name: 'Ministry of Labour, Family and Social Affairs' },
    ]);
    const [ljubljana, maribor] = await insertEntities(db, [
      { kind: 'lrg', name: 'Municipality of Ljubljana', lrg_level: 1 },
      { kind: 'lrg', name: 'Municipality of Maribor', lrg_level: 1 },
    ]);
    Object.assign(entity, { ministry: ministry?.id, ljubljana: ljubljana?.id, maribor: maribor?.id });
    const [a, b, c] = recs;
    if (!a || !b || !c) throw new Error('the thematic list should hold recommendations');
    await validatedUpdate(a.id, entity.ministry, '<p>The Act on social assistance was amended in 2023.</p>');
    await validatedUpdate(a.id, entity.ljubljana, '<p>Ljubljana opened two shelters for homeless people.</p>');
    await validatedUpdate(b.id, entity.maribor, '<p>Maribor trained 120 teachers on inclusive education.</p>');
    await validatedUpdate(c.id, entity.ministry, '<p>Draft still under review.</p>', 'submitted');
    coordinator = await clientAs('coordinator');
    // Importing the thematic list takes seconds alone, minutes on a loaded machine.
  }, 300_000);
  afterAll(() => test.close());
}
