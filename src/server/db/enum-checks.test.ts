import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import { locales } from '../../shared/i18n/locales';
import { actionReminderKinds, actionReminderStatuses, actionStatuses } from '../../shared/schemas/actions';
import { apiTokenScopes } from '../../shared/schemas/api-tokens';
import { assignmentRoles } from '../../shared/schemas/assignments';
import { calendarKinds, calendarSources, calendarStatuses, reminderRunStatuses } from '../../shared/schemas/calendar';
import { callStatuses, inboxKinds, progressStatuses, reminderStatuses } from '../../shared/schemas/calls';
import {
  digestChoices,
  digestRunStatuses,
  eventStatuses,
  reportStatuses as hubReportStatuses,
  postStatuses,
  registrationStatuses,
  reportReasons,
  spaceKinds,
  threadKinds,
} from '../../shared/schemas/community';
import { entityKinds, nominationStatuses, seats } from '../../shared/schemas/entities';
import { federationLinkStates, federationLinkStatuses, federationShareKinds } from '../../shared/schemas/federation';
import {
  governmentLevels,
  hubDocumentKinds,
  hubMemberStatuses,
  hubNetworkKinds,
  hubThemes,
  hubVisibilities,
  practiceStatuses,
} from '../../shared/schemas/hub';
import { assessmentStatuses } from '../../shared/schemas/hub-assessment';
import { practiceVersionOutcomes } from '../../shared/schemas/hub-practices';
import { roles, signInMethods, tokenKinds, userStatuses } from '../../shared/schemas/identity';
import { importRecordStatuses } from '../../shared/schemas/imports';
import { indicatorFrequencies, indicatorReminderStatuses, indicatorTypes } from '../../shared/schemas/indicators';
import { mailStatuses } from '../../shared/schemas/outbox';
import { narrativeFormats, progressStepKinds } from '../../shared/schemas/progress';
import { publicationSubjects } from '../../shared/schemas/publication';
import { followUpGrades, linkKinds, mechanisms, positions, statusCauseKinds } from '../../shared/schemas/register';
import { lrgPlacements, reportGroupings, reportStatuses, reportTypes } from '../../shared/schemas/reports';
import { systemsOfGovernment } from '../../shared/schemas/state-profile';
import type { DatabaseHandle } from './database';

/**
 * Each enum is written twice: a CHECK in migrations/ and an array in src/shared (the zod enum and
 * the Kysely column type both derive from the array). This test holds the two together. A new
 * CHECK enum fails it until its column is named here with its array.
 */
const sharedEnums: Record<string, readonly string[]> = {
  'action_reminders.kind': actionReminderKinds,
  'action_reminders.status': actionReminderStatuses,
  'actions.status': actionStatuses,
  'api_tokens.scope': apiTokenScopes,
  'assignments.role': assignmentRoles,
  'bodies.mechanism': mechanisms,
  'calendar_events.kind': calendarKinds,
  'calendar_events.source': calendarSources,
  'calendar_events.status': calendarStatuses,
  'calendar_reminder_runs.status': reminderRunStatuses,
  'call_reminders.status': reminderStatuses,
  'calls.status': callStatuses,
  'entities.kind': entityKinds,
  'entity_people.role': seats,
  'federation_hub_link.state': federationLinkStates,
  'federation_links.status': federationLinkStatuses,
  'federation_shares.kind': federationShareKinds,
  'hub_assessments.status': assessmentStatuses,
  'hub_documents.kind': hubDocumentKinds,
  'hub_documents.level': governmentLevels,
  'hub_documents.locale': locales,
  'hub_documents.system_of_government': systemsOfGovernment,
  'hub_documents.visibility': hubVisibilities,
  'hub_members.status': hubMemberStatuses,
  'hub_networks.kind': hubNetworkKinds,
  'hub_practice_texts.locale': locales,
  'hub_practices.level': governmentLevels,
  'hub_practices.status': practiceStatuses,
  'hub_practices.original_locale': locales,
  'hub_practice_versions.outcome': practiceVersionOutcomes,
  'hub_members.system_of_government': systemsOfGovernment,
  'hub_spaces.kind': spaceKinds,
  'hub_spaces.theme': hubThemes,
  'hub_participants.digest': digestChoices,
  'hub_threads.kind': threadKinds,
  'hub_threads.locale': locales,
  'hub_posts.status': postStatuses,
  'hub_reports.reason': reportReasons,
  'hub_reports.status': hubReportStatuses,
  'hub_events.visibility': hubVisibilities,
  'hub_events.status': eventStatuses,
  'hub_event_registrations.status': registrationStatuses,
  'hub_digest_runs.status': digestRunStatuses,
  'imports.status': importRecordStatuses,
  'inbox_items.kind': inboxKinds,
  'indicator_reminders.status': indicatorReminderStatuses,
  'indicators.frequency': indicatorFrequencies,
  'indicators.type': indicatorTypes,
  'mail_outbox.status': mailStatuses,
  'nomination_requests.status': nominationStatuses,
  'progress_update_events.step': progressStepKinds,
  'progress_updates.narrative_format': narrativeFormats,
  'progress_updates.status': progressStatuses,
  'publications.subject': publicationSubjects,
  'recommendation_links.kind': linkKinds,
  'recommendations.follow_up_grade': followUpGrades,
  'recommendations.position': positions,
  'recommendation_status_history.cause_kind': statusCauseKinds,
  'reports.grouping': reportGroupings,
  'reports.lrg_placement': lrgPlacements,
  'reports.status': reportStatuses,
  'reports.type': reportTypes,
  'sessions.sign_in_method': signInMethods,
  'state_profile.system_of_government': systemsOfGovernment,
  'user_tokens.kind': tokenKinds,
  'users.locale': locales,
  'users.role': roles,
  'users.status': userStatuses,
};

