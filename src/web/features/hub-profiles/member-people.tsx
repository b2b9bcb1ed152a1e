import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { isLocale, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import {
  addHubMemberPersonSchema,
  type HubMemberPerson,
  type HubMemberView,
} from '../../../shared/schemas/hub-profiles';
import type { UserSummary } from '../../../shared/schemas/identity';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/**
 * Who acts for a member: its staff's member accounts. An existing member account is chosen from
 * the list; a new person is invited as a member account acting for it, in one step.
 */
export function MemberPeople(props: { member: HubMemberView }) {
  const { t, locale } = useT();
  const url = `/api/hub/members/${props.member.id}/people`;
  const people = useApi<{ items: HubMemberPerson[] }>(url);
  const accounts = useApi<Page<UserSummary>>('/api/admin/users', { role: 'member', pageSize: 200 });
  const [userId, setUserId] = useState('');
  const [invite, setInvite] = useState({ email: '', name: '', locale: locale as Locale });
  const [removeError, setRemoveError] = useState<AppError | null>(null);
  const add = useSubmit(addHubMemberPersonSchema, (input) => api.post<{ items: HubMemberPerson[] }>(url, input));

  async function addExisting(event: React.FormEvent) {
    const done = await add.submit({ userId }, event);
    if (done) people.setData(() => done);
  }
  async function invitePerson(event: React.FormEvent) {
    const done = await add.submit({ invite }, event);
    if (done) {
      people.setData(() => done);
      setInvite({ email: '', name: '', locale: invite.locale });
    }
  }
  async function remove(person: HubMemberPerson) {
    setRemoveError(null);
    try {
      const done = await api.delete<{ items: HubMemberPerson[] }>(`${url}/${person.userId}`);
      people.setData(() => done);
    } catch (error) {
      setRemoveError(toAppError(error));
      people.reload();
    }
  }

  const acting = new Set((people.data?.items ?? []).map((person) => person.userId));
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('hubProfiles.people.title')}</h2>
      <ErrorMessage error={people.error ?? add.error ?? removeError} />
      {people.data && people.data.items.length === 0 ? <p>{t('hubProfiles.people.none')}</p> : null}
      <ul>
        {(people.data?.items ?? []).map((person) => (
          <li key={person.userId}>
            {person.name} · {person.email} · {t(`users.status.${person.status}`)}{' '}
            <button type="button" className="button-secondary" onClick={() => remove(person)}>
              {t('hubProfiles.people.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={addExisting} noValidate className="form-grid">
        <Field name="userId" label={t('hubProfiles.people.existing')} error={add.fieldErrors.userId}>
          {(control) => (
            <select {...control} value={userId} onChange={(event) => setUserId(event.target.value)}>
              <option value="">{t('hubProfiles.people.choose')}</option>
              {(accounts.data?.items ?? [])
                .filter((account) => !acting.has(account.id))
                .map((account) => (
                  <option key={account.id} value={account.id}>
                    {account.name} · {account.email}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={add.busy || !userId}>
            {t('hubProfiles.people.add')}
          </button>
        </div>
      </form>
      <h3>{t('hubProfiles.people.inviteTitle')}</h3>
      <form onSubmit={invitePerson} noValidate className="form-grid">
        <Field name="invite.email" label={t('fields.email')} error={add.fieldErrors['invite.email']}>
          {(control) => (
            <input
              {...control}
              dir="ltr"
              type="email"
              value={invite.email}
              onChange={(event) => setInvite({ ...invite, email: event.target.value })}
            />
          )}
        </Field>
        <Field name="invite.name" label={t('fields.name')} error={add.fieldErrors['invite.name']}>
          {(control) => (
            <input
              {...control}
              value={invite.name}
              onChange={(event) => setInvite({ ...invite, name: event.target.value })}
            />
          )}
        </Field>
        <Field name="invite.locale" label={t('fields.language')}>
          {(control) => (
            <select
              {...control}
              value={invite.locale}
              onChange={(event) => isLocale(event.target.value) && setInvite({ ...invite, locale: event.target.value })}
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
          <button type="submit" disabled={add.busy}>
            {t('hubProfiles.people.invite')}
          </button>
        </div>
      </form>
    </section>
  );
}
