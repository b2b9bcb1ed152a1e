import type { ProgressStatus } from '../../../shared/schemas/calls';
import { useT } from '../../i18n/i18n-provider';

/** Each workflow status in the reader's language (keys written out so the catalogue split finds them). */
export function ProgressStatusBadge(props: { status: ProgressStatus }) {
  const { t } = useT();
  const labels: Record<ProgressStatus, string> = {
    draft: t('progress.status.draft'),
    submitted: t('progress.status.submitted'),
    endorsed: t('progress.status.endorsed'),
    validated: t('progress.status.validated'),
    returned: t('progress.status.returned'),
  };
  return <span className={`badge badge-progress-${props.status}`}>{labels[props.status]}</span>;
}

export function useStepLabel() {
  const { t } = useT();
  return (step: 'submitted' | 'endorsed' | 'validated' | 'returned') =>
    ({
      submitted: t('progress.step.submitted'),
      endorsed: t('progress.step.endorsed'),
      validated: t('progress.step.validated'),
      returned: t('progress.step.returned'),
    })[step];
}

/** A period as "1 January 2024 – 31 December 2024", in UTC days. */
export function usePeriod() {
  const { t, formatDate } = useT();
  return (start: string | null, end: string | null) =>
    start && end
      ? t('progress.period', {
          start: formatDate(start, { dateStyle: 'medium', timeZone: 'UTC' }),
          end: formatDate(end, { dateStyle: 'medium', timeZone: 'UTC' }),
        })
      : '—';
}

/**
 * A narrative as the server sent it. It is sanitised there to a handful of tags (p, lists,
 * strong/em/u, h3/h4, blockquote, http/https/mailto links) before storing and again on output,
 * so rendering it as HTML is safe; nothing else in the client renders raw HTML.
 */
export function Narrative(props: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised HTML (modules/progress/sanitize.ts).
  return <div className="narrative" dangerouslySetInnerHTML={{ __html: props.html }} />;
}
