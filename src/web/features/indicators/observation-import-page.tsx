import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IndicatorDetail, ObservationImportPlan } from '../../../shared/schemas/indicators';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { SpreadsheetImport } from '../imports/spreadsheet-import';
import { useFormatDisaggregation, useFormatPeriod } from './labels';

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
  const [iso3, setIso3] = useState('');
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
      <SpreadsheetImport<ObservationImportPlan>
        text={{
          fileTitle: t('indicators.import.fileTitle'),
          file: t('indicators.import.file'),
          preview: t('indicators.import.preview'),
          planTitle: t('indicators.import.planTitle'),
          appliedTitle: t('indicators.import.reportTitle'),
          appliedNotice: (count) => t('indicators.import.appliedNotice', { count }),
          problems: t('indicators.import.problems'),
          fixFirst: t('indicators.import.fixFirst'),
          apply: (count) => t('indicators.import.apply', { count }),
          nothingToDo: t('indicators.import.nothingToDo'),
        }}
        steps={{ label: t('indicators.import.steps'), name: (step) => t(`indicators.import.step.${step}`) }}
        intro={
          <>
            <p>{t('indicators.import.intro')}</p>
            <ul>
              <li>{t('indicators.import.whoLayout')}</li>
              <li>{t('indicators.import.vlrLayout')}</li>
            </ul>
          </>
        }
        fields={
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
              onChange={(event) => setIso3(event.target.value)}
            />
          </div>
        }
        fieldsKey={iso3}
        send={(step, file) =>
          api.upload<ObservationImportPlan>(`/api/indicators/${id}/observations/import/${step}`, file, {
            fileName: file.name,
            iso3: iso3.trim() || undefined,
          })
        }
        detected={(plan) => (
          <p>
            {t('indicators.import.detected', {
              format: t(`indicators.import.format.${plan.format}`),
              file: plan.fileName,
            })}
          </p>
        )}
        counts={(plan) => (
          <ul className="tag-list">
            {(['create', 'update', 'skip', 'ignored', 'error'] as const).map((action) => (
              <li key={action} className="tag">
                {t(`indicators.import.count.${action}`, { count: plan.counts[action] })}
              </li>
            ))}
          </ul>
        )}
        rows={(plan) => <PlanRows plan={plan} indicator={indicator} />}
      />
    </>
  );
}

function PlanRows(props: { plan: ObservationImportPlan; indicator: IndicatorDetail | null }) {
  const { t, formatNumber } = useT();
  const { plan } = props;
  const formatPeriod = useFormatPeriod();
  const formatDisaggregation = useFormatDisaggregation(props.indicator?.dimensions ?? []);
  return (
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
  );
}
