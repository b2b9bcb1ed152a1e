import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AppError } from '../../../shared/errors';
import { completePasswordResetSchema } from '../../../shared/schemas/identity';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { PasswordFields } from './password-fields';

export default function ResetPasswordPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const form = useSubmit(completePasswordResetSchema, (input) =>
    api.post<{ ok: true }>('/api/password-resets/complete', input),
  );

  async function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      form.setFieldErrors({ confirm: t('issues.passwordMismatch') });
      return;
    }
    if (await form.submit({ token, password })) setDone(true);
  }

  const tokenError = token.length < 20 ? new AppError('TOKEN_INVALID') : null;

  return (
    <div className="public-page">
      <section className="card narrow">
        <PageTitle>{t('resetPassword.title')}</PageTitle>
        {done ? (
          <>
            <SuccessMessage>{t('resetPassword.done')}</SuccessMessage>
            <p>
              <Link to="/sign-in">{t('common.backToSignIn')}</Link>
            </p>
          </>
        ) : tokenError ? (
          <>
            <ErrorMessage error={tokenError} />
            <p>
              <Link to="/forgot-password">{t('resetPassword.requestNew')}</Link>
            </p>
          </>
        ) : (
          <>
            <p className="lead">{t('resetPassword.intro')}</p>
            <ErrorMessage error={form.error} />
            {form.error?.code.startsWith('TOKEN_') ? (
              <p>
                <Link to="/forgot-password">{t('resetPassword.requestNew')}</Link>
              </p>
            ) : null}
            <form onSubmit={handleSubmit} noValidate aria-busy={form.busy}>
              <PasswordFields
                password={password}
                confirm={confirm}
                onPassword={setPassword}
                onConfirm={setConfirm}
                errors={form.fieldErrors}
              />
              <div className="form-actions">
                <button type="submit" disabled={form.busy}>
                  {t('resetPassword.submit')}
                </button>
              </div>
            </form>
          </>
        )}
      </section>
    </div>
  );
}
