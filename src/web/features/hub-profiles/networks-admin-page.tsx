import { useState } from 'react';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import { hubNetworkKinds } from '../../../shared/schemas/hub';
import { type HubMemberView, type HubNetworkView, hubNetworkInputSchema } from '../../../shared/schemas/hub-profiles';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

type Draft = Omit<HubNetworkView, 'id' | 'version'>;
const emptyDraft: Draft = {
  kind: 'regional',
  name: '',
  nameI18n: {},
  descriptionI18n: {},
  website: null,
  memberIds: [],
};

/** The hub admin's networks: the International Network, regional and language networks, and their members. */
export default function NetworksAdminPage() {
  const { t, locale } = useT();
  const networks = useApi<{ items: HubNetworkView[] }>('/api/hub/networks');
  const members = useApi<Page<HubMemberView>>('/api/hub/members', { status: 'active', pageSize: 200 });
  const [editing, setEditing] = useState<HubNetworkView | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(hubNetworkInputSchema, (input) =>
    editing && editing !== 'new'
      ? api.put<HubNetworkView>(`/api/hub/networks/${editing.id}`, { ...input, version: editing.version })
      : api.post<HubNetworkView>('/api/hub/networks', input),
  );

  function open(network: HubNetworkView | 'new') {
    setEditing(network);
    setNotice(null);
    setDraft(network === 'new' ? emptyDraft : network);
  }

  async function handleSubmit(event: React.FormEvent) {
    const clean = (texts: Partial<Record<Locale, string>>) =>
      Object.fromEntries(Object.entries(texts).filter(([, text]) => text?.trim()));
    const saved = await form.submit(
      {
        ...draft,
        nameI18n: clean(draft.nameI18n),
        descriptionI18n: clean(draft.descriptionI18n),
        website: draft.website || null,
      },
      event,
    );
    if (!saved) return;
    setEditing(null);
    setNotice(t('hubProfiles.networks.saved', { name: saved.name }));
    networks.reload();
  }

  const toggleMember = (id: string, on: boolean) =>
    setDraft({ ...draft, memberIds: on ? [...draft.memberIds, id] : draft.memberIds.filter((other) => other !== id) });

  return (
    <>
      <PageTitle>{t('hubProfiles.nav.networks')}</PageTitle>
      <ErrorMessage error={networks.error ?? members.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <p>
        <button type="button" onClick={() => open('new')}>
          {t('hubProfiles.networks.new')}
        </button>
      </p>
      <section className="card" aria-labelledby="networks-title">
        <h2 id="networks-title">{t('hubProfiles.networks.count', { count: networks.data?.items.length ?? 0 })}</h2>
        <ul>
          {(networks.data?.items ?? []).map((network) => (
            <li key={network.id}>
              <strong>{pickText(network.nameI18n, locale) || network.name}</strong> ·{' '}
              {t(`hubProfiles.networkKind.${network.kind}`)} ·{' '}
              {t('hubProfiles.public.memberCount', { count: network.memberIds.length })}{' '}
              <button type="button" className="button-secondary" onClick={() => open(network)}>
                {t('hubProfiles.members.edit')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing ? (
        <section className="card" aria-labelledby="network-form-title">
          <h2 id="network-form-title">
            {t(editing === 'new' ? 'hubProfiles.networks.newTitle' : 'hubProfiles.networks.editTitle')}
          </h2>
          <ErrorMessage error={form.error} />
          <form onSubmit={handleSubmit} noValidate aria-busy={form.busy} className="form-grid">
            <Field name="kind" label={t('hubProfiles.networks.kind')} error={form.fieldErrors.kind}>
              {(control) => (
                <select
                  {...control}
                  value={draft.kind}
                  onChange={(event) => setDraft({ ...draft, kind: event.target.value as Draft['kind'] })}
                >
                  {hubNetworkKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`hubProfiles.networkKind.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="name" label={t('hubProfiles.field.name')} error={form.fieldErrors.name}>
              {(control) => (
                <input
                  {...control}
                  value={draft.name}
                  onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                />
              )}
            </Field>
            {locales.map((code) => (
              <Field
                key={code}
                name={`descriptionI18n.${code}`}
                label={`${t('hubProfiles.networks.description')} (${localeNames[code]})`}
              >
                {(control) => (
                  <textarea
                    {...control}
                    lang={code}
                    rows={3}
                    value={draft.descriptionI18n[code] ?? ''}
                    onChange={(event) =>
                      setDraft({ ...draft, descriptionI18n: { ...draft.descriptionI18n, [code]: event.target.value } })
                    }
                  />
                )}
              </Field>
            ))}
            <Field name="website" label={t('hubProfiles.field.website')} error={form.fieldErrors.website}>
              {(control) => (
                <input
                  {...control}
                  dir="ltr"
                  type="url"
                  value={draft.website ?? ''}
                  onChange={(event) => setDraft({ ...draft, website: event.target.value })}
                />
              )}
            </Field>
            <fieldset>
              <legend>{t('hubProfiles.public.networkMembers')}</legend>
              {(members.data?.items ?? []).map((member) => (
                <label key={member.id} className="block">
                  <input
                    type="checkbox"
                    checked={draft.memberIds.includes(member.id)}
                    onChange={(event) => toggleMember(member.id, event.target.checked)}
                  />{' '}
                  {pickText(member.nameI18n, locale) || member.name} · {member.countryName}
                </label>
              ))}
            </fieldset>
            <div className="form-actions">
              <button type="submit" disabled={form.busy}>
                {t('hubProfiles.members.save')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
                {t('hubProfiles.members.cancel')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
