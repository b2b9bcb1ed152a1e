import { type RefObject, useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { Waiting } from '../../shared/schemas/waiting';
import { api } from '../api/client';
import { useT } from '../i18n/i18n-provider';
import { navFor } from '../nav';
import { useSession } from '../session/session-provider';

/** How long the counts are reused while the person moves between pages. */
const countsFreshMs = 30_000;

/**
 * What waits for the signed-in person (GET /api/me/waiting), asked once and again on a page change
 * when the answer is older than 30 s: one small request, never one per link.
 */
export function useWaiting(): Waiting | null {
  const { user, can } = useSession();
  const { pathname } = useLocation();
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const fetchedAt = useRef(0);
  const wanted = Boolean(user) && (can('calls:inbox') || can('progress:toValidate'));
  const userId = user?.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change is the moment to refresh stale counts.
  useEffect(() => {
    if (!wanted) {
      setWaiting(null);
      fetchedAt.current = 0;
      return;
    }
    if (Date.now() - fetchedAt.current < countsFreshMs) return;
    const controller = new AbortController();
    fetchedAt.current = Date.now();
    api
      .get<Waiting>('/api/me/waiting', {}, controller.signal)
      .then(setWaiting)
      .catch(() => {
        // The counts are a convenience: the lists they link to say the same.
        fetchedAt.current = 0;
      });
    return () => controller.abort();
  }, [wanted, userId, pathname]);
  return waiting;
}

/** The open or closed state of the navigation on a narrow screen (a disclosure). */
export function useNavDisclosure() {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Following a link closes the menu, so that the page it opened is what shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path changing is the trigger.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, setOpen, toggle };
}

/** The header's "Menu" button, shown on narrow screens only (app.css), with what waits for me. */
export function NavToggle(props: {
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: RefObject<HTMLButtonElement | null>;
  waiting: Waiting | null;
}) {
  const { t } = useT();
  const total = (props.waiting?.inbox ?? 0) + (props.waiting?.toValidate ?? 0);
  return (
    <button
      ref={props.toggle}
      type="button"
      className="nav-toggle"
      aria-expanded={props.open}
      aria-controls="app-nav"
      onClick={() => props.setOpen(!props.open)}
    >
      <span className="nav-toggle-icon" aria-hidden="true" />
      {t('nav.menu')}
      {total > 0 ? (
        <span className="nav-count">
          <span aria-hidden="true">{total}</span>
          <span className="visually-hidden"> ({t('nav.menuWaiting', { count: total })})</span>
        </span>
      ) : null}
    </button>
  );
}

/** The count beside a link: a number to the eye, "3 to validate" to a screen reader. */
function LinkCount(props: { path: string; waiting: Waiting | null }) {
  const { t } = useT();
  const count =
    props.path === '/inbox'
      ? props.waiting?.inbox
      : props.path === '/progress/to-validate'
        ? props.waiting?.toValidate
        : null;
  if (!count) return null;
  const label = props.path === '/inbox' ? t('nav.waiting.inbox', { count }) : t('nav.waiting.toValidate', { count });
  return (
    <span className="nav-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden"> ({label})</span>
    </span>
  );
}

/** The navigation built from the registry; on a narrow screen hidden until the toggle opens it. */
export function AppNav(props: { open: boolean; waiting: Waiting | null }) {
  const { t } = useT();
  const { can } = useSession();
  return (
    <nav id="app-nav" className={props.open ? 'app-nav is-open' : 'app-nav'} aria-label={t('nav.label')}>
      {navFor(can).map((group) => (
        <div key={group.section} className="nav-group">
          <p className="nav-group-label" id={`nav-${group.section}`}>
            {t(group.labelKey)}
          </p>
          <ul aria-labelledby={`nav-${group.section}`}>
            {group.pages.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path} end={page.path === '/'}>
                  <span className="nav-link-label">{t(page.labelKey)}</span>
                  <LinkCount path={page.path} waiting={props.waiting} />
                </NavLink>
              </li>
            ))}
            {group.links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{t(link.labelKey)}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
