import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

export default function NotFoundPage() {
  const { t } = useT();
  const { user } = useSession();
  return (
    <section className="card narrow">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={user ? '/' : '/sign-in'}>{user ? t('notFound.home') : t('common.backToSignIn')}</Link>
      </p>
    </section>
  );
}
