import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import { makeRecommendations, makeReview } from '../../../tests/factories';
import { readFixture } from '../../../tests/fixtures';
import { fullText } from '../modules/imports/parsers/common';
import { parseTreatyBodyCo } from '../modules/imports/parsers/treaty-body-co.parser';
import type { ParsedRecommendation } from '../modules/imports/parsers/types';
import type { DatabaseHandle } from './database';

/**
 * Migration 0025 on rows written the old way: the real paragraphs of CRPD Germany (English, "(a)")
 * and CRPD Norway (French, "a)") stored as the importer stored them before (the chapeau, the
 * sub-items inline with the document's markers, then again one per line), next to rows that must
 * not change. The repair leaves each sub-item once, the text the importer now writes.
 */
const migration = readFileSync(new URL('../../../migrations/0025_sub_items_once.sql', import.meta.url), 'utf8');
const docMarker = { en: (l: string) => `(${l})`, fr: (l: string) => `${l})` } as const;

/** What the importer stored before 0025: parser text with the sub-items inline, then fullText's lines. */
function oldShape(rec: ParsedRecommendation): string {
  const marker = docMarker[rec.lang as 'en' | 'fr'];
  const inline = [rec.text, ...rec.subItems.map((s) => `${marker(s.label)} ${s.text}`)].join(' ');
  return fullText({ ...rec, text: inline });
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

describe('0025: sub-items stored once', () => {
  it('repairs the old rows of real documents, leaves the others, bumps only their version', async () => {
    const db = handle.db;
    const documents = [
      ['CRPD_C_DEU_CO_2-3_en.pdf', 'en'],
      ['CRPD_C_NOR_CO_1_fr.pdf', 'fr'],
    ] as const;
    const expected = new Map<string, string>();
    let before = 0;
    let after = 0;
    let doubled = 0;
    for (const [file, lang] of documents) {
      const parsed = await parseTreatyBodyCo(readFixture(`concluding-observations/${file}`), file);
      const review = await makeReview(db, { body_code: 'CRPD', symbol: parsed.review?.symbol });
      const recs = parsed.recommendations;
      const rows = await makeRecommendations(
        db,
        review,
        recs.map((rec) => ({
          number: rec.number,
          original_lang: lang,
          text_en: lang === 'en' ? oldShape(rec) : 'An English translation, kept as it is.',
          text_fr: lang === 'fr' ? oldShape(rec) : null,
          sub_items: JSON.stringify(rec.subItems),
          status: 'in_progress',
        })),
      );
      rows.forEach((row, i) => {
        expected.set(row.id, fullText(recs[i]!));
        before += words(oldShape(recs[i]!));
        after += words(fullText(recs[i]!));
        if (recs[i]!.subItems.length) doubled++;
      });
    }
    // CRPD Germany and Norway: 50 + 35 paragraphs held their sub-items twice.
    expect(doubled).toBe(85);
    // Rows not in the old shape: already repaired, edited since, or without sub-items.
    const review = await makeReview(db, { body_code: 'CRPD' });
    const items = JSON.stringify([{ label: 'a', text: 'Adopt a law;' }]);
    const untouched = await makeRecommendations(db, review, [
      { text_en: 'The Committee recommends that the State party:\n(a) Adopt a law;', sub_items: items },
      { text_en: 'Edited by the NMIRF: adopt a law.', sub_items: items },
      { text_en: 'The Committee recommends that the State party adopt a law.' },
    ]);
    const versions = async () =>
      Object.fromEntries(
        (await db.selectFrom('recommendations').select(['id', 'version']).execute()).map((r) => [r.id, r.version]),
      );
    const beforeVersions = await versions();

    await sql.raw(migration).execute(db);

    const rows = await db
      .selectFrom('recommendations')
      .select(['id', 'original_lang', 'text_en', 'text_fr', 'version', 'status'])
      .execute();
    let stored = 0;
    for (const row of rows) {
      const want = expected.get(row.id);
      if (!want) continue;
      const text = row.original_lang === 'en' ? row.text_en : row.text_fr;
      expect(text).toBe(want);
      stored += words(text!);
      if (row.original_lang === 'fr') expect(row.text_en).toBe('An English translation, kept as it is.');
      expect(row.status).toBe('in_progress');
      const changed = want.includes('\n');
      expect(row.version, row.id).toBe(beforeVersions[row.id]! + (changed ? 1 : 0));
    }
    expect(stored).toBe(after);
    // Measured on the two real documents: the words stored, before and after the repair.
    expect({ before, after }).toEqual({ before: 24452, after: 14310 });
    for (const { id } of untouched) expect(rows.find((r) => r.id === id)?.version).toBe(beforeVersions[id]);

    // The generated tsvector follows: a word of a sub-item is still found, once.
    const hit = await db
      .selectFrom('recommendations')
      .select('number')
      .where(sql<boolean>`tsv_en @@ plainto_tsquery('english', 'Barrier-Free Accessibility Strengthening Act')`)
      .execute();
    expect(hit.map((r) => r.number)).toContain('4');

    // Twice is once.
    const again = await versions();
    await sql.raw(migration).execute(db);
    expect(await versions()).toEqual(again);
  });
});
