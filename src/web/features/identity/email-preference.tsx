import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/**
 * One kind of mail a person may turn off (calls for input, action or indicator reminders), as a
 * card of the settings page: read from and saved to `endpoint` as `{ [field]: boolean }`, checked
 * with the route's own schema. What lands in an entity's inbox stays there regardless.
 */
export function EmailPreference<F extends string>(props: {
  endpoint: string;
  field: F;
  schema: z.ZodType<Record<F, boolean>>;
  title: string;
  label: string;
  hint: string;
}) {
  const { t } = useT();
  const titleId = useId();
  const current = useApi<Record<F, boolean>>(props.endpoint);
  const [byEmail, setByEmail] = useState(true);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(props.schema, (input) => api.put<Record<F, boolean>>(props.endpoint, input));
  useEffect(() => {
    if (current.data) setByEmail(current.data[props.field]);
  }, [current.data, props.field]);

  async function submit(event: React.FormEvent) {
    setSaved(false);
    if (await form.submit({ [props.field]: byEmail }, event)) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <ErrorMessage error={current.error ?? form.error} />
      <SuccessMessage>{saved ? t('notifications.saved') : null}</SuccessMessage>
      <form onSubmit={submit} noValidate aria-busy={form.busy || current.loading}>
        <fieldset className="choice-list">
          <legend>{t('notifications.byEmail')}</legend>
          <label>
            <input
              type="checkbox"
              name={props.field}
              checked={byEmail}
              onChange={(event) => setByEmail(event.target.checked)}
            />
            <span>
              {props.label}
              <span className="block subtle">{props.hint}</span>
            </span>
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={form.busy || current.loading}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
