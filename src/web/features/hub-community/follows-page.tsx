import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { type DigestChoice, digestChoices, type Participant } from '../../../shared/schemas/community';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { issueOf } from './shared';
import './community.css';

/** The person's handle (what others type to mention them), their digest, and what they follow. */
export default function FollowsPage() {
  const { t } = useT();
  const me = useApi<Participant>('/api/hub/community/me');
  const [handle, setHandle] = useState('');
  const [digest, setDigest] = useState<DigestChoice>('daily');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!me.data) return;
    setHandle(me.data.handle);
    setDigest(me.data.digest);
  }, [me.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const after = await api.put<Participant>('/api/hub/community/me', { handle, digest });
      me.setData(() => after);
      setSaved(true);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  async function unfollow(target: { spaceId: string | null; threadId: string | null }) {
    setError(null);
    try {
      const query = target.spaceId ? `spaceId=${target.spaceId}` : `threadId=${target.threadId}`;
      await api.delete(`/api/hub/community/follows?${query}`);
      me.reload();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <>
      <PageTitle>{t('hubCommunity.nav.follows')}</PageTitle>
      <ErrorMessage error={me.error} />
      {me.loading && !me.data ? <Loading /> : null}
      <section className="card" aria-labelledby="digest-title">
        <h2 id="digest-title">{t('hubCommunity.follows.settings')}</h2>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <Field
            name="handle"
            label={t('hubCommunity.follows.handle')}
            hint={t('hubCommunity.follows.handleHint')}
            error={issueOf(error, 'handle', t)}
          >
            {(control) => <input {...control} dir="ltr" value={handle} onChange={(e) => setHandle(e.target.value)} />}
          </Field>
          <fieldset>
            <legend>{t('hubCommunity.follows.digest')}</legend>
            {digestChoices.map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name="digest"
                  value={choice}
                  checked={digest === choice}
                  onChange={() => setDigest(choice)}
                />{' '}
                {t(`hubCommunity.digest.${choice}`)}
              </label>
            ))}
          </fieldset>
          <ErrorMessage error={error} />
          <SuccessMessage>{saved ? t('hubCommunity.follows.saved') : null}</SuccessMessage>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('common.save')}
            </button>
          </div>
        </form>
      </section>
      <h2>{t('hubCommunity.follows.list')}</h2>
      {me.data && me.data.follows.length === 0 ? <p className="subtle">{t('hubCommunity.follows.none')}</p> : null}
      <ul className="community-thread-list">
        {me.data?.follows.map((follow) => (
          <li key={follow.id}>
            <Link
              to={follow.spaceId ? `/community/spaces/${follow.spaceId}` : `/community/threads/${follow.threadId}`}
              dir="auto"
            >
              {follow.title}
            </Link>{' '}
            <span className="subtle">
              {follow.spaceId ? t('hubCommunity.follows.space') : t('hubCommunity.thread')}
            </span>{' '}
            <button type="button" className="button-secondary" onClick={() => unfollow(follow)}>
              {t('hubCommunity.unfollow')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
