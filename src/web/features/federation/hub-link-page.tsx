import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { connectHubSchema, type HubLink } from '../../../shared/schemas/federation';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { SharesList } from './shares-list';

/**
 * The national admin links the instance to a hub (decision 038): makes the key pair, gives its
 * public key (JWK) to the hub admin, enters the hub's address and the token it issued; sees what
 * is shared and where each item stands; unlinks (everything is withdrawn from the hub).
 */
export default function HubLinkPage() {
  const { t, formatDateTime } = useT();
  const session = useSession();
  const state = useApi<{ link: HubLink | null }>('/api/federation/link');
  const link = state.data?.link ?? null;
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmation, confirm] = useConfirm();
  const [reloadKey, setReloadKey] = useState(0);
  const canShare = session.can('federation:share');

  async function act(work: () => Promise<unknown>, done: string) {
    setError(null);
    setNotice(null);
    try {
      await work();
      setNotice(done);
      state.reload();
      setReloadKey((key) => key + 1);
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  async function makeKey() {
    if (link) {
      const ok = await confirm({
        title: t('federation.link.newKeyTitle'),
        body: t('federation.link.newKeyBody'),
        confirmLabel: t('federation.link.newKey'),
      });
      if (!ok) return;
    }
    await act(() => api.post('/api/federation/link/key'), t('federation.link.keyMade'));
  }

  async function unlink() {
    if (!link) return;
    const ok = await confirm({
      title: t('federation.link.unlinkTitle'),
      body: t('federation.link.unlinkBody'),
      confirmLabel: t('federation.link.unlink'),
    });
    if (ok)
      await act(
        () => api.post('/api/federation/link/unlink', { version: link.version }),
        t('federation.link.unlinking'),
      );
  }

  const jwk = link ? JSON.stringify(link.publicJwk, null, 2) : '';
  return (
    <>
      <PageTitle>{t('federation.link.title')}</PageTitle>
      <p>{t('federation.link.intro')}</p>
      <ErrorMessage error={state.error ?? error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {confirmation}
      <section className="card" aria-labelledby="hub-link-state">
        <h2 id="hub-link-state">{t('federation.link.status')}</h2>
        <p>
          <span className={`badge badge-${link?.state ?? 'none'}`}>
            {t(`federation.linkStates.${link?.state ?? 'none'}`)}
          </span>
          {link?.hubUrl ? (
            <>
              {' '}
              <span dir="ltr" className="mono">
                {link.hubUrl}
              </span>
            </>
          ) : null}
          {link?.linkedAt ? <> — {t('federation.link.since', { time: formatDateTime(link.linkedAt) })}</> : null}
        </p>
        {link ? (
          <>
            <h3>{t('federation.link.publicKey')}</h3>
            <p className="field-hint">{t('federation.link.publicKeyHint')}</p>
            <pre dir="ltr" className="mono">
              {jwk}
            </pre>
            <p>
              <a
                href={`data:application/jwk+json;charset=utf-8,${encodeURIComponent(jwk)}`}
                download="implementa-federation-key.jwk.json"
              >
                {t('federation.link.download')}
              </a>
            </p>
          </>
        ) : null}
        <div className="form-actions">
          {!link || link.state === 'key_only' ? (
            <button type="button" onClick={makeKey}>
              {link ? t('federation.link.newKey') : t('federation.link.makeKey')}
            </button>
          ) : null}
          {link?.state === 'linked' ? (
            <button type="button" className="button-danger" onClick={unlink}>
              {t('federation.link.unlink')}
            </button>
          ) : null}
        </div>
      </section>
      {link && link.state !== 'unlinking' ? (
        <ConnectForm link={link} onDone={() => act(async () => undefined, t('federation.link.linked'))} />
      ) : null}
      <section className="card" aria-labelledby="hub-link-shares">
        <h2 id="hub-link-shares">{t('federation.shares.title')}</h2>
        <SharesList canRetry={canShare} reloadKey={reloadKey} />
      </section>
    </>
  );
}

function ConnectForm(props: { link: HubLink; onDone: () => void }) {
  const { t } = useT();
  const [values, setValues] = useState({ hubUrl: props.link.hubUrl ?? '', token: '' });
  const form = useSubmit(connectHubSchema, (input) => api.put<HubLink>('/api/federation/link', input));

  async function submit(event: React.FormEvent) {
    const result = await form.submit({ ...values, version: props.link.version }, event);
    if (!result) return;
    setValues({ hubUrl: result.hubUrl ?? '', token: '' });
    props.onDone();
  }

  return (
    <section className="card" aria-labelledby="hub-link-connect">
      <h2 id="hub-link-connect">{t('federation.link.connect')}</h2>
      <p className="field-hint">{t('federation.link.connectHint')}</p>
      <ErrorMessage error={form.error} />
      <form onSubmit={submit} noValidate aria-busy={form.busy} className="form-grid">
        <Field name="hubUrl" label={t('federation.link.hubUrl')} error={form.fieldErrors.hubUrl}>
          {(control) => (
            <input
              {...control}
              dir="ltr"
              type="url"
              value={values.hubUrl}
              onChange={(event) => setValues({ ...values, hubUrl: event.target.value })}
              required
            />
          )}
        </Field>
        <Field name="token" label={t('federation.link.token')} error={form.fieldErrors.token}>
          {(control) => (
            <input
              {...control}
              dir="ltr"
              type="password"
              autoComplete="off"
              className="mono"
              value={values.token}
              onChange={(event) => setValues({ ...values, token: event.target.value })}
              required
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('federation.link.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
