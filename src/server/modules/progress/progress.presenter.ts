import type { ProgressDetail, ProgressEvent, ProgressSummary } from '../../../shared/schemas/progress';
import type { LocalizedText } from '../../db/schema';
import { localize } from '../../lib/language';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import type { SummaryRow, UpdateRow } from './progress.repo';
import { sanitizeNarrative, textToHtml } from './sanitize';

/** A date column as the ISO day, whichever way the driver hands it over. */
export function isoDay(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function presentSummary(row: SummaryRow & { subject_label: string }, locale: string): ProgressSummary {
  return {
    id: row.id,
    subject: row.recommendation_id
      ? { kind: 'recommendation', id: row.recommendation_id, label: row.subject_label }
      : { kind: 'action', id: row.action_id as string, label: row.subject_label },
    recommendation: row.recommendation_id
      ? {
          id: row.recommendation_id,
          number: row.rec_number,
          bodyCode: row.rec_body_code ?? '',
          reviewSymbol: row.rec_symbol,
          text: row.rec_text ?? '',
          textLang: row.rec_text_lang,
        }
      : null,
    entity: presentEntityRef(row, 'entity_'),
    status: row.status,
    proposedStatus: row.proposed_status,
    proposedStatusLabel: row.proposed_status
      ? localize(row.status_label as LocalizedText | null, locale) || row.proposed_status
      : null,
    periodStart: isoDay(row.period_start),
    periodEnd: isoDay(row.period_end),
    callId: row.call_id,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * The page of one update. The narrative is sanitised again on the way out: stored HTML passed the
 * sanitiser when written, and running it once more costs little against a row written another way.
 */
export function presentDetail(
  row: UpdateRow,
  locale: string,
  extra: { events: ProgressEvent[]; entityHasValidator: boolean; can: ProgressDetail['can'] },
): ProgressDetail {
  const narrative = row.narrative ?? '';
  return {
    ...presentSummary(row, locale),
    narrativeHtml: row.narrative_format === 'html' ? sanitizeNarrative(narrative) : textToHtml(narrative),
    createdBy: row.created_by_name,
    submittedBy: row.submitted_by_name,
    endorsedBy: row.endorsed_by_name,
    endorsedAt: row.endorsed_at?.toISOString() ?? null,
    validatedBy: row.validated_by_name,
    validatedAt: row.validated_at?.toISOString() ?? null,
    entityHasValidator: extra.entityHasValidator,
    events: extra.events,
    can: extra.can,
  };
}

export function presentEvent(row: {
  step: ProgressEvent['step'];
  comment: string | null;
  at: Date;
  actor: string | null;
}) {
  return { step: row.step, comment: row.comment, actor: row.actor, at: row.at.toISOString() };
}
