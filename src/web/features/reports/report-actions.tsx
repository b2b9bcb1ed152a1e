import { useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ReportDetail, ReportVersion } from '../../../shared/schemas/reports';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

/** Save a version, open one for consultation, approve, export: the coordinator's steps. */
export function ReportActions(props: { report: ReportDetail; onChanged: () => void }) {
  const { t } = useT();
  const [confirmation, confirm] = useConfirm();
  const { report } = props;
  const versions = useApi<Page<ReportVersion>>(`/api/reports/${report.id}/versions`, { pageSize: 1 });
  const latest = versions.data?.items[0]?.number ?? null;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** Fetched rather than linked, so a failure (no PDF engine on the server) shows translated here. */
  async function exportAs(kind: 'docx' | 'pdf') {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await api.download(`/api/reports/${report.id}/export.${kind}`);
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName ?? `report.${kind}`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      versions.reload();
      props.onChanged();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="report-actions-heading" aria-busy={busy}>
      {confirmation}
      <h2 id="report-actions-heading">{t('reports.actions.title')}</h2>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
      {report.canEdit ? (
        <>
          <div className="field">
            <label htmlFor="version-note">{t('reports.actions.note')}</label>
            <input id="version-note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
          </div>
          <div className="form-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(
                  () => api.post(`/api/reports/${report.id}/versions`, note ? { note } : {}),
                  t('reports.actions.versionSaved'),
                ).then(() => setNote(''))
              }
            >
              {t('reports.actions.saveVersion')}
            </button>
            {/* Once the latest version is open, the step is done: it says so instead of offering itself again. */}
            {latest !== null && report.consultationVersion === latest ? null : (
              <button
                type="button"
                className="button-secondary"
                disabled={busy || latest === null}
                onClick={() =>
                  run(
                    () =>
                      api.post(`/api/reports/${report.id}/consultation`, {
                        versionNumber: latest,
                        version: report.version,
                      }),
                    t('reports.actions.consultationOpened', { number: latest ?? 0 }),
                  )
                }
              >
                {latest === null
                  ? t('reports.actions.consultNeedsVersion')
                  : t('reports.actions.openConsultation', { number: latest })}
              </button>
            )}
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={async () => {
                // Approval cannot be undone: the report locks.
                if (
                  !(await confirm({
                    title: t('reports.actions.approveConfirm'),
                    confirmLabel: t('reports.actions.approve'),
                  }))
                )
                  return;
                void run(
                  () => api.post(`/api/reports/${report.id}/approve`, { version: report.version }),
                  t('reports.actions.approved'),
                );
              }}
            >
              {t('reports.actions.approve')}
            </button>
          </div>
        </>
      ) : null}
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => exportAs('docx')}>
          {t('reports.actions.exportDocx')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportAs('pdf')}>
          {t('reports.actions.exportPdf')}
        </button>
      </div>
      {report.counts.mainOver || report.counts.annexOver ? (
        <p className="subtle">{t('reports.actions.exportOver')}</p>
      ) : null}
      <p>
        <Link to={`/reports/${report.id}/versions`}>{t('reports.actions.versions')}</Link>
      </p>
      {report.consultationVersion ? (
        <p>
          {t('reports.actions.openForConsultation', { number: report.consultationVersion })}{' '}
          <Link to={`/reports/${report.id}/consultation`}>{t('reports.actions.consultation')}</Link>
        </p>
      ) : (
        <p className="subtle">{t('reports.actions.noConsultation')}</p>
      )}
    </section>
  );
}
