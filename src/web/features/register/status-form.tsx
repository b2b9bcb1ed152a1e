import { type FormEvent, useEffect, useState } from 'react';
import type { RecommendationDetail } from '../../../shared/schemas/register';
import type { Term } from '../../../shared/schemas/taxonomies';
import { typedApi } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** Loaded with the first submit: the page's first load carries no zod (decision 029). */
const updateSchema = () =>
  import('../../../shared/schemas/register').then((module) => module.updateRecommendationSchema);

/** Changes the implementation status with a note; the history records who and when. */
export function StatusForm(props: {
  detail: RecommendationDetail;
  statuses: readonly Term[];
  onSaved: (detail: RecommendationDetail) => void;
  onStale: () => void;
}) {
  const { t, locale } = useT();
  const [status, setStatus] = useState(props.detail.status);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(updateSchema, (input) =>
    typedApi.send('PATCH /api/recommendations/{id}', { path: { id: props.detail.id }, body: input }),
  );

  async function submit(event: FormEvent) {
    setNotice(null);
    const saved = await form.submit(
      { status, statusNote: note.trim() || undefined, version: props.detail.version },
      event,
    );
    if (saved) {
      setNote('');
      setNotice(t('recommendation.statusSaved'));
      props.onSaved(saved);
    }
  }

  // Someone else saved first: load their version, keep the message on screen.
  const stale = form.error?.code === 'STALE_VERSION';
  const { onStale } = props;
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);

  return (
    <form onSubmit={submit} noValidate className="status-form">
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <Field name="status" label={t('recommendation.newStatus')} error={form.fieldErrors.status}>
        {(control) => (
          <select {...control} value={status} onChange={(event) => setStatus(event.target.value)}>
            {props.statuses.map((term) => (
              <option key={term.code} value={term.code}>
                {pickText(term.label, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="statusNote" label={t('recommendation.statusNote')} error={form.fieldErrors.statusNote}>
        {(control) => (
          <textarea {...control} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('recommendation.saveStatus')}
        </button>
      </div>
    </form>
  );
}
