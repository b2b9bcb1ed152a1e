import type { z } from 'zod';
import type { AppError } from '../../shared/errors';
import type { I18n } from '../i18n/i18n-provider';

/** Translated problems by field name, to show next to each field. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/** Turns one zod issue into a catalogue message, so client-side checks speak the user's language. */
function messageOfIssue(issue: Issue, t: I18n['t']): string {
  // A schema's own message names a catalogue key (refinements, patterns): the precise reason.
  if (issue.message?.startsWith('issues.')) return t(issue.message);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('issues.required') : t('issues.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('issues.required');
      return t('issues.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('issues.tooLong', { max: Number(issue.maximum) });
      return t('issues.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('issues.email');
      if (issue.format === 'date') return t('issues.date');
      return t('issues.invalid');
    case 'invalid_type':
      return t('issues.required');
    default:
      return t('issues.invalid');
  }
}

export function fieldErrorsOfZod(error: z.ZodError, t: I18n['t']): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = messageOfIssue(issue, t);
  }
  return errors;
}

/** Field problems reported by the server: a catalogue key when it sends one, else a generic message. */
export function fieldErrorsOfAppError(error: AppError, i18n: Pick<I18n, 't' | 'has'>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (!issue.path || issue.path in errors) continue;
    errors[issue.path] = i18n.has(issue.message) ? i18n.t(issue.message) : i18n.t('issues.invalid');
  }
  return errors;
}
