import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { EntitySummary, NominationDetail } from '../../../shared/schemas/entities';
import { api, toAppError } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { IssueMessages } from './issue-messages';

/**
 * A request to a network for nominations: the network's focal points nominate member LRGs
 * before the deadline, the coordinator chooses among them, which closes the request.
 */
export default function NominationPage() {
  const { t, formatDate, formatDateTime } = useT();
  const { id = '' } = useParams();
  const request = useApi<NominationDetail>(`/api/nominations/${id}`);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = request.data;
  if (!data) {
    return (
      <>
        <PageTitle>{t('nominations.titleOne')}</PageTitle>
        <ErrorMessage error={request.error} />
        {request.loading ? <Loading /> : null}
      </>
    );
  }

  async function run(change: () => Promise<NominationDetail>, message: string) {
    setError(null);
    setNotice(null);
    try {
      const updated = await change();
      request.setData(() => updated);
      setNotice(message);
      return true;
    } catch (cause) {
      const appError = toAppError(cause);
      setError(appError);
      if (appError.code === 'STALE_VERSION') request.reload();
      return false;
    }
  }

  return (
    <>
      <PageTitle>{t('nominations.pageTitle', { topic: data.topic })}</PageTitle>
      <nav aria-label={t('entities.hierarchy')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/entities">{t('entities.title')}</Link>
          </li>
          <li>
            <Link to={`/entities/${data.network.id}`}>{data.network.name}</Link>
          </li>
          <li aria-current="page">{data.topic}</li>
        </ol>
      </nav>
      <ErrorMessage error={error} />
      <IssueMessages error={error} fields={['lrgId', 'reason']} />
      <SuccessMessage>{notice}</SuccessMessage>
      <section className="card" aria-labelledby="nomination-about">
        <h2 id="nomination-about">{t('nominations.about')}</h2>
        <dl className="facts">
          <dt>{t('nominations.network')}</dt>
          <dd>
            <Link to={`/entities/${data.network.id}`}>{data.network.name}</Link>
          </dd>
          <dt>{t('nominations.dueDate')}</dt>
          <dd>
            <time dateTime={data.dueDate}>{formatDate(data.dueDate)}</time>
          </dd>
          <dt>{t('fields.status')}</dt>
          <dd>
            {t(`nominations.status.${data.status}`)}
            {data.closedAt ? (
              <>
                {' · '}
                <time dateTime={data.closedAt}>{formatDateTime(data.closedAt)}</time>
              </>
            ) : null}
          </dd>
          <dt>{t('nominations.requestedBy')}</dt>
          <dd>{data.requestedBy ?? '—'}</dd>
          <dt>{t('nominations.note')}</dt>
          <dd className="prose">{data.note ?? '—'}</dd>
        </dl>
      </section>
      {data.canNominate ? (
        <NominateForm
          request={data}
          error={error}
          onNominate={(lrg, reason) =>
            run(
              () => api.post(`/api/nominations/${data.id}/candidates`, { lrgId: lrg.id, reason }),
              t('nominations.nominated', { name: lrg.name }),
            )
          }
        />
      ) : null}
      <Candidates
        request={data}
        onWithdraw={(lrgId, name) =>
          run(() => api.delete(`/api/nominations/${data.id}/candidates/${lrgId}`), t('nominations.withdrawn', { name }))
        }
        onChoose={(lrgIds) =>
          run(
            () => api.post(`/api/nominations/${data.id}/choose`, { lrgIds, version: data.version }),
            t('nominations.closedNotice', { count: lrgIds.length }),
          )
        }
      />
    </>
  );
}

function NominateForm(props: {
  request: NominationDetail;
  error: AppError | null;
  onNominate: (lrg: EntitySummary, reason: string) => Promise<boolean>;
}) {
  const { t } = useT();
  const [chosen, setChosen] = useState<EntitySummary | null>(null);
  const [reason, setReason] = useState('');
  const nominated = new Set(props.request.candidates.map((candidate) => candidate.lrg.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    if (await props.onNominate(chosen, reason)) {
      setChosen(null);
      setReason('');
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="nominate-title">
      <h2 id="nominate-title">{t('nominations.nominateTitle')}</h2>
      {chosen ? (
        <div className="chosen-record">
          <p>{chosen.name}</p>
          <button type="button" className="button-link" onClick={() => setChosen(null)}>
            {t('entities.people.chooseAnother')}
          </button>
        </div>
      ) : (
        <Combobox<EntitySummary>
          name="lrgId"
          label={t('nominations.member')}
          hint={t('nominations.memberHint')}
          load={(q, signal) =>
            api.get<Page<EntitySummary>>(
              '/api/entities',
              { q, networkId: props.request.network.id, pageSize: 8 },
              signal,
            )
          }
          keyOf={(item) => item.id}
          render={(item) => item.name}
          unavailable={(item) => (nominated.has(item.id) ? t('nominations.alreadyNominated') : null)}
          onChoose={setChosen}
        />
      )}
      <Field name="reason" label={t('nominations.reason')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={!chosen}>
          {t('nominations.nominate')}
        </button>
      </div>
    </form>
  );
}

function Candidates(props: {
  request: NominationDetail;
  onWithdraw: (lrgId: string, name: string) => void;
  onChoose: (lrgIds: string[]) => void;
}) {
  const { t, formatDateTime } = useT();
  const { request } = props;
  const [selected, setSelected] = useState<string[]>([]);
  const closed = request.status === 'closed';
  const table = (
    <table aria-labelledby="candidates-title">
      <thead>
        <tr>
          {request.canChoose ? <th scope="col">{t('nominations.choose')}</th> : null}
          <th scope="col">{t('nominations.member')}</th>
          <th scope="col">{t('nominations.reason')}</th>
          <th scope="col">{t('nominations.nominatedBy')}</th>
          {closed ? <th scope="col">{t('nominations.outcome')}</th> : null}
          {request.canNominate ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {request.candidates.map((candidate) => (
          <tr key={candidate.lrg.id}>
            {request.canChoose ? (
              <td>
                <input
                  type="checkbox"
                  aria-label={t('nominations.chooseOne', { name: candidate.lrg.name })}
                  checked={selected.includes(candidate.lrg.id)}
                  onChange={(event) =>
                    setSelected(
                      event.target.checked
                        ? [...selected, candidate.lrg.id]
                        : selected.filter((lrgId) => lrgId !== candidate.lrg.id),
                    )
                  }
                />
              </td>
            ) : null}
            <td>
              <Link to={`/entities/${candidate.lrg.id}`}>{candidate.lrg.name}</Link>
            </td>
            <td dir="auto">{candidate.reason ?? '—'}</td>
            <td>
              {candidate.nominatedBy ?? '—'}
              <span className="block subtle">
                <time dateTime={candidate.nominatedAt}>{formatDateTime(candidate.nominatedAt)}</time>
              </span>
            </td>
            {closed ? (
              <td>
                {candidate.chosen ? (
                  <span className="badge badge-active">{t('nominations.wasChosen')}</span>
                ) : (
                  t('nominations.notChosen')
                )}
              </td>
            ) : null}
            {request.canNominate ? (
              <td>
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={t('nominations.withdrawOne', { name: candidate.lrg.name })}
                  onClick={() => props.onWithdraw(candidate.lrg.id, candidate.lrg.name)}
                >
                  {t('nominations.withdraw')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="card" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('nominations.candidateCount', { count: request.candidates.length })}</h2>
      {request.candidates.length === 0 ? (
        <p>{t('nominations.noCandidates')}</p>
      ) : request.canChoose ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onChoose(selected);
          }}
        >
          <p className="subtle">{t('nominations.chooseHint')}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-scroll" tabIndex={0} aria-labelledby="candidates-title">
            {table}
          </section>
          <div className="form-actions">
            <button type="submit" disabled={selected.length === 0}>
              {t('nominations.chooseSubmit', { count: selected.length })}
            </button>
          </div>
        </form>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" tabIndex={0} aria-labelledby="candidates-title">
          {table}
        </section>
      )}
    </section>
  );
}
