import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { type Post, reportReasons, type Thread } from '../../../shared/schemas/community';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { PostEditor } from './post-editor';
import { CommunityError, FollowButton, issueOf } from './shared';
import './community.css';

/**
 * A thread: its opening post, the accepted answer (first, marked), the other replies, and the
 * reply box. Each post's HTML was made safe on the server (markdown-it without raw HTML, then
 * sanitize-html's allowlist); it is the only HTML this page inserts.
 */
export default function ThreadPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const thread = useApi<Thread>(`/api/hub/community/threads/${id}`);
  const data = thread.data;
  return (
    <>
      <PageTitle>{data?.title ?? t('hubCommunity.thread')}</PageTitle>
      {data ? (
        <p>
          <Link to="/community">{t('hubCommunity.nav.spaces')}</Link> ›{' '}
          <Link to={`/community/spaces/${data.spaceId}`}>{data.spaceName}</Link>
        </p>
      ) : null}
      <ErrorMessage error={thread.error} />
      {thread.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="subtle">
            {data.kind === 'question' ? `${t('hubCommunity.kind.question')} · ` : ''}
            {data.answered ? `${t('hubCommunity.answered')} · ` : ''}
            {t('hubCommunity.replies', { count: data.replyCount })}
          </p>
          {data.source ? (
            <p className="subtle">
              {t('hubCommunity.source')}: {data.source}
            </p>
          ) : null}
          <FollowButton target={{ threadId: data.id }} following={data.following} onDone={thread.reload} />
          {data.posts.map((post) => (
            <PostView key={post.id} post={post} thread={data} onChange={thread.reload} />
          ))}
          {data.canReply ? <ReplyBox threadId={data.id} onDone={thread.reload} /> : null}
        </>
      ) : null}
    </>
  );
}

function PostView(props: { post: Post; thread: Thread; onChange: () => void }) {
  const { post, thread } = props;
  const { t, formatDateTime } = useT();
  const { can, user } = useSession();
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState<(typeof reportReasons)[number]>('spam');

  async function run(action: () => Promise<unknown>, message: string | null = null) {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      props.onChange();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  const moderate = (action: 'hide' | 'unhide' | 'approve') =>
    run(() => api.post(`/api/hub/community/posts/${post.id}/moderation`, { action, reason: null }));

  return (
    <article
      className={`community-post${post.accepted ? ' accepted' : ''}${post.status !== 'visible' ? ` ${post.status}` : ''}`}
      lang={thread.locale}
      aria-label={post.accepted ? t('hubCommunity.acceptedAnswer') : undefined}
    >
      <header>
        <span>
          {post.author?.name ?? t('hubCommunity.formerAccount')}
          {post.author?.handle ? (
            <>
              {' '}
              <bdi dir="ltr">@{post.author.handle}</bdi>
            </>
          ) : null}
        </span>
        <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
        {post.accepted ? <strong>✓ {t('hubCommunity.acceptedAnswer')}</strong> : null}
        {post.status !== 'visible' ? <span className="badge">{t(`hubCommunity.status.${post.status}`)}</span> : null}
      </header>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (community.rules.ts renderPost). */}
      <div className="post-body" dir="auto" dangerouslySetInnerHTML={{ __html: post.html }} />
      <div className="post-actions">
        {thread.canAccept && !post.opening && post.status === 'visible' ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              run(() =>
                api.put(`/api/hub/community/threads/${thread.id}/accepted`, { postId: post.accepted ? null : post.id }),
              )
            }
          >
            {post.accepted ? t('hubCommunity.unaccept') : t('hubCommunity.accept')}
          </button>
        ) : null}
        {user && post.author?.id !== user.id && post.status === 'visible' ? (
          <button
            type="button"
            className="button-secondary"
            aria-expanded={reporting}
            onClick={() => setReporting(!reporting)}
          >
            {t('hubCommunity.report')}
          </button>
        ) : null}
        {can('hubCommunity:moderate') ? (
          post.status === 'hidden' ? (
            <button type="button" className="button-secondary" onClick={() => moderate('unhide')}>
              {t('hubCommunity.moderation.unhide')}
            </button>
          ) : (
            <>
              {post.status === 'held' ? (
                <button type="button" onClick={() => moderate('approve')}>
                  {t('hubCommunity.moderation.approve')}
                </button>
              ) : null}
              <button type="button" className="button-danger" onClick={() => moderate('hide')}>
                {t('hubCommunity.moderation.hide')}
              </button>
            </>
          )
        ) : null}
      </div>
      {reporting ? (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setReporting(false);
            void run(
              () => api.post(`/api/hub/community/posts/${post.id}/reports`, { reason, note: null }),
              t('hubCommunity.reported'),
            );
          }}
        >
          <label htmlFor={`reason-${post.id}`}>{t('hubCommunity.reasonLabel')}</label>
          <select
            id={`reason-${post.id}`}
            value={reason}
            onChange={(event) => setReason(event.target.value as typeof reason)}
          >
            {reportReasons.map((value) => (
              <option key={value} value={value}>
                {t(`hubCommunity.reason.${value}`)}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t('hubCommunity.sendReport')}</button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
      <SuccessMessage>{done}</SuccessMessage>
    </article>
  );
}

function ReplyBox(props: { threadId: string; onDone: () => void }) {
  const { t } = useT();
  const [body, setBody] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [held, setHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const after = await api.post<Thread>(`/api/hub/community/threads/${props.threadId}/posts`, { body });
      setHeld(after.posts.some((post) => post.status === 'held'));
      setBody('');
      props.onDone();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card community-form" aria-labelledby="reply-title">
      <h2 id="reply-title">{t('hubCommunity.reply')}</h2>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PostEditor
          label={t('hubCommunity.bodyLabel')}
          value={body}
          onChange={setBody}
          error={issueOf(error, 'body', t)}
        />
        <CommunityError error={error} />
        <SuccessMessage>{held ? t('hubCommunity.heldNote') : null}</SuccessMessage>
        <div className="form-actions">
          <button type="submit" disabled={busy || body.trim() === ''}>
            {t('hubCommunity.post')}
          </button>
        </div>
      </form>
    </section>
  );
}
