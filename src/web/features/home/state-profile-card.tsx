import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { StateProfile } from '../../../shared/schemas/state-profile';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { pickText } from '../../components/localized';
import { invalidate, useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { StateProfileForm } from './state-profile-form';

/** The State's profile; admins and coordinators edit it in place. */
export function StateProfileCard(props: { canEdit: boolean }) {
  const { t, locale, formatDate } = useT();
  const profile = useApi<StateProfile>('/api/state-profile');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [staleError, setStaleError] = useState<AppError | null>(null);
  const data = profile.data;

  function handleSaved(updated: StateProfile) {
    profile.setData(() => updated);
    setEditing(false);
    setSaved(true);
    // Every view of the profile (this card, the NMIRF name in the header) reloads.
    invalidate('/api/state-profile');
  }

  function handleStale(error: AppError) {
    // Someone saved first: say so, show their version, and let the user start again from it.
    setStaleError(error);
    setEditing(false);
    invalidate('/api/state-profile');
  }

  return (
    <section className="card" aria-labelledby="profile-title" aria-busy={profile.loading}>
      <div className="card-header">
        <h2 id="profile-title">{t('stateProfile.title')}</h2>
        {props.canEdit && data && !editing ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setSaved(false);
              setStaleError(null);
              setEditing(true);
            }}
          >
            {t('common.edit')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={profile.error ?? staleError} />
      <SuccessMessage>{saved ? t('stateProfile.saved') : null}</SuccessMessage>
      {profile.loading && !data ? <Loading /> : null}
      {data && editing ? (
        <StateProfileForm
          profile={data}
          onSaved={handleSaved}
          onStale={handleStale}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {data && !editing ? (
        <dl className="facts">
          <dt>{t('stateProfile.country')}</dt>
          <dd>{pickText(data.countryName, locale) || data.countryIso2}</dd>
          <dt>{t('stateProfile.nmirfName')}</dt>
          <dd>{pickText(data.nmirfName, locale) || t('common.none')}</dd>
          <dt>{t('stateProfile.mandate')}</dt>
          <dd className="prose">{pickText(data.nmirfMandate, locale) || t('common.none')}</dd>
          <dt>{t('stateProfile.systemOfGovernment')}</dt>
          <dd>{t(`stateProfile.system.${data.systemOfGovernment}`)}</dd>
          <dt>{t('stateProfile.lrgLevels')}</dt>
          <dd>
            {data.lrgLevelNames.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="levels">
                {[...data.lrgLevelNames]
                  .sort((a, b) => a.level - b.level)
                  .map((level) => (
                    <li key={level.level}>
                      {t('stateProfile.levelName', { level: level.level, name: pickText(level.name, locale) })}
                    </li>
                  ))}
              </ul>
            )}
          </dd>
          <dt>{t('common.updatedAt')}</dt>
          <dd>
            <time dateTime={data.updatedAt}>{formatDate(data.updatedAt)}</time>
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
