import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { peekBootAnswer, usedBootAnswer } from '../api/boot-answers';
import {
  type ApiAnswer,
  type ApiInit,
  type ApiRoute,
  api,
  type Query,
  toAppError,
  urlOf,
  withQuery,
} from '../api/client';

export interface ApiState<T> {
  data: T | null;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the data in place after a write answered with the new record. */
  setData: (update: (current: T | null) => T | null) => void;
}

const subscribers = new Map<string, Set<() => void>>();

/** Tells every mounted useApi() of this path that its data changed (e.g. the shell's State name). */
export function invalidate(path: string): void {
  for (const reload of subscribers.get(path) ?? []) reload();
}

/** GETs a path whenever it or its query changes; a stale answer never overwrites a newer one. */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  // The answer the server sent with the page, if it did (decision 041): no request, no second render.
  const [boot] = useState(() => (path === null ? undefined : peekBootAnswer<T>(withQuery(path, query))));
  const [data, setDataState] = useState<T | null>(boot ?? null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(path !== null && boot === undefined);
  const [tick, setTick] = useState(0);
  const skipFirst = useRef(boot !== undefined);
  const queryKey = JSON.stringify(query ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload; queryKey stands for query.
  useEffect(() => {
    if (path === null) return;
    if (skipFirst.current) {
      skipFirst.current = false;
      usedBootAnswer(withQuery(path, JSON.parse(queryKey) as Query));
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<T>(path, JSON.parse(queryKey) as Query, controller.signal)
      .then((result) => {
        setDataState(result);
        setLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(toAppError(cause));
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, tick]);

  const reload = useCallback(() => setTick((value) => value + 1), []);

  useEffect(() => {
    if (path === null) return;
    const set = subscribers.get(path) ?? new Set();
    subscribers.set(path, set);
    set.add(reload);
    return () => {
      set.delete(reload);
    };
  }, [path, reload]);
  const setData = useCallback((update: (current: T | null) => T | null) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

/** useApi for a route named as the generated types name it: the answer is typed by the server's schema. */
export function useRoute<R extends Extract<ApiRoute, `GET ${string}`>>(route: R | null, init?: ApiInit<R>) {
  return useApi<ApiAnswer<R>>(
    route ? urlOf(route, { ...init, query: undefined } as ApiInit<R>) : null,
    init?.query as Query,
  );
}
