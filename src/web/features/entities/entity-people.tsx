import { type FormEvent, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { isLocale, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { roleForSeat } from '../../../shared/roles';
import type { Page } from '../../../shared/schemas/common';
import {
  type EntityDetail,
  type EntityPerson,
  invitePersonSchema,
  type Seat,
  seats,
} from '../../../shared/schemas/entities';
import type { Role, UserSummary } from '../../../shared/schemas/identity';
import { api, toAppError } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { fieldErrorsOfAppError } from '../../components/forms';
import { ListCard } from '../../components/list-card';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { seatLabel } from './labels';

function SeatSelect(props: {
  name: string;
  label: string;
  value: Seat;
  onChange: (seat: Seat) => void;
  error?: string;
}) {
  const { t } = useT();
  return (
    <Field name={props.name} label={props.label} error={props.error}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value as Seat)}>
          {seats.map((seat) => (
            <option key={seat} value={seat}>
              {seatLabel(seat, t)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Who speaks for the entity: main and alternate focal points, the validating authority and
 * members. Admins and coordinators seat existing people, invite new ones by e-mail, move and remove.
 */
export function EntityPeople(props: { entity: EntityDetail; canManage: boolean }) {
  const i18n = useT();
  const { t } = i18n;
  const [page, setPage] = useState(1);
  const path = `/api/entities/${props.entity.id}/people`;
  const list = useApi<Page<EntityPerson>>(path, { page, pageSize: 25 });
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(userId: string, run: () => Promise<unknown>, message: string) {
    setError(null);
    setNotice(null);
    setBusy(userId);
    try {
      await run();
      setNotice(message);
      list.reload();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(null);
    }
  }

  const seatError = error ? fieldErrorsOfAppError(error, i18n).seat : undefined;
  return (
    <section aria-labelledby="entity-people">
      <h2 id="entity-people">{t('entities.people.title')}</h2>
      <p className="subtle">{t('entities.people.intro')}</p>
      <ErrorMessage error={list.error ?? error} />
      {seatError ? <p className="field-error">{seatError}</p> : null}
      <SuccessMessage>{notice}</SuccessMessage>
      <ListCard list={list} count={(count) => t('entities.people.count', { count })} filtered={false} onPage={setPage}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('entities.people.seat')}</th>
                <th scope="col">{t('fields.status')}</th>
                {props.canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((person) => (
                <tr key={person.userId} aria-busy={busy === person.userId}>
                  <td>
                    {person.name}
                    {person.email ? (
                      <span className="block subtle" dir="ltr">
                        {person.email}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {props.canManage ? (
                      <select
                        aria-label={t('entities.people.changeSeat', { name: person.name })}
                        value={person.seat}
                        disabled={busy === person.userId}
                        onChange={(event) => {
                          const seat = event.target.value as Seat;
                          act(
                            person.userId,
                            () => api.patch(`${path}/${person.userId}`, { seat }),
                            t('entities.people.moved', { name: person.name, seat: seatLabel(seat, t) }),
                          );
                        }}
                      >
                        {seats.map((seat) => (
                          <option key={seat} value={seat}>
                            {seatLabel(seat, t)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      seatLabel(person.seat, t)
                    )}
                  </td>
                  <td>
                    <span className={`badge badge-${person.status}`}>{t(`users.status.${person.status}`)}</span>
                  </td>
                  {props.canManage ? (
                    <td>
                      <button
                        type="button"
                        className="button-secondary button-small"
                        disabled={busy === person.userId}
                        aria-label={t('entities.people.removePerson', { name: person.name })}
                        onClick={() =>
                          act(
                            person.userId,
                            () => api.delete(`${path}/${person.userId}`),
                            t('entities.people.removed', { name: person.name }),
                          )
                        }
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
      {props.canManage ? (
        <div className="home-grid">
          <AddPerson
            path={path}
            onAdded={(person) => {
              setError(null);
              setNotice(t('entities.people.added', { name: person.name, seat: seatLabel(person.seat, t) }));
              list.reload();
            }}
          />
          <InvitePerson
            path={path}
            onInvited={(person) => {
              setError(null);
              setNotice(t('entities.people.invited', { email: person.email ?? '' }));
              list.reload();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}

function AddPerson(props: { path: string; onAdded: (person: EntityPerson) => void }) {
  const i18n = useT();
  const { t } = i18n;
  const [chosen, setChosen] = useState<UserSummary | null>(null);
  const [seat, setSeat] = useState<Seat>('member');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const person = await api.post<EntityPerson>(props.path, { userId: chosen.id, seat });
      setChosen(null);
      props.onAdded(person);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error ? fieldErrorsOfAppError(error, i18n) : {};
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-person" aria-busy={busy}>
      <h3 id="add-person">{t('entities.people.addTitle')}</h3>
      <ErrorMessage error={error} />
      {chosen ? (
        <div className="chosen-record">
          <p>
            {chosen.name} <span className="subtle">({chosen.email})</span>
          </p>
          <button type="button" className="button-link" onClick={() => setChosen(null)}>
            {t('entities.people.chooseAnother')}
          </button>
        </div>
      ) : (
        <Combobox<UserSummary>
          name="userId"
          label={t('entities.people.findPerson')}
          error={fieldErrors.userId}
          load={(q, signal) =>
            api.get<Page<UserSummary>>('/api/admin/users', { q, status: 'active', pageSize: 8 }, signal)
          }
          keyOf={(user) => user.id}
          render={(user) => (
            <>
              {user.name} <span className="subtle">· {user.email}</span>
            </>
          )}
          onChoose={setChosen}
        />
      )}
      <SeatSelect
        name="seat"
        label={t('entities.people.seat')}
        value={seat}
        onChange={setSeat}
        error={fieldErrors.seat}
      />
      <div className="form-actions">
        <button type="submit" disabled={!chosen || busy}>
          {t('entities.people.add')}
        </button>
      </div>
    </form>
  );
}

function InvitePerson(props: { path: string; onInvited: (person: EntityPerson) => void }) {
  const { t, locale } = useT();
  const { invitableRoles: allowedRoles } = useSession();
  const empty = { email: '', name: '', seat: 'member' as Seat, role: roleForSeat.member, locale: locale as Locale };
  const [values, setValues] = useState(empty);
  const form = useSubmit(invitePersonSchema, (input) => api.post<EntityPerson>(`${props.path}/invite`, input));

  async function submit(event: FormEvent) {
    const person = await form.submit(values, event);
    if (!person) return;
    setValues({ ...empty, locale: values.locale });
    props.onInvited(person);
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-person" aria-busy={form.busy}>
      <h3 id="invite-person">{t('entities.people.inviteTitle')}</h3>
      <p className="subtle">{t('entities.people.inviteIntro')}</p>
      <ErrorMessage error={form.error} />
      <Field name="email" label={t('fields.email')} error={form.fieldErrors.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            required
            value={values.email}
            onChange={(event) => setValues({ ...values, email: event.target.value })}
          />
        )}
      </Field>
      <Field name="name" label={t('fields.name')} error={form.fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            required
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
          />
        )}
      </Field>
      <SeatSelect
        name="inviteSeat"
        label={t('entities.people.seat')}
        value={values.seat}
        error={form.fieldErrors.seat}
        onChange={(seat) => setValues({ ...values, seat, role: roleForSeat[seat] })}
      />
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
      <Field name="locale" label={t('fields.language')} hint={t('invitations.languageHint')}>
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
  );
}
