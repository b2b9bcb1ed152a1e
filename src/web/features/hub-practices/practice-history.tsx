import type { PracticeVersion } from '../../../shared/schemas/hub-practices';
import { useT } from '../../i18n/i18n-provider';

/** Every version submitted, newest first: what became of it, who decided, the note. */
export function PracticeHistory(props: { history: PracticeVersion[]; publishedVersion: number | null }) {
  const { t, formatDateTime } = useT();
  if (props.history.length === 0) return null;
  return (
    <section className="card" aria-labelledby="practice-history">
      <h2 id="practice-history">{t('hubPractices.app.history')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('hubPractices.app.version')}</th>
            <th scope="col">{t('hubPractices.app.title')}</th>
            <th scope="col">{t('hubPractices.app.submittedBy')}</th>
            <th scope="col">{t('hubPractices.app.outcome')}</th>
            <th scope="col">{t('hubPractices.app.note')}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((row) => (
            <tr key={row.version}>
              <td>
                {row.version}
                {row.version === props.publishedVersion ? ` · ${t('hubPractices.app.live')}` : ''}
              </td>
              <td dir="auto">
                {row.title} <span className="subtle">({row.locales.join(', ')})</span>
              </td>
              <td>
                {row.submittedBy ?? '—'} · {formatDateTime(row.submittedAt)}
              </td>
              <td>
                {t(`hubPractices.outcome.${row.outcome}`)}
                {row.decidedAt ? ` · ${row.decidedBy ?? ''} ${formatDateTime(row.decidedAt)}` : ''}
              </td>
              <td dir="auto">{row.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
