import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { locales } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type { Space, Thread, ThreadSummary } from '../../../shared/schemas/community';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { PostEditor } from './post-editor';
import { CommunityError, FollowButton, issueOf } from './shared';
import './community.css';

/** A space's threads (paged on the server) and, for those who may post, the form of a new one. */
export default function SpacePage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useT();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<'' | 'discussion' | 'question'>('');
  const threads = useApi<Page<ThreadSummary> & { space: Space }>(`/api/hub/community/spaces/${id}/threads`, {
    page,
    pageSize: 25,
    kind: kind || undefined,
  });
  const space = threads.data?.space;
  return (
    <>
      <PageTitle>{space?.name ?? t('hubCommunity.nav.spaces')}</PageTitle>
      <p>
        <Link to="/community">{t('hubCommunity.nav.spaces')}</Link>
      </p>
      <ErrorMessage error={threads.error} />
      {space ? (
        <FollowButton target={{ spaceId: space.id }} following={space.following} onDone={threads.reload} />
      ) : null}
      <div className="field">
        <label htmlFor="community-kind">{t('hubCommunity.filterKind')}</label>
        <select
          id="community-kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as typeof kind);
            setPage(1);
          }}
        >
          <option value="">{t('common.all')}</option>
          <option value="discussion">{t('hubCommunity.kind.discussion')}</option>
          <option value="question">{t('hubCommunity.kind.question')}</option>
        </select>
      </div>
      {threads.loading ? <Loading /> : null}
      {threads.data && threads.data.items.length === 0 ? <p className="subtle">{t('hubCommunity.noThreads')}</p> : null}
      <ul className="community-thread-list">
        {threads.data?.items.map((thread) => (
          <li key={thread.id}>
            <Link to={`/community/threads/${thread.id}`} dir="auto">
              {thread.title}
            </Link>
            <p className="subtle">
              {thread.kind === 'question' ? `${t('hubCommunity.kind.question')} · ` : ''}
              {thread.answered ? `${t('hubCommunity.answered')} · ` : ''}
              {thread.status !== 'visible' ? `${t(`hubCommunity.status.${thread.status}`)} · ` : ''}
              {t('hubCommunity.replies', { count: thread.replyCount })} · {formatDateTime(thread.lastPostAt)}
            </p>
          </li>
        ))}
      </ul>
      {threads.data ? (
        <Pager page={threads.data.page} pageSize={threads.data.pageSize} total={threads.data.total} onPage={setPage} />
      ) : null}
      {space?.canPost ? <NewThread spaceId={space.id} /> : null}
    </>
  );
}

function NewThread(props: { spaceId: string }) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'discussion' | 'question'>('discussion');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState(locale);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const thread = await api.post<Thread>(`/api/hub/community/spaces/${props.spaceId}/threads`, {
        kind,
        title,
        body,
        locale: language,
      });
      navigate(`/community/threads/${thread.id}`);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card community-form" aria-labelledby="new-thread-title">
      <h2 id="new-thread-title">{t('hubCommunity.newThread')}</h2>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset>
          <legend>{t('hubCommunity.kindLabel')}</legend>
          {(['discussion', 'question'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />{' '}
              {t(`hubCommunity.kind.${value}`)}
            </label>
          ))}
        </fieldset>
        <Field name="title" label={t('hubCommunity.titleLabel')} error={issueOf(error, 'title', t)}>
          {(control) => <input {...control} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <PostEditor
          label={t('hubCommunity.bodyLabel')}
          value={body}
          onChange={setBody}
          error={issueOf(error, 'body', t)}
        />
        <Field name="locale" label={t('hubCommunity.languageLabel')}>
          {(control) => (
            <select {...control} value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
              {locales.map((code) => (
                <option key={code} value={code}>
                  {t(`hubCommunity.language.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CommunityError error={error} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('hubCommunity.post')}
          </button>
        </div>
      </form>
    </section>
  );
}
