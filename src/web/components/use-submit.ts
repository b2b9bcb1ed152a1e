import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../shared/errors';
import { toAppError } from '../api/client';
import { useT } from '../i18n/i18n-provider';
import { type FieldErrors, fieldErrorsOfAppError, fieldErrorsOfZod } from './forms';

/**
 * One way to submit a form: check it with the payload's zod schema (the same one the server
 * uses), send it, and keep the translated error and per-field problems for the page to show.
 * A form shown on a page's first load may pass a loader of its schema instead
 * (`() => import('…/schemas/x').then((m) => m.xSchema)`): zod then arrives with the first
 * submit, not with the page (decision 029).
 */
export function useSubmit<S extends z.ZodType, R>(
  schema: S | (() => Promise<S>),
  send: (input: z.output<S>) => Promise<R>,
) {
  const i18n = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function submit(input: unknown, event?: FormEvent): Promise<R | undefined> {
    event?.preventDefault();
    setError(null);
    const checker = typeof schema === 'function' ? await schema() : schema;
    const parsed = checker.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOfZod(parsed.error, i18n.t));
      return undefined;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      return await send(parsed.data);
    } catch (cause) {
      const appError = toAppError(cause);
      setError(appError);
      setFieldErrors(fieldErrorsOfAppError(appError, i18n));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, fieldErrors, setFieldErrors, setError, submit };
}
