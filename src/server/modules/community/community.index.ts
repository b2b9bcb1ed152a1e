import type { HubTheme } from '../../../shared/schemas/hub';
import type { Executor } from '../../http/context';
import { indexHubDocuments, removeHubDocuments } from '../../lib/hub-index';
import { findThreadForIndex } from './community.repo';
import { plainText } from './community.rules';

/**
 * Puts a thread in the hub's one search, in the transaction that changed it (decision 037): a
 * thread of a theme's space whose opening post is visible is public; one of a network's space is
 * read by fewer people than `accounts` means, so it is never indexed; a hidden or held thread, or
 * one deleted, is taken out. Its body is the opening post and the visible replies.
 */
export async function reindexThread(db: Executor, threadId: string): Promise<void> {
  const thread = await findThreadForIndex(db, threadId);
  if (thread?.status !== 'visible' || thread.theme === null) {
    await removeHubDocuments(db, 'thread', threadId);
    return;
  }
  await indexHubDocuments(db, 'thread', threadId, [
    {
      kind: 'thread',
      refId: threadId,
      locale: thread.locale,
      visibility: 'public',
      title: thread.title,
      summary: plainText(thread.body, 300),
      body: plainText([thread.body, ...thread.replies].join('\n\n'), 100_000),
      path: `/community/threads/${threadId}`,
      memberId: null,
      countryCode: null,
      systemOfGovernment: null,
      level: null,
      themes: [thread.theme as HubTheme],
      networkIds: [],
    },
  ]);
}
