import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { PracticeSnapshot } from '../../db/schema';
import { indexPractice } from '../../modules/practices/practices.index';
import { insertPractice, insertVersion, replaceTexts } from '../../modules/practices/practices.repo';
import { sanitizePracticeBody } from '../../modules/practices/practices.sanitize';
import { seedPractices } from './practices.data';

/**
 * The demo hub's practices (practices.data.ts), published: each written, submitted by `authorId`
 * and published by `moderatorId` (or the author) as version 1, and put in the hub's search. Creates
 * nothing but practices: the members come from the demo hub's seed, by country code; a country
 * without a member is skipped. Run again, it adds nothing (a member's practice with the same
 * original title is already there).
 */
export async function seedHubPractices(
  db: Database,
  memberIdByCountry: Map<string, string>,
  authorId: string,
  moderatorId: string = authorId,
): Promise<{ created: number; skipped: number }> {
  let created = 0;
  let skipped = 0;
  for (const practice of seedPractices) {
    const memberId = memberIdByCountry.get(practice.country);
    const original = practice.texts[practice.originalLocale];
    if (!memberId || !original) {
      skipped++;
      continue;
    }
    const existing = await db
      .selectFrom('hub_practices as p')
      .innerJoin('hub_practice_texts as t', (join) =>
        join.onRef('t.practice_id', '=', 'p.id').onRef('t.locale', '=', 'p.original_locale'),
      )
      .select('p.id')
      .where('p.member_id', '=', memberId)
      .where('t.title', '=', original.title)
      .executeTakeFirst();
    if (existing) {
      skipped++;
      continue;
    }
    await db.transaction().execute(async (trx) => {
      const texts = Object.fromEntries(
        Object.entries(practice.texts).map(([locale, text]) => [
          locale,
          { title: text.title, summary: text.summary, body: sanitizePracticeBody(text.body) },
        ]),
      );
      const row = await insertPractice(trx, {
        member_id: memberId,
        level: practice.level,
        themes: practice.themes,
        contact: practice.contact,
        links: JSON.stringify(practice.links),
        source: practice.source,
        original_locale: practice.originalLocale,
        created_by: authorId,
      });
      await replaceTexts(trx, row.id, texts);
      const content: PracticeSnapshot = {
        level: practice.level,
        themes: practice.themes,
        texts,
        contact: practice.contact,
        links: practice.links,
        source: practice.source,
        originalLocale: practice.originalLocale,
        attachmentIds: [],
      };
      await insertVersion(trx, { practiceId: row.id, version: 1, content, submittedBy: authorId });
      await trx
        .updateTable('hub_practice_versions')
        .set({ outcome: 'published', decided_by: moderatorId, decided_at: new Date() })
        .where('practice_id', '=', row.id)
        .execute();
      await trx
        .updateTable('hub_practices')
        .set({ status: 'published', published_version: 1, published_at: sql`now()` })
        .where('id', '=', row.id)
        .execute();
      await indexPractice(trx, row.id, memberId, content);
    });
    created++;
  }
  return { created, skipped };
}
