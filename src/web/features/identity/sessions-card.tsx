import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { SessionInfo } from '../../../shared/schemas/identity';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { browserOf } from './browser-of';

/**
 * Where the person is signed in (browser, address, when), for the settings page: another
 * device's session can be ended, or all but this one at once (a lost phone, a shared computer).
 * This session is not offered: signing out does that.
 */
export function SessionsCard() {
  const { t, formatDateTime } = useT();
  const [confirmation, confirm] = useConfirm();
  const titleId = useId();
  const sessions = useApi<SessionInfo[]>('/api/me/sessions');
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = (sessions.data ?? []).filter((session) => !session.current);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
      sessions.reload();
    } catch (caught) {
      setError(toAppError(caught));
    } finally {
      setBusy(false);
    }
  }

  const revokeOne = (session: SessionInfo) =>
    run(async () => {
      await api.delete(`/api/me/sessions/${session.id}`);
      return t('sessions.revokedOne');
    });
  const revokeOthers = async () => {
    if (
      !(await confirm({
        title: t('sessions.confirmOthers', { count: others.length }),
        confirmLabel: t('sessions.revokeOthers'),
      }))
    )
      return;
    void run(async () => {
      const { revoked } = await api.delete<{ revoked: number }>('/api/me/sessions');
      return t('sessions.revokedOthers', { count: revoked });
    });
  };

  return (
    <section className="card" aria-labelledby={titleId} aria-busy={sessions.loading || busy}>
      {confirmation}
      <h2 id={titleId}>{t('sessions.title')}</h2>
      <p className="subtle">{t('sessions.intro')}</p>
      <ErrorMessage error={sessions.error ?? error} />
      <SuccessMessage>{done}</SuccessMessage>
      <ul className="activity-list">
        {(sessions.data ?? []).map((session) => (
          <li key={session.id}>
            <strong>
              {session.userAgent ? (
                <bdi title={session.userAgent}>{browserOf(session.userAgent)}</bdi>
              ) : (
                t('sessions.unknownBrowser')
              )}
            </strong>
            {session.current ? <span className="badge">{t('sessions.current')}</span> : null}
            <span className="badge badge-method">{t(`sessions.method.${session.method}`)}</span>
            <span className="block subtle">
              {t('sessions.details', {
                ip: session.ip ?? '—',
                created: formatDateTime(session.createdAt),
                lastSeen: formatDateTime(session.lastSeenAt),
              })}
            </span>
            {session.current ? null : (
              <button
                type="button"
                className="button-secondary"
                disabled={busy}
                onClick={() => void revokeOne(session)}
              >
                {t('sessions.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <div className="form-actions">
          <button type="button" disabled={busy} onClick={revokeOthers}>
            {t('sessions.revokeOthers')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
