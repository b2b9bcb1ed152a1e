import type { Locale } from '../../../shared/i18n/locales';
import type { ReportDetail, ReportSummary } from '../../../shared/schemas/reports';
import type { ReportModel } from './reports.model';
import type { ReportRow } from './reports.repo';

export function presentSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    bodyCode: row.body_code,
    status: row.status,
    language: row.language as Locale,
    wordLimit: row.word_limit,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentDetail(model: ReportModel, canEdit: boolean): ReportDetail {
  const row = model.report;
  return {
    ...presentSummary(row),
    reviewIds: row.review_ids,
    grouping: row.grouping,
    symbol: row.symbol,
    lrgPlacement: row.lrg_placement,
    annexWordLimit: row.annex_word_limit,
    consultationVersion: row.consultation_version,
    approvedVersion: row.approved_version,
    approvedAt: row.approved_at?.toISOString() ?? null,
    sections: model.sections,
    annex: model.annex,
    counts: model.counts,
    missingRecommendations: model.missing,
    canEdit,
  };
}
