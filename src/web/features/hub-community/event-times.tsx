import type { HubEvent } from '../../../shared/schemas/community';
import { useT } from '../../i18n/i18n-provider';

/** When an event happens, in its organiser's zone and in the reader's own. */
export function EventTimes(props: { event: HubEvent }) {
  const { t, locale } = useT();
  const { event } = props;
  const range = (timeZone: string | undefined) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    }).formatRange(new Date(event.startsAt), new Date(event.endsAt));
  const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <p>
      {range(event.timeZone)} ({event.timeZone})
      {mine !== event.timeZone ? (
        <>
          <br />
          <span className="subtle">{t('hubCommunity.events.yourTime', { range: range(undefined), zone: mine })}</span>
        </>
      ) : null}
    </p>
  );
}
