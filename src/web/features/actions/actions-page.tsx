import { Link } from 'react-router';
import { type ActionSummary, actionEntityRoles, actionSorts, actionStatuses } from '../../../shared/schemas/actions';
import type { Page } from '../../../shared/schemas/common';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { EntityFilter } from '../assignments/entity-picker';
import { useFormatBudget, useFormatDay } from './labels';

const filterKeys = [
  'q',
  'status',
  'entityId',
  'entityRole',
  'overdue',
  'sort',
  'recommendationId',
  'clusterId',
] as const;
type Filters = Record<(typeof filterKeys)[number], string>;
const empty: Filters = {
  q: '',
  status: '',
  entityId: '',
  entityRole: '',
  overdue: '',
  sort: '',
  recommendationId: '',
  clusterId: '',
};
const pageSize = 25;

/** Actions within the reader's scope, filtered and paged by the server. */
export default function ActionsPage() {
  const { t, formatNumber } = useT();
  const { can } = useSession();
  const formatBudget = useFormatBudget();
  const formatDay = useFormatDay();
  const { draft, setDraft, list, card, form } = useListPage<Page<ActionSummary>, (typeof filterKeys)[number]>(
    '/api/actions',
    { filters: filterKeys, pageSize },
  );
  const canCreate = can('actions:create');

  return (
    <>
      <PageTitle
        actions={
          canCreate ? (
            <Link className="button-anchor" to="/actions/new">
              {t('actions.new')}
            </Link>
          ) : undefined
        }
      >
        {t('actions.title')}
      </PageTitle>
      <p>{t('actions.intro')}</p>
      <FilterForm {...form} empty={empty}>
        <TextFilter name="q" label={t('actions.search')} value={draft.q} onChange={(q) => setDraft({ ...draft, q })} />
        <SelectFilter
          name="status"
          label={t('fields.status')}
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
          options={actionStatuses.map((status) => ({ value: status, label: t(`actions.status.${status}`) }))}
        />
        <EntityFilter
          name="entityId"
          label={t('actions.filterEntity')}
          value={draft.entityId}
          changeLabel={t('actions.chooseAnotherEntity')}
          onChange={(entityId) => setDraft({ ...draft, entityId })}
        />
        <SelectFilter
          name="entityRole"
          label={t('actions.filterEntityRole')}
          value={draft.entityRole === 'any' ? '' : draft.entityRole}
          onChange={(entityRole) => setDraft({ ...draft, entityRole })}
          options={actionEntityRoles
            .filter((role) => role !== 'any')
            .map((role) => ({ value: role, label: t(`actions.entityRole.${role}`) }))}
        />
        <SelectFilter
          name="overdue"
          label={t('actions.filterOverdue')}
          value={draft.overdue}
          onChange={(overdue) => setDraft({ ...draft, overdue })}
          options={[
            { value: 'true', label: t('actions.overdueOnly') },
            { value: 'false', label: t('actions.notOverdue') },
          ]}
        />
        <Field name="sort" label={t('actions.sortBy')}>
          {(control) => (
            <select
              {...control}
              value={draft.sort || 'due'}
              onChange={(event) => setDraft({ ...draft, sort: event.target.value })}
            >
              {actionSorts.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`actions.sort.${sort}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.recommendationId || draft.clusterId ? (
          <p className="subtle">
            {draft.recommendationId ? t('actions.filteredByRecommendation') : t('actions.filteredByCluster')}{' '}
            <button
              type="button"
              className="button-link"
              onClick={() => setDraft({ ...draft, recommendationId: '', clusterId: '' })}
            >
              {t('actions.remove')}
            </button>
          </p>
        ) : null}
      </FilterForm>
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('actions.count', { count })}>
        {(data) => (
          <table>
            <caption className="visually-hidden">{t('actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.fields.title')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('actions.fields.responsible')}</th>
                <th scope="col">{t('actions.fields.endDate')}</th>
                <th scope="col">{t('actions.fields.budget')}</th>
                <th scope="col">{t('actions.fields.recommendations')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((action) => (
                <tr key={action.id} className={action.overdue ? 'row-attention' : undefined}>
                  <td>
                    <Link to={`/actions/${action.id}`}>{action.title}</Link>
                  </td>
                  <td>
                    <span className={`badge badge-action-${action.status}`}>
                      {t(`actions.status.${action.status}`)}
                    </span>
                    {action.overdue ? <span className="badge badge-overdue">{t('actions.overdue')}</span> : null}
                  </td>
                  <td>{action.responsibleEntity.name}</td>
                  <td>
                    {action.endDate ? (
                      <time dateTime={action.endDate}>{formatDay(action.endDate)}</time>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td>{action.budget ? <span dir="ltr">{formatBudget(action.budget)}</span> : t('common.none')}</td>
                  <td>{formatNumber(action.recommendationCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
