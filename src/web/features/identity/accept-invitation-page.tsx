import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AppError } from '../../../shared/errors';
import { acceptInvitationSchema, type InvitationDetails, type SessionResponse } from '../../../shared/schemas/identity';
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
  const [invitation, setInvitation] = useState<InvitationDetails | null>(null);
  const [linkError, setLinkError] = useState<AppError | null>(token.length < 20 ? new AppError('TOKEN_INVALID') : null);
  // Before anything is typed, check the link and show whose account it creates.
  useEffect(() => {
    if (token.length < 20) return;
    api
      .post<InvitationDetails>('/api/invitations/inspect', { token })
      .then((details) => {
        setInvitation(details);
        setName((current) => current || details.name);
      })
      .catch((error: unknown) => setLinkError(error instanceof AppError ? error : new AppError('INTERNAL')));
  }, [token]);
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

  return (
    <div className="public-page">
      <section className="card narrow">
        <PageTitle>{t('acceptInvitation.title')}</PageTitle>
        {linkError ? (
          <ErrorMessage error={linkError} />
        ) : (
          <>
            <p className="lead">{t('acceptInvitation.intro')}</p>
            {invitation ? <p>{t('acceptInvitation.for', { email: invitation.email })}</p> : null}
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
