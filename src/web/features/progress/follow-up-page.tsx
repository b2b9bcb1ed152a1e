import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { FollowUpItem } from '../../../shared/schemas/progress';
import { followUpGrades } from '../../../shared/schemas/register';
import { api, toAppError } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { fieldErrorsOfAppError } from '../../components/forms';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

const filterKeys = ['bodyCode', 'ungraded'] as const;
const pageSize = 25;

/** Treaty body follow-up: the recommendations picked for it, their deadlines, the committee's grades. */
export default function FollowUpPage() {
  const { t, formatDate } = useT();
  const { can } = useSession();
  const manager = can('progress:grade');
  const { filters, apply, list, card } = useListPage<Page<FollowUpItem>, (typeof filterKeys)[number]>(
    '/api/follow-up',
    { filters: filterKeys, pageSize },
  );
  const gradeLabels: Record<string, string> = {
    A: t('followUp.grade.A'),
    B: t('followUp.grade.B'),
    C: t('followUp.grade.C'),
    D: t('followUp.grade.D'),
    E: t('followUp.grade.E'),
  };
  return (
    <>
      <PageTitle>{t('followUp.title')}</PageTitle>
      <p>{t('followUp.intro')}</p>
      <ErrorMessage error={list.error} />
      <ListCard
        {...card}
        count={(count) => t('followUp.count', { count })}
        toolbar={
          <div className="filters-inline">
            <label>
              {t('followUp.body')}{' '}
              <input
                name="bodyCode"
                size={8}
                defaultValue={filters.bodyCode ?? ''}
                onBlur={(event) => apply({ bodyCode: event.target.value.trim().toUpperCase() })}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={filters.ungraded === 'true'}
                onChange={(event) => apply({ ungraded: event.target.checked ? 'true' : '' })}
              />{' '}
              {t('followUp.onlyUngraded')}
            </label>
          </div>
        }
      >
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('followUp.recommendation')}</th>
                <th scope="col">{t('followUp.due')}</th>
                <th scope="col">{t('followUp.gradeLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id} className={item.overdue ? 'row-attention' : undefined}>
                  <td>
                    <Link to={`/register/${item.id}`}>
                      {[item.reviewSymbol ?? item.bodyCode, item.number].filter(Boolean).join(' ')}
                    </Link>
                    <p className="subtle">{item.text.slice(0, 240)}</p>
                  </td>
                  <td>
                    {item.followUpDue ? formatDate(item.followUpDue, { dateStyle: 'medium', timeZone: 'UTC' }) : '—'}
                    {item.overdue ? <span className="badge badge-warning"> {t('followUp.overdue')}</span> : null}
                  </td>
                  <td>
                    {item.grade ? `${item.grade} — ${gradeLabels[item.grade]}` : t('followUp.notGraded')}
                    {item.gradeDocument ? <div className="subtle">{item.gradeDocument}</div> : null}
                    {manager ? <GradeForm item={item} labels={gradeLabels} onSaved={list.reload} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}

function GradeForm(props: { item: FollowUpItem; labels: Record<string, string>; onSaved: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const [grade, setGrade] = useState(props.item.grade ?? '');
  const [gradedAt, setGradedAt] = useState(props.item.gradedAt ?? '');
  const [document, setDocument] = useState(props.item.gradeDocument ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const errors = error ? fieldErrorsOfAppError(error, i18n) : {};
  const id = `grade-${props.item.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.put(`/api/follow-up/${props.item.id}/grade`, {
        grade: grade || null,
        gradedAt: gradedAt || null,
        gradeDocument: document || null,
        version: props.item.version,
      });
      props.onSaved();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <form onSubmit={save} className="inline-form" noValidate>
      <ErrorMessage error={error} />
      <label htmlFor={`${id}-grade`}>{t('followUp.gradeLabel')}</label>
      <select id={`${id}-grade`} value={grade} onChange={(event) => setGrade(event.target.value)}>
        <option value="">{t('followUp.notGraded')}</option>
        {followUpGrades.map((code) => (
          <option key={code} value={code}>
            {code} — {props.labels[code]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-date`}>{t('followUp.gradedAt')}</label>
      <DateInput
        id={`${id}-date`}
        value={gradedAt}
        aria-invalid={errors.gradedAt ? true : undefined}
        onChange={(event) => setGradedAt(event.target.value)}
      />
      {errors.gradedAt ? <p className="field-error">{errors.gradedAt}</p> : null}
      <label htmlFor={`${id}-doc`}>{t('followUp.document')}</label>
      <input id={`${id}-doc`} value={document} maxLength={100} onChange={(event) => setDocument(event.target.value)} />
      <button type="submit">{t('followUp.save')}</button>
    </form>
  );
}
