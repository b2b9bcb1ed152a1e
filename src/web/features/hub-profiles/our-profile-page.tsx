import { useState } from 'react';
import type { HubMemberView, HubProfileView } from '../../../shared/schemas/hub-profiles';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { pickText } from '../../components/localized';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { ProfileEditor } from './profile-editor';

/** "Our profile": the profile of the member NMIRF (or members) the signed-in account acts for. */
export default function OurProfilePage() {
  const { t, locale } = useT();
  const mine = useApi<{ items: HubMemberView[] }>('/api/hub/members/mine');
  const [chosen, setChosen] = useState<string | null>(null);
  const members = mine.data?.items ?? [];
  const memberId = chosen ?? members[0]?.id ?? null;
  const profile = useApi<HubProfileView>(memberId ? `/api/hub/members/${memberId}/profile` : null);
  const member = members.find((item) => item.id === memberId);

  return (
    <>
      <PageTitle>{t('hubProfiles.nav.ourProfile')}</PageTitle>
      <ErrorMessage error={mine.error ?? profile.error} />
      {mine.loading ? <Loading /> : null}
      {mine.data && members.length === 0 ? <p className="card">{t('hubProfiles.editor.actsForNone')}</p> : null}
      {members.length > 1 ? (
        <p>
          <label htmlFor="our-member">{t('hubProfiles.editor.member')}</label>{' '}
          <select id="our-member" value={memberId ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {members.map((item) => (
              <option key={item.id} value={item.id}>
                {pickText(item.nameI18n, locale) || item.name} · {item.countryName}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {member ? (
        <p>
          <strong>{pickText(member.nameI18n, locale) || member.name}</strong> · {member.countryName} ·{' '}
          <a href={`/hub/${locale}/members/${member.id}`}>{t('hubProfiles.editor.publicPage')}</a>
        </p>
      ) : null}
      {profile.data ? (
        <ProfileEditor
          key={profile.data.memberId}
          profile={profile.data}
          onChange={(next) => profile.setData(() => next)}
        />
      ) : null}
    </>
  );
}
