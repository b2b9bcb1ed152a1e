import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { type CallDetail, createCallSchema } from '../../../shared/schemas/calls';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { CallFields, type CallFieldValues, callInputOf, emptyCallFields } from './call-fields';
import { RecommendationPicker, type RecommendationSelection, selectionInput } from './recommendation-picker';

/**
 * A new call, saved as a draft: its text, deadline, questions and reminders, the recommendations
 * it is about, and whether to ask every duty bearer assigned to them. The draft's page then shows
 * the entities asked and sends it.
 */
export default function CallNewPage() {
  const { t } = useT();
  const navigate = useNavigate();
  // From the register's selection bar or a cluster: the recommendations chosen there, to review here.
  const handed = useLocation().state as Partial<RecommendationSelection> | null;
  const [values, setValues] = useState<CallFieldValues>(emptyCallFields);
  const [selection, setSelection] = useState<RecommendationSelection>(() => ({
    recommendations: handed?.recommendations ?? [],
    clusters: handed?.clusters ?? [],
  }));
  const [allAssigned, setAllAssigned] = useState(true);
  const form = useSubmit(createCallSchema, (input) => api.post<CallDetail>('/api/calls', input));

  async function submit(event: FormEvent) {
    const created = await form.submit({ ...callInputOf(values), ...selectionInput(selection), allAssigned }, event);
    if (created) navigate(`/calls/${created.id}`);
  }

  const selectionError = form.fieldErrors.recommendationIds ?? form.fieldErrors.clusterIds;

  return (
    <>
      <PageTitle>{t('calls.newTitle')}</PageTitle>
      <p>
        <Link to="/calls">{t('calls.back')}</Link>
      </p>
      <p>{t('calls.newIntro')}</p>
      {handed?.recommendations?.length || handed?.clusters?.length ? (
        <p className="alert alert-info">
          {t('calls.fromSelection', {
            count: (handed.recommendations?.length ?? 0) + (handed.clusters ?? []).reduce((sum, c) => sum + c.size, 0),
          })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate aria-busy={form.busy} className="card">
        <ErrorMessage error={form.error} />
        <CallFields values={values} onChange={setValues} errors={form.fieldErrors} />
        <RecommendationPicker value={selection} onChange={setSelection} error={selectionError} />
        <fieldset className="choice-list">
          <legend>{t('calls.entities')}</legend>
          <label>
            <input
              type="checkbox"
              name="allAssigned"
              checked={allAssigned}
              onChange={(event) => setAllAssigned(event.target.checked)}
            />
            <span>
              {t('calls.allAssigned')}
              <span className="block subtle">{t('calls.allAssignedHint')}</span>
            </span>
          </label>
          {form.fieldErrors.entityIds ? (
            <p className="field-error" role="alert">
              {form.fieldErrors.entityIds}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('calls.saveDraft')}
          </button>
        </div>
      </form>
    </>
  );
}
