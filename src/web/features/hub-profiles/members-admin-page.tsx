import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { HubMemberView, HubProfileView } from '../../../shared/schemas/hub-profiles';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { FilterForm } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { pickText } from '../../components/localized';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { MemberForm } from './member-form';
import { MemberPeople } from './member-people';
import { ProfileEditor } from './profile-editor';

const filterKeys = ['q', 'status'] as const;

/** The hub admin's members: create, edit, withdraw or reinstate, who acts for each, their profiles. */
export default function MembersAdminPage() {
  const { t, locale } = useT();
  const [confirmation, confirm] = useConfirm();
  const { form, list, card } = useListPage<Page<HubMemberView>, (typeof filterKeys)[number]>('/api/hub/members', {
    filters: filterKeys,
    pageSize: 25,
  });
  const [editing, setEditing] = useState<HubMemberView | 'new' | null>(null);
  const [selected, setSelected] = useState<HubMemberView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const profile = useApi<HubProfileView>(selected ? `/api/hub/members/${selected.id}/profile` : null);

  async function toggleStatus(member: HubMemberView) {
    const withdraw = member.status === 'active';
    const name = pickText(member.nameI18n, locale) || member.name;
    if (
      withdraw &&
      !(await confirm({
        title: t('hubProfiles.members.confirmWithdraw', { name }),
        confirmLabel: t('hubProfiles.members.withdraw'),
      }))
    )
      return;
    setActionError(null);
    try {
      await api.post(`/api/hub/members/${member.id}/${withdraw ? 'withdraw' : 'reinstate'}`, {
        version: member.version,
      });
      setNotice(t(withdraw ? 'hubProfiles.members.withdrawn' : 'hubProfiles.members.reinstated', { name }));
      list.reload();
    } catch (error) {
      setActionError(toAppError(error));
    }
  }

  return (
    <>
      {confirmation}
      <PageTitle>{t('hubProfiles.nav.members')}</PageTitle>
      <p>
        <button type="button" onClick={() => setEditing('new')}>
          {t('hubProfiles.members.new')}
        </button>
      </p>
      {editing ? (
        <MemberForm
          member={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(member) => {
            setEditing(null);
            setNotice(t('hubProfiles.members.saved', { name: member.name }));
            list.reload();
          }}
        />
      ) : null}
      <ErrorMessage error={list.error ?? actionError} />
      <SuccessMessage>{notice}</SuccessMessage>
      <FilterForm {...form} empty={{ q: '', status: '' }}>
        <Field name="q" label={t('hubProfiles.public.search')}>
          {(control) => (
            <input
              {...control}
              type="search"
              value={form.draft.q}
              onChange={(event) => form.setDraft({ ...form.draft, q: event.target.value })}
            />
          )}
        </Field>
        <Field name="status" label={t('fields.status')}>
          {(control) => (
            <select
              {...control}
              value={form.draft.status}
              onChange={(event) => form.setDraft({ ...form.draft, status: event.target.value })}
            >
              <option value="">{t('hubProfiles.public.any')}</option>
              <option value="active">{t('hubProfiles.status.active')}</option>
              <option value="withdrawn">{t('hubProfiles.status.withdrawn')}</option>
            </select>
          )}
        </Field>
      </FilterForm>
      <ListCard {...card} count={(count) => t('hubProfiles.members.count', { count })}>
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('hubProfiles.field.country')}</th>
                <th scope="col">{t('hubProfiles.field.name')}</th>
                <th scope="col">{t('hubProfiles.public.system')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('hubProfiles.members.profile')}</th>
                <th scope="col">{t('hubProfiles.members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((member) => (
                <tr key={member.id}>
                  <td>{member.countryName}</td>
                  <td>
                    {pickText(member.nameI18n, locale) || member.name}
                    {member.acronym ? ` (${member.acronym})` : ''}
                  </td>
                  <td>{member.systemOfGovernment ? t(`stateProfile.system.${member.systemOfGovernment}`) : '—'}</td>
                  <td>{t(`hubProfiles.status.${member.status}`)}</td>
                  <td>{t(member.profilePublished ? 'hubProfiles.members.published' : 'hubProfiles.members.draft')}</td>
                  <td>
                    <button type="button" className="button-secondary" onClick={() => setEditing(member)}>
                      {t('hubProfiles.members.edit')}
                    </button>{' '}
                    <button type="button" className="button-secondary" onClick={() => setSelected(member)}>
                      {t('hubProfiles.members.peopleAndProfile')}
                    </button>{' '}
                    <button type="button" className="button-secondary" onClick={() => toggleStatus(member)}>
                      {t(member.status === 'active' ? 'hubProfiles.members.withdraw' : 'hubProfiles.members.reinstate')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
      {selected ? (
        <>
          <h2>{pickText(selected.nameI18n, locale) || selected.name}</h2>
          {selected.status === 'active' ? <MemberPeople key={selected.id} member={selected} /> : null}
          <ErrorMessage error={profile.error} />
          {profile.data ? (
            <ProfileEditor
              key={profile.data.memberId}
              profile={profile.data}
              onChange={(next) => {
                profile.setData(() => next);
                list.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
