import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n-provider';

let firstPage = true;

/**
 * The page's one h1. It also names the browser tab, and after an in-app navigation it takes the
 * focus so that screen reader users hear where they landed.
 */
export function PageTitle(props: { children: string; actions?: ReactNode }) {
  const { t } = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const appName = t('app.name');

  useEffect(() => {
    document.title = `${props.children} · ${appName}`;
  }, [props.children, appName]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);

  return (
    <div className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {props.children}
      </h1>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </div>
  );
}
