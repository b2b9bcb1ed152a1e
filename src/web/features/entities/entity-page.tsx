import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { EntityDetail, EntitySummary } from '../../../shared/schemas/entities';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { EntityTable } from './entities-page';
import { EntityForm } from './entity-form';
import { EntityPeople } from './entity-people';
import { describeEntity, type Levels, useCanManage, useLevels } from './labels';
import { NetworkMembers } from './network-members';
import { NetworkNominations } from './network-nominations';

/** One entity: where it sits, who speaks for it, what is below it, and for a network its members and nominations. */
export default function EntityPage() {
  const i18n = useT();
  const { t, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const canManage = useCanManage();
  const navigate = useNavigate();
  const levels = useLevels();
  const entity = useApi<EntityDetail>(`/api/entities/${id}`);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = entity.data;

  if (!data) {
    return (
      <>
        <PageTitle>{t('entities.titleOne')}</PageTitle>
        <ErrorMessage error={entity.error} />
        {entity.loading ? <Loading /> : null}
      </>
    );
  }

  async function remove(current: EntityDetail) {
    setError(null);
    try {
      await api.delete(`/api/entities/${current.id}?version=${current.version}`);
      navigate('/entities');
    } catch (cause) {
      const appError = toAppError(cause);
      setError(appError);
      setConfirming(false);
      if (appError.code === 'STALE_VERSION') entity.reload();
    }
  }

  return (
    <>
      <PageTitle
        actions={
          canManage && !editing ? (
            <>
              <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </button>
              {confirming ? (
                <>
                  <button type="button" className="button-danger" onClick={() => remove(data)}>
                    {t('entities.confirmDelete', { name: data.name })}
                  </button>
                  <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
                  {t('entities.delete')}
                </button>
              )}
            </>
          ) : null
        }
      >
        {data.name}
      </PageTitle>
      <nav aria-label={t('entities.hierarchy')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/entities">{t('entities.title')}</Link>
          </li>
          {data.ancestors.map((ancestor) => (
            <li key={ancestor.id}>
              <Link to={`/entities/${ancestor.id}`}>{ancestor.name}</Link>
            </li>
          ))}
          <li aria-current="page">{data.name}</li>
        </ol>
      </nav>
      <ErrorMessage error={error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {editing ? (
        <section className="card" aria-labelledby="entity-edit">
          <h2 id="entity-edit">{t('entities.editTitle')}</h2>
          <EntityForm
            entity={data}
            levels={levels}
            onSaved={(saved) => {
              entity.setData(() => saved);
              setEditing(false);
              setNotice(t('entities.saved', { name: saved.name }));
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : (
        <EntityFacts entity={data} levels={levels} />
      )}
      <Children entity={data} levels={levels} canManage={canManage} />
      <EntityPeople entity={data} canManage={canManage} />
      {data.kind === 'lrg_network' ? (
        <>
          <NetworkMembers network={data} levels={levels} canManage={canManage} onChange={entity.reload} />
          <NetworkNominations network={data} canManage={canManage} />
        </>
      ) : null}
      <p className="subtle">
        {t('common.updatedAt')}: <time dateTime={data.updatedAt}>{formatDateTime(data.updatedAt)}</time>
        {' · '}
        {t('entities.assignmentCount', { count: data.assignmentCount })}
        {data.kind === 'lrg_network' ? ` · ${t('entities.memberCount', { count: data.memberCount })}` : ''}
        {` · ${t('entities.peopleCount', { count: data.peopleCount })}`}
        {data.childCount > 0 ? ` · ${t('entities.childCount', { count: data.childCount })}` : ''}
      </p>
    </>
  );
}

function EntityFacts(props: { entity: EntityDetail; levels: Levels }) {
  const i18n = useT();
  const { t } = i18n;
  const { entity } = props;
  return (
    <section className="card" aria-labelledby="entity-about">
      <h2 id="entity-about">{t('entities.about')}</h2>
      <dl className="facts">
        <dt>{t('entities.fields.kind')}</dt>
        <dd>{describeEntity(entity, props.levels, i18n)}</dd>
        <dt>{t('entities.fields.nameLocal')}</dt>
        <dd dir="auto">{entity.nameLocal ?? '—'}</dd>
        <dt>{t('entities.fields.acronym')}</dt>
        <dd>{entity.acronym ?? '—'}</dd>
        {entity.kind === 'lrg' ? (
          <>
            <dt>{t('entities.fields.subdivisionCode')}</dt>
            <dd dir="ltr" className="mono">
              {entity.subdivisionCode ?? '—'}
            </dd>
          </>
        ) : null}
        <dt>{t('entities.networks')}</dt>
        <dd>
          {entity.networks.length === 0 ? (
            t('common.none')
          ) : (
            <ul className="tag-list">
              {entity.networks.map((network) => (
                <li key={network.id}>
                  <Link to={`/entities/${network.id}`}>{network.acronym ?? network.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** The entities directly below this one, paged on the server, and a form to add one there. */
function Children(props: { entity: EntityDetail; levels: Levels; canManage: boolean }) {
  const i18n = useT();
  const { t } = i18n;
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useApi<Page<EntitySummary>>('/api/entities', { parentId: props.entity.id, page, pageSize: 25 });
  const { entity } = props;
  const nextLevel = entity.kind === 'lrg' && entity.lrgLevel ? entity.lrgLevel + 1 : null;
  const canHaveChildren = entity.kind !== 'lrg_network';
  if (!canHaveChildren) return null;
  return (
    <section aria-labelledby="entity-children">
      <h2 id="entity-children">{t('entities.below')}</h2>
      <ErrorMessage error={list.error} />
      {props.canManage ? (
        <details className="edit-details card">
          <summary>{t('entities.newBelow', { name: entity.name })}</summary>
          <EntityForm
            entity={null}
            levels={props.levels}
            defaults={{
              kind: nextLevel && props.levels.some((level) => level.level === nextLevel) ? 'lrg' : 'agency',
              lrgLevel: nextLevel && props.levels.some((level) => level.level === nextLevel) ? nextLevel : null,
              parent: { id: entity.id, name: entity.name },
            }}
            onSaved={(saved) => navigate(`/entities/${saved.id}`)}
          />
        </details>
      ) : null}
      <ListCard list={list} count={(count) => t('entities.childCount', { count })} filtered={false} onPage={setPage}>
        {(data, labelId) => (
          <EntityTable items={data.items} labelId={labelId} levels={props.levels} i18n={i18n} showParent={false} />
        )}
      </ListCard>
    </section>
  );
}
