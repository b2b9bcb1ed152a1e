import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n-provider';
import { navFor } from '../../nav';
import { useSession } from '../../session/session-provider';
import { MyWork } from '../assignments/my-work';
import { HubHomeCard } from '../hub-profiles/hub-home-card';
import { RecentActivity } from './recent-activity';
import { StateProfileCard } from './state-profile-card';
import { WaitingForMe } from './waiting-for-me';

export default function HomePage() {
  const { t } = useT();
  const { user, can } = useSession();
  if (!user) return null;
  const shortcuts = navFor(can).flatMap((group) => group.pages.filter((page) => page.path !== '/'));

  return (
    <>
      <PageTitle>{t('home.title', { name: user.name })}</PageTitle>
      <section className="card welcome" aria-labelledby="welcome-title">
        <h2 id="welcome-title">{t('home.yourRole', { role: t(`roles.${user.role}`) })}</h2>
        <p>{t(`home.roleIntro.${user.role}`)}</p>
        {shortcuts.length > 0 ? (
          <ul className="shortcuts">
            {shortcuts.map((page) => (
              <li key={page.path}>
                <Link to={page.path}>{t(page.labelKey)}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <WaitingForMe />
      {can('assignments:mine') ? <MyWork /> : null}
      <div className="home-grid">
        {/* A knowledge hub's account (decision 034) has the hub where a State's has its profile. */}
        {can('hubMembers:list') ? <HubHomeCard /> : <StateProfileCard canEdit={can('stateProfile:edit')} />}
        <RecentActivity />
      </div>
    </>
  );
}
