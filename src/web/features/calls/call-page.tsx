import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { CallDetail } from '../../../shared/schemas/calls';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { CallEntities } from './call-entities';
import { CallFields, type CallFieldValues, callFieldsOf, callInputOf } from './call-fields';
import { useFormatDay } from './call-labels';
import { CallRecommendations } from './call-recommendations';
import { CallTracker } from './call-tracker';

// Loaded with the first submit: the page's first load carries no zod (decision 029).
const updateSchema = () => import('../../../shared/schemas/calls').then((module) => module.updateCallSchema);
const remindSchema = () => import('../../../shared/schemas/calls').then((module) => module.remindNowSchema);

/** A call: a draft to complete and send, or a sent call with its tracker and reminders. */
export default function CallPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const call = useApi<CallDetail>(`/api/calls/${id}`);
  const data = call.data;
  const setCall = (next: CallDetail) => call.setData(() => next);

  if (!data) {
    return (
      <>
        <PageTitle>{t('calls.titleOne')}</PageTitle>
        <ErrorMessage error={call.error} />
        {call.loading ? <Loading /> : null}
      </>
    );
  }
  return (
    <>
      <PageTitle>{data.title}</PageTitle>
      <p>
        <Link to="/calls">{t('calls.back')}</Link>
      </p>
      <CallFacts call={data} />
      {data.status === 'draft' ? (
        <>
          <EditCall call={data} onSaved={setCall} />
          <CallRecommendations call={data} onChange={setCall} />
          <CallEntities call={data} onChange={setCall} />
          <SendCall call={data} onSent={setCall} />
        </>
      ) : (
        <>
          <CallTracker call={data} />
          <Reminders call={data} onReminded={call.reload} />
          <CallRecommendations call={data} onChange={setCall} />
        </>
      )}
    </>
  );
}

function CallFacts(props: { call: CallDetail }) {
  const { t, formatDateTime, formatNumber } = useT();
  const formatDay = useFormatDay();
  const { call } = props;
  const questions = [
    call.askNarrative ? t('calls.fields.askNarrative') : null,
    call.askStatus ? t('calls.fields.askStatus') : null,
  ].filter(Boolean);
  return (
    <section className="card" aria-labelledby="call-facts">
      <h2 id="call-facts">{t('calls.about')}</h2>
      <dl className="facts">
        <dt>{t('fields.status')}</dt>
        <dd>
          <span className={`badge badge-call-${call.status}`}>{t(`calls.status.${call.status}`)}</span>
          {call.sentAt ? (
            <span className="block subtle">
              {t('calls.sentOn', { date: formatDateTime(call.sentAt), name: call.sentBy ?? t('common.none') })}
            </span>
          ) : null}
        </dd>
        <dt>{t('calls.fields.deadline')}</dt>
        <dd>
          <time dateTime={call.deadline}>{formatDay(call.deadline)}</time>
        </dd>
        <dt>{t('calls.fields.questions')}</dt>
        <dd>{questions.join(' · ')}</dd>
        <dt>{t('calls.recommendations')}</dt>
        <dd>{formatNumber(call.recommendationCount)}</dd>
        <dt>{t('calls.entities')}</dt>
        <dd>{formatNumber(call.entityCount)}</dd>
        <dt>{t('calls.fields.remindBefore')}</dt>
        <dd>{call.remindBefore.length > 0 ? call.remindBefore.join(', ') : t('common.none')}</dd>
        <dt>{t('calls.fields.remindAfter')}</dt>
        <dd>{call.remindAfter.length > 0 ? call.remindAfter.join(', ') : t('common.none')}</dd>
      </dl>
      <h3>{t('calls.fields.message')}</h3>
      <p className="prose">{call.message}</p>
    </section>
  );
}

