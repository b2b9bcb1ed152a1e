import { saveAnswers } from '../modules/calls/calls.answers.service';
import { sendCall } from '../modules/calls/calls.sending.service';
import { createCall } from '../modules/calls/calls.service';
import { approveUpdate, returnUpdate } from '../modules/progress/progress.workflow.service';
import { addDays, coordinatorEmail, type DemoRecommendation, type DemoWorld } from './demo-year';
import { demoColleagues, demoMunicipalNarratives, demoNarratives, demoReturnComment } from './demo-year.data';
import { answerOf, callItemsOf, demoActor } from './demo-year.repo';

/** The sign-in of the person answering for an entity: a demo account, else the colleague seated there. */
const answerer: Record<string, string> = {
  MDDSZ: 'focal.point@demo.implementa.example',
  'SI-061': 'ljubljana.focal.point@demo.implementa.example',
};
const emailFor = (entity: string) =>
  answerer[entity] ?? demoColleagues.find((person) => person.entity === entity && person.seat === 'main')?.email ?? '';
const validatorOf: Record<string, string> = {
  MDDSZ: 'validator@demo.implementa.example',
  'SI-061': 'ljubljana.validator@demo.implementa.example',
};

/** What an entity writes on a recommendation: its subject's text, a municipality's own where there is one. */
function narrativeFor(world: DemoWorld, recommendationId: string, entity: string, index: number): string {
  const subject = world.recommendations.find((row) => row.id === recommendationId)?.subject ?? 'social';
  const texts = demoNarratives[subject] ?? demoNarratives.social ?? [''];
  if (!entity.startsWith('SI-')) return texts[index % texts.length] ?? '';
  return demoMunicipalNarratives[subject]?.[entity] ?? texts[texts.length - 1] ?? '';
}

function firstOf(world: DemoWorld, subject: string, count: number): DemoRecommendation[] {
  return world.latest.filter((row) => row.subject === subject && row.position !== 'noted').slice(0, count);
}

/** Saves (and submits) an entity's answers on every item of a call that is its to answer. */
async function answer(
  world: DemoWorld,
  callId: string,
  entity: string,
  submit: boolean,
  only?: string[],
  email = emailFor(entity),
) {
  const { deps, id } = world;
  const actor = await demoActor(deps.db, email);
  const items = (await callItemsOf(deps.db, callId, id(entity))).filter((item) => !only || only.includes(item));
  const values = [];
  for (const [index, recommendationId] of items.entries()) {
    const before = await answerOf(deps.db, callId, id(entity), recommendationId);
    values.push({
      recommendationId,
      narrative: narrativeFor(world, recommendationId, entity, index),
      proposedStatus: index % 2 === 0 ? 'in_progress' : 'partially_implemented',
      version: before?.version ?? null,
    });
  }
  if (values.length > 0) await saveAnswers(deps, actor, callId, id(entity), { items: values, submit });
  return items;
}

/** The next step on an entity's answers: endorsed by its validator, validated or returned by the coordinator. */
async function step(
  world: DemoWorld,
  callId: string,
  entity: string,
  how: 'endorse' | 'validate' | 'return',
  only?: string[],
) {
  const { deps, id } = world;
  const actor = await demoActor(deps.db, how === 'endorse' ? (validatorOf[entity] ?? '') : coordinatorEmail);
  for (const recommendationId of only ?? (await callItemsOf(deps.db, callId, id(entity)))) {
    const update = await answerOf(deps.db, callId, id(entity), recommendationId);
    if (!update) continue;
    if (how === 'return')
      await returnUpdate(deps, actor, update.id, { version: update.version, comment: demoReturnComment });
    else await approveUpdate(deps, actor, update.id, { version: update.version });
  }
}

/**
 * A call from the coordinator to every duty bearer assigned, asking for a narrative and a
 * proposed status, sent as soon as it is written; its id.
 */
async function sendDemoCall(
  world: DemoWorld,
  call: {
    title: string;
    message: string;
    deadline: string;
    remindBefore: number[];
    remindAfter: number[];
    recommendationIds: string[];
  },
): Promise<string> {
  const { deps } = world;
  const coordinator = await demoActor(deps.db, coordinatorEmail);
  const created = await createCall(deps, coordinator, {
    ...call,
    askNarrative: true,
    askStatus: true,
    clusterIds: [],
    entityIds: [],
    allAssigned: true,
  });
  await sendCall(deps, coordinator, created.id, created.version);
  return created.id;
}

/**
 * The mid-term call, nine months ago, with a month to answer, on the first recommendations on
 * violence against women, Roma and migrants, to every duty bearer assigned (the municipalities by
 * delegation too). The Ministry of Labour answered on time through its validator and had one
 * answer returned, still to correct; Ljubljana corrected its returned answer; Maribor answered
 * late; the Ministry of the Interior, Murska Sobota (a draft) and Novo mesto never did. Reminders:
 * none (the deadline the story gives it was in the past when the service sent it).
 */
