import type { EntityRef } from '../../../shared/schemas/entities';
import type { Cluster, RecommendationRef } from '../../../shared/schemas/register';
import { Combobox } from '../../components/combobox';
import { useT } from '../../i18n/i18n-provider';
import { EntityPicker } from '../assignments/entity-picker';
import { useRecommendationName } from '../register/recommendation-name';
import { useRecommendationOptions } from '../register/recommendation-options';

export type ClusterRef = Pick<Cluster, 'id' | 'name' | 'size'>;

/** Chosen records shown as chips, each with a button to take it out. */
function Chips<T extends { id: string }>(props: {
  items: T[];
  label: string;
  none: string;
  nameOf: (item: T) => string;
  onRemove: (item: T) => void;
}) {
  const { t } = useT();
  if (props.items.length === 0) return <p className="subtle">{props.none}</p>;
  return (
    <ul className="chip-list" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.id} className="chip">
          <span>{props.nameOf(item)}</span>
          <button
            type="button"
            className="button-link"
            aria-label={t('actions.removeNamed', { name: props.nameOf(item) })}
            onClick={() => props.onRemove(item)}
          >
            {t('actions.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Supporting entities: found by name as the user types; the responsible one cannot be chosen. */
export function SupportingEntities(props: {
  value: EntityRef[];
  onChange: (value: EntityRef[]) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  return (
    <fieldset className="recommendation-picker">
      <legend>{t('actions.fields.supporting')}</legend>
      <EntityPicker
        name="supportingEntity"
        label={t('actions.addSupporting')}
        error={props.error}
        onChoose={(entity) =>
          props.value.some((item) => item.id === entity.id) ? undefined : props.onChange([...props.value, entity])
        }
      />
      <Chips
        items={props.value}
        label={t('actions.fields.supporting')}
        none={t('actions.noSupporting')}
        nameOf={(entity) => entity.name}
        onRemove={(entity) => props.onChange(props.value.filter((item) => item.id !== entity.id))}
      />
    </fieldset>
  );
}

/**
 * Recommendations and clusters the action answers, found as in the register (by words or by
 * paragraph number). The server pages the options and, for a focal point, offers only those in
 * their scope.
 */
export function LinkedRecommendations(props: {
  recommendations: RecommendationRef[];
  clusters: ClusterRef[];
  onChange: (value: { recommendations: RecommendationRef[]; clusters: ClusterRef[] }) => void;
  recommendationError?: string | undefined;
  clusterError?: string | undefined;
}) {
  const { t } = useT();
  const nameOf = useRecommendationName();
  const { recommendations, clusters } = props;
  const chosen = new Set(recommendations.map((item) => item.id));
  const chosenClusters = new Set(clusters.map((item) => item.id));

  const { loadRecommendations, loadClusters } = useRecommendationOptions();

  return (
    <fieldset className="recommendation-picker">
      <legend>{t('actions.fields.recommendations')}</legend>
      <p className="field-hint">{t('actions.linkHint')}</p>
      {props.recommendationError || props.clusterError ? (
        <p className="field-error" role="alert">
          {props.recommendationError ?? props.clusterError}
        </p>
      ) : null}
      <div className="form-grid">
        <Combobox<RecommendationRef>
          name="recommendation"
          label={t('actions.addRecommendation')}
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
          onChoose={(item) => props.onChange({ recommendations: [...recommendations, item], clusters })}
        />
        <Combobox<Cluster>
          name="cluster"
          label={t('actions.addCluster')}
          load={loadClusters}
          keyOf={(item) => item.id}
          render={(item) => (
            <span className="block">{t('calls.clusterOption', { name: item.name, count: item.size })}</span>
          )}
          unavailable={(item) => (chosenClusters.has(item.id) ? t('calls.alreadyChosen') : null)}
          onChoose={(item) =>
            props.onChange({
              recommendations,
              clusters: [...clusters, { id: item.id, name: item.name, size: item.size }],
            })
          }
        />
      </div>
      <Chips
        items={clusters}
        label={t('actions.fields.clusters')}
        none={t('actions.noClusters')}
        nameOf={(cluster) => t('calls.clusterOption', { name: cluster.name, count: cluster.size })}
        onRemove={(cluster) =>
          props.onChange({ recommendations, clusters: clusters.filter((item) => item.id !== cluster.id) })
        }
      />
      <Chips
        items={recommendations}
        label={t('actions.fields.recommendations')}
        none={t('actions.noRecommendations')}
        nameOf={nameOf}
        onRemove={(item) =>
          props.onChange({ recommendations: recommendations.filter((r) => r.id !== item.id), clusters })
        }
      />
    </fieldset>
  );
}
