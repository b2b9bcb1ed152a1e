import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { EntityDetail, EntitySummary } from '../../../shared/schemas/entities';
import { api, toAppError } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { EntityTable } from './entities-page';
import { describeEntity, type Levels } from './labels';

/** The LRGs a network brings together, paged on the server; admins and coordinators add and remove them. */
export function NetworkMembers(props: {
  network: EntityDetail;
  levels: Levels;
  canManage: boolean;
  onChange: () => void;
}) {
  const i18n = useT();
  const { t } = i18n;
  const [page, setPage] = useState(1);
  const list = useApi<Page<EntitySummary>>('/api/entities', { networkId: props.network.id, page, pageSize: 25 });
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const membersPath = `/api/networks/${props.network.id}/members`;

  async function change(run: () => Promise<unknown>, message: string) {
    setError(null);
    setNotice(null);
    try {
      await run();
      setNotice(message);
      list.reload();
      props.onChange();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <section aria-labelledby="network-members">
      <h2 id="network-members">{t('networks.members')}</h2>
      <ErrorMessage error={list.error ?? error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {props.canManage ? (
        <div className="card">
          <Combobox<EntitySummary>
            name="memberId"
            label={t('networks.addMember')}
            hint={t('networks.addMemberHint')}
            load={(q, signal) => api.get<Page<EntitySummary>>('/api/entities', { q, kind: 'lrg', pageSize: 8 }, signal)}
            keyOf={(item) => item.id}
            render={(item) => (
              <>
                {item.name} <span className="subtle">· {describeEntity(item, props.levels, i18n)}</span>
              </>
            )}
            onChoose={(item) =>
              change(
                () => api.post(membersPath, { memberIds: [item.id] }),
                t('networks.memberAdded', { name: item.name }),
              )
            }
          />
        </div>
      ) : null}
      <ListCard list={list} count={(count) => t('entities.memberCount', { count })} filtered={false} onPage={setPage}>
        {(data, labelId) => (
          <EntityTable
            items={data.items}
            labelId={labelId}
            levels={props.levels}
            i18n={i18n}
            actions={
              props.canManage
                ? (member) => (
                    <button
                      type="button"
                      className="button-secondary button-small"
                      aria-label={t('networks.removeMember', { name: member.name })}
                      onClick={() =>
                        change(
                          () => api.delete(`${membersPath}/${member.id}`),
                          t('networks.memberRemoved', { name: member.name }),
                        )
                      }
                    >
                      {t('common.remove')}
                    </button>
                  )
                : undefined
            }
          />
        )}
      </ListCard>
    </section>
  );
}
