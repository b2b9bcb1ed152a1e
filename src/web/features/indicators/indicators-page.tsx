import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import { type IndicatorSummary, indicatorTypes } from '../../../shared/schemas/indicators';
import { ErrorMessage } from '../../components/error-message';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { useFormatDay } from '../actions/labels';
import { EntityFilter } from '../assignments/entity-picker';

const filterKeys = ['q', 'type', 'ownerId', 'sdg', 'recommendationId'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;
const empty: Filters = { q: '', type: '', ownerId: '', sdg: '', recommendationId: '' };
const pageSize = 25;

/** Indicators with their owner, last period and next due date, filtered and paged by the server. */
export default function IndicatorsPage() {
  const { t, formatNumber } = useT();
  const { can } = useSession();
  const formatDay = useFormatDay();
  const { draft, setDraft, list, card, form } = useListPage<Page<IndicatorSummary>, (typeof filterKeys)[number]>(
    '/api/indicators',
    { filters: filterKeys, pageSize },
  );
  const canCreate = can('indicators:manage');

  return (
    <>
      <PageTitle
        actions={
          canCreate ? (
            <Link className="button-anchor" to="/indicators/new">
              {t('indicators.new')}
            </Link>
          ) : undefined
        }
      >
        {t('indicators.title')}
      </PageTitle>
      <p>{t('indicators.intro')}</p>
      <FilterForm {...form} empty={empty}>
        <TextFilter
          name="q"
          label={t('indicators.search')}
          value={draft.q}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <SelectFilter
          name="type"
          label={t('indicators.fields.type')}
          value={draft.type}
          onChange={(type) => setDraft({ ...draft, type })}
          options={indicatorTypes.map((type) => ({ value: type, label: t(`indicators.type.${type}`) }))}
        />
        <EntityFilter
          name="ownerId"
          label={t('indicators.fields.owner')}
          value={draft.ownerId}
          changeLabel={t('indicators.chooseAnotherEntity')}
          onChange={(ownerId) => setDraft({ ...draft, ownerId })}
        />
        <TextFilter
          name="sdg"
          label={t('indicators.filterSdg')}
          value={draft.sdg}
          onChange={(sdg) => setDraft({ ...draft, sdg })}
        />
        {draft.recommendationId ? (
          <p className="subtle">
            {t('indicators.filteredByRecommendation')}{' '}
            <button type="button" className="button-link" onClick={() => setDraft({ ...draft, recommendationId: '' })}>
              {t('indicators.removeFilter')}
            </button>
          </p>
        ) : null}
      </FilterForm>
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('indicators.count', { count })}>
        {(data) => (
          <table>
            <caption className="visually-hidden">{t('indicators.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.fields.code')}</th>
                <th scope="col">{t('indicators.fields.title')}</th>
                <th scope="col">{t('indicators.fields.type')}</th>
                <th scope="col">{t('indicators.fields.owner')}</th>
                <th scope="col">{t('indicators.fields.sdgCodes')}</th>
                <th scope="col">{t('indicators.observationsCount')}</th>
                <th scope="col">{t('indicators.nextDue')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((indicator) => (
                <tr key={indicator.id}>
                  <td dir="ltr" className="mono">
                    {indicator.code}
                  </td>
                  <td>
                    <Link to={`/indicators/${indicator.id}`}>{indicator.title}</Link>
                    <span className="block subtle">{indicator.unit}</span>
                  </td>
                  <td>{t(`indicators.type.${indicator.type}`)}</td>
                  <td>{indicator.owner.name}</td>
                  <td dir="ltr">{indicator.sdgCodes.join(', ') || '—'}</td>
                  <td className="numeric">{formatNumber(indicator.observationCount)}</td>
                  <td>
                    {indicator.nextDue ? (
                      <>
                        <time dateTime={indicator.nextDue}>{formatDay(indicator.nextDue)}</time>{' '}
                        {indicator.overdue ? (
                          <span className="badge badge-overdue">{t('indicators.overdue')}</span>
                        ) : null}
                      </>
                    ) : (
                      t('common.none')
                    )}
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
