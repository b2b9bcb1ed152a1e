import { type ReactNode, type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import './confirm-dialog.css';

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

/**
 * An accessible confirmation, in place of window.confirm (which cannot be translated, styled or
 * read in the page's direction): a modal <dialog> (the browser traps focus and closes it on Esc),
 * labelled by its title and described by its text, focus on the safe choice, and back on the
 * control that opened it when it closes. `confirm(options)` resolves true or false.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (options: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })),
    [],
  );
  const element = pending ? (
    <ConfirmDialog
      {...pending}
      onClose={(ok) => {
        pending.resolve(ok);
        setPending(null);
      }}
    />
  ) : null;
  return [element, confirm];
}

/**
 * Opens the <dialog> it is given as a modal while the component is shown (focus on `initial`, if
 * given, else where the browser puts it), and on the way out closes it and puts focus back on the
 * control that opened it.
 */
export function useModal(initial?: RefObject<HTMLElement | null>) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    initial?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, [initial]);
  return ref;
}

function ConfirmDialog(props: ConfirmOptions & { onClose: (ok: boolean) => void }) {
  const { t } = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  const ref = useModal(cancel);
  const id = useId();
  const { onClose } = props;

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={props.body ? `${id}-body` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      {props.body ? <div id={`${id}-body`}>{props.body}</div> : null}
      <div className="form-actions">
        <button type="button" onClick={() => onClose(true)}>
          {props.confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button-secondary" onClick={() => onClose(false)}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
