import type { Locale } from '../../../shared/i18n/locales';
import type { HubDocument, HubTheme } from '../../../shared/schemas/hub';
import type { PracticeSnapshot } from '../../db/schema';
import type { Executor } from '../../http/context';
import { indexHubDocuments, removeHubDocuments } from '../../lib/hub-index';
import { findMember, findNetworkIdsOf } from './practices.repo';
import { practiceBodyText } from './practices.sanitize';

/**
 * Puts a practice's published version in the hub's one search (hub_documents), one public row per
 * language it has, with the member's country, system of government and networks; called in the
 * transaction that publishes it. Its rows go when it is withdrawn.
 */
export async function indexPractice(
  db: Executor,
  practiceId: string,
  memberId: string,
  content: PracticeSnapshot,
): Promise<void> {
  const member = await findMember(db, memberId);
  const networkIds = await findNetworkIdsOf(db, memberId);
  const documents: HubDocument[] = Object.entries(content.texts).flatMap(([locale, text]) =>
    text
      ? [
          {
            kind: 'practice' as const,
            refId: practiceId,
            locale: locale as Locale,
            visibility: 'public' as const,
            title: text.title,
            summary: text.summary,
            body: practiceBodyText(text.body),
            path: `/practices/${practiceId}`,
            memberId,
            countryCode: member?.country_code ?? null,
            systemOfGovernment: member?.system_of_government ?? null,
            level: content.level,
            themes: content.themes as HubTheme[],
            networkIds,
          },
        ]
      : [],
  );
  await indexHubDocuments(db, 'practice', practiceId, documents);
}

export function unindexPractice(db: Executor, practiceId: string): Promise<void> {
  return removeHubDocuments(db, 'practice', practiceId);
}
