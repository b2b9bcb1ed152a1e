import { Link } from 'react-router';
import { type AuditEvent, auditActions } from '../../../shared/schemas/audit';
import type { Page } from '../../../shared/schemas/common';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { recordTypeLabel } from '../../components/record-type';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { AuditChanges } from './audit-changes';

const filterKeys = ['actorId', 'action', 'recordType', 'recordId', 'from', 'to'] as const;
const pageSize = 50;

export default function AuditPage() {
  const i18n = useT();
  const { t, formatDateTime } = i18n;
  const { filters, draft, setDraft, apply, list, card } = useListPage<Page<AuditEvent>, (typeof filterKeys)[number]>(
    '/api/admin/audit',
    { filters: filterKeys, pageSize },
  );
  const denied = list.error?.code === 'FORBIDDEN';
  const set = (key: (typeof filterKeys)[number]) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      {denied ? null : (
        <search aria-label={t('common.filters')}>
          <form
            className="filters card"
            onSubmit={(event) => {
              event.preventDefault();
              apply(draft);
            }}
          >
            <Field name="action" label={t('audit.action')}>
              {(control) => (
                <select {...control} value={draft.action} onChange={set('action')}>
                  <option value="">{t('common.all')}</option>
                  {auditActions.map((action) => (
                    <option key={action} value={action}>
                      {t(`audit.actions.${action}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="recordType" label={t('audit.recordType')}>
              {(control) => <input {...control} type="text" value={draft.recordType} onChange={set('recordType')} />}
            </Field>
            <Field name="recordId" label={t('audit.recordId')}>
              {(control) => (
                <input {...control} type="text" dir="ltr" value={draft.recordId} onChange={set('recordId')} />
              )}
            </Field>
            <Field name="from" label={t('audit.from')}>
              {(control) => <DateInput {...control} value={draft.from} onChange={set('from')} />}
            </Field>
            <Field name="to" label={t('audit.to')}>
              {(control) => <DateInput {...control} value={draft.to} onChange={set('to')} />}
            </Field>
            <div className="form-actions">
              <button type="submit">{t('common.apply')}</button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => apply(Object.fromEntries(filterKeys.map((key) => [key, ''])))}
              >
                {t('common.clear')}
              </button>
            </div>
            {filters.actorId ? (
              <p className="filter-chip">
                {t('audit.filteredByActor')}{' '}
                <button type="button" className="button-link" onClick={() => apply({ actorId: '' })}>
                  {t('audit.showAllActors')}
                </button>
              </p>
            ) : null}
          </form>
        </search>
      )}
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('audit.count', { count })}>
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.record')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                  </td>
                  <td>
                    {event.actorId ? (
                      <Link to={`/admin/audit?actorId=${encodeURIComponent(event.actorId)}`}>{event.actorLabel}</Link>
                    ) : (
                      event.actorLabel
                    )}
                  </td>
                  <td>{t(`audit.actions.${event.action}`)}</td>
                  <td>
                    {recordTypeLabel(event.recordType, i18n)}
                    {event.recordId ? (
                      <span className="subtle block mono" dir="ltr">
                        {event.recordId}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <AuditChanges before={event.before} after={event.after} />
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
