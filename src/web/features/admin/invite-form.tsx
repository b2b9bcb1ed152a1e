import { useState } from 'react';
import { isLocale, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { roleForSeat } from '../../../shared/roles';
import { createInvitationSchema, type InvitationSummary, type Role } from '../../../shared/schemas/identity';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

/** Invites one person by e-mail, offering the roles the server says the inviter may give. */
export function InviteForm(props: { onInvited: (invitation: InvitationSummary) => void }) {
  const { t, locale } = useT();
  const { invitableRoles: allowedRoles } = useSession();
  // By default, the role of an entity's member: the one most people invited get.
  const empty = { email: '', name: '', role: roleForSeat.member, organisation: '', locale: locale as Locale };
  const [values, setValues] = useState(empty);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(createInvitationSchema, (input) =>
    api.post<InvitationSummary>('/api/admin/invitations', input),
  );

  async function handleSubmit(event: React.FormEvent) {
    setSentTo(null);
    const invitation = await form.submit({ ...values, organisation: values.organisation.trim() || undefined }, event);
    if (!invitation) return;
    setSentTo(invitation.email);
    setValues({ ...empty, role: values.role, locale: values.locale });
    props.onInvited(invitation);
  }

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invitations.inviteTitle')}</h2>
      <p>{t('invitations.inviteIntro')}</p>
      <ErrorMessage error={form.error} />
      <SuccessMessage>{sentTo ? t('invitations.sent', { email: sentTo }) : null}</SuccessMessage>
      <form onSubmit={handleSubmit} noValidate aria-busy={form.busy} className="form-grid">
        <Field name="email" label={t('fields.email')} error={form.fieldErrors.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(event) => setValues({ ...values, email: event.target.value })}
              required
            />
          )}
        </Field>
        <Field name="name" label={t('fields.name')} error={form.fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.target.value })}
              required
            />
          )}
        </Field>
        <Field name="role" label={t('fields.role')} error={form.fieldErrors.role}>
          {(control) => (
            <select
              {...control}
              value={values.role}
              onChange={(event) => setValues({ ...values, role: event.target.value as Role })}
            >
              {allowedRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="organisation" label={t('fields.organisation')} error={form.fieldErrors.organisation}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.organisation}
              onChange={(event) => setValues({ ...values, organisation: event.target.value })}
            />
          )}
        </Field>
        <Field
          name="locale"
          label={t('fields.language')}
          hint={t('invitations.languageHint')}
          error={form.fieldErrors.locale}
        >
          {(control) => (
            <select
              {...control}
              value={values.locale}
              onChange={(event) => isLocale(event.target.value) && setValues({ ...values, locale: event.target.value })}
            >
              {locales.map((code) => (
                <option key={code} value={code} lang={code}>
                  {localeNames[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('invitations.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
