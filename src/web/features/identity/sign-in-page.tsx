import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../../shared/http/safe-path';
import {
  type DemoAccount,
  type SessionResponse,
  type SsoRefusal,
  signInSchema,
  ssoRefusals,
} from '../../../shared/schemas/identity';
import { typedApi } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { SecondFactorStep } from './second-factor-step';

export default function SignInPage() {
  const { t, locale, setLocale } = useT();
  const { user, session, setSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [secondStep, setSecondStep] = useState(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const form = useSubmit(signInSchema, (input) => typedApi.send('POST /api/session', { body: input }));
  const refusal = params.get('sso');
  const ssoRefused = ssoRefusals.find((reason): reason is SsoRefusal => reason === refusal) ?? null;

  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function handleSubmit(event: React.FormEvent) {
    const result = await form.submit({ email, password }, event);
    if (!result) return;
    if (result.secondFactorRequired) {
      setSecondStep(true);
      return;
    }
    await signedIn(result);
  }

  async function signedIn(result: SessionResponse) {
    if (result.user && result.user.locale !== locale) await setLocale(result.user.locale).catch(() => undefined);
    setSession(result);
    navigate(safeNext(params.get('next')), { replace: true });
  }

  function fillAccount(account: DemoAccount) {
    setEmail(account.email);
    setPassword(account.password);
    form.setFieldErrors({});
    submitButton.current?.focus();
  }

  return (
    <div className="public-page">
      <section className="card narrow">
        <PageTitle>{t('signIn.title')}</PageTitle>
        {secondStep ? (
          <SecondFactorStep
            onSignedIn={(result) => void signedIn(result)}
            onRestart={() => {
              setPassword('');
              setSecondStep(false);
            }}
          />
        ) : (
          <>
            <p className="lead">{t('signIn.intro')}</p>
            {ssoRefused ? (
              <div className="alert alert-error" role="alert" data-sso-refusal={ssoRefused}>
                {t(`signIn.ssoRefused.${ssoRefused}`)}
              </div>
            ) : null}
            {session.singleSignOn ? (
              <div className="sso-sign-in">
                {/* A full navigation, not fetch: the provider's pages take over, then send the browser back. */}
                <a
                  className="button-anchor"
                  href={`/api/sso/start?next=${encodeURIComponent(safeNext(params.get('next')))}`}
                >
                  {t('signIn.sso.button', { name: session.singleSignOn.name })}
                </a>
                <p className="subtle">{t('signIn.sso.or')}</p>
              </div>
            ) : null}
            <ErrorMessage error={form.error} />
            <form onSubmit={handleSubmit} noValidate aria-busy={form.busy}>
              <Field name="email" label={t('fields.email')} error={form.fieldErrors.email}>
                {(control) => (
                  <input
                    {...control}
                    type="email"
                    autoComplete="username"
                    value={email}
                    onChange={(event) => setEmail(event.target.value)}
                    required
                  />
                )}
              </Field>
              <Field name="password" label={t('fields.password')} error={form.fieldErrors.password}>
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
                <button type="submit" ref={submitButton} disabled={form.busy}>
                  {form.busy ? t('signIn.submitting') : t('signIn.submit')}
                </button>
                <Link to="/forgot-password">{t('signIn.forgotPassword')}</Link>
              </div>
            </form>
          </>
        )}
      </section>
      {session.demoAccounts.length > 0 ? <DemoAccounts accounts={session.demoAccounts} onUse={fillAccount} /> : null}
      <p className="public-portal-link">
        {/* A page of the server, not of this app: a full load. */}
        <a href={`/public/${locale}/`}>{t('public.signInLink')}</a>
      </p>
    </div>
  );
}

function DemoAccounts(props: { accounts: DemoAccount[]; onUse: (account: DemoAccount) => void }) {
  const { t } = useT();
  return (
    <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('signIn.demo.title')}</h2>
      <p>{t('signIn.demo.intro')}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.role')}</th>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('fields.password')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((account) => (
              <tr key={account.email}>
                <td>
                  {account.name}
                  <br />
                  <small>{account.organisation}</small>
                </td>
                <td>{t(`roles.${account.role}`)}</td>
                <td dir="ltr" className="mono">
                  {account.email}
                </td>
                <td dir="ltr" className="mono">
                  {account.password}
                </td>
                <td>
                  <button
                    type="button"
                    className="button-small"
                    onClick={() => props.onUse(account)}
                    aria-label={t('signIn.demo.useAccount', { name: account.name })}
                  >
                    {t('signIn.demo.use')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
