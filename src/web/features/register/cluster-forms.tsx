import { type FormEvent, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { type Cluster, createClusterSchema, updateClusterSchema } from '../../../shared/schemas/register';
import { typedApi } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** Name and description, the two things a person writes about a cluster. */
function ClusterFields(props: {
  name: string;
  description: string;
  errors: Record<string, string>;
  onChange: (next: { name: string; description: string }) => void;
}) {
  const { t } = useT();
  const { name, description } = props;
  return (
    <div className="form-grid">
      <Field name="name" label={t('clusters.name')} error={props.errors.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            required
            value={name}
            onChange={(event) => props.onChange({ name: event.target.value, description })}
          />
        )}
      </Field>
      <Field name="description" label={t('clusters.description')} error={props.errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={description}
            onChange={(event) => props.onChange({ name, description: event.target.value })}
          />
        )}
      </Field>
    </div>
  );
}

/** A name used by another cluster comes back as CONFLICT with an issue on `name`, shown at the field alone. */
const generalError = (error: AppError | null) => (error?.code === 'CONFLICT' ? null : error);

export function NewCluster(props: { onCreated: (cluster: Cluster) => void }) {
  const { t } = useT();
  const [draft, setDraft] = useState({ name: '', description: '' });
  const form = useSubmit(createClusterSchema, (input) => typedApi.send('POST /api/clusters', { body: input }));

  async function submit(event: FormEvent) {
    const created = await form.submit(
      { name: draft.name.trim(), description: draft.description.trim() || undefined },
      event,
    );
    if (!created) return;
    setDraft({ name: '', description: '' });
    props.onCreated(created);
  }

  return (
    <details className="edit-details">
      <summary>{t('clusters.new')}</summary>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={generalError(form.error)} />
        <ClusterFields
          name={draft.name}
          description={draft.description}
          errors={form.fieldErrors}
          onChange={setDraft}
        />
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('clusters.create')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** Renames a cluster at the version shown; someone else's change first reloads the list. */
export function EditCluster(props: { cluster: Cluster; onDone: (saved: Cluster | null) => void; onStale: () => void }) {
  const { t } = useT();
  const { cluster } = props;
  const [draft, setDraft] = useState({ name: cluster.name, description: cluster.description ?? '' });
  const form = useSubmit(updateClusterSchema, (input) =>
    typedApi.send('PATCH /api/clusters/{id}', { path: { id: cluster.id }, body: input }),
  );

  async function submit(event: FormEvent) {
    const saved = await form.submit(
      { name: draft.name.trim(), description: draft.description.trim() || null, version: cluster.version },
      event,
    );
    if (saved) props.onDone(saved);
  }

  const stale = form.error?.code === 'STALE_VERSION';
  const { onStale } = props;
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);

  return (
    <form
      onSubmit={submit}
      noValidate
      className="term-edit"
      aria-label={t('clusters.renameNamed', { name: cluster.name })}
    >
      <ErrorMessage error={generalError(form.error)} />
      <ClusterFields name={draft.name} description={draft.description} errors={form.fieldErrors} onChange={setDraft} />
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => props.onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
