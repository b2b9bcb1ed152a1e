import { readFile } from 'node:fs/promises';
import { uploadAttachment } from '../modules/progress/attachments.service';
import { createUpdate } from '../modules/progress/progress.service';
import { approveUpdate, submitUpdate } from '../modules/progress/progress.workflow.service';
import { addDays, coordinatorEmail, type DemoWorld } from './demo-year';
import { demoColleagues, demoNarratives } from './demo-year.data';
import { demoActionId, demoActor, updateVersion } from './demo-year.repo';

const colleague = (entity: string) =>
  demoColleagues.find((person) => person.entity === entity && person.seat === 'main')?.email ?? '';

/** Real documents the demo already holds, attached as the evidence a ministry would send. */
const evidence = {
  views: { name: 'A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf', folder: 'slovenia' },
  who: { name: 'who-maternal-mortality-ratio-sdg-3-1-1-2023.xlsx', folder: 'indicators' },
} as const;

/**
 * Progress updates written outside any call, through the progress workflow: the Ministry of
 * Foreign Affairs on ratifications with the State's views to the Council attached (five months
 * ago), the Ministry of Health on maternal health with WHO's estimates attached (four months
 * ago), and Ljubljana on its accessible transport action, endorsed by its validator (three months
 * ago). Each validated by the coordinator, which sets the recommendation's status.
 */
export async function playUpdates(world: DemoWorld): Promise<void> {
  const { deps, act, today } = world;
  const coordinator = await demoActor(deps.db, coordinatorEmail);
  const first = (subject: string) =>
    world.latest.find((row) => row.subject === subject && row.position !== 'noted')?.id ?? '';
  const written: {
    entity: string;
    subject: string;
    email: string;
    daysAgo: number;
    status: string;
    file?: keyof typeof evidence;
  }[] = [
    {
      entity: 'MFEA',
      subject: 'mechanisms',
      email: colleague('MFEA'),
      daysAgo: 150,
      status: 'in_progress',
      file: 'views',
    },
    {
      entity: 'MZ',
      subject: 'health',
      email: colleague('MZ'),
      daysAgo: 120,
      status: 'partially_implemented',
      file: 'who',
    },
  ];
  for (const update of written) {
    const recommendationId = first(update.subject);
    if (!recommendationId) continue;
    let id = '';
    await act(update.daysAgo, async () => {
      const author = await demoActor(deps.db, update.email);
      const draft = await createUpdate(deps.db, author, {
        recommendationId,
        entityId: world.id(update.entity),
        narrative: `<p>${demoNarratives[update.subject]?.[0] ?? ''}</p>`,
        proposedStatus: update.status,
        periodStart: addDays(today, -365),
        periodEnd: addDays(today, -update.daysAgo),
      });
      id = draft.id;
      if (update.file) {
        const file = evidence[update.file];
        const data = await readFile(new URL(`./data/${file.folder}/${file.name}`, import.meta.url));
        await uploadAttachment(deps, author, { kind: 'progress_update', id }, file.name, data);
      }
      await submitUpdate(deps, author, id, { version: draft.version });
    });
    await act(update.daysAgo - 3, async () => {
      const version = await updateVersion(deps.db, id);
      await approveUpdate(deps, coordinator, id, { version });
    });
  }
  const actionId = await demoActionId(deps.db, 'Accessible public transport and public buildings in Ljubljana');
  if (!actionId) return;
  let id = '';
  await act(100, async () => {
    const author = await demoActor(deps.db, 'ljubljana.focal.point@demo.implementa.example');
    const draft = await createUpdate(deps.db, author, {
      actionId,
      entityId: world.id('SI-061'),
      narrative: `<p>${demoNarratives.disability?.[1] ?? ''}</p>`,
      proposedStatus: null,
      periodStart: addDays(today, -365),
      periodEnd: addDays(today, -100),
    });
    id = draft.id;
    await submitUpdate(deps, author, id, { version: draft.version });
  });
  await act(99, async () => {
    const validator = await demoActor(deps.db, 'ljubljana.validator@demo.implementa.example');
    await approveUpdate(deps, validator, id, { version: await updateVersion(deps.db, id) });
  });
  await act(97, async () => {
    await approveUpdate(deps, coordinator, id, { version: await updateVersion(deps.db, id) });
  });
}
