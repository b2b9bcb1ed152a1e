import type { AnswerStatus } from '../../../shared/schemas/calls';
import { useT } from '../../i18n/i18n-provider';

/** Where an entity stands on a call, as a badge (its colour repeats the words, never replaces them). */
export function AnswerStatusBadge(props: { status: AnswerStatus }) {
  const { t } = useT();
  return <span className={`badge badge-answer-${props.status}`}>{t(`calls.answerStatus.${props.status}`)}</span>;
}

/** A deadline is a calendar day: shown as that day wherever the reader is. */
export function useFormatDay() {
  const { formatDate } = useT();
  return (isoDate: string) => formatDate(isoDate, { dateStyle: 'long', timeZone: 'UTC' });
}

/** "7, 1" → [7, 1]; a part that is not a whole number becomes -1, which the form's check refuses. */
export function parseDays(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : -1));
}

export function formatDays(days: number[]): string {
  return days.join(', ');
}
