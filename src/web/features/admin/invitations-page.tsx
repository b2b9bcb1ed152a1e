import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import { type InvitationSummary, invitationStatusSchema } from '../../../shared/schemas/identity';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { StatusFilter } from '../../components/status-filter';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { InviteForm } from './invite-form';

const filterKeys = ['status'] as const;
const pageSize = 25;

export default function InvitationsPage() {
  const { t, formatDateTime } = useT();
  const [confirmation, confirm] = useConfirm();
  const { user } = useSession();
  const { filters, apply, list, card } = useListPage<Page<InvitationSummary>, (typeof filterKeys)[number]>(
    '/api/admin/invitations',
    { filters: filterKeys, pageSize },
  );
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function revoke(invitation: InvitationSummary) {
    if (
      !(await confirm({
        title: t('invitations.confirmRevoke', { email: invitation.email }),
        confirmLabel: t('invitations.revoke'),
      }))
    )
      return;
    setActionError(null);
    setNotice(null);
    setBusyId(invitation.id);
    try {
      await api.delete<{ ok: true }>(`/api/admin/invitations/${invitation.id}`);
      setNotice(t('invitations.revoked', { email: invitation.email }));
      list.reload();
    } catch (error) {
      setActionError(toAppError(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      {confirmation}
      <PageTitle>{t('invitations.title')}</PageTitle>
      {user && list.error?.code !== 'FORBIDDEN' ? <InviteForm onInvited={() => list.reload()} /> : null}
      <ErrorMessage error={list.error ?? actionError} />
      <SuccessMessage>{notice}</SuccessMessage>
      <ListCard
        {...card}
        count={(count) => t('invitations.count', { count })}
        toolbar={
          <StatusFilter
            value={filters.status}
            statuses={invitationStatusSchema.options}
            labelOf={(status) => t(`invitations.status.${status}`)}
            onChange={(status) => apply({ status })}
          />
        }
      >
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('invitations.invitedBy')}</th>
                <th scope="col">{t('invitations.sentAt')}</th>
                <th scope="col">{t('invitations.expiresAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td dir="ltr" className="mono">
                    {item.email}
                  </td>
                  <td>{t(`roles.${item.role}`)}</td>
                  <td>
                    <span className={`badge badge-${item.status}`}>{t(`invitations.status.${item.status}`)}</span>
                  </td>
                  <td>{item.invitedBy ?? t('common.none')}</td>
                  <td>
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                  </td>
                  <td>
                    <time dateTime={item.expiresAt}>{formatDateTime(item.expiresAt)}</time>
                  </td>
                  <td>
                    {item.status === 'pending' ? (
                      <button
                        type="button"
                        className="button-danger button-small"
                        disabled={busyId === item.id}
                        aria-label={t('invitations.revokeFor', { email: item.email })}
                        onClick={() => revoke(item)}
                      >
                        {t('invitations.revoke')}
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
