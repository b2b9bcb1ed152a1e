import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProgressDetail, ProgressOptions } from '../../../shared/schemas/progress';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { ProgressForm } from './progress-form';

const thisYear = new Date().getUTCFullYear();

/** A new progress update on a recommendation or an action (?recommendationId= or ?actionId=). */
export default function ProgressNewPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const subject = { recommendationId: params.get('recommendationId'), actionId: params.get('actionId') };
  const options = useApi<ProgressOptions>('/api/progress-updates/options', subject);
  const [entityId, setEntityId] = useState('');
  const data = options.data;
  const chosen = entityId || data?.entities[0]?.id || '';

  return (
    <>
      <PageTitle>{t('progress.newTitle')}</PageTitle>
      <ErrorMessage error={options.error} />
      {options.loading ? <Loading /> : null}
      {data ? (
        <>
          <p>{t('progress.about', { subject: data.subject.label })}</p>
          {data.entities.length === 0 ? (
            <p className="alert alert-info">{t('progress.noEntity')}</p>
          ) : (
            <ProgressForm
              initial={{
                narrative: '',
                proposedStatus: '',
                periodStart: `${thisYear}-01-01`,
                periodEnd: `${thisYear}-12-31`,
              }}
              statusOptions={data.statusOptions}
              submitLabel={t('progress.saveDraft')}
              onSave={async (values) => {
                const created = await api.post<ProgressDetail>('/api/progress-updates', {
                  ...values,
                  proposedStatus: values.proposedStatus || null,
                  entityId: chosen,
                  ...(subject.recommendationId ? { recommendationId: subject.recommendationId } : {}),
                  ...(subject.actionId ? { actionId: subject.actionId } : {}),
                });
                navigate(`/progress/${created.id}`);
              }}
            >
              {data.entities.length > 1 ? (
                <div className="field">
                  <label htmlFor="progress-entity">{t('progress.entity')}</label>
                  <select id="progress-entity" value={chosen} onChange={(event) => setEntityId(event.target.value)}>
                    {data.entities.map((entity) => (
                      <option key={entity.id} value={entity.id}>
                        {entity.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </ProgressForm>
          )}
        </>
      ) : null}
    </>
  );
}
