import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

/** On a hub account's home page: the public hub, and the work the account's role has here. */
export function HubHomeCard() {
  const { t, locale } = useT();
  const { can } = useSession();
  return (
    <section className="card" aria-labelledby="hub-home-title">
      <h2 id="hub-home-title">{t('hub.home.title')}</h2>
      <p>{t('hub.home.intro')}</p>
      <ul>
        <li>
          <a href={`/hub/${locale}/`}>{t('hubProfiles.home.public')}</a>
        </li>
        <li>
          <a href={`/hub/${locale}/members`}>{t('hubProfiles.public.membersTitle')}</a>
        </li>
        {can('hubProfiles:editOwn') ? (
          <li>
            <Link to="/our-profile">{t('hubProfiles.nav.ourProfile')}</Link>
          </li>
        ) : null}
        {can('hubMembers:manage') ? (
          <li>
            <Link to="/hub-admin/members">{t('hubProfiles.nav.members')}</Link>
          </li>
        ) : null}
        {can('hubNetworks:manage') ? (
          <li>
            <Link to="/hub-admin/networks">{t('hubProfiles.nav.networks')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
