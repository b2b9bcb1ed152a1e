import { useState } from 'react';
import { type SessionResponse, secondFactorSchema } from '../../../shared/schemas/identity';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/**
 * The second step of signing in, after the right password of someone with an authenticator app:
 * the six-digit code it shows, or one of the recovery codes. The server keeps the first step for
 * ten minutes and five codes; after that the password is asked again (onRestart).
 */
export function SecondFactorStep(props: { onSignedIn: (session: SessionResponse) => void; onRestart: () => void }) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const form = useSubmit(secondFactorSchema, (input) => api.post<SessionResponse>('/api/session/second-factor', input));

  async function handleSubmit(event: React.FormEvent) {
    const result = await form.submit({ code }, event);
    if (result) props.onSignedIn(result);
  }

  return (
    <>
      <p className="lead">{t('secondFactor.signInIntro')}</p>
      <ErrorMessage error={form.error} />
      <form onSubmit={handleSubmit} noValidate aria-busy={form.busy}>
        <Field
          name="code"
          label={t('secondFactor.code')}
          hint={t('secondFactor.codeHint')}
          error={form.fieldErrors.code}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              dir="ltr"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              required
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('signIn.submit')}
          </button>
          {form.error?.code === 'UNAUTHENTICATED' ? (
            <button type="button" className="button-secondary" onClick={props.onRestart}>
              {t('secondFactor.restart')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
