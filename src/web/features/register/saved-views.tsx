import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { createSavedViewSchema } from '../../../shared/schemas/register';
import { toAppError, typedApi } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useRoute } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { searchOfSaved } from './register-query';

interface SavedView {
  id: string;
  name: string;
  query: Record<string, unknown>;
  createdAt: string;
}

/** The user's named searches: save the current one, open one, delete one. */
export function SavedViews(props: { current: Record<string, unknown> }) {
  const { t } = useT();
  const views = useRoute('GET /api/saved-views');
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const form = useSubmit(createSavedViewSchema, (input) => typedApi.send('POST /api/saved-views', { body: input }));

  async function save(event: FormEvent) {
    setNotice(null);
    const created = await form.submit({ name, query: props.current }, event);
    if (!created) return;
    setName('');
    setNotice(t('register.views.saved', { name: created.name }));
    views.reload();
  }

  async function remove(view: SavedView) {
    setNotice(null);
    setDeleteError(null);
    try {
      await typedApi.send('DELETE /api/saved-views/{id}', { path: { id: view.id } });
      setNotice(t('register.views.deleted', { name: view.name }));
      views.reload();
    } catch (error) {
      setDeleteError(toAppError(error));
    }
  }

  const nameTaken = form.error?.code === 'CONFLICT';
  return (
    <section className="card saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('register.views.title')}</h2>
      <ErrorMessage error={views.error ?? deleteError ?? (nameTaken ? null : form.error)} />
      <SuccessMessage>{notice}</SuccessMessage>
      {views.data && views.data.length > 0 ? (
        <ul className="saved-view-list">
          {views.data.map((view) => (
            <li key={view.id}>
              <Link to={`/register?${searchOfSaved(view.query).toString()}`}>{view.name}</Link>
              <button
                type="button"
                className="button-link"
                onClick={() => remove(view)}
                aria-label={t('register.views.deleteNamed', { name: view.name })}
              >
                {t('register.views.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : views.data ? (
        <p className="subtle">{t('register.views.none')}</p>
      ) : null}
      <form onSubmit={save} noValidate>
        <Field
          name="name"
          label={t('register.views.name')}
          error={nameTaken ? t('register.views.nameTaken') : form.fieldErrors.name}
        >
          {(control) => (
            <input {...control} type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button-secondary button-small" disabled={form.busy}>
          {t('register.views.save')}
        </button>
      </form>
    </section>
  );
}
