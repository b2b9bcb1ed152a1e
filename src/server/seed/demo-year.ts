import type { Deps } from '../deps';
import { createAssignments, delegateAssignment } from '../modules/assignments/assignments.service';
import { decidePublication, publishValidatedUpdates } from '../modules/public/publication.service';
import { batchEdit } from '../modules/register/recommendations.service';
import { clockMark, type MovedDate, moveBack, timestampColumns } from './demo-clock.repo';
import { playFirstCall, playOpenCall } from './demo-year.calls';
import { demoSubjects } from './demo-year.data';
import { assignmentId, demoActor, demoEntityIds, demoRecommendations, hasDemoYear, statusesOf } from './demo-year.repo';
import { playReport } from './demo-year.report';
import { playUpdates } from './demo-year.updates';

export { clockMark as demoClockMark } from './demo-clock.repo';

export const coordinatorEmail = 'coordinator@demo.implementa.example';

/** Plays one act of the story through the services, then moves it back to its day (demo-clock.repo.ts). */
export type Act = (daysAgo: number, act: () => Promise<void>, dates?: MovedDate[]) => Promise<void>;

export type DemoRecommendation = Awaited<ReturnType<typeof demoRecommendations>>[number] & { subject: string | null };

export interface DemoWorld {
  deps: Deps;
  act: Act;
  /** The seeding day (UTC), the anchor of every date in the story. */
  today: string;
  ids: Map<string, string>;
  id: (key: string) => string;
  recommendations: DemoRecommendation[];
  /** Recommendations of the latest (cycle 4) and the earlier (cycle 2) UPR review. */
  latest: DemoRecommendation[];
  earlier: DemoRecommendation[];
}

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function subjectOf(text: string | null): string | null {
  if (!text) return null;
  for (const subject of demoSubjects)
    for (const pattern of subject.patterns) {
      const word = pattern.replaceAll('%', '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`\\b${word}`, 'i').test(text)) return subject.key;
    }
  return null;
}

/**
 * A year of the demo State's work, played through the services as its people would have done it
 * (decision 023): the coordinator assigns the recommendations by subject to ministries and
 * municipalities, the Ministry of Labour delegates to three municipalities, the annual reviews
 * move statuses, a call for input is answered on time, late, returned and resubmitted, updates
 * are validated with their evidence, a second call is open now, and the mid-term report is in
 * consultation with comments. Each act keeps every rule (policies, versions, audit, mail queued);
 * its timestamps are then moved back to its day. Dates count back from the seeding day, so the
 * demo always shows a current year; the same register gives the same story. Runs once, on the
 * first start of an empty demo database, after the job worker has started (sending queues mail
 * and reminder jobs).
 */
export async function seedDemoYear(
  deps: Deps,
  setUpSince: Date | null,
  onStep: (step: string) => void = () => undefined,
): Promise<void> {
  const db = deps.db;
  if (await hasDemoYear(db)) return;
  const columns = await timestampColumns(db);
  // The State, its register (the imports' first statuses) and its actions were set up a year ago.
  if (setUpSince) await moveBack(db, columns, setUpSince, 365);
  const act: Act = async (daysAgo, run, dates = []) => {
    const since = await clockMark(db);
    await run();
    await moveBack(db, columns, since, daysAgo, dates);
  };
  const ids = await demoEntityIds(db);
  const id = (key: string) => {
    const found = ids.get(key);
    if (!found) throw new Error(`demo year: no entity ${key}`);
    return found;
  };
  const recommendations = (await demoRecommendations(db)).map((row) => ({ ...row, subject: subjectOf(row.text_en) }));
  const latestReview = recommendations[0]?.review_id;
  const world: DemoWorld = {
    deps,
    act,
    today: new Date().toISOString().slice(0, 10),
    ids,
    id,
    recommendations,
    latest: recommendations.filter((row) => row.review_id === latestReview),
    earlier: recommendations.filter((row) => row.review_id !== latestReview),
  };
  // In the order of the story's days, so that each status history reads as it happened.
  const reviews = statusReviews(world);
  onStep('assignments and statuses');
  await reviews.earlier(345);
  await playAssignments(world);
  await reviews.latest(300, ['not_started'], (i) => i % 3 === 0, 'in_progress');
  onStep('a call for input answered');
  await playFirstCall(world);
  await reviews.earlier(180);
  onStep('progress updates with evidence');
  await playUpdates(world);
  await reviews.latest(90, ['not_started'], (i) => i % 3 === 1, 'in_progress');
  await reviews.latest(60, ['in_progress'], (i) => i % 4 === 0, 'partially_implemented');
  onStep('the mid-term report in consultation');
  await playReport(world);
  onStep('a call for input open now');
  await playOpenCall(world);
  onStep('the review and its validated updates published on the portal');
  await playPublication(world);
}

/**
 * A fortnight ago the coordinator published the latest review on the public portal (its follow-up:
 * statuses, entities, indicators) and every validated update of it (decision 032).
 */
async function playPublication(world: DemoWorld): Promise<void> {
  const { deps, act } = world;
  const reviewId = world.latest[0]?.review_id;
  if (!reviewId) return;
  const coordinator = await demoActor(deps.db, coordinatorEmail);
  await act(14, async () => {
    await decidePublication(deps.db, coordinator, 'review', reviewId, { published: true });
    await publishValidatedUpdates(deps.db, coordinator, reviewId);
  });
}

/**
 * Eleven months ago the coordinator assigned every recommendation of the latest cycle with a subject to its lead and
 * supporting ministries and to the municipalities concerned, due in four months; a week later the
 * Ministry of Labour's focal point delegated violence against women to three city municipalities.
 */
async function playAssignments(world: DemoWorld): Promise<void> {
  const { deps, act, id } = world;
  const coordinator = await demoActor(deps.db, coordinatorEmail);
  const groups = new Map<string, { entityId: string; role: 'lead' | 'supporting'; ids: string[] }>();
  const add = (entityKey: string, role: 'lead' | 'supporting', recommendationId: string) => {
    const key = `${entityKey}:${role}`;
    const group = groups.get(key) ?? { entityId: id(entityKey), role, ids: [] };
    group.ids.push(recommendationId);
    groups.set(key, group);
  };
  const delegations: { recommendationId: string; from: string; to: string }[] = [];
  // The latest cycle's recommendations (the earlier cycle's were followed up before the platform).
  for (const row of world.latest) {
    const subject = demoSubjects.find((item) => item.key === row.subject);
    if (!subject || row.position === 'noted') continue;
    add(subject.lead, 'lead', row.id);
    for (const entity of subject.supporting) if (entity !== subject.lead) add(entity, 'supporting', row.id);
    for (const lrg of subject.municipalities)
      if (subject.delegated) delegations.push({ recommendationId: row.id, from: subject.lead, to: lrg });
      else add(lrg, 'supporting', row.id);
  }
  const due = addDays(world.today, 120);
  const dueDates: MovedDate[] = [{ table: 'assignments', column: 'due_date', by: 'created_at' }];
  await act(
    330,
    async () => {
      for (const group of groups.values())
        await createAssignments(deps.db, coordinator, {
          recommendationIds: group.ids,
          entityId: group.entityId,
          role: group.role,
          dueDate: due,
          note: 'Assigned at the Commission’s meeting on the follow-up of the UPR recommendations.',
        });
    },
    dueDates,
  );
  const labour = await demoActor(deps.db, 'focal.point@demo.implementa.example');
  await act(322, async () => {
    // A delegation is due when its assignment is: that date has moved with it already.
    for (const delegation of delegations) {
      const parent = await assignmentId(deps.db, delegation.recommendationId, id(delegation.from));
      if (!parent) continue;
      await delegateAssignment(deps.db, labour, parent, {
        entityId: id(delegation.to),
        note: 'Please report on the municipal shelters, counselling and the training of municipal staff.',
      });
    }
  });
}

/**
 * The Commission's reviews, by batch edit: the second cycle's recommendations (2014) were largely
 * under way a year ago and moved on at the mid-year review; the latest cycle's assigned
 * recommendations went under way as the ministries took them up. The same rows every time: picked
 * by their place in the register's order, among those still in the status named.
 */
function statusReviews(world: DemoWorld) {
  const { deps, act } = world;
  const set = async (ids: string[], status: string) => {
    const coordinator = await demoActor(deps.db, coordinatorEmail);
    for (let start = 0; start < ids.length; start += 1000)
      await batchEdit(deps.db, coordinator, {
        ids: ids.slice(start, start + 1000),
        status,
        addThemeIds: [],
        removeThemeIds: [],
        addSdgTargets: [],
        removeSdgTargets: [],
      });
  };
  const earlier = world.earlier.filter((row) => row.position !== 'noted');
  const pick = (rows: DemoRecommendation[], keep: (index: number) => boolean) =>
    rows.filter((_, index) => keep(index)).map((row) => row.id);
  const assignedLatest = world.latest.filter((row) => row.subject && row.position !== 'noted');
  return {
    earlier: (daysAgo: number) =>
      act(daysAgo, async () => {
        if (daysAgo > 200) {
          await set(
            pick(earlier, (i) => i % 10 < 7),
            'in_progress',
          );
          await set(
            pick(earlier, (i) => i % 10 === 7),
            'partially_implemented',
          );
        } else {
          await set(
            pick(earlier, (i) => i % 10 < 3),
            'implemented',
          );
          await set(
            pick(earlier, (i) => i % 10 >= 3 && i % 10 < 6),
            'partially_implemented',
          );
        }
      }),
    latest: (daysAgo: number, from: string[], keep: (index: number) => boolean, status: string) =>
      act(daysAgo, async () => {
        const current = await statusesOf(
          deps.db,
          assignedLatest.map((row) => row.id),
        );
        const ids = pick(assignedLatest, keep).filter((id) => from.includes(current.get(id) ?? ''));
        if (ids.length > 0) await set(ids, status);
      }),
  };
}
