import { Link } from 'react-router';
import type { ImportPreview, ImportSummary } from '../../../shared/schemas/imports';
import { useT } from '../../i18n/i18n-provider';

/** Step 3: the apply runs in one transaction; the bar shows how far it got. */
export function ApplyProgress(props: { progress: { done: number; total: number } | null }) {
  const { t, formatNumber } = useT();
  const { progress } = props;
  const known = progress && progress.total > 0;
  const percent = known ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section className="card" aria-labelledby="applying-title" aria-busy="true">
      <h2 id="applying-title">{t('imports.step.applying')}</h2>
      <div
        className={`progress${known ? '' : ' progress-indeterminate'}`}
        role="progressbar"
        aria-labelledby="applying-title"
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : 100}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={
          known
            ? t('imports.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
            : t('imports.progressStarting')
        }
      >
        <span className="progress-fill" style={{ inlineSize: known ? `${percent}%` : undefined }} />
      </div>
      <p aria-live="polite">
        {known
          ? t('imports.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
          : t('imports.progressStarting')}
      </p>
    </section>
  );
}

interface AppliedSummary {
  created?: number;
  updated?: number;
  unchanged?: number;
  skipped?: number;
  reviewsCreated?: number;
  reviewsUpdated?: number;
  termsCreated?: number;
  /** Not sent yet by the server: the reviews the import created or updated (see the report). */
  reviewIds?: string[];
}

const summaryKeys = [
  'created',
  'updated',
  'unchanged',
  'skipped',
  'reviewsCreated',
  'reviewsUpdated',
  'termsCreated',
] as const;

/** Step 4: what the import did, and where to see it. */
export function ImportReport(props: { summary: ImportSummary; preview: ImportPreview; onRestart: () => void }) {
  const { t, formatNumber } = useT();
  const summary = (props.summary.summary ?? {}) as AppliedSummary;
  const reviewIds = Array.isArray(summary.reviewIds) ? summary.reviewIds : [];
  const registerLink =
    reviewIds.length > 0
      ? `/register?${reviewIds.map((id) => `review=${encodeURIComponent(id)}`).join('&')}`
      : '/register?sort=updated';
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('imports.step.done')}</h2>
      <p className="alert alert-success" role="status">
        {t('imports.appliedFile', { name: props.summary.fileName })}
      </p>
      <dl className="facts report-facts">
        {summaryKeys.map((key) =>
          typeof summary[key] === 'number' ? (
            <div key={key} className="contents">
              <dt>{t(`imports.summary.${key}`)}</dt>
              <dd>{formatNumber(summary[key] ?? 0)}</dd>
            </div>
          ) : null,
        )}
      </dl>
      <div className="form-actions">
        <Link className="button-anchor" to={registerLink}>
          {reviewIds.length > 0 ? t('imports.openReviews', { count: reviewIds.length }) : t('imports.openRegister')}
        </Link>
        <Link className="button-secondary button-anchor" to="/reviews">
          {t('imports.openReviewList')}
        </Link>
        <button type="button" className="button-secondary" onClick={props.onRestart}>
          {t('imports.another')}
        </button>
      </div>
    </section>
  );
}