function EditCall(props: { call: CallDetail; onSaved: (call: CallDetail) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CallFieldValues>(() => callFieldsOf(props.call));
  const [saved, setSaved] = useState(false);
  const form = useSubmit(updateSchema, (input) => api.patch<CallDetail>(`/api/calls/${props.call.id}`, input));

  async function submit(event: FormEvent) {
    setSaved(false);
    const updated = await form.submit({ ...callInputOf(values), version: props.call.version }, event);
    if (!updated) return;
    props.onSaved(updated);
    setSaved(true);
    setOpen(false);
  }

  return (
    <section className="card" aria-labelledby="edit-call-title">
      <h2 id="edit-call-title">{t('calls.editTitle')}</h2>
      <SuccessMessage>{saved ? t('calls.saved') : null}</SuccessMessage>
      {open ? (
        <form onSubmit={submit} noValidate aria-busy={form.busy}>
          <ErrorMessage error={form.error} />
          <CallFields values={values} onChange={setValues} errors={form.fieldErrors} />
          <div className="form-actions">
            <button type="submit" disabled={form.busy}>
              {t('common.save')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setValues(callFieldsOf(props.call));
            setOpen(true);
          }}
        >
          {t('calls.edit')}
        </button>
      )}
    </section>
  );
}

/** Sends the draft after a second, explicit confirmation; or deletes it. */
function SendCall(props: { call: CallDetail; onSent: (call: CallDetail) => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<'send' | 'delete' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { call } = props;

  async function act() {
    setError(null);
    setBusy(true);
    try {
      if (confirming === 'send')
        props.onSent(await api.post<CallDetail>(`/api/calls/${call.id}/send`, { version: call.version }));
      else {
        await api.delete(`/api/calls/${call.id}?version=${call.version}`);
        navigate('/calls');
      }
      setConfirming(null);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="send-call-title">
      <h2 id="send-call-title">{t('calls.sendTitle')}</h2>
      <ErrorMessage error={error} />
      {confirming ? (
        <div className="alert alert-warning" role="alert">
          <p>
            {confirming === 'send' ? t('calls.sendConfirm', { count: call.entityCount }) : t('calls.deleteConfirm')}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className={confirming === 'delete' ? 'button-danger' : undefined}
              disabled={busy}
              onClick={act}
            >
              {confirming === 'send' ? t('calls.sendNow') : t('calls.deleteNow')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{call.canSend ? t('calls.sendIntro') : t('calls.sendNotReady')}</p>
          <div className="form-actions">
            <button type="button" disabled={!call.canSend} onClick={() => setConfirming('send')}>
              {t('calls.send')}
            </button>
            <button type="button" className="button-danger" onClick={() => setConfirming('delete')}>
              {t('calls.delete')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Reminders(props: { call: CallDetail; onReminded: () => void }) {
  const { t, formatDateTime, formatNumber } = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const remind = useSubmit(remindSchema, () => api.post<{ ok: true }>(`/api/calls/${props.call.id}/reminders`));
  async function remindNow() {
    setNotice(null);
    if (await remind.submit({})) {
      setNotice(t('calls.remindNowQueued'));
      // The job sends within seconds; show its outcome after that.
      setTimeout(props.onReminded, 3000);
    }
  }
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('calls.reminders')}</h2>
      <ErrorMessage error={remind.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <div className="form-actions">
        <button type="button" disabled={remind.busy} onClick={remindNow}>
          {t('calls.remindNow')}
        </button>
      </div>
      <div className="table-scroll">
        <table aria-labelledby="reminders-title">
          <thead>
            <tr>
              <th scope="col">{t('calls.reminderWhen')}</th>
              <th scope="col">{t('calls.reminderDue')}</th>
              <th scope="col">{t('fields.status')}</th>
              <th scope="col">{t('calls.reminderSentTo')}</th>
            </tr>
          </thead>
          <tbody>
            {props.call.reminders.map((reminder) => (
              <tr key={`${reminder.daysFromDeadline} ${reminder.dueAt}`}>
                <td>
                  {reminder.daysFromDeadline < 0
                    ? t('calls.daysBefore', { count: -reminder.daysFromDeadline })
                    : reminder.daysFromDeadline === 0
                      ? t('calls.onDeadline')
                      : t('calls.daysAfter', { count: reminder.daysFromDeadline })}
                </td>
                <td>
                  <time dateTime={reminder.dueAt}>{formatDateTime(reminder.dueAt)}</time>
                </td>
                <td>{t(`calls.reminderStatus.${reminder.status}`)}</td>
                <td>
                  {reminder.status === 'sent'
                    ? t('calls.reminderSentCount', {
                        entities: formatNumber(reminder.entityCount ?? 0),
                        count: reminder.mailCount ?? 0,
                      })
                    : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
