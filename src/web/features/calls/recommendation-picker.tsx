import type { Cluster, RecommendationRef } from '../../../shared/schemas/register';
import { Combobox } from '../../components/combobox';
import { useT } from '../../i18n/i18n-provider';
import { useRecommendationName } from '../register/recommendation-name';
import { useRecommendationOptions } from '../register/recommendation-options';

export interface RecommendationSelection {
  recommendations: RecommendationRef[];
  clusters: Cluster[];
}

export const emptySelection: RecommendationSelection = { recommendations: [], clusters: [] };

export function selectionInput(selection: RecommendationSelection) {
  return {
    recommendationIds: selection.recommendations.map((item) => item.id),
    clusterIds: selection.clusters.map((item) => item.id),
  };
}

/**
 * Chooses the recommendations of a call: one by one (found by number or words, as in the
 * register) and whole clusters. The choice is listed with a button to take each one out.
 */
export function RecommendationPicker(props: {
  value: RecommendationSelection;
  onChange: (value: RecommendationSelection) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const nameOf = useRecommendationName();
  const { recommendations, clusters } = props.value;
  const chosen = new Set(recommendations.map((item) => item.id));
  const chosenClusters = new Set(clusters.map((item) => item.id));

  const { loadRecommendations, loadClusters } = useRecommendationOptions();

  return (
    <fieldset className="recommendation-picker">
      <legend>{t('calls.recommendations')}</legend>
      <p className="field-hint">{t('calls.pickHint')}</p>
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="form-grid">
        <Combobox<RecommendationRef>
          name="recommendation"
          label={t('calls.addRecommendation')}
          hint={t('calls.findHint')}
          load={loadRecommendations}
          keyOf={(item) => item.id}
          render={(item) => (
            <>
              <strong className="block">{nameOf(item)}</strong>
              <span className="block subtle clamp">{item.text}</span>
            </>
          )}
          unavailable={(item) => (chosen.has(item.id) ? t('calls.alreadyChosen') : null)}
          onChoose={(item) => props.onChange({ ...props.value, recommendations: [...recommendations, item] })}
        />
        <Combobox<Cluster>
          name="cluster"
          label={t('calls.addCluster')}
          load={loadClusters}
          keyOf={(item) => item.id}
          render={(item) => (
            <span className="block">{t('calls.clusterOption', { name: item.name, count: item.size })}</span>
          )}
          unavailable={(item) => (chosenClusters.has(item.id) ? t('calls.alreadyChosen') : null)}
          onChoose={(item) => props.onChange({ ...props.value, clusters: [...clusters, item] })}
        />
      </div>
      {recommendations.length + clusters.length > 0 ? (
        <ul className="chip-list" aria-label={t('calls.chosen')}>
          {clusters.map((cluster) => (
            <li key={cluster.id} className="chip">
              <span>{t('calls.clusterOption', { name: cluster.name, count: cluster.size })}</span>
              <button
                type="button"
                className="button-link"
                aria-label={t('calls.removeNamed', { name: cluster.name })}
                onClick={() =>
                  props.onChange({ ...props.value, clusters: clusters.filter((c) => c.id !== cluster.id) })
                }
              >
                {t('calls.remove')}
              </button>
            </li>
          ))}
          {recommendations.map((item) => (
            <li key={item.id} className="chip">
              <span>{nameOf(item)}</span>
              <button
                type="button"
                className="button-link"
                aria-label={t('calls.removeNamed', { name: nameOf(item) })}
                onClick={() =>
                  props.onChange({
                    ...props.value,
                    recommendations: recommendations.filter((r) => r.id !== item.id),
                  })
                }
              >
                {t('calls.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">{t('calls.noneChosen')}</p>
      )}
    </fieldset>
  );
}
