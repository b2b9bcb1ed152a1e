import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { EntityImportPlan } from '../../../shared/schemas/entities';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { SpreadsheetField } from '../../components/spreadsheet-field';
import { useT } from '../../i18n/i18n-provider';
import { kindLabel, levelLabel, useLevels } from './labels';

type Issue = EntityImportPlan['issues'][number];

/**
 * Bulk import of entities from CSV or XLSX: a dry run shows what would be created, updated and
 * skipped and each problem with its row and column; applying sends the same file again and writes
 * it in one transaction, or nothing while a problem remains.
 */
export default function EntitiesImportPage() {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<EntityImportPlan | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  async function send(step: 'preview' | 'apply', event?: FormEvent) {
    event?.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setPlan(await api.upload<EntityImportPlan>(`/api/entities/import/${step}`, file, { fileName: file.name }));
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{t('entities.import.title')}</PageTitle>
      <p>
        <Link to="/entities">{t('entities.back')}</Link>
      </p>
      <section className="card" aria-labelledby="import-file">
        <h2 id="import-file">{t('entities.import.fileTitle')}</h2>
        <p>{t('entities.import.intro')}</p>
        <p className="subtle">{t('entities.import.columns')}</p>
        <ErrorMessage error={error} />
        {error ? <IssueTable issues={error.issues} /> : null}
        <form onSubmit={(event) => send('preview', event)} noValidate aria-busy={busy}>
          <SpreadsheetField
            label={t('entities.import.file')}
            missing={missing}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing(false);
              setPlan(null);
            }}
          />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('entities.import.preview')}
            </button>
          </div>
        </form>
      </section>
      {plan ? <PlanView plan={plan} busy={busy} onApply={() => send('apply')} /> : null}
    </>
  );
}

function PlanView(props: { plan: EntityImportPlan; busy: boolean; onApply: () => void }) {
  const i18n = useT();
  const { t, formatNumber } = i18n;
  const levels = useLevels();
  const { plan } = props;
  const canApply = !plan.applied && plan.issues.length === 0 && plan.counts.create + plan.counts.update > 0;
  return (
    <section className="card" aria-labelledby="import-plan">
      <h2 id="import-plan">{plan.applied ? t('entities.import.applied') : t('entities.import.planTitle')}</h2>
      <SuccessMessage>
        {plan.applied ? t('entities.import.appliedNotice', { count: plan.counts.create + plan.counts.update }) : null}
      </SuccessMessage>
      <ul className="tag-list">
        {(['create', 'update', 'skip', 'error'] as const).map((action) => (
          <li key={action} className="tag">
            {t(`entities.import.count.${action}`, { count: plan.counts[action] })}
          </li>
        ))}
      </ul>
      {plan.issues.length > 0 ? (
        <>
          <h3>{t('entities.import.problems')}</h3>
          <p>{t('entities.import.fixFirst')}</p>
          <IssueTable issues={plan.issues} />
        </>
      ) : null}
      {canApply ? (
        <div className="form-actions">
          <button type="button" disabled={props.busy} onClick={props.onApply}>
            {t('entities.import.apply', { count: plan.counts.create + plan.counts.update })}
          </button>
        </div>
      ) : null}
      {plan.rows.length > 0 ? (
        <>
          <h3 id="import-rows">{t('entities.import.rows', { shown: formatNumber(plan.shownRows) })}</h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-scroll" aria-labelledby="import-rows" tabIndex={0}>
            <table aria-labelledby="import-rows">
              <thead>
                <tr>
                  <th scope="col">{t('entities.import.row')}</th>
                  <th scope="col">{t('entities.import.actionColumn')}</th>
                  <th scope="col">{t('entities.fields.name')}</th>
                  <th scope="col">{t('entities.fields.kind')}</th>
                  <th scope="col">{t('entities.fields.parent')}</th>
                  <th scope="col">{t('entities.import.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.map((row) => (
                  <tr key={row.row}>
                    <td>{formatNumber(row.row)}</td>
                    <td>{t(`entities.import.action.${row.action}`)}</td>
                    <td>
                      {row.name}
                      {row.subdivisionCode ? (
                        <span className="block subtle mono" dir="ltr">
                          {row.subdivisionCode}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {row.kind === 'lrg' && row.lrgLevel
                        ? levelLabel(row.lrgLevel, levels, i18n)
                        : kindLabel(row.kind, t)}
                    </td>
                    <td>{row.parent ?? '—'}</td>
                    <td>{row.changes.map((field) => t(`entities.import.field.${field}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  );
}

function IssueTable(props: { issues: readonly Issue[] }) {
  const { t, has, formatNumber } = useT();
  if (props.issues.length === 0) return null;
  return (
    <ul className="issue-list">
      {props.issues.map((issue) => (
        <li key={`${issue.row ?? ''}-${issue.column ?? ''}-${issue.message}`}>
          {issue.row !== undefined || issue.column ? (
            <span className="issue-where">
              {[
                issue.row !== undefined ? t('entities.import.atRow', { row: formatNumber(issue.row) }) : '',
                issue.column ? t('entities.import.atColumn', { column: issue.column }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          ) : null}{' '}
          <span className="issue-message">{has(issue.message) ? t(issue.message) : issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
