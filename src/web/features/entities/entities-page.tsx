import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import { type EntitySummary, entityKinds } from '../../../shared/schemas/entities';
import { ErrorMessage } from '../../components/error-message';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { type I18n, useT } from '../../i18n/i18n-provider';
import { EntityForm } from './entity-form';
import { describeEntity, kindLabel, type Levels, levelLabel, useCanManage, useLevels } from './labels';

const filterKeys = ['q', 'kind', 'level'] as const;
const pageSize = 25;

/** Ministries, agencies, parliament, courts, independent bodies, the NHRI, civil society, LRGs and their networks. */
export default function EntitiesPage() {
  const i18n = useT();
  const { t } = i18n;
  const canManage = useCanManage();
  const navigate = useNavigate();
  const levels = useLevels();
  const { draft, setDraft, list, card, form } = useListPage<Page<EntitySummary>, (typeof filterKeys)[number]>(
    '/api/entities',
    { filters: filterKeys, pageSize },
  );

  return (
    <>
      <PageTitle
        actions={
          canManage ? (
            <Link className="button-anchor button-secondary" to="/entities/import">
              {t('entities.import.title')}
            </Link>
          ) : null
        }
      >
        {t('entities.title')}
      </PageTitle>
      <p className="lead">{t('entities.intro')}</p>
      <FilterForm {...form} empty={{ q: '', kind: '', level: '' }}>
        <TextFilter name="q" label={t('entities.search')} value={draft.q} onChange={(q) => setDraft({ ...draft, q })} />
        <SelectFilter
          name="kind"
          label={t('entities.fields.kind')}
          value={draft.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
          options={entityKinds.map((kind) => ({ value: kind, label: kindLabel(kind, t) }))}
        />
        {levels.length > 0 ? (
          <SelectFilter
            name="level"
            label={t('entities.fields.level')}
            value={draft.level}
            onChange={(level) => setDraft({ ...draft, level })}
            options={levels.map((level) => ({ value: level.level, label: levelLabel(level.level, levels, i18n) }))}
          />
        ) : null}
      </FilterForm>
      {canManage ? (
        <details className="edit-details card">
          <summary>{t('entities.new')}</summary>
          <EntityForm entity={null} levels={levels} onSaved={(entity) => navigate(`/entities/${entity.id}`)} />
        </details>
      ) : null}
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('entities.count', { count })}>
        {(data, labelId) => <EntityTable items={data.items} labelId={labelId} levels={levels} i18n={i18n} />}
      </ListCard>
    </>
  );
}

/** A table of entities with what each is and where it sits; shared by the list and an entity's children. */
export function EntityTable(props: {
  items: EntitySummary[];
  labelId: string;
  levels: Levels;
  i18n: I18n;
  showParent?: boolean;
  actions?: (entity: EntitySummary) => ReactNode;
}) {
  const { t, formatNumber } = props.i18n;
  const showParent = props.showParent ?? true;
  return (
    <table aria-labelledby={props.labelId}>
      <thead>
        <tr>
          <th scope="col">{t('entities.fields.name')}</th>
          <th scope="col">{t('entities.fields.kind')}</th>
          {showParent ? <th scope="col">{t('entities.fields.parent')}</th> : null}
          <th scope="col">{t('entities.fields.subdivisionCode')}</th>
          <th scope="col">{t('entities.children')}</th>
          {props.actions ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.items.map((entity) => (
          <tr key={entity.id}>
            <td>
              <Link to={`/entities/${entity.id}`}>{entity.name}</Link>
              {entity.acronym ? <span className="subtle"> ({entity.acronym})</span> : null}
              {entity.nameLocal ? (
                <span className="block subtle" dir="auto">
                  {entity.nameLocal}
                </span>
              ) : null}
            </td>
            <td>{describeEntity(entity, props.levels, props.i18n)}</td>
            {showParent ? (
              <td>{entity.parentId ? <Link to={`/entities/${entity.parentId}`}>{entity.parentName}</Link> : '—'}</td>
            ) : null}
            <td dir="ltr" className="mono">
              {entity.subdivisionCode ?? ''}
            </td>
            <td>{formatNumber(entity.childCount)}</td>
            {props.actions ? <td>{props.actions(entity)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
