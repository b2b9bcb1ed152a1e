import { useState } from 'react';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { type HubMemberView, hubMemberInputSchema } from '../../../shared/schemas/hub-profiles';
import { systemsOfGovernment } from '../../../shared/schemas/state-profile';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

type Values = {
  countryCode: string;
  name: string;
  nameI18n: Partial<Record<Locale, string>>;
  acronym: string;
  systemOfGovernment: string;
};

/** A member's country (from the reference list), names, acronym and system of government. */
export function MemberForm(props: {
  member: HubMemberView | null;
  onSaved: (member: HubMemberView) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const countries = useApi<{ items: { code: string; name: string }[] }>('/api/hub/countries');
  const { member } = props;
  const [values, setValues] = useState<Values>({
    countryCode: member?.countryCode ?? '',
    name: member?.name ?? '',
    nameI18n: member?.nameI18n ?? {},
    acronym: member?.acronym ?? '',
    systemOfGovernment: member?.systemOfGovernment ?? '',
  });
  const form = useSubmit(hubMemberInputSchema, (input) =>
    member
      ? api.put<HubMemberView>(`/api/hub/members/${member.id}`, { ...input, version: member.version })
      : api.post<HubMemberView>('/api/hub/members', input),
  );

  async function handleSubmit(event: React.FormEvent) {
    const nameI18n = Object.fromEntries(Object.entries(values.nameI18n).filter(([, text]) => text?.trim()));
    const saved = await form.submit(
      {
        countryCode: values.countryCode,
        name: values.name,
        nameI18n,
        acronym: values.acronym.trim() || null,
        systemOfGovernment: values.systemOfGovernment || null,
      },
      event,
    );
    if (saved) props.onSaved(saved);
  }

  return (
    <section className="card" aria-labelledby="member-form-title">
      <h2 id="member-form-title">{t(member ? 'hubProfiles.members.editTitle' : 'hubProfiles.members.newTitle')}</h2>
      <ErrorMessage error={form.error} />
      <form onSubmit={handleSubmit} noValidate aria-busy={form.busy} className="form-grid">
        <Field name="countryCode" label={t('hubProfiles.field.country')} error={form.fieldErrors.countryCode}>
          {(control) => (
            <select
              {...control}
              value={values.countryCode}
              onChange={(event) => setValues({ ...values, countryCode: event.target.value })}
            >
              <option value="">{t('hubProfiles.members.chooseCountry')}</option>
              {(countries.data?.items ?? []).map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="name"
          label={t('hubProfiles.field.name')}
          hint={t('hubProfiles.members.nameHint')}
          error={form.fieldErrors.name}
        >
          {(control) => (
            <input
              {...control}
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.target.value })}
            />
          )}
        </Field>
        {locales.map((code) => (
          <Field
            key={code}
            name={`nameI18n.${code}`}
            label={`${t('hubProfiles.field.name')} (${localeNames[code]})`}
            error={form.fieldErrors[`nameI18n.${code}`]}
          >
            {(control) => (
              <input
                {...control}
                lang={code}
                value={values.nameI18n[code] ?? ''}
                onChange={(event) =>
                  setValues({ ...values, nameI18n: { ...values.nameI18n, [code]: event.target.value } })
                }
              />
            )}
          </Field>
        ))}
        <Field name="acronym" label={t('hubProfiles.field.acronym')} error={form.fieldErrors.acronym}>
          {(control) => (
            <input
              {...control}
              value={values.acronym}
              onChange={(event) => setValues({ ...values, acronym: event.target.value })}
            />
          )}
        </Field>
        <Field
          name="systemOfGovernment"
          label={t('hubProfiles.public.system')}
          error={form.fieldErrors.systemOfGovernment}
        >
          {(control) => (
            <select
              {...control}
              value={values.systemOfGovernment}
              onChange={(event) => setValues({ ...values, systemOfGovernment: event.target.value })}
            >
              <option value="">{t('hubProfiles.members.notStated')}</option>
              {systemsOfGovernment.map((system) => (
                <option key={system} value={system}>
                  {t(`stateProfile.system.${system}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('hubProfiles.members.save')}
          </button>
          <button type="button" className="button-secondary" onClick={props.onCancel}>
            {t('hubProfiles.members.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