export async function playFirstCall(world: DemoWorld): Promise<void> {
  const { deps, act } = world;
  const recommendationIds = [
    ...firstOf(world, 'violence', 3),
    ...firstOf(world, 'roma', 3),
    ...firstOf(world, 'migrants', 2),
  ].map((row) => row.id);
  let callId = '';
  await act(270, async () => {
    callId = await sendDemoCall(world, {
      title: 'Mid-term review of the fourth UPR cycle: progress so far',
      message:
        'The Commission is preparing Slovenia’s voluntary mid-term report on the fourth-cycle recommendations. Please describe what your institution has done on each recommendation below since the review, with figures where you have them, and propose its status.',
      deadline: addDays(world.today, 30),
      remindBefore: [],
      remindAfter: [],
      recommendationIds,
    });
  }, [{ table: 'calls', column: 'deadline', by: 'sent_at' }]);
  await act(264, async () => void (await answer(world, callId, 'MDDSZ', false)));
  await act(262, async () => void (await answer(world, callId, 'MDDSZ', true)));
  await act(258, () => step(world, callId, 'MDDSZ', 'endorse'));
  await act(255, async () => void (await answer(world, callId, 'SI-080', false)));
  await act(250, async () => void (await answer(world, callId, 'UN', true)));
  await act(246, async () => void (await answer(world, callId, 'SI-061', true)));
  await act(245, async () => {
    await step(world, callId, 'SI-061', 'endorse');
    await answer(world, callId, 'MVI', true);
  });
  await act(241, async () => void (await answer(world, callId, 'SI-011', true)));
  await act(236, async () => void (await answer(world, callId, 'SI-070', true)));
  const labourItems = await callItemsOf(deps.db, callId, world.id('MDDSZ'));
  const cityItems = await callItemsOf(deps.db, callId, world.id('SI-061'));
  await act(234, async () => {
    await step(world, callId, 'MDDSZ', 'validate', labourItems.slice(1));
    await step(world, callId, 'MDDSZ', 'return', labourItems.slice(0, 1));
    await step(world, callId, 'UN', 'validate');
  });
  await act(233, async () => {
    await step(world, callId, 'SI-061', 'validate', cityItems.slice(1));
    await step(world, callId, 'SI-061', 'return', cityItems.slice(0, 1));
  });
  await act(229, async () => {
    await step(world, callId, 'SI-011', 'validate');
    await step(world, callId, 'MVI', 'validate');
    await step(world, callId, 'SI-070', 'validate');
  });
  await act(224, async () => void (await answer(world, callId, 'SI-061', true, cityItems.slice(0, 1))));
  await act(223, () => step(world, callId, 'SI-061', 'endorse', cityItems.slice(0, 1)));
  await act(215, () => step(world, callId, 'SI-061', 'validate', cityItems.slice(0, 1)));
}

/**
 * The annual call, sent twelve days ago, due in twenty days, with the usual reminders (scheduled
 * by the service on the real deadline): Maribor has answered and waits for the coordinator,
 * the Ministry of Labour answered two items (waiting for its validator) and has the rest to do,
 * Ljubljana's contributor saved drafts and its focal point submitted one (waiting for its
 * validator).
 */
export async function playOpenCall(world: DemoWorld): Promise<void> {
  const { deps, act } = world;
  const taken = new Set([
    ...firstOf(world, 'violence', 3),
    ...firstOf(world, 'roma', 3),
    ...firstOf(world, 'disability', 1),
  ]);
  const recommendationIds = [
    ...firstOf(world, 'violence', 6).filter((row) => !taken.has(row)),
    ...firstOf(world, 'roma', 5).filter((row) => !taken.has(row)),
    ...firstOf(world, 'disability', 2),
    ...firstOf(world, 'gender', 2),
  ].map((row) => row.id);
  let callId = '';
  await act(12, async () => {
    callId = await sendDemoCall(world, {
      title: 'Annual progress report: what changed this year',
      message:
        'For the Commission’s annual report to the Government, please tell us what your institution achieved on each recommendation below this year, and propose its status. Attach any document that shows it.',
      deadline: addDays(world.today, 20),
      remindBefore: [7, 1],
      remindAfter: [3],
      recommendationIds,
    });
  });
  const cityItems = await callItemsOf(deps.db, callId, world.id('SI-061'));
  const contributor = 'contributor@demo.implementa.example';
  await act(5, async () => void (await answer(world, callId, 'SI-061', false, undefined, contributor)));
  await act(3, async () => void (await answer(world, callId, 'SI-070', true)));
  const labourItems = await callItemsOf(deps.db, callId, world.id('MDDSZ'));
  await act(2, async () => void (await answer(world, callId, 'MDDSZ', true, labourItems.slice(0, 2))));
  await act(1, async () => void (await answer(world, callId, 'SI-061', true, cityItems.slice(0, 1))));
}
