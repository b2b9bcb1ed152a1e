import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { type batchEditResultSchema, batchEditSchema, createClusterSchema } from '../../../shared/schemas/register';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { parseSdgTargets, useAllTerms, useStatusTerms } from './labels';

type BatchResult = z.infer<typeof batchEditResultSchema>;
interface Cluster {
  id: string;
  name: string;
  description: string | null;
  size: number;
}

const empty = { addTheme: '', removeTheme: '', addSdg: '', removeSdg: '', status: '', clusterId: '', linkKind: '' };

/** One change applied to every selected recommendation (up to a thousand), for the secretariat. */
export function BatchEdit(props: { ids: string[]; onDone: () => void; onClear: () => void }) {
  const { t, locale } = useT();
  const themes = useAllTerms('theme');
  const statuses = useStatusTerms();
  const clusters = useApi<Cluster[]>('/api/clusters');
  const [draft, setDraft] = useState(empty);
  const [clusterName, setClusterName] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const batch = useSubmit(batchEditSchema, (input) => api.post<BatchResult>('/api/recommendations/batch', input));
  const newCluster = useSubmit(createClusterSchema, (input) => api.post<Cluster>('/api/clusters', input));
  const sortedThemes = [...themes].sort((a, b) => pickText(a.label, locale).localeCompare(pickText(b.label, locale)));

  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });

  async function createCluster() {
    const created = await newCluster.submit({ name: clusterName });
    if (!created) return;
    setClusterName('');
    clusters.setData((current) => [...(current ?? []), created]);
    setDraft({ ...draft, clusterId: created.id });
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
      clusterId: draft.clusterId || undefined,
      linkKind: draft.linkKind || undefined,
    };
    const done = await batch.submit(input, event);
    if (!done) return;
    setResult(t('register.batch.done', { updated: done.updated, linked: done.linked }));
    setDraft(empty);
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
          <Field name="clusterId" label={t('register.batch.clusterExisting')}>
            {(control) => (
              <select {...control} value={draft.clusterId} onChange={set('clusterId')}>
                <option value="">{t('common.none')}</option>
                {(clusters.data ?? []).map((cluster) => (
                  <option key={cluster.id} value={cluster.id}>
                    {t('register.batch.clusterOption', { name: cluster.name, count: cluster.size })}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
    </section>
  );
}
