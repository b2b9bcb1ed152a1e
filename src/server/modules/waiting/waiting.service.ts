import type { Waiting } from '../../../shared/schemas/waiting';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { listInbox } from '../calls/calls.answers.service';
import { capabilitiesOf } from '../identity/capabilities';
import { listUpdates } from '../progress/progress.service';

/**
 * The navigation's counts, asked of the services that own each list with a one-row page, so a
 * count always agrees with the list it links to (same scope, same seats, same rules).
 */
export async function waitingFor(deps: Deps, actor: Actor): Promise<Waiting> {
  const user = signedIn(actor);
  const { can } = capabilitiesOf(user);
  const [inbox, toValidate] = await Promise.all([
    can['calls:inbox'] ? listInbox(deps, actor, { open: true, page: 1, pageSize: 1 }) : null,
    can['progress:toValidate'] ? listUpdates(deps.db, actor, { toValidate: true, page: 1, pageSize: 1 }) : null,
  ]);
  return { inbox: inbox ? inbox.total : null, toValidate: toValidate ? toValidate.total : null };
}
