import { useEffect, useState } from 'react';

type Idle = (callback: () => void, options?: { timeout: number }) => number;

/** After the browser has painted and has a moment (requestIdleCallback where there is one). */
function whenIdle(callback: () => void): () => void {
  const idle = (window as unknown as { requestIdleCallback?: Idle }).requestIdleCallback;
  if (idle) {
    const handle = idle(callback, { timeout: 300 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 16);
  return () => window.clearTimeout(handle);
}

/**
 * How many of a list's items to render now: the first `first` at once, then `step` more at each
 * idle moment until all are there (decision 041). A long list rendered in one go is one long
 * task that blocks the page's first input; in slices it is several short ones, and the first
 * screen paints after the first. A new list (another object) starts again from `first`.
 */
export function useProgressiveCount<T>(items: readonly T[], first = 5, step = 5): number {
  const [state, setState] = useState({ items, shown: Math.min(first, items.length) });
  const shown = state.items === items ? state.shown : Math.min(first, items.length);
  if (state.items !== items) setState({ items, shown });
  useEffect(() => {
    if (shown >= items.length) return;
    return whenIdle(() =>
      setState((current) =>
        current.items === items ? { items, shown: Math.min(items.length, current.shown + step) } : current,
      ),
    );
  }, [items, shown, step]);
  return shown;
}
