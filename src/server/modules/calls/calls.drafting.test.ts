import { describe, expect, it } from 'vitest';
import { coordinator, createCall, entity, nextYear, people, rec, setUpMiniatureState } from './calls.fixture';

setUpMiniatureState();

describe('drafting a call', () => {
  it('refuses a deadline in the past, naming the field', async () => {
    const response = await coordinator.request('POST', '/api/calls', {
      title: 'Mid-term report',
      message: 'Tell us.',
      deadline: '2020-01-01',
      recommendationIds: [rec.A],
      allAssigned: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ path: 'deadline', message: 'issues.call.deadlineInPast' }]);
  });

  it('asks only duty bearers assigned to one of the recommendations', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ recommendationIds: [rec.A], entityIds: [entity.CSO] }, 'issues.notDutyBearer'],
      [{ recommendationIds: [rec.A], entityIds: [entity.R1] }, 'issues.call.entityNotAssigned'],
      [{ recommendationIds: [], entityIds: [entity.M1] }, 'issues.nothingSelected'],
    ];
    for (const [body, message] of cases) {
      const response = await coordinator.request('POST', '/api/calls', {
        title: 'T',
        message: 'M',
        deadline: nextYear,
        ...body,
      });
      expect(response.statusCode, message).toBe(400);
      expect(response.json().error.issues[0].message).toBe(message);
    }
    const none = await coordinator.request('POST', '/api/calls', {
      title: 'T',
      message: 'M',
      deadline: nextYear,
      recommendationIds: [rec.A],
      askNarrative: false,
      askStatus: false,
    });
    expect(none.json().error.issues[0]).toEqual({ path: 'askNarrative', message: 'issues.call.noQuestion' });
  });

  it('lets only the secretariat draft, and edits a draft at its version', async () => {
    for (const name of ['labour main', 'viewer']) {
      const response = await people[name]?.client.request('POST', '/api/calls', {
        title: 'T',
        message: 'M',
        deadline: nextYear,
        recommendationIds: [rec.A],
      });
      expect(response?.statusCode).toBe(403);
      expect((await people[name]?.client.request('GET', '/api/calls'))?.statusCode).toBe(403);
    }
    const draft = await createCall({ title: 'Draft to edit', recommendationIds: [rec.A] });
    expect(draft).toMatchObject({ recommendationCount: 1, entityCount: 0 });
    const added = await coordinator.request('POST', `/api/calls/${draft.id}/recommendations`, {
      recommendationIds: [rec.B, rec.A],
    });
    expect(added.json()).toMatchObject({ recommendationCount: 2, canSend: false });
    const entities = await coordinator.request('POST', `/api/calls/${draft.id}/entities`, { allAssigned: true });
    expect(entities.json()).toMatchObject({ entityCount: 2, canSend: true });
    const candidates = (await coordinator.request('GET', `/api/calls/${draft.id}/entities`)).json();
    expect(
      candidates.items.map((c: { entity: { name: string }; recommendationCount: number }) => c.entity.name),
    ).toEqual(['Ministry of Education', 'Ministry of Labour']);
    const stale = await coordinator.request('PATCH', `/api/calls/${draft.id}`, {
      title: 'Renamed',
      message: 'M',
      deadline: nextYear,
      version: draft.version,
    });
    expect(stale.statusCode).toBe(409);
    const version = entities.json().version;
    const renamed = await coordinator.request('PATCH', `/api/calls/${draft.id}`, {
      title: 'Renamed',
      message: 'M',
      deadline: nextYear,
      remindBefore: [14, 2, 14],
      version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Renamed', remindBefore: [2, 14], remindAfter: [3] });
    const deleted = await coordinator.request('DELETE', `/api/calls/${draft.id}?version=${renamed.json().version}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await coordinator.request('GET', `/api/calls/${draft.id}`)).statusCode).toBe(404);
  });
});
