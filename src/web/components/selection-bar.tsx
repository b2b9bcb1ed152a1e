import { type ReactNode, useState } from 'react';
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

/**
 * What a list keeps ticked, by id, across its pages and searches, with what the actions need of
 * each item; `toggle` ticks or unticks several at once (a row, or a whole page).
 */
export function useSelection<T extends { id: string }>() {
  const [selected, setSelected] = useState<Map<string, T>>(new Map());
  function toggle(items: T[], on: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      for (const item of items) {
        if (on) next.set(item.id, item);
        else next.delete(item.id);
      }
      return next;
    });
  }
  return { selected, setSelected, toggle, clear: () => setSelected(new Map()) };
}

/** The box that ticks (or unticks) every item of the page shown; nothing while the page is empty. */
export function SelectPage(props: {
  ids: string[];
  selected: ReadonlyMap<string, unknown>;
  label: string;
  onChange: (on: boolean) => void;
}) {
  if (props.ids.length === 0) return null;
  const all = props.ids.every((id) => props.selected.has(id));
  return (
    <label className="select-all">
      <input type="checkbox" checked={all} onChange={(event) => props.onChange(event.target.checked)} />
      {props.label}
    </label>
  );
}
