import { type InputHTMLAttributes, useEffect, useMemo, useRef, useState } from 'react';
import { directionOf } from '../../shared/i18n/locales';
import { useT } from '../i18n/i18n-provider';
import { dateFormat, toIso } from './date-format';

/**
 * The one date field of the app. `<input type="date">` writes dates in the browser's language
 * (mm/dd/yyyy in an English Chromium even on the Arabic pages); this one writes and reads them in
 * the app's language through Intl (the order of day, month and year, the locale's digits, and
 * Western digits typed anywhere), and hands the form an ISO date (yyyy-mm-dd). Arrow keys move
 * the date by a day (with Shift, a month); the calendar button opens the browser's own picker on
 * a hidden date input, so no calendar code is shipped. Text that is no date is handed on as typed,
 * so the form's schema names the field.
 */
export function DateInput(
  props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
  },
) {
  const { value, onChange, min, max, ...rest } = props;
  const { t, locale } = useT();
  const format = useMemo(() => dateFormat(locale), [locale]);
  const [text, setText] = useState(() => format.show(value));
  const emitted = useRef(value);
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (a reset, a loaded record) replaces the text; our own echo does not.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(format.show(value));
    }
  }, [value, format]);

  const emit = (iso: string) => {
    emitted.current = iso;
    onChange({ target: { value: iso } });
  };
  const type = (next: string) => {
    setText(next);
    emit(next.trim() ? (format.read(next) ?? next.trim()) : '');
  };
  const step = (days: number, months: number) => {
    const base = format.read(text) ?? today();
    const [y, m, d] = base.split('-').map(Number) as [number, number, number];
    const moved = toIso(new Date(Date.UTC(y, m - 1 + months, d + days)));
    setText(format.show(moved));
    emit(moved);
  };

  return (
    <span className="date-input">
      <input
        {...rest}
        // The locale's date in the page's direction (its marks order day, month and year right to left in Arabic).
        dir={directionOf(locale)}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={format.pattern}
        value={text}
        onChange={(event) => type(event.target.value)}
        onBlur={(event) => {
          const iso = format.read(text);
          if (iso) setText(format.show(iso));
          rest.onBlur?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
          event.preventDefault();
          const sign = event.key === 'ArrowUp' ? 1 : -1;
          step(event.shiftKey ? 0 : sign, event.shiftKey ? sign : 0);
        }}
      />
      <button
        type="button"
        className="button-secondary button-small date-input-open"
        aria-label={t('dates.pick')}
        title={t('dates.pick')}
        disabled={rest.disabled}
        onClick={() => picker.current?.showPicker?.()}
      >
        <span aria-hidden="true">▦</span>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-input-native"
        tabIndex={-1}
        aria-hidden="true"
        value={format.read(text) ?? ''}
        min={min}
        max={max}
        onChange={(event) => {
          setText(format.show(event.target.value));
          emit(event.target.value);
        }}
      />
    </span>
  );
}

const today = () => toIso(new Date());
