import { lazy, Suspense, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { EntityRef } from '../../../shared/schemas/entities';
import type { IndicatorDetail, Observation } from '../../../shared/schemas/indicators';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { Loading } from '../../components/loading';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { EntityPicker } from '../assignments/entity-picker';
import { useFormatDisaggregation, useFormatPeriod } from './labels';

const pageSize = 20;

/** The value form with its schemas (zod), loaded when a value is added or edited: reading needs neither. */
const ObservationForm = lazy(() =>
  import('./observation-form').then((module) => ({ default: module.ObservationForm })),
);

/**
 * The indicator's observations, latest period first, paged and filtered by place on the server;
 * with the form to add one and, on each row the reader may change, edit and delete.
 */
export function ObservationsPanel(props: { indicator: IndicatorDetail; onChanged: () => void }) {
  const { t, formatNumber } = useT();
  const [confirmation, confirm] = useConfirm();
  const { indicator } = props;
  const [page, setPage] = useState(1);
  const [place, setPlace] = useState('');
  const [shownLrg, setShownLrg] = useState<EntityRef | null>(null);
  const list = useApi<Page<Observation>>(`/api/indicators/${indicator.id}/observations`, {
    page,
    pageSize,
    place: place || undefined,
  });
  const formatPeriod = useFormatPeriod();
  const formatDisaggregation = useFormatDisaggregation(indicator.dimensions);
  const [editing, setEditing] = useState<Observation | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const canAdd = indicator.canEnterNational || indicator.enterablePlaces.length > 0;

  function saved(message: string) {
    setEditing(null);
    setNotice(message);
    list.reload();
    props.onChanged();
  }

  async function remove(observation: Observation) {
    const period = formatPeriod(observation.periodStart, observation.periodEnd);
    if (
      !(await confirm({
        title: t('indicators.deleteObservationConfirm', { period }),
        confirmLabel: t('indicators.delete'),
      }))
    )
      return;
    setError(null);
    setNotice(null);
    try {
      await api.delete(`/api/indicators/${indicator.id}/observations/${observation.id}?version=${observation.version}`);
      saved(t('indicators.observationDeleted'));
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <section aria-labelledby="observations-title">
      {confirmation}
      <h2 id="observations-title">{t('indicators.observations')}</h2>
      <SuccessMessage>{notice}</SuccessMessage>
      <ErrorMessage error={error} />
      {editing ? (
        <section aria-labelledby="observation-form-title">
          <h3 id="observation-form-title">
            {editing === 'new' ? t('indicators.addObservation') : t('indicators.editObservation')}
          </h3>
          <Suspense fallback={<Loading />}>
            <ObservationForm
              key={editing === 'new' ? 'new' : editing.id}
              indicator={indicator}
              observation={editing === 'new' ? undefined : editing}
              onSaved={() => saved(t('indicators.observationSaved'))}
              onCancel={() => setEditing(null)}
            />
          </Suspense>
        </section>
      ) : canAdd ? (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing('new')}>
            {t('indicators.addObservation')}
          </button>
        </div>
      ) : null}
      {indicator.byPlace ? (
        <div className="form-grid">
          <div className="field">
            <label htmlFor="observation-place">{t('indicators.showPlace')}</label>
            <select
              id="observation-place"
              value={place}
              onChange={(event) => {
                setPlace(event.target.value);
                setPage(1);
              }}
            >
              <option value="">{t('indicators.allPlaces')}</option>
              <option value="national">{t('indicators.national')}</option>
              {[...indicator.enterablePlaces, ...(shownLrg ? [shownLrg] : [])]
                .filter((lrg, index, all) => all.findIndex((other) => other.id === lrg.id) === index)
                .map((lrg) => (
                  <option key={lrg.id} value={lrg.id}>
                    {lrg.name}
                  </option>
                ))}
            </select>
          </div>
          <EntityPicker
            name="observationLrg"
            lrgOnly
            label={t('indicators.showLrg')}
            onChoose={(lrg) => {
              setShownLrg(lrg);
              setPlace(lrg.id);
              setPage(1);
            }}
          />
        </div>
      ) : null}
      <ErrorMessage error={list.error} />
      <ListCard
        list={list}
        count={(count) => t('indicators.observationCount', { count })}
        filtered={Boolean(place)}
        onPage={setPage}
      >
        {(data) => (
          <table>
            <caption className="visually-hidden">
              {t('indicators.observationsCaption', { code: indicator.code })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.fields.period')}</th>
                <th scope="col">{t('indicators.fields.place')}</th>
                <th scope="col">{t('indicators.fields.disaggregation')}</th>
                <th scope="col">{t('indicators.fields.valueIn', { unit: indicator.unit })}</th>
                <th scope="col">{t('indicators.fields.bounds')}</th>
                <th scope="col">{t('indicators.fields.source')}</th>
                <th scope="col">{t('indicators.fields.enteredBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('indicators.rowActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((observation) => {
                const period = formatPeriod(observation.periodStart, observation.periodEnd);
                return (
                  <tr key={observation.id}>
                    <th scope="row">{period}</th>
                    <td>{observation.place?.name ?? t('indicators.national')}</td>
                    <td>{formatDisaggregation(observation.disaggregation)}</td>
                    <td className="numeric">{formatNumber(observation.value)}</td>
                    <td className="numeric">
                      {observation.lowerBound !== null || observation.upperBound !== null
                        ? t('indicators.boundsRange', {
                            lower: observation.lowerBound === null ? '–' : formatNumber(observation.lowerBound),
                            upper: observation.upperBound === null ? '–' : formatNumber(observation.upperBound),
                          })
                        : '—'}
                    </td>
                    <td>{observation.source ?? '—'}</td>
                    <td>{observation.enteredBy ?? t('indicators.bySystem')}</td>
                    <td>
                      {observation.canEdit ? (
                        <span className="inline-actions">
                          <button
                            type="button"
                            className="button-link"
                            aria-label={t('indicators.editObservationOf', { period })}
                            onClick={() => {
                              setNotice(null);
                              setEditing(observation);
                            }}
                          >
                            {t('indicators.edit')}
                          </button>{' '}
                          <button
                            type="button"
                            className="button-link"
                            aria-label={t('indicators.deleteObservationOf', { period })}
                            onClick={() => remove(observation)}
                          >
                            {t('indicators.delete')}
                          </button>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListCard>
    </section>
  );
}
