import { type FormEvent, useState } from 'react';
import { batchEditSchema, type Cluster, createClusterSchema } from '../../../shared/schemas/register';
import { typedApi } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { AssignForm } from '../assignments/assignment-forms';
import { parseSdgTargets, useAllTerms, useStatusTerms } from './labels';
import { useRecommendationOptions } from './recommendation-options';

const empty = { addTheme: '', removeTheme: '', addSdg: '', removeSdg: '', status: '', linkKind: '' };

/** One change applied to every selected recommendation (up to a thousand), for the secretariat. */
export function BatchEdit(props: { ids: string[]; onDone: () => void; onClear: () => void }) {
  const { t, locale } = useT();
  const { loadClusters } = useRecommendationOptions();
  const themes = useAllTerms('theme');
  const statuses = useStatusTerms();
  const [draft, setDraft] = useState(empty);
  const [cluster, setCluster] = useState<Cluster | null>(null);
  const [clusterName, setClusterName] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const batch = useSubmit(batchEditSchema, (input) =>
    typedApi.send('POST /api/recommendations/batch', { body: input }),
  );
  const newCluster = useSubmit(createClusterSchema, (input) => typedApi.send('POST /api/clusters', { body: input }));
  const sortedThemes = [...themes].sort((a, b) => pickText(a.label, locale).localeCompare(pickText(b.label, locale)));

  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });

  async function createCluster() {
    const created = await newCluster.submit({ name: clusterName });
    if (!created) return;
    setClusterName('');
    setCluster(created);
  }

  async function submit(event: FormEvent) {
    setResult(null);
    const input = {
      ids: props.ids,
      addThemeIds: draft.addTheme ? [Number(draft.addTheme)] : [],
      removeThemeIds: draft.removeTheme ? [Number(draft.removeTheme)] : [],
      addSdgTargets: parseSdgTargets(draft.addSdg),
      removeSdgTargets: parseSdgTargets(draft.removeSdg),
      status: draft.status || undefined,
      clusterId: cluster?.id,
      linkKind: draft.linkKind || undefined,
    };
    const done = await batch.submit(input, event);
    if (!done) return;
    setResult(t('register.batch.done', { updated: done.updated, linked: done.linked }));
    setDraft(empty);
    setCluster(null);
    props.onDone();
  }

  const sdgError = (field: string) =>
    Object.keys(batch.fieldErrors).some((key) => key.startsWith(field)) ? t('register.sdgTargetsInvalid') : undefined;

  const themeOptions = (
    <>
      <option value="">{t('common.none')}</option>
      {sortedThemes.map((term) => (
        <option key={term.id} value={term.id}>
          {pickText(term.label, locale)}
        </option>
      ))}
    </>
  );

  return (
    <section className="card batch-edit" aria-labelledby="batch-title">
      <h2 id="batch-title">{t('register.batch.title', { count: props.ids.length })}</h2>
      <ErrorMessage error={batch.error ?? newCluster.error} />
      <SuccessMessage>{result}</SuccessMessage>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field name="addTheme" label={t('register.batch.addTheme')}>
          {(control) => (
            <select {...control} value={draft.addTheme} onChange={set('addTheme')}>
              {themeOptions}
            </select>
          )}
        </Field>
        <Field name="removeTheme" label={t('register.batch.removeTheme')}>
          {(control) => (
            <select {...control} value={draft.removeTheme} onChange={set('removeTheme')}>
              {themeOptions}
            </select>
          )}
        </Field>
        <Field
          name="addSdg"
          label={t('register.batch.addSdg')}
          hint={t('register.sdgTargetsHint')}
          error={sdgError('addSdgTargets')}
        >
          {(control) => <input {...control} type="text" dir="ltr" value={draft.addSdg} onChange={set('addSdg')} />}
        </Field>
        <Field
          name="removeSdg"
          label={t('register.batch.removeSdg')}
          hint={t('register.sdgTargetsHint')}
          error={sdgError('removeSdgTargets')}
        >
          {(control) => (
            <input {...control} type="text" dir="ltr" value={draft.removeSdg} onChange={set('removeSdg')} />
          )}
        </Field>
        <Field name="status" label={t('register.batch.setStatus')}>
          {(control) => (
            <select {...control} value={draft.status} onChange={set('status')}>
              <option value="">{t('register.batch.keepStatus')}</option>
              {statuses.map((term) => (
                <option key={term.code} value={term.code}>
                  {pickText(term.label, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="linkKind" label={t('register.batch.link')}>
          {(control) => (
            <select {...control} value={draft.linkKind} onChange={set('linkKind')}>
              <option value="">{t('register.batch.noLink')}</option>
              <option value="related">{t('register.links.related')}</option>
              <option value="duplicate">{t('register.links.duplicate')}</option>
            </select>
          )}
        </Field>
        <fieldset className="batch-cluster">
          <legend>{t('register.batch.cluster')}</legend>
          {cluster ? (
            <p className="chip">
              <span>{t('register.batch.clusterOption', { name: cluster.name, count: cluster.size })}</span>
              <button
                type="button"
                className="button-link"
                aria-label={t('recommendation.removeTerm', { name: cluster.name })}
                onClick={() => setCluster(null)}
              >
                {t('recommendation.remove')}
              </button>
            </p>
          ) : (
            <Combobox<Cluster>
              name="clusterId"
              label={t('register.batch.clusterExisting')}
              load={loadClusters}
              keyOf={(item) => item.id}
              render={(item) => t('register.batch.clusterOption', { name: item.name, count: item.size })}
              onChoose={setCluster}
            />
          )}
          <div className="inline-create">
            <Field name="clusterName" label={t('register.batch.clusterNew')} error={newCluster.fieldErrors.name}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  value={clusterName}
                  maxLength={200}
                  onChange={(event) => setClusterName(event.target.value)}
                />
              )}
            </Field>
            <button type="button" className="button-secondary" disabled={newCluster.busy} onClick={createCluster}>
              {t('register.batch.clusterCreate')}
            </button>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={batch.busy}>
            {t('register.batch.apply', { count: props.ids.length })}
          </button>
          <button type="button" className="button-secondary" onClick={props.onClear}>
            {t('register.batch.clearSelection')}
          </button>
        </div>
      </form>
      <details className="edit-details">
        <summary>{t('assignments.assign')}</summary>
        <AssignForm recommendationIds={props.ids} onDone={props.onDone} />
      </details>
    </section>
  );
}
