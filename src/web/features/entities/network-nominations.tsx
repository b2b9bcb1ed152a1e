import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import {
  type EntityDetail,
  type NominationDetail,
  type NominationRequest,
  nominationRequestInputSchema,
} from '../../../shared/schemas/entities';
import { api } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { IssueMessages } from './issue-messages';

/** A network's requests for nominations: open ones first; coordinators ask for a new one here. */
export function NetworkNominations(props: { network: EntityDetail; canManage: boolean }) {
  const { t, formatDate, formatNumber } = useT();
  const [page, setPage] = useState(1);
  const list = useApi<Page<NominationRequest>>(`/api/networks/${props.network.id}/nominations`, { page, pageSize: 10 });
  return (
    <section aria-labelledby="network-nominations">
      <h2 id="network-nominations">{t('nominations.title')}</h2>
      <p className="subtle">{t('nominations.intro')}</p>
      <ErrorMessage error={list.error} />
      {props.canManage ? <RequestForm network={props.network} /> : null}
      <ListCard list={list} count={(count) => t('nominations.count', { count })} filtered={false} onPage={setPage}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('nominations.topic')}</th>
                <th scope="col">{t('nominations.dueDate')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('nominations.candidates')}</th>
                <th scope="col">{t('nominations.chosen')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((request) => (
                <tr key={request.id}>
                  <td>
                    <Link to={`/nominations/${request.id}`}>{request.topic}</Link>
                  </td>
                  <td>
                    <time dateTime={request.dueDate}>{formatDate(request.dueDate)}</time>
                  </td>
                  <td>
                    <span className={`badge badge-nomination-${request.status}`}>
                      {t(`nominations.status.${request.status}`)}
                    </span>
                  </td>
                  <td>{formatNumber(request.candidateCount)}</td>
                  <td>{formatNumber(request.chosenCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </section>
  );
}

function RequestForm(props: { network: EntityDetail }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState({ topic: '', note: '', dueDate: '' });
  const form = useSubmit(nominationRequestInputSchema, (input) =>
    api.post<NominationDetail>(`/api/networks/${props.network.id}/nominations`, input),
  );

  async function submit(event: FormEvent) {
    const created = await form.submit(values, event);
    if (created) navigate(`/nominations/${created.id}`);
  }

  return (
    <details className="edit-details card">
      <summary>{t('nominations.ask', { network: props.network.acronym ?? props.network.name })}</summary>
      <form onSubmit={submit} noValidate aria-busy={form.busy}>
        <ErrorMessage error={form.error} />
        <IssueMessages error={form.error} fields={['topic', 'note', 'dueDate']} />
        <div className="form-grid">
          <Field
            name="topic"
            label={t('nominations.topic')}
            hint={t('nominations.topicHint')}
            error={form.fieldErrors.topic}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={200}
                required
                value={values.topic}
                onChange={(event) => setValues({ ...values, topic: event.target.value })}
              />
            )}
          </Field>
          <Field name="dueDate" label={t('nominations.dueDate')} error={form.fieldErrors.dueDate}>
            {(control) => (
              <DateInput
                {...control}
                required
                value={values.dueDate}
                onChange={(event) => setValues({ ...values, dueDate: event.target.value })}
              />
            )}
          </Field>
        </div>
        <Field name="note" label={t('nominations.note')} error={form.fieldErrors.note}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={values.note}
              onChange={(event) => setValues({ ...values, note: event.target.value })}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('nominations.send')}
          </button>
        </div>
      </form>
    </details>
  );
}
