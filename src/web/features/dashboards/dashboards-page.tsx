import type { z } from 'zod';
import type { bodySchema } from '../../../shared/schemas/taxonomies';
import { DateInput } from '../../components/date-input';
import { Field } from '../../components/field';
import { FilterForm, SelectFilter } from '../../components/filter-form';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useDraft } from '../../components/use-draft';
import { useUrlFilters } from '../../components/use-url-filters';
import { useT } from '../../i18n/i18n-provider';
import { EntityFilter } from '../assignments/entity-picker';
import { type DashboardFilterValues, emptyFilters, filterKeys } from './filters';
import { OverdueList } from './overdue-list';
import { StatusBreakdownCard } from './status-breakdown';
import { StatusTrendCard } from './status-trend';

const viewKeys = ['dimension', 'limit', 'interval', 'periods'] as const;

/**
 * Where implementation stands: statuses per mechanism, body, cycle, theme, SDG goal, entity or
 * local government; what is overdue; how statuses changed month by month. Every choice lives in
 * the URL, so a dashboard view can be bookmarked and shared; the server counts, within the
 * reader's scope.
 */
export default function DashboardsPage() {
  const { t } = useT();
  const { filters: all, page, apply, setPage } = useUrlFilters([...filterKeys, ...viewKeys]);
  const filters: DashboardFilterValues = {
    body: all.body,
    cycle: all.cycle,
    entity: all.entity,
    from: all.from,
    to: all.to,
  };
  const [draft, setDraft] = useDraft(filters);
  const bodies = useApi<z.infer<typeof bodySchema>[]>('/api/bodies');
  // Changing a view (dimension, interval…) keeps the overdue list's page.
  const setView = (next: Partial<Record<(typeof viewKeys)[number], string>>) => apply(next, page);

  return (
    <>
      <PageTitle>{t('dashboards.title')}</PageTitle>
      <p>{t('dashboards.intro')}</p>
      <FilterForm draft={draft} setDraft={setDraft} apply={apply} empty={emptyFilters}>
        <SelectFilter
          name="body"
          label={t('dashboards.filter.body')}
          value={draft.body}
          onChange={(body) => setDraft({ ...draft, body })}
          options={(bodies.data ?? []).map((body) => ({ value: body.code, label: body.name }))}
        />
        <Field name="cycle" label={t('dashboards.filter.cycle')}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={20}
              inputMode="numeric"
              value={draft.cycle}
              onChange={(event) => setDraft({ ...draft, cycle: event.target.value })}
            />
          )}
        </Field>
        <EntityFilter
          name="entity"
          label={t('dashboards.filter.entity')}
          value={draft.entity}
          changeLabel={t('common.remove')}
          onChange={(entity) => setDraft({ ...draft, entity })}
        />
        <Field name="from" label={t('dashboards.filter.from')} hint={t('dashboards.filter.datesHint')}>
          {(control) => (
            <DateInput
              {...control}
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          )}
        </Field>
        <Field name="to" label={t('dashboards.filter.to')}>
          {(control) => (
            <DateInput
              {...control}
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
          )}
        </Field>
      </FilterForm>
      <StatusBreakdownCard
        filters={filters}
        dimension={all.dimension}
        limit={all.limit}
        onView={(dimension, limit) => setView({ dimension, limit })}
      />
      <StatusTrendCard
        filters={filters}
        interval={all.interval}
        periods={all.periods}
        onView={(interval, periods) => setView({ interval, periods })}
      />
      <OverdueList filters={filters} page={page} onPage={setPage} />
    </>
  );
}
