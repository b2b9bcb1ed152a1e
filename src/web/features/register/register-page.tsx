import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RecommendationRef } from '../../../shared/schemas/register';
import type { ApiAnswer } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { SelectionBar, SelectPage, useSelection } from '../../components/selection-bar';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { ClusterFilter } from './cluster-filter';
import { FacetPanel } from './facet-panel';
import { useStatusTerms } from './labels';
import {
  isFiltered,
  multiKeys,
  registerPageSize,
  type Sort,
  savedQueryOf,
  searchOf,
  useRegisterQuery,
} from './register-query';
import { ResultList } from './result-list';
import { SavedViews } from './saved-views';

// The batch panel (its forms, the assignment form and their schemas) loads when a selection is
// edited: most visits to the register only read it, and it kept the page over the first-load budget.
const BatchEdit = lazy(() => import('./batch-edit').then((module) => ({ default: module.BatchEdit })));

const sorts: readonly Sort[] = ['relevance', 'number', 'newest', 'updated'];

export default function RegisterPage() {
  const { t, locale, formatNumber } = useT();
  const { can } = useSession();
  const canEdit = can('register:batchEdit');
  const canCall = can('calls:manage');
  const selectable = canEdit || canCall;
  const navigate = useNavigate();
  const { query, update, toggle, replace } = useRegisterQuery();
  const search = searchOf(query);
  const apiSearch = new URLSearchParams(search);
  apiSearch.set('pageSize', String(registerPageSize));
  apiSearch.set('lang', locale);
  const results = useApi<ApiAnswer<'GET /api/recommendations'>>(`/api/recommendations?${apiSearch.toString()}`);
  const statuses = useStatusTerms();
  const [text, setText] = useState(query.q);
  // Kept by id across pages and searches, with what the call form shows of each.
  const { selected, toggle: toggleSelected, clear } = useSelection<RecommendationRef>();
  const [editing, setEditing] = useState(false);

  useEffect(() => setText(query.q), [query.q]);

  const exportSearch = searchOf(query, { page: false });
  exportSearch.set('lang', locale);
  const data = results.data;
  const bodyNames = new Map((data?.facets.body ?? []).map((item) => [item.value, item.label]));
  const pageIds = data?.items.map((item) => item.id) ?? [];

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    update({ q: text, sort: text.trim() ? 'relevance' : query.sort });
  }

  function select(ids: string[], on: boolean) {
    const wanted = new Set(ids);
    toggleSelected(
      (data?.items ?? [])
        .filter((item) => wanted.has(item.id))
        .map((item) => ({
          id: item.id,
          number: item.number,
          bodyCode: item.bodyCode,
          reviewSymbol: item.reviewSymbol,
          text: item.text,
        })),
      on,
    );
  }

  function clearSelection() {
    clear();
    setEditing(false);
  }

  return (
    <>
      <PageTitle>{t('register.title')}</PageTitle>
      {/* Past the search box and every facet (dozens of Tab stops) straight to the first result. */}
      <a className="skip-local" href="#register-results">
        {t('register.skipToResults')}
      </a>
      <search className="card register-search" aria-label={t('register.searchLabel')}>
        <form onSubmit={submitSearch} className="search-row">
          <label htmlFor="register-q">{t('register.searchLabel')}</label>
          <p id="register-q-hint" className="field-hint">
            {t('register.searchHint')}
          </p>
          <div className="search-box">
            <input
              id="register-q"
              name="q"
              type="search"
              value={text}
              aria-describedby="register-q-hint"
              placeholder={t('register.searchPlaceholder')}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit">{t('register.search')}</button>
          </div>
        </form>
      </search>
      <div className="register-layout">
        <aside className="register-side">
          <FacetPanel
            facets={data?.facets}
            query={query}
            onToggle={toggle}
            onClear={() => update({ filters: Object.fromEntries(multiKeys.map((key) => [key, []])) })}
          />
          <SavedViews current={savedQueryOf(query)} />
        </aside>
        <div className="register-main">
          <SelectionBar count={selected.size} label={t('register.selection.label')} onClear={clearSelection}>
            {canEdit ? (
              <button
                type="button"
                className="button-secondary button-small"
                aria-expanded={editing}
                aria-controls="register-batch"
                onClick={() => setEditing(!editing)}
              >
                {t('register.selection.edit', { count: selected.size })}
              </button>
            ) : null}
            {canCall ? (
              <button
                type="button"
                className="button-small"
                onClick={() => navigate('/calls/new', { state: { recommendations: [...selected.values()] } })}
              >
                {t('register.selection.call')}
              </button>
            ) : null}
          </SelectionBar>
          {canEdit && selected.size > 0 && editing ? (
            <div id="register-batch">
              <Suspense fallback={<Loading />}>
                <BatchEdit ids={[...selected.keys()]} onDone={results.reload} onClear={clearSelection} />
              </Suspense>
            </div>
          ) : null}
          <ErrorMessage error={results.error} />
          {results.error && isFiltered(query) ? (
            <p>
              <button
                type="button"
                className="button-secondary"
                onClick={() => update({ q: '', filters: Object.fromEntries(multiKeys.map((key) => [key, []])) })}
              >
                {t('register.clearAll')}
              </button>
            </p>
          ) : null}
          <ClusterFilter
            ids={query.filters.cluster}
            onRemove={(id) => update({ filters: { cluster: query.filters.cluster.filter((item) => item !== id) } })}
          />
          {data?.correctedQuery ? (
            <p className="alert alert-info" role="status">
              {t('register.corrected', { query: query.q, corrected: data.correctedQuery })}{' '}
              <button type="button" className="button-link" onClick={() => update({ q: data.correctedQuery ?? '' })}>
                {t('register.searchCorrected', { corrected: data.correctedQuery })}
              </button>
            </p>
          ) : null}
          <div className="card results-card" id="register-results" tabIndex={-1} aria-busy={results.loading}>
            <div className="results-toolbar">
              <h2 className="list-count" aria-live="polite">
                {data
                  ? `${t('register.total', { count: data.total })} · ${t('register.took', { ms: formatNumber(Math.round(data.tookMs)) })}`
                  : results.error
                    ? t('register.failed')
                    : t('common.loading')}
              </h2>
              <div className="results-tools">
                <label htmlFor="register-sort">{t('register.sort')}</label>
                <select
                  id="register-sort"
                  className="sort-select"
                  value={query.sort}
                  onChange={(event) => update({ sort: event.target.value as Sort })}
                >
                  {sorts.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(`register.sortBy.${sort}`)}
                    </option>
                  ))}
                </select>
                <a
                  className="button-secondary button-small button-anchor"
                  href={`/api/recommendations/export.csv?${exportSearch}`}
                  download
                >
                  {t('register.exportCsv')}
                </a>
                <a
                  className="button-secondary button-small button-anchor"
                  href={`/api/recommendations/export.xlsx?${exportSearch}`}
                  download
                >
                  {t('register.exportXlsx')}
                </a>
              </div>
            </div>
            {selectable ? (
              <SelectPage
                ids={pageIds}
                selected={selected}
                label={t('register.selectPage')}
                onChange={(on) => select(pageIds, on)}
              />
            ) : null}
            {data ? (
              data.items.length > 0 ? (
                <ResultList
                  items={data.items}
                  bodyNames={bodyNames}
                  statuses={statuses}
                  selectable={selectable}
                  selected={new Set(selected.keys())}
                  onSelect={(id, on) => select([id], on)}
                />
              ) : (
                <p>{isFiltered(query) ? t('register.noResults') : t('register.empty')}</p>
              )
            ) : results.loading ? (
              <Loading />
            ) : null}
            {data && data.total > data.pageSize ? (
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(page) => replace(searchOf({ ...query, page }))}
              />
            ) : null}
          </div>
        </div>
      </div>
    </>
  );
}
