import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { PracticeDetail } from '../../../shared/schemas/hub-practices';
import { api, toAppError } from '../../api/client';
import { SuccessMessage } from '../../components/error-message';
import { fieldErrorsOfAppError } from '../../components/forms';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { PracticeFiles } from './practice-files';
import { PracticeForm, type PracticeFormState, payloadOf } from './practice-form';
import { PracticeHistory } from './practice-history';
import { PracticeError, PracticeStatusBadge } from './practice-labels';

type Members = { id: string; name: string; countryCode: string }[];

function formOf(detail: PracticeDetail): PracticeFormState {
  return {
    memberId: detail.memberId,
    originalLocale: detail.originalLocale,
    level: detail.level,
    themes: detail.themes,
    texts: detail.texts,
    contact: detail.contact ?? '',
    links: detail.links,
    source: detail.source ?? '',
  };
}

/**
 * A practice: new (/hub-practices/new) or one of the member's (/hub-practices/:id), edited in its
 * languages, submitted for moderation, withdrawn; for a moderator, published or returned with a
 * note. Its files and its history of versions sit under it.
 */
export default function PracticePage() {
  const { id } = useParams();
  const isNew = id === undefined || id === 'new';
  const { t, locale } = useT();
  const navigate = useNavigate();
  const members = useApi<Members>(isNew ? '/api/hub/practices/members' : null);
  const loaded = useApi<PracticeDetail>(isNew ? null : `/api/hub/practices/${id}`);
  const [detail, setDetail] = useState<PracticeDetail | null>(null);
  const [form, setForm] = useState<PracticeFormState | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) {
      setDetail(loaded.data);
      setForm(formOf(loaded.data));
    }
  }, [loaded.data]);
  useEffect(() => {
    if (isNew && members.data && !form)
      setForm({
        memberId: members.data[0]?.id ?? '',
        originalLocale: locale,
        level: 'national',
        themes: [],
        texts: {},
        contact: '',
        links: [],
        source: '',
      });
  }, [isNew, members.data, form, locale]);

  const fail = loaded.error ?? members.error;
  if (fail) return <PracticeError error={fail} />;
  if (!form) return <Loading />;

  async function act(run: () => Promise<PracticeDetail>, message: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await run();
      setDetail(next);
      setForm(formOf(next));
      setDone(message);
      return next;
    } catch (cause) {
      setError(toAppError(cause));
      return null;
    } finally {
      setBusy(false);
    }
  }

  const save = async () => {
    if (!form) return;
    if (isNew) {
      const created = await act(
        () =>
          api.post<PracticeDetail>('/api/hub/practices', { ...payloadOf(form), memberId: form.memberId || undefined }),
        t('hubPractices.app.saved'),
      );
      if (created) navigate(`/hub-practices/${created.id}`, { replace: true });
    } else if (detail) {
      await act(
        () =>
          api.put<PracticeDetail>(`/api/hub/practices/${detail.id}`, { ...payloadOf(form), version: detail.version }),
        t('hubPractices.app.saved'),
      );
    }
  };
  const stepTo = (action: 'submit' | 'publish' | 'withdraw' | 'return', message: string) =>
    detail &&
    act(
      () =>
        api.post<PracticeDetail>(`/api/hub/practices/${detail.id}/${action}`, {
          version: detail.version,
          ...(action === 'return' ? { note } : {}),
        }),
      message,
    );

  const fieldErrors = error ? fieldErrorsOfAppError(error, { t, has: (key) => t(key) !== key }) : {};
  const title =
    (detail && (detail.texts[locale]?.title ?? detail.texts[detail.originalLocale]?.title)) ||
    t('hubPractices.app.new');
  const canEdit = isNew || detail?.can.edit === true;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {detail ? (
        <p>
          <PracticeStatusBadge status={detail.status} publishedVersion={detail.publishedVersion} /> {detail.memberName}{' '}
          ({detail.countryCode})
          {detail.publishedVersion !== null ? (
            <>
              {' · '}
              <a href={`/hub/${locale}/practices/${detail.id}`}>{t('hubPractices.app.publicPage')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {detail?.status === 'returned' && detail.returnNote ? (
        <div className="alert alert-warning" role="note">
          <strong>{t('hubPractices.app.returnedNote')}</strong> {detail.returnNote}
        </div>
      ) : null}
      {detail?.status === 'draft' && detail.publishedVersion !== null ? (
        <p>{t('hubPractices.app.editingPublished')}</p>
      ) : null}
      <PracticeError error={error} />
      <SuccessMessage>{done}</SuccessMessage>
      {canEdit ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <PracticeForm form={form} onChange={setForm} members={members.data ?? undefined} errors={fieldErrors} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {t('hubPractices.app.save')}
            </button>
          </div>
        </form>
      ) : detail ? (
        <ReadOnly detail={detail} />
      ) : null}
      {detail ? (
        <div className="button-row">
          {detail.can.submit ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => stepTo('submit', t('hubPractices.app.submitted'))}
            >
              {t('hubPractices.app.submit')}
            </button>
          ) : null}
          {detail.can.withdraw ? (
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => stepTo('withdraw', t('hubPractices.app.withdrawn'))}
            >
              {t('hubPractices.app.withdraw')}
            </button>
          ) : null}
        </div>
      ) : null}
      {detail?.can.moderate ? (
        <section className="card" aria-labelledby="moderation">
          <h2 id="moderation">{t('hubPractices.app.moderation')}</h2>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => stepTo('publish', t('hubPractices.app.publishedDone'))}
          >
            {t('hubPractices.app.publish')}
          </button>
          <label htmlFor="return-note">{t('hubPractices.app.note')}</label>
          <textarea id="return-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
          <button
            type="button"
            className="button-secondary"
            disabled={busy || !note.trim()}
            onClick={() => stepTo('return', t('hubPractices.app.returnedDone'))}
          >
            {t('hubPractices.app.return')}
          </button>
        </section>
      ) : null}
      {detail ? <PracticeFiles detail={detail} onChange={() => loaded.reload()} editable={detail.can.edit} /> : null}
      {detail ? <PracticeHistory history={detail.history} publishedVersion={detail.publishedVersion} /> : null}
    </>
  );
}

/** The working copy for a moderator, or for its author while it is with the moderators. */
function ReadOnly(props: { detail: PracticeDetail }) {
  const { t } = useT();
  const { detail } = props;
  return (
    <div className="stack">
      <p>
        {t('hubPractices.public.themes')}: {detail.themes.map((theme) => t(`hubThemes.${theme}`)).join(', ')} ·{' '}
        {t(`hubPractices.level.${detail.level}`)}
      </p>
      {Object.entries(detail.texts).map(([lang, text]) =>
        text ? (
          <article key={lang} lang={lang} dir="auto" className="card">
            <h2>{text.title}</h2>
            <p>
              <strong>{text.summary}</strong>
            </p>
            {/* The body was sanitised by the server to a short allow-list before it was stored. */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (practices.sanitize.ts). */}
            <div dangerouslySetInnerHTML={{ __html: text.body }} />
          </article>
        ) : null,
      )}
      {detail.source ? (
        <p>
          {t('hubPractices.public.source')}: {detail.source}
        </p>
      ) : null}
    </div>
  );
}
