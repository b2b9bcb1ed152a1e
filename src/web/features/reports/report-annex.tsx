import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { ReportDetail } from '../../../shared/schemas/reports';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useT } from '../../i18n/i18n-provider';

/** The LRG annex: each LRG with validated contributions, included or left out by the coordinator. */
export function AnnexSelection(props: { report: ReportDetail; onChange: (report: ReportDetail) => void }) {
  const { t, formatNumber } = useT();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { report } = props;

  async function toggle(entityId: string, included: boolean) {
    setBusy(true);
    setError(null);
    try {
      props.onChange(
        await api.put<ReportDetail>(`/api/reports/${report.id}/annex/${entityId}`, {
          included,
          version: report.version,
        }),
      );
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="annex-heading" aria-busy={busy}>
      <h2 id="annex-heading">{t('reports.annex.title')}</h2>
      <p className="subtle">
        {report.counts.annexLimit === null
          ? t('reports.annex.count', { count: formatNumber(report.counts.annex) })
          : t('reports.annex.countLimit', {
              count: formatNumber(report.counts.annex),
              limit: formatNumber(report.counts.annexLimit),
            })}
      </p>
      <ErrorMessage error={error} />
      {report.annex.length === 0 ? <p>{t('reports.annex.none')}</p> : null}
      <ul className="plain-list">
        {report.annex.map((entry) => (
          <li key={entry.entityId}>
            <label>
              <input
                type="checkbox"
                checked={entry.included}
                disabled={!report.canEdit || busy}
                onChange={(event) => toggle(entry.entityId, event.target.checked)}
              />{' '}
              <strong>{entry.entityName}</strong>{' '}
              <span className="subtle">
                {t('reports.annex.entry', { items: entry.items.length, words: formatNumber(entry.words) })}
              </span>
            </label>
            <ul>
              {entry.items.map((item) => (
                <li key={item.updateId}>
                  {t('reports.annex.item', {
                    numbers: item.recommendationNumbers.join(', ') || '—',
                    period: [item.periodStart, item.periodEnd].filter(Boolean).join(' – ') || '—',
                  })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
