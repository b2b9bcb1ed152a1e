import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import {
  type ApiToken,
  type ApiTokenScope,
  apiTokenCreatableScopes,
  apiTokenLifetimes,
  apiTokenStatusSchema,
  type CreatedApiToken,
  createApiTokenSchema,
} from '../../../shared/schemas/api-tokens';
import type { Page } from '../../../shared/schemas/common';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { StatusFilter } from '../../components/status-filter';
import { useListPage } from '../../components/use-list-page';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

const filterKeys = ['status'] as const;
const pageSize = 25;

/** Admins make tokens for machines (shown once), see when each was last used, and revoke them. */
export default function ApiTokensPage() {
  const { t, formatDateTime } = useT();
  const { filters, apply, list, card } = useListPage<Page<ApiToken>, (typeof filterKeys)[number]>(
    '/api/admin/api-tokens',
    { filters: filterKeys, pageSize },
  );
  const [confirmation, confirm] = useConfirm();
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function revoke(token: ApiToken) {
    setActionError(null);
    setNotice(null);
    const ok = await confirm({
      title: t('apiTokens.revokeTitle', { name: token.name }),
      body: t('apiTokens.revokeBody'),
      confirmLabel: t('apiTokens.revoke'),
    });
    if (!ok) return;
    setBusyId(token.id);
    try {
      await api.post<ApiToken>(`/api/admin/api-tokens/${token.id}/revoke`);
      setNotice(t('apiTokens.revoked', { name: token.name }));
      list.reload();
    } catch (error) {
      setActionError(toAppError(error));
    } finally {
      setBusyId(null);
    }
  }

  const date = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value)}</time> : t('apiTokens.never');

  return (
    <>
      <PageTitle>{t('apiTokens.title')}</PageTitle>
      <p>{t('apiTokens.intro')}</p>
      <CreateTokenForm onCreated={() => list.reload()} />
      <ErrorMessage error={list.error ?? actionError} />
      <SuccessMessage>{notice}</SuccessMessage>
      {confirmation}
      <ListCard
        {...card}
        count={(count) => t('apiTokens.count', { count })}
        toolbar={
          <StatusFilter
            value={filters.status}
            statuses={apiTokenStatusSchema.options}
            labelOf={(status) => t(`apiTokens.status.${status}`)}
            onChange={(status) => apply({ status })}
          />
        }
      >
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('apiTokens.name')}</th>
                <th scope="col">{t('apiTokens.scope')}</th>
                <th scope="col">{t('apiTokens.owner')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('apiTokens.createdAt')}</th>
                <th scope="col">{t('apiTokens.expiresAt')}</th>
                <th scope="col">{t('apiTokens.lastUsedAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((token) => (
                <tr key={token.id}>
                  <td>
                    <span className="user-text">{token.name}</span>{' '}
                    <code dir="ltr" className="mono">
                      {token.prefix}…
                    </code>
                  </td>
                  <td>{t(`apiTokens.scopes.${token.scope}`)}</td>
                  <td>
                    <span className="user-text">{token.owner.name}</span>
                    <br />
                    <span dir="ltr" className="mono">
                      {token.owner.email}
                    </span>
                  </td>
                  <td>
                    <span className={`badge badge-${token.status}`}>{t(`apiTokens.status.${token.status}`)}</span>
                  </td>
                  <td>{date(token.createdAt)}</td>
                  <td>{date(token.expiresAt)}</td>
                  <td>{date(token.lastUsedAt)}</td>
                  <td>
                    {token.status === 'active' ? (
                      <button
                        type="button"
                        className="button-small button-danger"
                        disabled={busyId === token.id}
                        aria-label={t('apiTokens.revokeFor', { name: token.name })}
                        onClick={() => revoke(token)}
                      >
                        {t('apiTokens.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}

function CreateTokenForm(props: { onCreated: () => void }) {
  const { t } = useT();
  const empty = { name: '', scope: 'read_scoped' as ApiTokenScope, ownerEmail: '', expiresInDays: 90 };
  const [values, setValues] = useState(empty);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const form = useSubmit(createApiTokenSchema, (input) => api.post<CreatedApiToken>('/api/admin/api-tokens', input));

  async function handleSubmit(event: React.FormEvent) {
    setCreated(null);
    const result = await form.submit(values, event);
    if (!result) return;
    setCreated(result);
    setValues(empty);
    props.onCreated();
  }

  return (
    <section className="card" aria-labelledby="new-token-title">
      <h2 id="new-token-title">{t('apiTokens.newTitle')}</h2>
      <ErrorMessage error={form.error} />
      {created ? (
        <div className="alert alert-success token-created" role="status">
          <p>{t('apiTokens.createdOnce', { name: created.token.name })}</p>
          <label htmlFor="new-token-secret">{t('apiTokens.secret')}</label>
          <input
            id="new-token-secret"
            className="mono"
            dir="ltr"
            readOnly
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
          <p>{t('apiTokens.usage')}</p>
          <pre dir="ltr" className="mono">{`Authorization: Bearer ${created.secret}`}</pre>
        </div>
      ) : null}
      <form onSubmit={handleSubmit} noValidate aria-busy={form.busy} className="form-grid">
        <Field name="name" label={t('apiTokens.name')} hint={t('apiTokens.nameHint')} error={form.fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.target.value })}
              required
            />
          )}
        </Field>
        <Field name="scope" label={t('apiTokens.scope')} error={form.fieldErrors.scope}>
          {(control) => (
            <select
              {...control}
              value={values.scope}
              onChange={(event) => setValues({ ...values, scope: event.target.value as ApiTokenScope })}
            >
              {apiTokenCreatableScopes.map((scope) => (
                <option key={scope} value={scope}>
                  {t(`apiTokens.scopes.${scope}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="ownerEmail"
          label={t('apiTokens.owner')}
          hint={t('apiTokens.ownerHint')}
          error={form.fieldErrors.ownerEmail}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              dir="ltr"
              autoComplete="off"
              value={values.ownerEmail}
              onChange={(event) => setValues({ ...values, ownerEmail: event.target.value })}
            />
          )}
        </Field>
        <Field name="expiresInDays" label={t('apiTokens.lifetime')} error={form.fieldErrors.expiresInDays}>
          {(control) => (
            <select
              {...control}
              value={values.expiresInDays}
              onChange={(event) => setValues({ ...values, expiresInDays: Number(event.target.value) })}
            >
              {apiTokenLifetimes.map((days) => (
                <option key={days} value={days}>
                  {t('apiTokens.days', { count: days })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('apiTokens.create')}
          </button>
        </div>
      </form>
      <p className="field-hint">{t('apiTokens.scopesHelp')}</p>
    </section>
  );
}
