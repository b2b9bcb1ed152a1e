import { Link } from 'react-router';
import type { Space } from '../../../shared/schemas/community';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import './community.css';

/** The community's spaces: one per theme, and the spaces of the networks the person is in. */
export default function SpacesPage() {
  const { t } = useT();
  const { can } = useSession();
  const spaces = useApi<Space[]>('/api/hub/community/spaces');
  const themes = spaces.data?.filter((space) => space.kind === 'theme') ?? [];
  const networks = spaces.data?.filter((space) => space.kind === 'network') ?? [];
  const list = (items: Space[]) => (
    <ul className="community-cards">
      {items.map((space) => (
        <li key={space.id} className="card">
          <h3>
            <Link to={`/community/spaces/${space.id}`}>{space.name}</Link>
          </h3>
          <p className="subtle">
            {t('hubCommunity.threadCount', { count: space.threadCount })}
            {space.following ? ` · ${t('hubCommunity.following')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <PageTitle>{t('hubCommunity.nav.spaces')}</PageTitle>
      <p>{t('hubCommunity.spaces.intro')}</p>
      <p className="community-links">
        <Link to="/community/follows">{t('hubCommunity.nav.follows')}</Link>
        <Link to="/community/events">{t('hubCommunity.nav.events')}</Link>
        {can('hubCommunity:moderate') ? (
          <Link to="/community/moderation">{t('hubCommunity.nav.moderation')}</Link>
        ) : null}
      </p>
      <ErrorMessage error={spaces.error} />
      {spaces.loading ? <Loading /> : null}
      <h2>{t('hubCommunity.spaces.themes')}</h2>
      {list(themes)}
      <h2>{t('hubCommunity.spaces.networks')}</h2>
      {networks.length === 0 && !spaces.loading ? (
        <p className="subtle">{t('hubCommunity.spaces.noNetwork')}</p>
      ) : (
        list(networks)
      )}
    </>
  );
}
