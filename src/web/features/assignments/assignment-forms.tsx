import { type FormEvent, useState } from 'react';
import { type Assignment, createAssignmentsSchema, delegateSchema } from '../../../shared/schemas/assignments';
import type { EntitySummary } from '../../../shared/schemas/entities';
import { api } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { EntityChoice } from './entity-picker';

/** Assigns one entity to a selection (the recommendation page, or the register's batch edit). */
export function AssignForm(props: { recommendationIds: string[]; onDone: () => void }) {
  const { t } = useT();
  const [entity, setEntity] = useState<EntitySummary | null>(null);
  const [role, setRole] = useState<'lead' | 'supporting'>('lead');
  const [dueDate, setDueDate] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(createAssignmentsSchema, (input) =>
    api.post<{ created: number; updated: number }>('/api/assignments', input),
  );

  async function submit(event: FormEvent) {
    setNotice(null);
    const done = await form.submit(
      { recommendationIds: props.recommendationIds, entityId: entity?.id ?? '', role, dueDate: dueDate || undefined },
      event,
    );
    if (!done) return;
    setNotice(t('assignments.assigned', { name: entity?.name ?? '', created: done.created, updated: done.updated }));
    setEntity(null);
    setDueDate('');
    props.onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="assign-form">
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <EntityChoice
        name="entityId"
        label={t('assignments.entity')}
        chosen={entity}
        changeLabel={t('assignments.chooseAnother')}
        onClear={() => setEntity(null)}
        onChoose={setEntity}
        error={form.fieldErrors.entityId}
      />
      <fieldset className="choice-list">
        <legend>{t('assignments.roleLabel')}</legend>
        {(['lead', 'supporting'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />{' '}
            {t(`assignments.role.${value}`)}
          </label>
        ))}
      </fieldset>
      <DueDateField value={dueDate} onChange={setDueDate} error={form.fieldErrors.dueDate} />
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('assignments.assignSubmit', { count: props.recommendationIds.length })}
        </button>
      </div>
    </form>
  );
}

export function DelegateForm(props: { assignment: Assignment; onDone: () => void }) {
  const { t } = useT();
  const [entity, setEntity] = useState<EntitySummary | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(delegateSchema, (input) =>
    api.post<{ id: string }>(`/api/assignments/${props.assignment.id}/delegations`, input),
  );

  // A delegation done says so and empties the form, ready for the next entity: the same form
  // left filled in looked as if nothing had happened.
  async function submit(event: FormEvent) {
    setNotice(null);
    const done = await form.submit(
      { entityId: entity?.id ?? '', dueDate: dueDate || undefined, note: note.trim() || undefined },
      event,
    );
    if (!done) return;
    setNotice(t('assignments.delegated', { name: entity?.name ?? '' }));
    setEntity(null);
    setDueDate('');
    setNote('');
    props.onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="assign-form">
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <EntityChoice
        name="entityId"
        label={t('assignments.delegateTo')}
        hint={t('assignments.delegateHint')}
        lrgOnly
        chosen={entity}
        changeLabel={t('assignments.chooseAnother')}
        onClear={() => setEntity(null)}
        onChoose={setEntity}
        error={form.fieldErrors.entityId}
      />
      <DueDateField value={dueDate} onChange={setDueDate} error={form.fieldErrors.dueDate} />
      <Field name="note" label={t('assignments.note')} error={form.fieldErrors.note}>
        {(control) => (
          <textarea {...control} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('assignments.delegateSubmit')}
        </button>
      </div>
    </form>
  );
}

function DueDateField(props: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useT();
  return (
    <Field name="dueDate" label={t('assignments.dueDate')} error={props.error}>
      {(control) => <DateInput {...control} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}
