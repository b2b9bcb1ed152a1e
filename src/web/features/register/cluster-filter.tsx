import { Link } from 'react-router';
import { useRoute } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

/** The register filtered by a cluster (?cluster=…, from the clusters page or a recommendation): says which, and undoes it. */
export function ClusterFilter(props: { ids: string[]; onRemove: (id: string) => void }) {
  if (props.ids.length === 0) return null;
  return (
    <ul className="filter-notes">
      {props.ids.map((id) => (
        <ClusterFilterNote key={id} id={id} onRemove={() => props.onRemove(id)} />
      ))}
    </ul>
  );
}

function ClusterFilterNote(props: { id: string; onRemove: () => void }) {
  const { t } = useT();
  const { can } = useSession();
  const cluster = useRoute('GET /api/clusters/{id}', { path: { id: props.id } });
  const name = cluster.data?.name;
  return (
    <li className="alert alert-info">
      {cluster.error
        ? t('register.clusterFilterGone')
        : name
          ? t('register.clusterFilter', { name })
          : t('common.loading')}{' '}
      <button type="button" className="button-link" onClick={props.onRemove}>
        {t('register.clusterFilterRemove')}
      </button>
      {cluster.data && can('calls:manage') ? (
        <>
          {' · '}
          <Link to="/calls/new" state={{ clusters: [cluster.data] }}>
            {t('clusters.callNamed', { name: cluster.data.name })}
          </Link>
        </>
      ) : null}
    </li>
  );
}
