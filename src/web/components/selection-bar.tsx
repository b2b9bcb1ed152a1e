import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import './selection.css';

/**
 * What is ticked in a list, kept in view: a bar that sticks to the top of the screen from the
 * first box ticked, saying how many are chosen (announced politely) with the actions on them
 * and a way to clear the choice. Nothing is shown while nothing is chosen.
 */
export function SelectionBar(props: { count: number; label: string; onClear: () => void; children?: ReactNode }) {
  const { t } = useT();
  if (props.count === 0) return <div className="visually-hidden" aria-live="polite" />;
  return (
    <section className="selection-bar" aria-label={props.label}>
      <p className="selection-count" aria-live="polite">
        {t('selection.count', { count: props.count })}
      </p>
      <div className="selection-actions">
        {props.children}
        <button type="button" className="button-secondary button-small" onClick={props.onClear}>
          {t('selection.clear')}
        </button>
      </div>
    </section>
  );
}