/** A column compared with a list of literals, as pg_get_constraintdef prints it. */
const listAtom = /\("?([a-z_]+)"? = ANY \(ARRAY\[([^\]]*)\]\)/g;
const singleAtom = /\("?([a-z_]+)"? = '([^']*)'::[a-z]+\)/g;
const literal = /'([^']*)'::[a-z]+/g;

/**
 * The values each `table.column` may hold by its CHECKs: `col in (…)` reads back as
 * `col = ANY (ARRAY[…])`, a one-value list as `col = '…'`. A column named in several checks
 * (a status tied to a kind) may hold the union of what they name.
 */
function enumsOfChecks(checks: { table: string; definition: string }[]): Map<string, Set<string>> {
  const enums = new Map<string, Set<string>>();
  const add = (key: string, values: string[]) => {
    const set = enums.get(key) ?? new Set<string>();
    for (const value of values) set.add(value);
    enums.set(key, set);
  };
  for (const { table, definition } of checks) {
    for (const [, column, list] of definition.matchAll(listAtom))
      add(
        `${table}.${column}`,
        [...(list ?? '').matchAll(literal)].map((match) => match[1] ?? ''),
      );
    for (const [, column, value] of definition.matchAll(singleAtom)) add(`${table}.${column}`, [value ?? '']);
  }
  return enums;
}

/** Every disagreement between the database's enums and the shared arrays, one line each. */
function compareEnums(database: Map<string, Set<string>>, shared: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const [key, values] of [...database].sort(([a], [b]) => a.localeCompare(b))) {
    const named = shared[key];
    if (!named) {
      problems.push(`${key}: a CHECK enum with no shared array named for it (${[...values].join(', ')})`);
      continue;
    }
    const missing = named.filter((value) => !values.has(value));
    const extra = [...values].filter((value) => !named.includes(value));
    if (missing.length) problems.push(`${key}: the database refuses ${missing.join(', ')}`);
    if (extra.length) problems.push(`${key}: the shared array lacks ${extra.join(', ')}`);
  }
  for (const key of Object.keys(shared)) if (!database.has(key)) problems.push(`${key}: no CHECK enum in the database`);
  return problems;
}

describe('compareEnums', () => {
  const database = enumsOfChecks([
    { table: 't', definition: "CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))" },
    { table: 't', definition: "CHECK (((status = 'c'::text) = (done_at IS NOT NULL)))" },
    { table: 't', definition: "CHECK ((kind = 'x'::text))" },
    { table: 't', definition: "CHECK ((jsonb_typeof(data) = 'object'::text))" },
  ]);

  it('reads lists, single values and unions, not function results', () => {
    expect(Object.fromEntries([...database].map(([key, values]) => [key, [...values]]))).toEqual({
      't.status': ['a', 'b', 'c'],
      't.kind': ['x'],
    });
  });

  it('names each value one side lacks, each column without an array, each array without a column', () => {
    expect(compareEnums(database, { 't.status': ['a', 'b', 'c'], 't.kind': ['x'] })).toEqual([]);
    expect(compareEnums(database, { 't.status': ['a', 'b', 'd'], 'u.kind': ['x'] })).toEqual([
      't.kind: a CHECK enum with no shared array named for it (x)',
      't.status: the database refuses d',
      't.status: the shared array lacks c',
      'u.kind: no CHECK enum in the database',
    ]);
  });
});

describe('the migrated database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it('holds each CHECK enum to the shared array that names its values', async () => {
    const { rows } = await sql<{ table: string; definition: string }>`
      select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition
      from pg_constraint
      where contype = 'c' and connamespace = 'public'::regnamespace`.execute(handle.db);
    expect(compareEnums(enumsOfChecks(rows), sharedEnums)).toEqual([]);
  });
});
