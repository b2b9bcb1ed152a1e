import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n-provider';
import { useSession } from '../session/session-provider';

/** The signed-in user's name, role, a link to their settings and the sign-out button. */
export function UserMenu() {
  const { t } = useT();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const details = useRef<HTMLDetailsElement>(null);
  if (!user) return null;

  function close() {
    details.current?.removeAttribute('open');
  }

  async function handleSignOut() {
    close();
    await signOut().catch(() => undefined);
    navigate('/sign-in');
  }

  return (
    <details className="user-menu" ref={details}>
      <summary>
        <span className="user-menu-name">{user.name}</span>
        <span className="visually-hidden"> {t('shell.userMenu')}</span>
      </summary>
      <div className="user-menu-panel">
        <p className="user-menu-email">{user.email}</p>
        <p className="user-menu-role">{t(`roles.${user.role}`)}</p>
        <Link to="/settings" onClick={close}>
          {t('nav.settings')}
        </Link>
        <button type="button" className="button-secondary" onClick={handleSignOut}>
          {t('shell.signOut')}
        </button>
      </div>
    </details>
  );
}
