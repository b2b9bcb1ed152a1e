import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { CallDetail, CallRecommendation } from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useRecommendationName } from '../register/recommendation-name';
import {
  emptySelection,
  RecommendationPicker,
  type RecommendationSelection,
  selectionInput,
} from './recommendation-picker';

const pageSize = 20;

/** The recommendations of a call, with the entities assigned to each; a draft's can be added and removed. */
export function CallRecommendations(props: { call: CallDetail; onChange: (call: CallDetail) => void }) {
  const { t } = useT();
  const nameOf = useRecommendationName();
  const [page, setPage] = useState(1);
  const list = useApi<Page<CallRecommendation>>(`/api/calls/${props.call.id}/recommendations`, {
    page,
    pageSize,
    v: props.call.version,
  });
  const [selection, setSelection] = useState<RecommendationSelection>(emptySelection);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = props.call.canEdit;

  async function run(action: () => Promise<CallDetail>) {
    setError(null);
    setBusy(true);
    try {
      props.onChange(await action());
      return true;
    } catch (cause) {
      setError(toAppError(cause));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add() {
    const done = await run(() =>
      api.post<CallDetail>(`/api/calls/${props.call.id}/recommendations`, selectionInput(selection)),
    );
    if (done) setSelection(emptySelection);
  }

  return (
    <section aria-labelledby="call-recommendations-title">
      <h2 id="call-recommendations-title">{t('calls.recommendations')}</h2>
      <ErrorMessage error={list.error ?? error} />
      {editable ? (
        <div className="card">
          <RecommendationPicker value={selection} onChange={setSelection} />
          <div className="form-actions">
            <button
              type="button"
              disabled={busy || selection.recommendations.length + selection.clusters.length === 0}
              onClick={add}
            >
              {t('calls.addChosen')}
            </button>
          </div>
        </div>
      ) : null}
      <ListCard
        list={list}
        count={(count) => t('calls.recommendationCount', { count })}
        filtered={false}
        onPage={setPage}
      >
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('calls.recommendation')}</th>
                <th scope="col">{t('calls.assignedTo')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <strong className="block">{nameOf(item)}</strong>
                    <span className="block subtle clamp" lang={item.textLang}>
                      {item.text}
                    </span>
                  </td>
                  <td>
                    {item.assigned.length === 0 ? (
                      <span className="subtle">{t('calls.nobodyAssigned')}</span>
                    ) : (
                      <ul className="tag-list">
                        {item.assigned.map((entity) => (
                          <li key={entity.id}>
                            <span className="tag">
                              {entity.name}
                              {entity.asked ? <span className="visually-hidden"> ({t('calls.asked')})</span> : null}
                              {entity.asked ? ' ✓' : null}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {editable ? (
                    <td>
                      <button
                        type="button"
                        className="button-small button-secondary"
                        disabled={busy}
                        aria-label={t('calls.removeNamed', { name: nameOf(item) })}
                        onClick={() =>
                          run(() => api.delete<CallDetail>(`/api/calls/${props.call.id}/recommendations/${item.id}`))
                        }
                      >
                        {t('calls.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </section>
  );
}
