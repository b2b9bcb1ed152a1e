import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { toAppError } from '../api/client';
import { useT } from '../i18n/i18n-provider';
import { ErrorMessage } from './error-message';
import { Field } from './field';

export interface OptionPage<T> {
  items: T[];
  total: number;
}

const debounceMs = 250;

/**
 * A text box that asks the server for a small page of options as the user types (never a whole
 * list in the browser), following the ARIA combobox pattern: arrows move through the options,
 * Enter chooses, Escape closes then clears. An option may be shown but not chosen, with a reason.
 */
export function Combobox<T>(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  load: (text: string, signal: AbortSignal) => Promise<OptionPage<T>>;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  /** Why an option cannot be chosen (already there, the record itself), or null. */
  unavailable?: (item: T) => string | null;
  onChoose: (item: T) => void;
}) {
  const { t, formatNumber } = useT();
  const listId = useId();
  const statusId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<OptionPage<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [active, setActive] = useState(-1);
  // The latest loader, without reloading when the parent passes a new function for the same thing.
  const load = useRef(props.load);
  load.current = props.load;

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      load
        .current(text.trim(), controller.signal)
        .then((page) => {
          setFound(page);
          setError(null);
          setActive(-1);
          setLoading(false);
        })
        .catch((cause: unknown) => {
          if (controller.signal.aborted) return;
          setError(toAppError(cause));
          setLoading(false);
        });
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, text]);

  const items = open ? (found?.items ?? []) : [];
  const reasonOf = (item: T) => props.unavailable?.(item) ?? null;
  const optionId = (index: number) => `${listId}-${index}`;

  function choose(item: T) {
    if (reasonOf(item)) return;
    props.onChoose(item);
    setText('');
    setOpen(false);
    setFound(null);
  }

  function move(step: number) {
    if (!open) {
      setOpen(true);
      return;
    }
    const count = items.length;
    if (count === 0) return;
    setActive((current) => {
      if (current < 0) return step > 0 ? 0 : count - 1;
      return (current + step + count) % count;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter') {
      // Enter picks an option; it never submits the surrounding form from here.
      event.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    }
  }

  let status = '';
  if (open && loading) status = t('combobox.searching');
  else if (open && found) {
    if (found.total === 0) status = t('combobox.none');
    else if (found.total > found.items.length)
      status = t('combobox.more', { shown: formatNumber(found.items.length), total: found.total });
    else status = t('combobox.count', { count: found.total });
  }

  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <div className="combobox">
          <div className="combobox-box">
            <input
              {...control}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={open && items.length > 0}
              aria-controls={listId}
              aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
              aria-describedby={[control['aria-describedby'], statusId].filter(Boolean).join(' ')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setOpen(true);
              }}
              onClick={() => setOpen(true)}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
            />
            <div
              id={listId}
              role="listbox"
              aria-label={props.label}
              className="combobox-list"
              hidden={items.length === 0}
            >
              {items.map((item, index) => {
                const reason = reasonOf(item);
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard reaches options through the input (aria-activedescendant).
                  <div
                    key={props.keyOf(item)}
                    id={optionId(index)}
                    role="option"
                    tabIndex={-1}
                    aria-selected={index === active}
                    aria-disabled={reason ? true : undefined}
                    className="combobox-option"
                    // Keeps the focus in the input, so that blur does not close the list before the click.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(item)}
                  >
                    {props.render(item)}
                    {reason ? <span className="block subtle">{reason}</span> : null}
                  </div>
                );
              })}
            </div>
          </div>
          <p id={statusId} className="field-hint combobox-status" role="status">
            {status}
          </p>
          <ErrorMessage error={error} />
        </div>
      )}
    </Field>
  );
}
