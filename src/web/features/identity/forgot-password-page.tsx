import { useState } from 'react';
import { Link } from 'react-router';
import { requestPasswordResetSchema } from '../../../shared/schemas/identity';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

export default function ForgotPasswordPage() {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSubmit(requestPasswordResetSchema, (input) => api.post<{ ok: true }>('/api/password-resets', input));

  async function handleSubmit(event: React.FormEvent) {
    setSent(false);
    if (await form.submit({ email }, event)) setSent(true);
  }

  return (
    <div className="public-page">
      <section className="card narrow">
        <PageTitle>{t('forgotPassword.title')}</PageTitle>
        <p className="lead">{t('forgotPassword.intro')}</p>
        <ErrorMessage error={form.error} />
        <SuccessMessage>{sent ? t('forgotPassword.sent') : null}</SuccessMessage>
        <form onSubmit={handleSubmit} noValidate aria-busy={form.busy}>
          <Field name="email" label={t('fields.email')} error={form.fieldErrors.email}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                required
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={form.busy}>
              {t('forgotPassword.submit')}
            </button>
            <Link to="/sign-in">{t('common.backToSignIn')}</Link>
          </div>
        </form>
      </section>
    </div>
  );
}
