/** Imports as the API shows them: the stored import with its progress, and the preview of a plan. */
import type { ImportPreview, ImportSummary } from '../../../shared/schemas/imports';
import type { ImportPlan } from './build-plan';
import type { findImportSummary } from './imports.repo';

type ImportSummaryRow = NonNullable<Awaited<ReturnType<typeof findImportSummary>>>;

/** A stored import; `progress` while some process applies it (written to the row as it goes). */
export function presentImport(row: ImportSummaryRow): ImportSummary {
  const progress = row.status === 'applying' ? { done: row.progress_done ?? 0, total: row.progress_total ?? 0 } : null;
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    sizeBytes: row.size_bytes,
    status: row.status,
    summary: row.summary,
    createdAt: row.created_at.toISOString(),
    appliedAt: row.applied_at?.toISOString() ?? null,
    createdBy: row.created_by_name,
    progress,
    error: null,
  };
}

/** How many planned rows each action has. */
export function countsOf(plan: ImportPlan) {
  const count = (action: string) => plan.rows.filter((row) => row.action === action).length;
  return { create: count('create'), update: count('update'), unchanged: count('unchanged'), skip: count('skip') };
}

const previewRowsPerAction = 100;

/** What importing the file would do: reviews, counts, the first rows of each action, states, terms, warnings. */
export function presentPreview(
  row: { id: string; file_name: string; format: string; size_bytes: number },
  /** When the same bytes were last applied, if ever. */
  alreadyAppliedAt: Date | null,
  plan: ImportPlan | undefined,
  result: {
    headers?: string[];
    suggested?: Record<string, string>;
    parsed?: { duplicates: ImportPreview['duplicates'] };
  },
): ImportPreview {
  const rows = plan
    ? (['create', 'update', 'skip', 'unchanged'] as const).flatMap((action) =>
        plan.rows
          .filter((r) => r.action === action)
          .slice(0, previewRowsPerAction)
          .map((r) => ({
            action: r.action,
            number: r.number,
            text: r.text,
            lang: r.values?.originalLang ?? null,
            location: r.location,
            reason: r.reason,
            changes: r.changes,
            ...(r.kept ? { kept: r.kept } : {}),
          })),
      )
    : [];
  const perReview = new Map<string, number>();
  for (const r of plan?.rows ?? [])
    if (r.action !== 'skip') perReview.set(r.reviewKey, (perReview.get(r.reviewKey) ?? 0) + 1);
  return {
    importId: row.id,
    fileName: row.file_name,
    format: row.format,
    sizeBytes: row.size_bytes,
    alreadyAppliedAt: alreadyAppliedAt?.toISOString() ?? null,
    reviews: [...(plan?.reviews.values() ?? [])].map((review) => ({
      key: review.key,
      symbol: review.symbol,
      bodyCode: review.bodyCode,
      countryIso2: review.countryIso2,
      session: review.session,
      action: !review.existing ? 'create' : review.changes.length ? 'update' : 'unchanged',
      recommendations: perReview.get(review.key) ?? 0,
      changes: review.changes,
    })),
    counts: plan ? countsOf(plan) : { create: 0, update: 0, unchanged: 0, skip: 0 },
    rows,
    states: [...(plan?.states ?? new Map())]
      .map(([name, match]) => ({ name, ...match }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    newTerms: plan?.newTerms ?? { themes: [], affected: [], issues: [] },
    warnings: plan?.warnings.slice(0, 200) ?? [],
    duplicates: result.parsed?.duplicates ?? [],
    ...(result.headers ? { headers: result.headers, suggestedMapping: result.suggested } : {}),
  };
}
