import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import {
  type FederationShare,
  type SharedPractice,
  sharedProfileInputSchema,
} from '../../../shared/schemas/federation';
import type { ProfilePayload } from '../../../shared/schemas/hub';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useListPage } from '../../components/use-list-page';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { PracticeForm } from './practice-form';

/**
 * The secretariat chooses what its hub shows (decision 038): practices written here, the NMIRF's
 * profile (prefilled from the State profile) and the statistics (counted from what the public
 * portal publishes, never more). Each saved change is sent to the hub by the job queue.
 */
export default function SharedPracticesPage() {
  const { t } = useT();
  const [editing, setEditing] = useState<SharedPractice | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { list, card } = useListPage<Page<FederationShare>>('/api/federation/shares', {
    pageSize: 25,
    query: { kind: 'practice' },
  });

  async function edit(id: string) {
    setError(null);
    try {
      setEditing(await api.get<SharedPractice>(`/api/federation/practices/${id}`));
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <>
      <PageTitle>{t('federation.practices.title')}</PageTitle>
      <p>{t('federation.practices.intro')}</p>
      <ErrorMessage error={list.error ?? error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <section className="card" aria-labelledby="shared-practice-form">
        <h2 id="shared-practice-form">
          {editing && editing !== 'new' ? t('federation.practices.edit') : t('federation.practices.new')}
        </h2>
        {editing ? (
          <PracticeForm
            key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
            editing={editing === 'new' ? null : editing}
            onSaved={(saved) => {
              setNotice(t('federation.practices.saved', { title: saved.title }));
              setEditing(null);
              list.reload();
            }}
          />
        ) : (
          <button type="button" onClick={() => setEditing('new')}>
            {t('federation.practices.new')}
          </button>
        )}
      </section>
      <ListCard {...card} count={(count) => t('federation.practices.count', { count })}>
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('federation.practice.title')}</th>
                <th scope="col">{t('federation.shares.state')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((share) => (
                <tr key={share.id}>
                  <td className="user-text">{share.title}</td>
                  <td>
                    <span className={`badge badge-${share.state}`}>{t(`federation.states.${share.state}`)}</span>
                  </td>
                  <td>
                    <button type="button" className="button-small" onClick={() => edit(share.id)}>
                      {t('federation.practices.editOne', { title: share.title })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
      <ProfileSection />
      <StatisticsSection />
    </>
  );
}

type ProfileAnswer = { share: FederationShare | null; profile: ProfilePayload };
const profileFields = ['mandate', 'legalBasis', 'composition', 'secretariat', 'focalPoints'] as const;

function ProfileSection() {
  const { t } = useT();
  const state = useApi<ProfileAnswer>('/api/federation/profile');
  return (
    <section className="card" aria-labelledby="shared-profile">
      <h2 id="shared-profile">{t('federation.profile.title')}</h2>
      <p className="field-hint">{t('federation.profile.intro')}</p>
      <ErrorMessage error={state.error} />
      {state.data ? (
        <ProfileForm
          key={state.data.share?.version ?? 0}
          answer={state.data}
          onSaved={(answer) => state.setData(() => answer)}
        />
      ) : null}
    </section>
  );
}

function ProfileForm(props: { answer: ProfileAnswer; onSaved: (answer: ProfileAnswer) => void }) {
  const { t, locale } = useT();
  const [values, setValues] = useState(props.answer.profile);
  const [shared, setShared] = useState(props.answer.share?.shared ?? false);
  const [language, setLanguage] = useState<Locale>(locale);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(sharedProfileInputSchema, (input) => api.put<ProfileAnswer>('/api/federation/profile', input));

  async function submit(event: React.FormEvent) {
    setNotice(null);
    const saved = await form.submit({ profile: values, shared, version: props.answer.share?.version ?? null }, event);
    if (!saved) return;
    setNotice(t('federation.profile.saved'));
    props.onSaved(saved);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy} className="form-grid">
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {props.answer.share ? (
        <p>
          <span className={`badge badge-${props.answer.share.state}`}>
            {t(`federation.states.${props.answer.share.state}`)}
          </span>
        </p>
      ) : null}
      <Field name="profileLanguage" label={t('federation.practice.language')}>
        {(control) => (
          <select {...control} value={language} onChange={(event) => setLanguage(event.target.value as Locale)}>
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {localeNames[code]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {profileFields.map((field) => (
        <Field
          key={field}
          name={field}
          label={t(`federation.profile.${field}`)}
          error={form.fieldErrors[`profile.${field}.${language}`]}
        >
          {(control) => (
            <textarea
              {...control}
              lang={language}
              rows={3}
              value={values[field][language] ?? ''}
              onChange={(event) =>
                setValues({ ...values, [field]: { ...values[field], [language]: event.target.value } })
              }
            />
          )}
        </Field>
      ))}
      <Field
        name="established"
        label={t('federation.profile.established')}
        error={form.fieldErrors['profile.established']}
      >
        {(control) => (
          <input
            {...control}
            dir="ltr"
            inputMode="numeric"
            value={values.established ?? ''}
            onChange={(event) =>
              setValues({ ...values, established: event.target.value ? Number(event.target.value) : null })
            }
          />
        )}
      </Field>
      <Field name="website" label={t('federation.profile.website')} error={form.fieldErrors['profile.website']}>
        {(control) => (
          <input
            {...control}
            dir="ltr"
            type="url"
            value={values.website ?? ''}
            onChange={(event) => setValues({ ...values, website: event.target.value || null })}
          />
        )}
      </Field>
      <Field name="profileSource" label={t('federation.practice.source')} error={form.fieldErrors['profile.source']}>
        {(control) => (
          <input
            {...control}
            value={values.source ?? ''}
            onChange={(event) => setValues({ ...values, source: event.target.value || null })}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />{' '}
        {t('federation.profile.shared')}
      </label>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('federation.profile.save')}
        </button>
      </div>
    </form>
  );
}

function StatisticsSection() {
  const { t } = useT();
  const shares = useApi<Page<FederationShare>>('/api/federation/shares', { kind: 'statistics', pageSize: 1 });
  const share = shares.data?.items[0] ?? null;
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(shared: boolean) {
    setError(null);
    setBusy(true);
    try {
      await api.put('/api/federation/statistics', { shared, version: share?.version ?? null });
      shares.reload();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="shared-statistics">
      <h2 id="shared-statistics">{t('federation.statisticsShare.title')}</h2>
      <p>{t('federation.statisticsShare.intro')}</p>
      <ErrorMessage error={shares.error ?? error} />
      <p>
        <span className={`badge badge-${share?.state ?? 'not_shared'}`}>
          {t(`federation.states.${share?.state ?? 'not_shared'}`)}
        </span>
      </p>
      <button type="button" disabled={busy || shares.loading} onClick={() => choose(!share?.shared)}>
        {share?.shared ? t('federation.statisticsShare.stop') : t('federation.statisticsShare.start')}
      </button>
    </section>
  );
}
