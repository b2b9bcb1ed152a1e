import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { IndicatorDetail } from '../../../shared/schemas/indicators';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useFormatDay } from '../actions/labels';
import { IndicatorCharts } from './indicator-charts';
import { useDimensionLabel } from './labels';
import { ObservationsPanel } from './observations-table';

/** One indicator: its definition, its charts, its observations and the way to add more. */
export default function IndicatorPage() {
  const { t, formatNumber, formatDateTime, locale } = useT();
  const [confirmation, confirm] = useConfirm();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useApi<IndicatorDetail>(`/api/indicators/${id}`);
  const formatDay = useFormatDay();
  const dimensionLabel = useDimensionLabel();
  // Observations changed: the charts and the due date read again.
  const [dataVersion, setDataVersion] = useState(0);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const justSaved = (location.state as { saved?: boolean } | null)?.saved;

  const indicator = detail.data;
  if (!indicator) {
    return (
      <>
        <PageTitle>{t('indicators.titleLoading')}</PageTitle>
        <ErrorMessage error={detail.error} />
        {detail.loading ? <Loading /> : null}
      </>
    );
  }

  async function remove(current: IndicatorDetail) {
    if (
      !(await confirm({
        title: t('indicators.deleteConfirm', { code: current.code }),
        confirmLabel: t('indicators.delete'),
      }))
    )
      return;
    setDeleteError(null);
    try {
      await api.delete(`/api/indicators/${current.id}?version=${current.version}`);
      navigate('/indicators');
    } catch (error) {
      setDeleteError(toAppError(error));
    }
  }

  const valueWithYear = (value: number | null, year: number | null) =>
    value === null
      ? t('common.none')
      : year === null
        ? formatNumber(value)
        : t('indicators.valueInYear', { value: formatNumber(value), year: String(year) });
  const canImport = indicator.canEnterNational || indicator.enterablePlaces.length > 0;

  return (
    <>
      {confirmation}
      <PageTitle
        actions={
          <>
            {canImport ? (
              <Link className="button-anchor" to={`/indicators/${indicator.id}/import`}>
                {t('indicators.import.open')}
              </Link>
            ) : null}
            {indicator.canEdit ? (
              <Link className="button-anchor" to={`/indicators/${indicator.id}/edit`}>
                {t('indicators.edit')}
              </Link>
            ) : null}
          </>
        }
      >
        {indicator.title}
      </PageTitle>
      <p>
        <Link to="/indicators">{t('indicators.back')}</Link>
      </p>
      <SuccessMessage>{justSaved ? t('indicators.saved') : null}</SuccessMessage>
      <ErrorMessage error={deleteError} />
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card" aria-labelledby="about-indicator">
            <h2 id="about-indicator">{t('indicators.about')}</h2>
            {indicator.description ? <p className="prose">{indicator.description}</p> : null}
            <dl className="facts">
              <dt>{t('indicators.fields.code')}</dt>
              <dd dir="ltr">{indicator.code}</dd>
              <dt>{t('indicators.fields.type')}</dt>
              <dd>{t(`indicators.type.${indicator.type}`)}</dd>
              <dt>{t('indicators.fields.unit')}</dt>
              <dd>{indicator.unit}</dd>
              <dt>{t('indicators.fields.baselineValue')}</dt>
              <dd>{valueWithYear(indicator.baselineValue, indicator.baselineYear)}</dd>
              <dt>{t('indicators.fields.targetValue')}</dt>
              <dd>{valueWithYear(indicator.targetValue, indicator.targetYear)}</dd>
              <dt>{t('indicators.fields.frequency')}</dt>
              <dd>{t(`indicators.frequency.${indicator.frequency}`)}</dd>
              <dt>{t('indicators.fields.owner')}</dt>
              <dd>
                <Link to={`/entities/${indicator.owner.id}`}>{indicator.owner.name}</Link>
              </dd>
              <dt>{t('indicators.fields.byPlace')}</dt>
              <dd>{indicator.byPlace ? t('indicators.byPlaceYes') : t('indicators.byPlaceNo')}</dd>
              <dt>{t('indicators.fields.dimensions')}</dt>
              <dd>
                {indicator.dimensions.length > 0 ? (
                  <ul>
                    {indicator.dimensions.map((dimension) => (
                      <li key={dimension.key}>
                        <strong>{dimensionLabel(dimension)}</strong>: {dimension.values.join(', ')}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('indicators.fields.sdgCodes')}</dt>
              <dd>
                {indicator.sdg.length > 0 ? (
                  <ul>
                    {indicator.sdg.map((term) => (
                      <li key={term.code}>
                        <span dir="ltr">{term.code}</span>{' '}
                        {term.title[locale] ?? term.title.en ?? Object.values(term.title)[0] ?? ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('common.none')
                )}
              </dd>
            </dl>
            <p className="subtle">{t('indicators.updatedAt', { when: formatDateTime(indicator.updatedAt) })}</p>
            {indicator.canEdit ? (
              <div className="form-actions">
                <button type="button" className="button-danger" onClick={() => remove(indicator)}>
                  {t('indicators.delete')}
                </button>
              </div>
            ) : null}
          </section>
          <IndicatorCharts indicator={indicator} version={dataVersion} />
          <ObservationsPanel
            indicator={indicator}
            onChanged={() => {
              setDataVersion((value) => value + 1);
              detail.reload();
            }}
          />
        </div>
        <div className="detail-side">
          <section className="card" aria-labelledby="indicator-due">
            <h2 id="indicator-due">{t('indicators.dueTitle')}</h2>
            <dl className="facts">
              <dt>{t('indicators.lastPeriod')}</dt>
              <dd>
                {indicator.lastPeriodEnd ? (
                  <time dateTime={indicator.lastPeriodEnd}>{formatDay(indicator.lastPeriodEnd)}</time>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('indicators.nextDue')}</dt>
              <dd>
                {indicator.nextDue ? (
                  <>
                    <time dateTime={indicator.nextDue}>{formatDay(indicator.nextDue)}</time>{' '}
                    {indicator.overdue ? <span className="badge badge-overdue">{t('indicators.overdue')}</span> : null}
                  </>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('indicators.reminder')}</dt>
              <dd>
                {indicator.reminder ? (
                  <>
                    <time dateTime={indicator.reminder.dueAt}>{formatDateTime(indicator.reminder.dueAt)}</time>{' '}
                    <span className="badge">{t(`indicators.reminderStatus.${indicator.reminder.status}`)}</span>
                  </>
                ) : (
                  t('common.none')
                )}
              </dd>
            </dl>
            <p className="field-hint">{t('indicators.reminderHint')}</p>
          </section>
          <section className="card" aria-labelledby="indicator-recommendations">
            <h2 id="indicator-recommendations">{t('indicators.fields.recommendations')}</h2>
            {indicator.recommendations.length > 0 ? (
              <ul className="link-list">
                {indicator.recommendations.map((item) => (
                  <li key={item.id}>
                    <Link to={`/register/${item.id}`}>{item.symbol ?? t('indicators.recommendation')}</Link>
                    <p className="subtle clamp">{item.text}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="subtle">{t('indicators.noRecommendations')}</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
