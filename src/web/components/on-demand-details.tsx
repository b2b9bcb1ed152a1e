import { type ReactNode, Suspense, useState } from 'react';
import { Loading } from './loading';

/**
 * A disclosure whose content renders once it is first opened, then stays (a half-filled form
 * survives closing). Given a lazy form, its code (and zod) is fetched on "open", not with the
 * page: the recommendation page's first load stays under budget so (decision 029).
 */
export function OnDemandDetails(props: { summary: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="edit-details"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {opened ? <Suspense fallback={<Loading />}>{props.children}</Suspense> : null}
    </details>
  );
}
