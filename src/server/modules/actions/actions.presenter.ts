import type { Locale } from '../../../shared/i18n/locales';
import {
  type ActionRecommendation,
  type ActionReminder,
  type ActionSummary,
  openActionStatuses,
} from '../../../shared/schemas/actions';
import type { ActionStatus } from '../../db/schema';
import { presentEntityRef } from '../entities/entity-ref.presenter';

export interface SummaryRow {
  id: string;
  title: string;
  status: ActionStatus;
  start_date: string | null;
  end_date: string | null;
  budget_amount: number | string | null;
  budget_currency: string | null;
  budget_source: string | null;
  version: number;
  updated_at: Date;
  responsible_entity_id: string;
  entity_kind: string;
  entity_name: string;
  entity_acronym: string | null;
  entity_lrg_level: number | null;
  recommendation_count: number;
  cluster_count: number;
}

export function presentSummary(row: SummaryRow, today: string): ActionSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    responsibleEntity: presentEntityRef(row, 'entity_', 'responsible_entity_id'),
    startDate: row.start_date,
    endDate: row.end_date,
    overdue: Boolean(row.end_date && row.end_date < today && openActionStatuses.includes(row.status)),
    budget:
      row.budget_amount !== null && row.budget_currency
        ? { amount: Number(row.budget_amount), currency: row.budget_currency.trim(), source: row.budget_source }
        : null,
    recommendationCount: Number(row.recommendation_count),
    clusterCount: Number(row.cluster_count),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentRecommendation(row: {
  id: string;
  number: string | null;
  review_symbol: string | null;
  body_code: string;
  text: string;
  text_lang: string;
  readable: boolean;
}): ActionRecommendation {
  return {
    id: row.id,
    number: row.number,
    reviewSymbol: row.review_symbol,
    bodyCode: row.body_code,
    text: row.text,
    textLang: row.text_lang as Locale,
    readable: Boolean(row.readable),
  };
}

export function presentReminder(row: {
  kind: 'due_soon' | 'overdue';
  due_date: string;
  due_at: Date;
  status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
  mail_count: number | null;
  done_at: Date | null;
}): ActionReminder {
  return {
    kind: row.kind,
    dueDate: row.due_date,
    dueAt: row.due_at.toISOString(),
    status: row.status,
    mailCount: row.mail_count,
    doneAt: row.done_at?.toISOString() ?? null,
  };
}
