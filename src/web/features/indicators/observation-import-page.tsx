import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { IndicatorDetail, ObservationImportPlan } from '../../../shared/schemas/indicators';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SpreadsheetField } from '../../components/spreadsheet-field';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { IssueList } from '../imports/issue-list';
import { useFormatDisaggregation, useFormatPeriod } from './labels';

type Step = 'upload' | 'preview' | 'done';
const steps: readonly Step[] = ['upload', 'preview', 'done'];

/**
 * Observations of one indicator from a file, in three steps: upload (a WHO data portal export or
 * a city's VLR table, CSV or XLSX), a dry run that lists what would be added, changed and left and
 * each problem with its row and column, then apply: the same file again, written in one
 * transaction or not at all, and the report of what was written.
 */
export default function ObservationImportPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const detail = useApi<IndicatorDetail>(`/api/indicators/${id}`);
  const countryId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [iso3, setIso3] = useState('');
  const [plan, setPlan] = useState<ObservationImportPlan | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const step: Step = plan?.applied ? 'done' : plan ? 'preview' : 'upload';
  const stepHeading = useRef<HTMLHeadingElement>(null);

  // Each new step takes the focus, so that screen reader users hear where they are.
  useEffect(() => {
    if (step !== 'upload') stepHeading.current?.focus();
  }, [step]);

  async function send(which: 'preview' | 'apply', event?: FormEvent) {
    event?.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const query = { fileName: file.name, iso3: iso3.trim() || undefined };
      setPlan(
        await api.upload<ObservationImportPlan>(`/api/indicators/${id}/observations/import/${which}`, file, query),
      );
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  const indicator = detail.data;
  return (
    <>
      <PageTitle>
        {indicator ? t('indicators.import.title', { code: indicator.code }) : t('indicators.titleLoading')}
      </PageTitle>
      <p>
        <Link to={`/indicators/${id}`}>{t('indicators.backToIndicator')}</Link>
      </p>
      <ErrorMessage error={detail.error} />
      {detail.loading && !indicator ? <Loading /> : null}
      <ol className="wizard-steps" aria-label={t('indicators.import.steps')}>
        {steps.map((one, index) => (
          <li
            key={one}
            className={one === step ? 'current' : steps.indexOf(step) > index ? 'done' : ''}
            aria-current={one === step ? 'step' : undefined}
          >
            {t(`indicators.import.step.${one}`)}
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="import-file">
        <h2 id="import-file">{t('indicators.import.fileTitle')}</h2>
        <p>{t('indicators.import.intro')}</p>
        <ul>
          <li>{t('indicators.import.whoLayout')}</li>
          <li>{t('indicators.import.vlrLayout')}</li>
        </ul>
        <ErrorMessage error={error} />
        {error ? <IssueList issues={error.issues} /> : null}
        <form onSubmit={(event) => send('preview', event)} noValidate aria-busy={busy}>
          <SpreadsheetField
            label={t('indicators.import.file')}
            missing={missing}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing(false);
              setPlan(null);
            }}
          />
          <div className="field">
            <label htmlFor={countryId}>{t('indicators.import.country')}</label>
            <p className="field-hint" id={`${countryId}-hint`}>
              {t('indicators.import.countryHint')}
            </p>
            <input
              id={countryId}
              type="text"
              dir="ltr"
              maxLength={3}
              autoCapitalize="characters"
              aria-describedby={`${countryId}-hint`}
              value={iso3}
              onChange={(event) => {
                setIso3(event.target.value);
                setPlan(null);
              }}
            />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('indicators.import.preview')}
            </button>
          </div>
        </form>
      </section>
      {plan ? (
        <PlanView
          plan={plan}
          indicator={indicator}
          busy={busy}
          headingRef={stepHeading}
          onApply={() => send('apply')}
        />
      ) : null}
    </>
  );
}

function PlanView(props: {
  plan: ObservationImportPlan;
  indicator: IndicatorDetail | null;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onApply: () => void;
}) {
  const { t, formatNumber } = useT();
  const { plan } = props;
  const formatPeriod = useFormatPeriod();
  const formatDisaggregation = useFormatDisaggregation(props.indicator?.dimensions ?? []);
  const writes = plan.counts.create + plan.counts.update;
  const canApply = !plan.applied && plan.issues.length === 0 && writes > 0;
  return (
    <section className="card" aria-labelledby="import-plan">
      <h2 id="import-plan" ref={props.headingRef} tabIndex={-1}>
        {plan.applied ? t('indicators.import.reportTitle') : t('indicators.import.planTitle')}
      </h2>
      <p>
        {t('indicators.import.detected', { format: t(`indicators.import.format.${plan.format}`), file: plan.fileName })}
      </p>
      <SuccessMessage>{plan.applied ? t('indicators.import.appliedNotice', { count: writes }) : null}</SuccessMessage>
      <ul className="tag-list">
        {(['create', 'update', 'skip', 'ignored', 'error'] as const).map((action) => (
          <li key={action} className="tag">
            {t(`indicators.import.count.${action}`, { count: plan.counts[action] })}
          </li>
        ))}
      </ul>
      {plan.issues.length > 0 ? (
        <>
          <h3>{t('indicators.import.problems')}</h3>
          <p>{t('indicators.import.fixFirst')}</p>
          <IssueList issues={plan.issues} />
        </>
      ) : null}
      {canApply ? (
        <div className="form-actions">
          <button type="button" disabled={props.busy} onClick={props.onApply}>
            {t('indicators.import.apply', { count: writes })}
          </button>
        </div>
      ) : null}
      {!plan.applied && plan.issues.length === 0 && writes === 0 ? <p>{t('indicators.import.nothingToDo')}</p> : null}
      {plan.rows.length > 0 ? (
        <>
          <h3 id="import-rows">{t('indicators.import.rows', { shown: formatNumber(plan.shownRows) })}</h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-scroll" aria-labelledby="import-rows" tabIndex={0}>
            <table aria-labelledby="import-rows">
              <thead>
                <tr>
                  <th scope="col">{t('indicators.import.row')}</th>
                  <th scope="col">{t('indicators.import.actionColumn')}</th>
                  <th scope="col">{t('indicators.fields.period')}</th>
                  <th scope="col">{t('indicators.fields.place')}</th>
                  <th scope="col">{t('indicators.fields.disaggregation')}</th>
                  <th scope="col">{t('indicators.fields.value')}</th>
                  <th scope="col">{t('indicators.fields.bounds')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.map((row) => (
                  <tr key={row.row}>
                    <td className="numeric">{formatNumber(row.row)}</td>
                    <td>{t(`indicators.import.action.${row.action}`)}</td>
                    <td>{formatPeriod(row.periodStart, row.periodEnd)}</td>
                    <td>{row.place ?? t('indicators.national')}</td>
                    <td>{formatDisaggregation(row.disaggregation)}</td>
                    <td className="numeric">{formatNumber(row.value)}</td>
                    <td className="numeric">
                      {row.lowerBound !== null || row.upperBound !== null
                        ? t('indicators.boundsRange', {
                            lower: row.lowerBound === null ? '–' : formatNumber(row.lowerBound),
                            upper: row.upperBound === null ? '–' : formatNumber(row.upperBound),
                          })
                        : '—'}
                    </td>
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
