import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import { createFederationLinkSchema, type FederationLink } from '../../../shared/schemas/federation';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useListPage } from '../../components/use-list-page';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

type Member = { id: string; name: string; countryCode: string };

/**
 * The hub admin's federation links (decision 038): one per member instance, with the instance's
 * public key; the token is shown once; revoking withdraws all that came through the link.
 */
export default function FederationLinksPage() {
  const { t, formatDateTime } = useT();
  const { list, card } = useListPage<Page<FederationLink>>('/api/hub/federation-links', { pageSize: 25 });
  const [confirmation, confirm] = useConfirm();
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function revoke(link: FederationLink) {
    setError(null);
    setNotice(null);
    const ok = await confirm({
      title: t('federation.links.revokeTitle', { name: link.instanceName }),
      body: t('federation.links.revokeBody', { count: link.practices }),
      confirmLabel: t('federation.links.revoke'),
    });
    if (!ok) return;
    try {
      await api.post(`/api/hub/federation-links/${link.id}/revoke`);
      setNotice(t('federation.links.revoked', { name: link.instanceName }));
      list.reload();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  const when = (value: string | null) => (value ? <time dateTime={value}>{formatDateTime(value)}</time> : '—');
  return (
    <>
      <PageTitle>{t('federation.links.title')}</PageTitle>
      <p>{t('federation.links.intro')}</p>
      <CreateLinkForm onCreated={() => list.reload()} />
      <ErrorMessage error={list.error ?? error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {confirmation}
      <ListCard {...card} count={(count) => t('federation.links.count', { count })}>
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('federation.links.instance')}</th>
                <th scope="col">{t('federation.links.member')}</th>
                <th scope="col">{t('federation.links.key')}</th>
                <th scope="col">{t('federation.shares.state')}</th>
                <th scope="col">{t('federation.links.practices')}</th>
                <th scope="col">{t('federation.links.lastReceived')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((link) => (
                <tr key={link.id}>
                  <td className="user-text">{link.instanceName}</td>
                  <td>
                    <span className="user-text">{link.memberName}</span> ({link.countryCode})
                  </td>
                  <td>
                    <code dir="ltr" className="mono">
                      {link.keyId.slice(0, 12)}…
                    </code>
                  </td>
                  <td>
                    <span className={`badge badge-${link.status}`}>{t(`federation.linkStatuses.${link.status}`)}</span>
                  </td>
                  <td>{link.practices}</td>
                  <td>{when(link.lastReceivedAt)}</td>
                  <td>
                    {link.status === 'active' ? (
                      <button
                        type="button"
                        className="button-small button-danger"
                        aria-label={t('federation.links.revokeFor', { name: link.instanceName })}
                        onClick={() => revoke(link)}
                      >
                        {t('federation.links.revoke')}
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

function CreateLinkForm(props: { onCreated: () => void }) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const members = useApi<Member[]>('/api/hub/federation-links/members', { q });
  const empty = { memberId: '', instanceName: '', jwk: '' };
  const [values, setValues] = useState(empty);
  const [token, setToken] = useState<string | null>(null);
  const form = useSubmit(createFederationLinkSchema, (input) =>
    api.post<{ link: FederationLink; token: string }>('/api/hub/federation-links', input),
  );

  async function submit(event: React.FormEvent) {
    setToken(null);
    let publicJwk: unknown = null;
    try {
      publicJwk = JSON.parse(values.jwk);
    } catch {
      publicJwk = values.jwk;
    }
    const created = await form.submit(
      { memberId: values.memberId, instanceName: values.instanceName, publicJwk },
      event,
    );
    if (!created) return;
    setToken(created.token);
    setValues(empty);
    props.onCreated();
  }

  const jwkError = Object.entries(form.fieldErrors).find(([path]) => path.startsWith('publicJwk'))?.[1];
  return (
    <section className="card" aria-labelledby="new-federation-link">
      <h2 id="new-federation-link">{t('federation.links.new')}</h2>
      <ErrorMessage error={form.error} />
      {token ? (
        <div className="alert alert-success token-created" role="status">
          <p>{t('federation.links.tokenOnce')}</p>
          <label htmlFor="federation-token">{t('federation.link.token')}</label>
          <input
            id="federation-token"
            className="mono"
            dir="ltr"
            readOnly
            value={token}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
      <form onSubmit={submit} noValidate aria-busy={form.busy} className="form-grid">
        <Field name="memberSearch" label={t('federation.links.findMember')}>
          {(control) => <input {...control} type="search" value={q} onChange={(event) => setQ(event.target.value)} />}
        </Field>
        <Field name="memberId" label={t('federation.links.member')} error={form.fieldErrors.memberId}>
          {(control) => (
            <select
              {...control}
              value={values.memberId}
              onChange={(event) => setValues({ ...values, memberId: event.target.value })}
            >
              <option value="">{t('federation.links.chooseMember')}</option>
              {(members.data ?? []).map((member) => (
                <option key={member.id} value={member.id}>
                  {member.countryCode} — {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="instanceName" label={t('federation.links.instance')} error={form.fieldErrors.instanceName}>
          {(control) => (
            <input
              {...control}
              value={values.instanceName}
              onChange={(event) => setValues({ ...values, instanceName: event.target.value })}
            />
          )}
        </Field>
        <Field name="publicJwk" label={t('federation.links.jwk')} hint={t('federation.links.jwkHint')} error={jwkError}>
          {(control) => (
            <textarea
              {...control}
              dir="ltr"
              className="mono"
              rows={5}
              value={values.jwk}
              onChange={(event) => setValues({ ...values, jwk: event.target.value })}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('federation.links.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
