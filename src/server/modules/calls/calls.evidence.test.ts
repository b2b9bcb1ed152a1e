import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';
import {
  coordinator,
  createCall,
  entity,
  type Person,
  people,
  rec,
  send,
  setUpMiniatureState,
  test,
} from './calls.fixture';

// The miniature State of the calls tests: Labour (M1) is assigned A and B.
setUpMiniatureState();

const who = (name: string) => (people[name] as Person).client;
// A real UN document as the evidence (tests/fixtures/README.md names its source).
const pdf = readFixture('upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf');

function upload(client: Client, updateId: string, fileName: string, data: Buffer) {
  return test.app.inject({
    method: 'POST',
    url: `/api/progress-updates/${updateId}/attachments?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload: data,
  });
}

describe('evidence with an answer to a call', () => {
  it('is attached to the saved draft, listed with the answers, and fixed once submitted', async () => {
    const call = await createCall({ title: 'Evidence please', recommendationIds: [rec.A], allAssigned: true });
    await send(call);
    const labour = who('labour main');
    const path = `/api/calls/${call.id}/entities/${entity.M1}/answers`;
    const saved = await labour.request('PUT', path, {
      submit: false,
      items: [{ recommendationId: rec.A, narrative: '', proposedStatus: '', version: null }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const draft = saved.json().saved[0].update as { id: string; version: number };

    // The type is read from the bytes: a text file named .pdf is refused, naming the file.
    const fake = await upload(labour, draft.id, 'report.pdf', Buffer.from('not a pdf at all'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.issues[0]).toMatchObject({ file: 'report.pdf', message: 'issues.file.contentMismatch' });
    const added = await upload(labour, draft.id, 'Annual report 2025.pdf', pdf);
    expect(added.statusCode, added.body).toBe(201);

    const page = (await labour.request('GET', path)).json();
    expect(page.evidenceLimits).toMatchObject({ maxBytes: 20 * 1_048_576 });
    expect(page.evidenceLimits.types).toContain('pdf');
    expect(page.items[0].evidence).toEqual([
      {
        id: added.json().id,
        fileName: 'Annual report 2025.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
      },
    ]);

    const submitted = await labour.request('PUT', path, {
      submit: true,
      items: [
        { recommendationId: rec.A, narrative: 'A law passed.', proposedStatus: 'in_progress', version: draft.version },
      ],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Submitted: the evidence stays, read by the secretariat with the answers, and can no longer change.
    expect((await upload(labour, draft.id, 'late.pdf', pdf)).statusCode).toBe(409);
    const asCoordinator = (await coordinator.request('GET', path)).json();
    expect(asCoordinator.items[0].evidence.map((file: { fileName: string }) => file.fileName)).toEqual([
      'Annual report 2025.pdf',
    ]);
    // Another entity's people do not see the call's answers at all.
    expect((await who('education main').request('GET', path)).statusCode).toBe(404);
  });
});
