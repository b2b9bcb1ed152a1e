import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import type { HubEvent } from '../../../shared/schemas/community';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { issueOf } from './shared';
import './community.css';

type Texts = Partial<Record<Locale, string>>;
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** A moderator's form of an event (new, or /community/events/:id/edit): texts per language. */
export default function EventFormPage() {
  const { id } = useParams();
  const { t } = useT();
  const navigate = useNavigate();
  const existing = useApi<HubEvent>(id ? `/api/hub/events/${id}` : null);
  const [titles, setTitles] = useState<Texts>({});
  const [descriptions, setDescriptions] = useState<Texts>({});
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [onlineUrl, setOnlineUrl] = useState('');
  const [place, setPlace] = useState('');
  const [organiserName, setOrganiserName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [waitingList, setWaitingList] = useState(true);
  const [visibility, setVisibility] = useState<'public' | 'accounts'>('public');
  const [source, setSource] = useState('');
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const event = existing.data;
    if (!event) return;
    setTitles(event.titleI18n);
    setDescriptions(event.descriptionI18n);
    setStart(event.start);
    setEnd(event.end);
    setTimeZone(event.timeZone);
    setOnlineUrl(event.onlineUrl ?? '');
    setPlace(event.place ?? '');
    setOrganiserName(event.organiserName ?? '');
    setCapacity(event.capacity === null ? '' : String(event.capacity));
    setWaitingList(event.waitingList);
    setVisibility(event.visibility);
    setSource(event.source ?? '');
    setCancelled(event.status === 'cancelled');
  }, [existing.data]);

  const filled = (texts: Texts) =>
    Object.fromEntries(Object.entries(texts).filter(([, value]) => value && value.trim() !== '')) as Texts;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: filled(titles),
      description: filled(descriptions),
      start,
      end,
      timeZone,
      onlineUrl: onlineUrl.trim() || null,
      place: place.trim() || null,
      organiserMemberId: existing.data?.organiserMemberId ?? null,
      organiserName: organiserName.trim() || null,
      capacity: capacity ? Number(capacity) : null,
      waitingList,
      visibility,
      source: source.trim() || null,
    };
    try {
      const saved = id
        ? await api.put<HubEvent>(`/api/hub/events/${id}`, {
            ...body,
            version: existing.data?.version ?? 1,
            status: cancelled ? 'cancelled' : 'scheduled',
          })
        : await api.post<HubEvent>('/api/hub/events', body);
      navigate(`/community/events/${saved.id}`);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{id ? t('hubCommunity.events.edit') : t('hubCommunity.events.new')}</PageTitle>
      <form onSubmit={submit} noValidate aria-busy={busy} className="community-form">
        <fieldset>
          <legend>{t('hubCommunity.events.titles')}</legend>
          {locales.map((code) => (
            <Field key={code} name={`title-${code}`} label={localeNames[code]} error={issueOf(error, 'title', t)}>
              {(control) => (
                <input
                  {...control}
                  lang={code}
                  value={titles[code] ?? ''}
                  maxLength={300}
                  onChange={(e) => setTitles({ ...titles, [code]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <details>
          <summary>{t('hubCommunity.events.descriptions')}</summary>
          {locales.map((code) => (
            <Field key={code} name={`description-${code}`} label={localeNames[code]}>
              {(control) => (
                <textarea
                  {...control}
                  lang={code}
                  rows={4}
                  value={descriptions[code] ?? ''}
                  onChange={(e) => setDescriptions({ ...descriptions, [code]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </details>
        <Field name="start" label={t('hubCommunity.events.start')} error={issueOf(error, 'start', t)}>
          {(control) => (
            <input {...control} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
          )}
        </Field>
        <Field name="end" label={t('hubCommunity.events.end')} error={issueOf(error, 'end', t)}>
          {(control) => (
            <input {...control} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
          )}
        </Field>
        <Field name="timeZone" label={t('hubCommunity.events.timeZone')} error={issueOf(error, 'timeZone', t)}>
          {(control) => (
            <>
              <input
                {...control}
                dir="ltr"
                list="community-zones"
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
              />
              <datalist id="community-zones">
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field name="onlineUrl" label={t('hubCommunity.events.link')} error={issueOf(error, 'onlineUrl', t)}>
          {(control) => (
            <input {...control} dir="ltr" type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} />
          )}
        </Field>
        <Field name="place" label={t('hubCommunity.events.place')} error={issueOf(error, 'place', t)}>
          {(control) => <input {...control} value={place} maxLength={300} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <Field
          name="organiserName"
          label={t('hubCommunity.events.organiser')}
          hint={t('hubCommunity.events.organiserHint')}
        >
          {(control) => (
            <input
              {...control}
              value={organiserName}
              maxLength={300}
              onChange={(e) => setOrganiserName(e.target.value)}
            />
          )}
        </Field>
        <Field name="capacity" label={t('hubCommunity.events.capacity')} hint={t('hubCommunity.events.capacityHint')}>
          {(control) => (
            <input
              {...control}
              dir="ltr"
              type="number"
              min={1}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          )}
        </Field>
        <label>
          <input type="checkbox" checked={waitingList} onChange={(e) => setWaitingList(e.target.checked)} />{' '}
          {t('hubCommunity.events.waitingList')}
        </label>
        <Field name="visibility" label={t('hubCommunity.events.visibility')}>
          {(control) => (
            <select
              {...control}
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as typeof visibility)}
            >
              <option value="public">{t('hubCommunity.events.visibilityPublic')}</option>
              <option value="accounts">{t('hubCommunity.events.visibilityAccounts')}</option>
            </select>
          )}
        </Field>
        <Field name="source" label={t('hubCommunity.source')}>
          {(control) => (
            <input {...control} value={source} maxLength={500} onChange={(e) => setSource(e.target.value)} />
          )}
        </Field>
        {id ? (
          <label>
            <input type="checkbox" checked={cancelled} onChange={(e) => setCancelled(e.target.checked)} />{' '}
            {t('hubCommunity.events.markCancelled')}
          </label>
        ) : null}
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </>
  );
}
