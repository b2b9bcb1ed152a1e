import { type FormEvent, useState } from 'react';
import {
  type CalendarEvent,
  type CalendarKind,
  type CalendarStatus,
  calendarKinds,
  createCalendarEventSchema,
  initialStatusOf,
  statusesOf,
  updateCalendarEventSchema,
} from '../../../shared/schemas/calendar';
import { api } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

interface Values {
  kind: CalendarKind;
  title: string;
  startsOn: string;
  endsOn: string;
  bodyCode: string;
  status: string;
  notes: string;
}

function valuesOf(event: CalendarEvent | null, day: string): Values {
  if (!event)
    return { kind: 'sp_visit', title: '', startsOn: day, endsOn: '', bodyCode: '', status: 'requested', notes: '' };
  return {
    kind: event.kind,
    title: event.customTitle ?? '',
    startsOn: event.startsOn,
    endsOn: event.endsOn ?? '',
    bodyCode: event.bodyCode ?? '',
    status: event.status ?? '',
    notes: event.notes ?? '',
  };
}

/** The payload from the form: empty text is "none". */
function inputOf(values: Values) {
  return {
    kind: values.kind,
    title: values.title.trim() || null,
    startsOn: values.startsOn,
    endsOn: values.endsOn || null,
    bodyCode: values.bodyCode || null,
    status: (values.status || null) as CalendarStatus | null,
    notes: values.notes.trim() || null,
  };
}

/** Adds an event, or changes one (a computed one keeps its kind; its title may stay the worded one). */
export function EventForm(props: {
  event: CalendarEvent | null;
  day: string;
  bodies: { code: string; name: string }[];
  onDone: (event: CalendarEvent | null) => void;
}) {
  const { t } = useT();
  const [confirmation, confirm] = useConfirm();
  const { event } = props;
  const computed = event?.source === 'computed';
  const [values, setValues] = useState<Values>(() => valuesOf(event, props.day));
  const create = useSubmit(createCalendarEventSchema, (input) =>
    api.post<CalendarEvent>('/api/calendar/events', input),
  );
  const update = useSubmit(updateCalendarEventSchema, (input) =>
    api.put<CalendarEvent>(`/api/calendar/events/${event?.id}`, input),
  );
  const remove = useSubmit(updateCalendarEventSchema, (input) =>
    api.delete(`/api/calendar/events/${event?.id}?version=${input.version}`),
  );
  const form = event ? update : create;
  const errors = { ...form.fieldErrors };
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));
  const statuses = statusesOf(values.kind);

  async function submit(formEvent: FormEvent) {
    const input = inputOf(values);
    const saved = event
      ? await update.submit({ ...input, version: event.version }, formEvent)
      : await create.submit(input, formEvent);
    if (saved) props.onDone(saved);
  }

  async function destroy() {
    if (!event || !(await confirm({ title: t('calendar.deleteConfirm'), confirmLabel: t('calendar.delete') }))) return;
    const done = await remove.submit({ ...inputOf(values), version: event.version });
    if (done !== undefined) props.onDone(null);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy} className="form-grid">
      {confirmation}
      <ErrorMessage error={form.error ?? remove.error} />
      {computed ? <p className="subtle">{t('calendar.computedNote')}</p> : null}
      <Field name="kind" label={t('calendar.fields.kind')} error={errors.kind}>
        {(control) => (
          <select
            {...control}
            value={values.kind}
            disabled={computed}
            onChange={(change) => {
              const kind = change.target.value as CalendarKind;
              set({ kind, status: initialStatusOf(kind) ?? '' });
            }}
          >
            {calendarKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`calendar.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="title"
        label={t('calendar.fields.title')}
        hint={computed ? t('calendar.fields.titleHint') : undefined}
        error={errors.title}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={300}
            required={!computed}
            value={values.title}
            placeholder={computed ? event?.title : undefined}
            onChange={(change) => set({ title: change.target.value })}
          />
        )}
      </Field>
      <Field name="startsOn" label={t('calendar.fields.startsOn')} error={errors.startsOn}>
        {(control) => (
          <DateInput
            {...control}
            required
            value={values.startsOn}
            onChange={(change) => set({ startsOn: change.target.value })}
          />
        )}
      </Field>
      <Field
        name="endsOn"
        label={t('calendar.fields.endsOn')}
        hint={t('calendar.fields.endsOnHint')}
        error={errors.endsOn}
      >
        {(control) => (
          <DateInput {...control} value={values.endsOn} onChange={(change) => set({ endsOn: change.target.value })} />
        )}
      </Field>
      <Field name="bodyCode" label={t('calendar.fields.body')} error={errors.bodyCode}>
        {(control) => (
          <select {...control} value={values.bodyCode} onChange={(change) => set({ bodyCode: change.target.value })}>
            <option value="">{t('calendar.noBody')}</option>
            {props.bodies.map((body) => (
              <option key={body.code} value={body.code}>
                {body.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {statuses.length > 0 ? (
        <Field name="status" label={t('calendar.fields.status')} error={errors.status}>
          {(control) => (
            <select {...control} value={values.status} onChange={(change) => set({ status: change.target.value })}>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(`calendar.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field name="notes" label={t('calendar.fields.notes')} error={errors.notes}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.notes}
            onChange={(change) => set({ notes: change.target.value })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => props.onDone(event)}>
          {t('common.cancel')}
        </button>
        {event && !computed ? (
          <button type="button" className="button-danger" onClick={destroy} disabled={remove.busy}>
            {t('calendar.delete')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
