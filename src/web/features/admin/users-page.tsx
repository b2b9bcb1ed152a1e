import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import { type Role, roles, type UserSummary, userStatuses } from '../../../shared/schemas/identity';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

const pageSize = 25;
const filterKeys = ['q', 'role', 'status'] as const;

export default function UsersPage() {
  const { t, formatDateTime } = useT();
  const [confirmation, confirm] = useConfirm();
  const { user: me, can } = useSession();
  const { draft, setDraft, list, card, form } = useListPage<Page<UserSummary>, (typeof filterKeys)[number]>(
    '/api/admin/users',
    { filters: filterKeys, pageSize },
  );
  const [rowError, setRowError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const canEdit = can('users:update');
  const denied = list.error?.code === 'FORBIDDEN';

  async function update(target: UserSummary, change: { role?: Role; status?: 'active' | 'disabled' }) {
    setRowError(null);
    setNotice(null);
    setBusyId(target.id);
    try {
      const updated = await api.patch<UserSummary>(`/api/admin/users/${target.id}`, {
        ...change,
        version: target.version,
      });
      list.setData((current) =>
        current
          ? { ...current, items: current.items.map((item) => (item.id === updated.id ? updated : item)) }
          : current,
      );
      setNotice(t('users.updated', { name: updated.name }));
    } catch (error) {
      const appError = toAppError(error);
      setRowError(appError);
      // A stale row means someone changed it first: show the list as it now is.
      if (appError.code === 'STALE_VERSION') list.reload();
    } finally {
      setBusyId(null);
    }
  }

  // A lost laptop or a departure: every browser signed in as that person is signed out.
  async function endSessions(target: UserSummary) {
    if (
      !(await confirm({ title: t('sessions.confirmEndFor', { name: target.name }), confirmLabel: t('sessions.end') }))
    )
      return;
    setRowError(null);
    setNotice(null);
    setBusyId(target.id);
    try {
      const { revoked } = await api.delete<{ revoked: number }>(`/api/admin/users/${target.id}/sessions`);
      setNotice(t('sessions.endedFor', { name: target.name, count: revoked }));
    } catch (error) {
      setRowError(toAppError(error));
    } finally {
      setBusyId(null);
    }
  }

  // A lost phone with lost recovery codes: the person signs in with the password alone again.
  async function resetSecondFactor(target: UserSummary) {
    if (
      !(await confirm({
        title: t('secondFactor.confirmResetFor', { name: target.name }),
        confirmLabel: t('secondFactor.reset'),
      }))
    )
      return;
    setRowError(null);
    setNotice(null);
    setBusyId(target.id);
    try {
      await api.delete(`/api/admin/users/${target.id}/totp`);
      list.setData((current) =>
        current
          ? {
              ...current,
              items: current.items.map((item) => (item.id === target.id ? { ...item, secondFactor: false } : item)),
            }
          : current,
      );
      setNotice(t('secondFactor.resetFor', { name: target.name }));
    } catch (error) {
      setRowError(toAppError(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      {confirmation}
      <PageTitle>{t('users.title')}</PageTitle>
      {denied ? null : (
        <FilterForm {...form} empty={{ q: '', role: '', status: '' }}>
          <TextFilter name="q" label={t('users.search')} value={draft.q} onChange={(q) => setDraft({ ...draft, q })} />
          <SelectFilter
            name="role"
            label={t('fields.role')}
            value={draft.role}
            onChange={(role) => setDraft({ ...draft, role })}
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
          <SelectFilter
            name="status"
            label={t('fields.status')}
            value={draft.status}
            onChange={(status) => setDraft({ ...draft, status })}
            options={userStatuses.map((status) => ({ value: status, label: t(`users.status.${status}`) }))}
          />
        </FilterForm>
      )}
      <ErrorMessage error={list.error ?? rowError} />
      <SuccessMessage>{notice}</SuccessMessage>
      <ListCard {...card} count={(count) => t('users.count', { count })}>
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('users.lastSignIn')}</th>
                <th scope="col">{t('users.secondFactor')}</th>
                {canEdit ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.id} aria-busy={busyId === item.id}>
                  <td>
                    {item.name}
                    {item.organisation ? <span className="subtle block">{item.organisation}</span> : null}
                  </td>
                  <td dir="ltr" className="mono">
                    {item.email}
                  </td>
                  <td>
                    {canEdit && item.id !== me?.id ? (
                      <select
                        aria-label={t('users.changeRole', { name: item.name })}
                        value={item.role}
                        disabled={busyId === item.id}
                        onChange={(event) => update(item, { role: event.target.value as Role })}
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`roles.${item.role}`)
                    )}
                  </td>
                  <td>
                    <span className={`badge badge-${item.status}`}>{t(`users.status.${item.status}`)}</span>
                  </td>
                  <td>
                    {item.lastSignInAt ? (
                      <time dateTime={item.lastSignInAt}>{formatDateTime(item.lastSignInAt)}</time>
                    ) : (
                      t('users.never')
                    )}
                  </td>
                  <td>
                    {item.secondFactor ? (
                      <span className="badge badge-active">{t('users.secondFactorOn')}</span>
                    ) : (
                      <span className="subtle">{t('users.secondFactorOff')}</span>
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      {item.id === me?.id || item.status === 'invited' ? null : (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          disabled={busyId === item.id}
                          aria-label={
                            item.status === 'disabled'
                              ? t('users.enableUser', { name: item.name })
                              : t('users.disableUser', { name: item.name })
                          }
                          onClick={() => update(item, { status: item.status === 'disabled' ? 'active' : 'disabled' })}
                        >
                          {item.status === 'disabled' ? t('users.enable') : t('users.disable')}
                        </button>
                      )}
                      {item.id === me?.id || item.status !== 'active' ? null : (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          disabled={busyId === item.id}
                          aria-label={t('sessions.endFor', { name: item.name })}
                          onClick={() => void endSessions(item)}
                        >
                          {t('sessions.end')}
                        </button>
                      )}
                      {item.id === me?.id || !item.secondFactor ? null : (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          disabled={busyId === item.id}
                          aria-label={t('secondFactor.resetForLabel', { name: item.name })}
                          onClick={() => void resetSecondFactor(item)}
                        >
                          {t('secondFactor.reset')}
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
