import type { ColumnType, Generated } from 'kysely';
import type { callStatuses, inboxKinds, reminderStatuses } from '../../shared/schemas/calls';
import type { OneOf } from './column-types';

/** Calls for input, the entities' inbox and the calls' reminders (migration 0012). */
export interface CallsTable {
  id: Generated<string>;
  title: string;
  message: string;
  /** A calendar day: select it with to_char(deadline, 'YYYY-MM-DD'), as drivers parse dates differently. */
  deadline: ColumnType<string, string, string>;
  ask_narrative: Generated<boolean>;
  ask_status: Generated<boolean>;
  remind_before: Generated<number[]>;
  remind_after: Generated<number[]>;
  status: Generated<OneOf<typeof callStatuses>>;
  created_by: string | null;
  sent_by: string | null;
  sent_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InboxItemsTable {
  id: Generated<string>;
  entity_id: string;
  kind: OneOf<typeof inboxKinds>;
  call_id: string | null;
  created_at: Generated<Date>;
}

export interface CallRemindersTable {
  id: Generated<string>;
  call_id: string;
  days_from_deadline: number;
  due_at: Date;
  status: Generated<OneOf<typeof reminderStatuses>>;
  job_id: string | null;
  entity_count: number | null;
  mail_count: number | null;
  done_at: Date | null;
  manual: Generated<boolean>;
}
