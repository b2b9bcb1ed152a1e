import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { copyIn, supportsCopy } from '../../db/copy-in';
import type { DatabaseHandle } from '../../db/database';
import { systemActor } from '../../http/context';
import * as register from '../register/recommendations.writer';
import { findImport, insertReviews } from './imports.repo';
import { importTrustedFile } from './imports.service';

let handle: DatabaseHandle;
let reviewId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  reviewId = randomUUID();
  await insertReviews(handle.db, [{ id: reviewId, body_code: 'UPR', country_iso2: 'SI', session: 99 }]);
});
afterAll(() => handle.close());

/** A record in `importedColumns` order (after the id) with awkward values in the text and array columns. */
function awkward(contentKey: string) {
  const values: Record<string, unknown> = {
    review_id: reviewId,
    body_code: 'UPR',
    cycle: 4,
    country_iso2: 'SI',
    number: '1.2',
    number_sort: [1, 2],
    heading: null,
    text_en: 'Back\\slash, tab\there, new\nline, CR\r, quote " and {braces}, NULL, \\N',
    text_fr: 'Égalité des « droits » — ça',
    original_lang: 'en',
    sub_items: JSON.stringify([{ label: 'a', text: 'x\\y\t"z"' }]),
    recommending_states: ['SI', 'Côte d’Ivoire', 'a "quoted", name', 'back\\slash', 'NULL', ''],
    position: 'supported',
    position_source: null,
    action_category: 3,
    theme_ids: [],
    affected_ids: [],
    issue_ids: [1, 2],
    sdg_targets: ['16.3'],
    sdg_goals: [16],
    follow_up: true,
    follow_up_due: '2026-01-31',
    external_id: null,
    content_key: contentKey,
    sources: JSON.stringify([{ importId: 'x', fileName: 'tab\tname.csv', format: 'test', location: { row: 2 } }]),
  };
  return [randomUUID(), ...register.importedColumns.map(([column]) => values[column] ?? null)];
}

const columns = register.importedColumns.map(([column]) => column).filter((column) => column !== 'content_key');
const stored = (contentKey: string) =>
  handle.db
    .selectFrom('recommendations')
    .select(columns)
    .where('content_key', '=', contentKey)
    .executeTakeFirstOrThrow();

describe('writing new recommendations', () => {
  it('stores the same values through INSERT … unnest and, on PostgreSQL, through COPY', async () => {
    await register.insertNewRecommendations(handle.db, [awkward('k:insert')]);
    const inserted = await stored('k:insert');
    expect(inserted.text_en).toContain('tab\there, new\nline');
    expect(inserted.recommending_states).toEqual([
      'SI',
      'Côte d’Ivoire',
      'a "quoted", name',
      'back\\slash',
      'NULL',
      '',
    ]);
    if (!(await supportsCopy(handle.db))) return; // PGlite: no COPY through its adapter
    await handle.db
      .transaction()
      .execute((trx) => register.copyNewRecommendations(trx, [register.copyLines([awkward('k:copy')])]));
    expect(await stored('k:copy')).toEqual(inserted);
  });

  it('knows which databases take COPY', async () => {
    expect(await supportsCopy(handle.db)).toBe(handle.kind === 'postgres');
  });

  it('a COPY that fails, in the server or while the rows are made, leaves nothing and the connection usable', async () => {
    if (!(await supportsCopy(handle.db))) return;
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from recommendations where content_key like 'k:fail%'`.execute(
            handle.db,
          )
        ).rows[0]?.n,
      );
    const bad = awkward('k:fail-server');
    bad[1] = randomUUID(); // no such review: the foreign key refuses it
    const serverError = handle.db
      .transaction()
      .execute((trx) =>
        register.copyNewRecommendations(trx, [register.copyLines([awkward('k:fail-a')]), register.copyLines([bad])]),
      );
    await expect(serverError).rejects.toThrow(/foreign key/);
    const nodeError = handle.db.transaction().execute((trx) =>
      copyIn(
        trx,
        `copy recommendations (id, ${register.importedColumns.map(([column]) => column).join(', ')}) from stdin`,
        (function* () {
          yield register.copyLines([awkward('k:fail-b')]);
          throw new Error('planning failed');
        })(),
      ),
    );
    await expect(nodeError).rejects.toThrow('planning failed');
    expect(await count()).toBe(0);
  });

  it('creates the terms a file brings before writing the rows that name them', async () => {
    const csv = [
      'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session',
      'Slovenia,EEG,EU,Ratify the first convention.,Austria,WEOG,EU,Accepted,5,"Rights of the Child",20',
      'Slovenia,EEG,EU,Ratify the second convention.,France,WEOG,EU,Noted,4,"A brand-new issue,Rights of the Child",20',
      'Slovenia,EEG,EU,Ratify the third convention.,Spain,WEOG,EU,Accepted,3,,20',
    ].join('\r');
    const id = await importTrustedFile(handle.db, systemActor('test'), 'upr-info-sample.csv', Buffer.from(csv));
    const summary = (await findImport(handle.db, id))?.summary as { created: number; termsCreated: number };
    expect(summary).toMatchObject({ created: 3, termsCreated: 1 });
    const term = await handle.db
      .selectFrom('taxonomy_terms')
      .select('id')
      .where('taxonomy', '=', 'upr_info_issue')
      .where('code', '=', 'A brand-new issue')
      .executeTakeFirstOrThrow();
    const rows = await handle.db
      .selectFrom('recommendations as r')
      .innerJoin('recommendation_status_history as h', 'h.recommendation_id', 'r.id')
      .select(['r.text_en', 'r.issue_ids', 'h.status'])
      .where('r.country_iso2', '=', 'SI')
      .where('r.cycle', '=', 2)
      .orderBy('r.text_en')
      .execute();
    expect(rows.map((row) => row.status)).toEqual(['not_started', 'not_started', 'not_started']);
    expect(rows.find((row) => row.text_en?.includes('second'))?.issue_ids).toContain(term.id);
    const words = await handle.db.selectFrom('search_words').select('word').where('word', '=', 'convention').execute();
    expect(words).toHaveLength(1);
    // The same bytes again: every row is known, nothing is written twice.
    const again = await importTrustedFile(handle.db, systemActor('test'), 'issues-again.csv', Buffer.from(csv));
    expect((await findImport(handle.db, again))?.summary).toMatchObject({ created: 0, unchanged: 3 });
  });
});
