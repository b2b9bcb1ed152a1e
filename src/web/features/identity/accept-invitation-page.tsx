import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AppError } from '../../../shared/errors';
import { acceptInvitationSchema, type SessionResponse } from '../../../shared/schemas/identity';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { PasswordFields } from './password-fields';

export default function AcceptInvitationPage() {
  const { t, locale, setLocale } = useT();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState(params.get('name') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useSubmit(acceptInvitationSchema, (input) =>
    api.post<SessionResponse>('/api/invitations/accept', input),
  );

  async function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      form.setFieldErrors({ confirm: t('issues.passwordMismatch') });
      return;
    }
    const result = await form.submit({ token, name, password });
    if (!result) return;
    if (result.user && result.user.locale !== locale) await setLocale(result.user.locale).catch(() => undefined);
    setSession(result);
    navigate('/', { replace: true });
  }

  const tokenError = token.length < 20 ? new AppError('TOKEN_INVALID') : null;

  return (
    <div className="public-page">
      <section className="card narrow">
        <PageTitle>{t('acceptInvitation.title')}</PageTitle>
        {tokenError ? (
          <ErrorMessage error={tokenError} />
        ) : (
          <>
            <p className="lead">{t('acceptInvitation.intro')}</p>
            <ErrorMessage error={form.error} />
            <form onSubmit={handleSubmit} noValidate aria-busy={form.busy}>
              <Field name="name" label={t('fields.name')} error={form.fieldErrors.name}>
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    autoComplete="name"
                    value={name}
                    onChange={(event) => setName(event.target.value)}
                    required
                  />
                )}
              </Field>
              <PasswordFields
                password={password}
                confirm={confirm}
                onPassword={setPassword}
                onConfirm={setConfirm}
                errors={form.fieldErrors}
              />
              <div className="form-actions">
                <button type="submit" disabled={form.busy}>
                  {t('acceptInvitation.submit')}
                </button>
              </div>
            </form>
          </>
        )}
      </section>
    </div>
  );
}
