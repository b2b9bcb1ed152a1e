import { useId, useState } from 'react';
import { z } from 'zod';
import {
  disableTotpSchema,
  regenerateRecoveryCodesSchema,
  type TotpSetup,
  type TotpStatus,
  totpEnableSchema,
} from '../../../shared/schemas/identity';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/**
 * The second factor on the settings page: set up an authenticator app (its otpauth:// address,
 * which a phone opens, or the secret to type in; no QR image, to keep a library out), confirm it
 * with a first code, keep the ten recovery codes shown once; turn it off with the password.
 */
export function TotpCard() {
  const { t } = useT();
  const titleId = useId();
  const status = useApi<TotpStatus>('/api/me/totp');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = useSubmit(z.object({}), () => api.post<TotpSetup>('/api/me/totp/setup'));
  const enable = useSubmit(totpEnableSchema, (input) =>
    api.post<{ recoveryCodes: string[] }>('/api/me/totp/enable', input),
  );
  const disable = useSubmit(disableTotpSchema, (input) => api.post('/api/me/totp/disable', input));
  const regenerate = useSubmit(regenerateRecoveryCodesSchema, (input) =>
    api.post<{ recoveryCodes: string[] }>('/api/me/totp/recovery-codes', input),
  );
  const [proof, setProof] = useState('');
  const [codesAreNew, setCodesAreNew] = useState(false);

  async function begin() {
    setNotice(null);
    const result = await start.submit({});
    if (result) setSetup(result);
  }

  async function confirm(event: React.FormEvent) {
    const result = await enable.submit({ code }, event);
    if (!result) return;
    setSetup(null);
    setCode('');
    setRecoveryCodes(result.recoveryCodes);
    status.reload();
  }

  // One field: six digits are tried as a code from the app too (the password is tried first).
  async function renewCodes(event: React.FormEvent) {
    const result = await regenerate.submit(
      { password: proof, ...(/^\d{6}$/.test(proof.trim()) ? { code: proof.trim() } : {}) },
      event,
    );
    if (!result) return;
    setProof('');
    setCodesAreNew(true);
    setRecoveryCodes(result.recoveryCodes);
    status.reload();
  }

  async function turnOff(event: React.FormEvent) {
    if (!(await disable.submit({ password }, event))) return;
    setPassword('');
    setRecoveryCodes(null);
    setNotice(t('secondFactor.disabled'));
    status.reload();
  }

  const enabled = status.data?.enabled ?? false;
  return (
    <section className="card" aria-labelledby={titleId} aria-busy={status.loading}>
      <h2 id={titleId}>{t('secondFactor.title')}</h2>
      <ErrorMessage error={status.error ?? start.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {recoveryCodes ? (
        <div>
          <p>{t(codesAreNew ? 'secondFactor.newCodesShown' : 'secondFactor.recoveryCodesIntro')}</p>
          <ul className="mono" dir="ltr">
            {recoveryCodes.map((one) => (
              <li key={one}>{one}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              setRecoveryCodes(null);
              setCodesAreNew(false);
            }}
          >
            {t('secondFactor.recoveryCodesSaved')}
          </button>
        </div>
      ) : enabled ? (
        <>
          <p>{t('secondFactor.enabled', { count: status.data?.recoveryCodesLeft ?? 0 })}</p>
          <ErrorMessage error={disable.error} />
          <form onSubmit={turnOff} noValidate aria-busy={disable.busy}>
            <Field name="password" label={t('fields.password')} error={disable.fieldErrors.password}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  required
                />
              )}
            </Field>
            <div className="form-actions">
              <button type="submit" className="button-secondary" disabled={disable.busy}>
                {t('secondFactor.disable')}
              </button>
            </div>
          </form>
          <h3 className="subsection">{t('secondFactor.newCodes')}</h3>
          <p className="subtle">{t('secondFactor.newCodesIntro')}</p>
          <ErrorMessage error={regenerate.error} />
          <form onSubmit={renewCodes} noValidate aria-busy={regenerate.busy}>
            <Field name="proof" label={t('secondFactor.passwordOrCode')} error={regenerate.fieldErrors.password}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="current-password"
                  value={proof}
                  onChange={(event) => setProof(event.target.value)}
                  required
                />
              )}
            </Field>
            <div className="form-actions">
              <button type="submit" className="button-secondary" disabled={regenerate.busy}>
                {t('secondFactor.makeNewCodes')}
              </button>
            </div>
          </form>
        </>
      ) : setup ? (
        <>
          <p>{t('secondFactor.setupIntro')}</p>
          <p dir="ltr">
            <a href={setup.uri}>{t('secondFactor.openApp')}</a>
          </p>
          <p>
            {t('secondFactor.secret')}{' '}
            <code dir="ltr" className="mono">
              {setup.secret}
            </code>
          </p>
          <ErrorMessage error={enable.error} />
          <form onSubmit={confirm} noValidate aria-busy={enable.busy}>
            <Field name="code" label={t('secondFactor.code')} error={enable.fieldErrors.code}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  dir="ltr"
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                  required
                />
              )}
            </Field>
            <div className="form-actions">
              <button type="submit" disabled={enable.busy}>
                {t('secondFactor.confirm')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <>
          <p>{t('secondFactor.intro')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => void begin()} disabled={start.busy || status.loading}>
              {t('secondFactor.setUp')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
