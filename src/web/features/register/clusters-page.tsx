import { useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { Cluster } from '../../../shared/schemas/register';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { EditCluster, NewCluster } from './cluster-forms';

const filterKeys = ['q'] as const;

/** The clusters: thematic groups of recommendations that one plan of action answers. */
export default function ClustersPage() {
  const { t } = useT();
  const { can } = useSession();
  const canEdit = can('register:manageClusters');
  const canCall = can('calls:manage');
  const { draft, setDraft, apply, list, card } = useListPage<Page<Cluster>, (typeof filterKeys)[number]>(
    '/api/clusters',
    { filters: filterKeys, pageSize: 25 },
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<AppError | null>(null);

  return (
    <>
      <PageTitle>{t('clusters.title')}</PageTitle>
      <p className="lead">{t('clusters.intro')}</p>
      <search aria-label={t('clusters.search')}>
        <form
          className="filters card"
          onSubmit={(event) => {
            event.preventDefault();
            apply({ q: draft.q });
          }}
        >
          <Field name="q" label={t('clusters.search')}>
            {(control) => (
              <input
                {...control}
                type="search"
                value={draft.q}
                onChange={(event) => setDraft({ q: event.target.value })}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit">{t('register.search')}</button>
          </div>
        </form>
      </search>
      <ErrorMessage error={list.error ?? rowError} />
      <SuccessMessage>{notice}</SuccessMessage>
      {canEdit ? (
        <NewCluster
          onCreated={(cluster) => {
            setRowError(null);
            setNotice(t('clusters.created', { name: cluster.name }));
            list.reload();
          }}
        />
      ) : null}
      <ListCard {...card} count={(count) => t('clusters.count', { count })}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('clusters.name')}</th>
                <th scope="col">{t('clusters.size')}</th>
                {canEdit || canCall ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((cluster) => (
                <ClusterRow
                  key={cluster.id}
                  cluster={cluster}
                  canEdit={canEdit}
                  canCall={canCall}
                  onChanged={(message) => {
                    setRowError(null);
                    setNotice(message);
                    list.reload();
                  }}
                  onError={(error) => {
                    setNotice(null);
                    setRowError(error);
                    // Someone else changed or removed it: show the list as it is now.
                    if (error.code === 'STALE_VERSION' || error.code === 'NOT_FOUND') list.reload();
                  }}
                  onStale={list.reload}
                />
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}

function ClusterRow(props: {
  cluster: Cluster;
  canEdit: boolean;
  canCall: boolean;
  onChanged: (message: string) => void;
  onError: (error: AppError) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const { cluster } = props;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const registerLink = `/register?cluster=${cluster.id}`;

  async function remove() {
    setBusy(true);
    try {
      await api.delete(`/api/clusters/${cluster.id}?version=${cluster.version}`);
      props.onChanged(t('clusters.deleted', { name: cluster.name }));
    } catch (error) {
      props.onError(toAppError(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (editing) {
    return (
      <tr>
        <td colSpan={3}>
          <EditCluster
            cluster={cluster}
            onDone={(saved) => {
              setEditing(false);
              if (saved) props.onChanged(t('clusters.saved', { name: saved.name }));
            }}
            onStale={props.onStale}
          />
        </td>
      </tr>
    );
  }

  return (
    <tr>
      <th scope="row">
        <Link to={registerLink}>{cluster.name}</Link>
        {cluster.description ? <span className="block subtle">{cluster.description}</span> : null}
      </th>
      <td>
        <Link to={registerLink} aria-label={t('clusters.sizeOf', { name: cluster.name, count: cluster.size })}>
          {t('clusters.sizeN', { count: cluster.size })}
        </Link>
      </td>
      {props.canEdit || props.canCall ? (
        <td>
          <div className="row-actions">
            {props.canCall && cluster.size > 0 ? (
              <Link
                className="button-secondary button-small button-anchor"
                to="/calls/new"
                state={{ clusters: [cluster] }}
                aria-label={t('clusters.callNamed', { name: cluster.name })}
              >
                {t('clusters.call')}
              </Link>
            ) : null}
            {props.canEdit ? (
              <>
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={t('clusters.renameNamed', { name: cluster.name })}
                  onClick={() => setEditing(true)}
                >
                  {t('clusters.rename')}
                </button>
                {confirming ? (
                  <>
                    <span className="subtle">{t('clusters.deleteNote', { count: cluster.size })}</span>
                    <button type="button" className="button-danger button-small" disabled={busy} onClick={remove}>
                      {t('clusters.confirmDelete', { name: cluster.name })}
                    </button>
                    <button type="button" className="button-link" onClick={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button-secondary button-small"
                    aria-label={t('clusters.deleteNamed', { name: cluster.name })}
                    onClick={() => setConfirming(true)}
                  >
                    {t('clusters.delete')}
                  </button>
                )}
              </>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}
