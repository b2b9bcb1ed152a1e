import type { Page } from '../../../shared/schemas/common';
import type { Cluster, ReviewSummary } from '../../../shared/schemas/register';
import { Field } from '../../components/field';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

export interface ReportScope {
  cycle: number | undefined;
  clusterIds: string[];
  viewId: string | undefined;
}

interface SavedView {
  id: string;
  name: string;
}

/**
 * What narrows a report beyond its reviews (issue 17): one UPR cycle (for a UPR body), some
 * clusters, or one of the person's saved register views; the server applies them through the
 * register's own filters (`POST /api/reports`: cycle, clusterIds, viewId).
 */
export function ReportScopeFields(props: {
  mechanism: string | undefined;
  reviews: ReviewSummary[];
  scope: ReportScope;
  onChange: (scope: ReportScope) => void;
  errors: Partial<Record<'cycle' | 'clusterIds' | 'viewId', string>>;
}) {
  const { t } = useT();
  const clusters = useApi<Page<Cluster>>('/api/clusters', { pageSize: 200 });
  const views = useApi<SavedView[]>('/api/saved-views');
  const { scope, onChange } = props;
  // The cycles of the body's reviews; the four UPR cycles while none is recorded.
  const recorded = [...new Set(props.reviews.map((review) => review.cycle).filter((c): c is number => c !== null))];
  const cycles = recorded.length > 0 ? recorded.sort((a, b) => a - b) : [1, 2, 3, 4];
  return (
    <fieldset className="choice-list">
      <legend>{t('reports.fields.scope')}</legend>
      <p className="field-hint">{t('reports.scopeHint')}</p>
      {props.mechanism === 'upr' ? (
        <Field name="cycle" label={t('reports.fields.cycle')} error={props.errors.cycle}>
          {(control) => (
            <select
              {...control}
              value={scope.cycle ?? ''}
              onChange={(event) =>
                onChange({ ...scope, cycle: event.target.value ? Number(event.target.value) : undefined })
              }
            >
              <option value="">{t('reports.anyCycle')}</option>
              {cycles.map((cycle) => (
                <option key={cycle} value={cycle}>
                  {t('register.cycleN', { cycle })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field name="viewId" label={t('reports.fields.view')} error={props.errors.viewId}>
        {(control) => (
          <select
            {...control}
            value={scope.viewId ?? ''}
            onChange={(event) => onChange({ ...scope, viewId: event.target.value || undefined })}
          >
            <option value="">{t('reports.noView')}</option>
            {(views.data ?? []).map((view) => (
              <option key={view.id} value={view.id}>
                {view.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(clusters.data?.items.length ?? 0) > 0 ? (
        <fieldset className="choice-list">
          <legend>{t('reports.fields.clusters')}</legend>
          {(clusters.data?.items ?? []).map((cluster) => (
            <label key={cluster.id}>
              <input
                type="checkbox"
                checked={scope.clusterIds.includes(cluster.id)}
                onChange={(event) =>
                  onChange({
                    ...scope,
                    clusterIds: event.target.checked
                      ? [...scope.clusterIds, cluster.id]
                      : scope.clusterIds.filter((id) => id !== cluster.id),
                  })
                }
              />
              <span>
                {cluster.name} <span className="subtle">{t('reports.reviewCount', { count: cluster.size })}</span>
              </span>
            </label>
          ))}
          {props.errors.clusterIds ? (
            <p className="field-error" role="alert">
              {props.errors.clusterIds}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
