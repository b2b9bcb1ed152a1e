import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useT } from '../../i18n/i18n-provider';

/** The problem the server named for one field, translated when it is a catalogue key. */
export function issueOf(
  error: AppError | null,
  path: string,
  t: (key: string, values?: Record<string, string | number>) => string,
): string | undefined {
  const issue = error?.issues.find((candidate) => candidate.path === path);
  return issue ? t(issue.message, error?.params) : undefined;
}

/** The error, and what the server said about it beyond its code (a ban's reason and end, a limit). */
export function CommunityError(props: { error: AppError | null }) {
  const { t, has, formatDateTime } = useT();
  if (!props.error) return null;
  const params = { ...props.error.params };
  if (typeof params.until === 'string' && params.until) params.until = formatDateTime(params.until);
  const said = props.error.issues.filter((issue) => !issue.path && has(issue.message));
  return (
    <>
      <ErrorMessage error={props.error} />
      {said.map((issue) => (
        <p key={issue.message} className="field-error">
          {t(issue.message, params)}
        </p>
      ))}
    </>
  );
}

/** Follows or stops following a space or a thread (the digest then lists or leaves it). */
export function FollowButton(props: {
  target: { spaceId: string } | { threadId: string };
  following: boolean;
  onDone: () => void;
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      if (props.following) {
        const query = new URLSearchParams(props.target as Record<string, string>).toString();
        await api.delete(`/api/hub/community/follows?${query}`);
      } else await api.post('/api/hub/community/follows', props.target);
      props.onDone();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }
  return (
    <p>
      <button
        type="button"
        className="button-secondary"
        aria-pressed={props.following}
        disabled={busy}
        onClick={toggle}
      >
        {props.following ? t('hubCommunity.unfollow') : t('hubCommunity.follow')}
      </button>
      <ErrorMessage error={error} />
    </p>
  );
}
