import type { Locale } from '../../../shared/i18n/locales';
import {
  type AnswerStatus,
  answerStatuses,
  type CallRecommendation,
  type CallReminder,
  type CallSummary,
  type ProgressUpdate,
} from '../../../shared/schemas/calls';
import type { ProgressUpdateStatus } from '../../db/schema';

export function presentSummary(row: {
  id: string;
  title: string;
  deadline: string;
  status: 'draft' | 'sent';
  created_by_name: string | null;
  created_at: Date;
  sent_at: Date | null;
  recommendation_count: number;
  entity_count: number;
  answered_count?: number;
  late_count?: number;
  version: number;
}): CallSummary {
  return {
    id: row.id,
    title: row.title,
    deadline: row.deadline,
    status: row.status,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    recommendationCount: Number(row.recommendation_count),
    entityCount: Number(row.entity_count),
    answeredCount: Number(row.answered_count ?? 0),
    lateCount: Number(row.late_count ?? 0),
    version: row.version,
  };
}

/** Counts by status with every status present (zero when no entity stands there). */
export function statusCounts(rows: { status: AnswerStatus; n: number | string | bigint }[]) {
  const counts = Object.fromEntries(answerStatuses.map((status) => [status, 0])) as Record<AnswerStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export function presentReminder(row: {
  days_from_deadline: number;
  due_at: Date;
  status: 'scheduled' | 'sent' | 'skipped';
  entity_count: number | null;
  mail_count: number | null;
  done_at: Date | null;
}): CallReminder {
  return {
    daysFromDeadline: row.days_from_deadline,
    dueAt: row.due_at.toISOString(),
    status: row.status,
    entityCount: row.entity_count,
    mailCount: row.mail_count,
    doneAt: row.done_at?.toISOString() ?? null,
  };
}

export function presentRecommendation(row: {
  id: string;
  number: string | null;
  review_symbol: string | null;
  body_code: string;
  text: string;
  text_lang: string;
  status: string;
  assigned?: { id: string; name: string; asked: boolean }[];
}): CallRecommendation {
  return {
    id: row.id,
    number: row.number,
    reviewSymbol: row.review_symbol,
    bodyCode: row.body_code,
    text: row.text,
    textLang: row.text_lang as Locale,
    status: row.status,
    assigned: row.assigned ?? [],
  };
}

export function presentUpdate(
  row: {
    id: string;
    narrative: string | null;
    proposed_status: string | null;
    status: ProgressUpdateStatus;
    submitted_at: Date | null;
    updated_at: Date;
    version: number;
  },
  submittedBy: string | null,
): ProgressUpdate {
  return {
    id: row.id,
    narrative: row.narrative,
    proposedStatus: row.proposed_status,
    status: row.status,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    submittedBy,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
