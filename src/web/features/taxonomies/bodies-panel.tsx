import { type FormEvent, useEffect, useState } from 'react';
import type { Mechanism } from '../../../shared/schemas/register';
import {
  addableMechanisms,
  type BodyRecord,
  createBodySchema,
  updateBodySchema,
} from '../../../shared/schemas/taxonomies';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { LabelFields, type Labels, trimLabels } from './label-fields';

/**
 * The bodies that issue recommendations (the UPR, treaty bodies, Special Procedures mandates,
 * regional mechanisms), with their names in the six languages. Admins add a body an import
 * refused as unknown ("GREVIO", "SR-WATER") and rename one, at its version.
 */
export function BodiesPanel(props: { canEdit: boolean }) {
  const { t, locale, formatNumber } = useT();
  const list = useApi<BodyRecord[]>('/api/bodies/records');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="bodies-title">
      <h2 id="bodies-title">{t('taxonomies.bodies')}</h2>
      <p>{t('taxonomies.bodiesIntro')}</p>
      <ErrorMessage error={list.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {list.data ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="bodies-title" tabIndex={0}>
          <table aria-labelledby="bodies-title">
            <thead>
              <tr>
                <th scope="col">{t('taxonomies.code')}</th>
                <th scope="col">{t('taxonomies.name')}</th>
                <th scope="col">{t('register.facet.mechanism')}</th>
                <th scope="col">{t('taxonomies.bodyReviews')}</th>
                {props.canEdit ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((body) =>
                editing === body.code ? (
                  <tr key={body.code}>
                    <td colSpan={5}>
                      <BodyForm
                        body={body}
                        onDone={(saved) => {
                          setEditing(null);
                          if (!saved) return;
                          setNotice(t('taxonomies.bodySaved', { code: saved.code }));
                          list.reload();
                        }}
                        onStale={list.reload}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={body.code}>
                    <td dir="ltr" className="mono">
                      {body.code}
                    </td>
                    <td>{pickText(body.name, locale)}</td>
                    <td>{t(`register.mechanism.${body.mechanism}`)}</td>
                    <td>{formatNumber(body.reviews)}</td>
                    {props.canEdit ? (
                      <td>
                        <button
                          type="button"
                          className="button-secondary button-small"
                          aria-label={t('taxonomies.editNamed', { code: body.code })}
                          onClick={() => {
                            setNotice(null);
                            setEditing(body.code);
                          }}
                        >
                          {t('common.edit')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
      ) : null}
      {props.canEdit ? (
        <details className="edit-details">
          <summary>{t('taxonomies.newBody')}</summary>
          <BodyForm
            onDone={(saved) => {
              if (!saved) return;
              setNotice(t('taxonomies.bodyCreated', { code: saved.code }));
              list.reload();
            }}
          />
        </details>
      ) : null}
    </section>
  );
}

/** A new body (code, kind, names), or an existing one's kind and names at its version. */
function BodyForm(props: { body?: BodyRecord; onDone: (saved: BodyRecord | null) => void; onStale?: () => void }) {
  const { t } = useT();
  const { body } = props;
  const [code, setCode] = useState('');
  const [mechanism, setMechanism] = useState<Mechanism>(body?.mechanism ?? 'special_procedure');
  const [name, setName] = useState<Labels>(body?.name ?? {});
  const create = useSubmit(createBodySchema, (input) => api.post<BodyRecord>('/api/bodies', input));
  const update = useSubmit(updateBodySchema, (input) =>
    api.patch<BodyRecord>(`/api/bodies/${encodeURIComponent(body?.code ?? '')}`, input),
  );
  const form = body ? update : create;
  const choices: readonly Mechanism[] = body?.mechanism === 'upr' ? ['upr'] : addableMechanisms;

  async function submit(event: FormEvent) {
    const saved = body
      ? await update.submit({ mechanism, name: trimLabels(name), version: body.version }, event)
      : await create.submit({ code: code.trim().toUpperCase(), mechanism, name: trimLabels(name) }, event);
    if (!saved) return;
    if (!body) {
      setCode('');
      setName({});
    }
    props.onDone(saved);
  }

  const stale = form.error?.code === 'STALE_VERSION';
  const { onStale } = props;
  useEffect(() => {
    if (stale) onStale?.();
  }, [stale, onStale]);

  const codeTaken = form.error?.code === 'CONFLICT';
  return (
    <form onSubmit={submit} noValidate>
      <ErrorMessage error={codeTaken ? null : form.error} />
      {body ? null : (
        <Field
          name="code"
          label={t('taxonomies.code')}
          hint={t('taxonomies.bodyCodeHint')}
          error={
            codeTaken
              ? t('taxonomies.bodyCodeTaken', { code })
              : form.fieldErrors.code
                ? t('taxonomies.bodyCodeInvalid')
                : undefined
          }
        >
          {(control) => (
            <input {...control} type="text" dir="ltr" value={code} onChange={(event) => setCode(event.target.value)} />
          )}
        </Field>
      )}
      <Field name="mechanism" label={t('register.facet.mechanism')} error={form.fieldErrors.mechanism}>
        {(control) => (
          <select {...control} value={mechanism} onChange={(event) => setMechanism(event.target.value as Mechanism)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`register.mechanism.${choice}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LabelFields
        legend={t('taxonomies.name')}
        value={name}
        errors={form.fieldErrors}
        errorPrefix="name"
        onChange={setName}
      />
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {body ? t('common.save') : t('taxonomies.addBody')}
        </button>
        {body ? (
          <button type="button" className="button-secondary" onClick={() => props.onDone(null)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
