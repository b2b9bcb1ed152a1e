import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeRecommendations, makeReview } from '../../../../tests/factories';
import { systemActor } from '../../http/context';
import { importTrustedFile } from '../imports/imports.service';
import { ensureTerms } from './taxonomies.service';

/**
 * One term in two spellings ("Children" and "children", "B32 Racial discrimination" and "Racial
 * discrimination") splits every count. Each path that creates terms folds them (taxonomies
 * service), and the spellings stored before are merged by an admin.
 */
let test: TestApp;
let admin: Client;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  admin = await signInNew(test, 'admin');
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

const terms = (taxonomy: string) =>
  test.handle.db.selectFrom('taxonomy_terms').select(['id', 'code']).where('taxonomy', '=', taxonomy).execute();

/** A term as an older version stored it, beside its other spelling (no folding then). */
async function legacyTerm(taxonomy: string, code: string) {
  return test.handle.db
    .insertInto('taxonomy_terms')
    .values({ taxonomy, code, label: JSON.stringify({ en: code }) })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

describe('every path that creates terms folds the spellings of a stored one', () => {
  it('the admin form refuses "children" beside "Children", naming the stored term', async () => {
    const create = (code: string) =>
      coordinator.request('POST', '/api/taxonomies/affected_person/terms', { code, label: { en: code } });
    expect((await create('Street children')).statusCode).toBe(201);
    for (const spelling of ['street children', ' STREET  Children ', 'B12 Street children']) {
      const refused = await create(spelling);
      expect(refused.statusCode, spelling).toBe(409);
      expect(refused.json().error.params).toEqual({ code: 'Street children' });
    }
    expect((await terms('affected_person')).filter((term) => /street/i.test(term.code))).toHaveLength(1);
  });

  it('ensureTerms (the importer and the reference seed) adds one term per folded spelling and finds the stored one', async () => {
    const [stored] = await terms('theme').then((rows) => rows.filter((row) => row.code === 'Racial discrimination'));
    const racial = stored ?? (await legacyTerm('theme', 'Racial discrimination'));
    const before = (await terms('theme')).length;
    const map = await test.handle.db.transaction().execute((trx) =>
      ensureTerms(trx, 'theme', [
        { code: 'B32 Racial discrimination', label: '{"en":"B32 Racial discrimination"}' },
        { code: 'Persons deprived of liberty', label: '{"en":"Persons deprived of liberty"}' },
        { code: 'persons  deprived of liberty', label: '{"en":"persons deprived of liberty"}' },
      ]),
    );
    expect(map.get('B32 Racial discrimination')).toBe(racial.id);
    expect(map.get('racial discrimination')).toBe(racial.id);
    expect(map.get('PERSONS DEPRIVED OF LIBERTY')).toBe(map.get('Persons deprived of liberty'));
    expect((await terms('theme')).length).toBe(before + 1);
  });

  it('an import naming "RIGHTS OF THE CHILD" files it under the seeded "Rights of the Child"', async () => {
    const issues = await terms('upr_info_issue');
    const child = issues.find((term) => term.code === 'Rights of the Child');
    expect(child).toBeDefined();
    const csv = [
      'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session',
      'Slovenia,EEG,EU,"Protect street children from violence and exploitation in every municipality.",Austria,WEOG,EU,Accepted,4,"RIGHTS OF THE CHILD",5',
    ].join('\n');
    await importTrustedFile(test.handle.db, systemActor(), 'upr-info-fold.csv', Buffer.from(csv));
    const rec = await test.handle.db
      .selectFrom('recommendations')
      .select('issue_ids')
      .where('text_en', 'like', 'Protect street children%')
      .executeTakeFirstOrThrow();
    expect(rec.issue_ids).toEqual([child!.id]);
    expect((await terms('upr_info_issue')).length).toBe(issues.length);
  });
});

describe('merging the spellings stored before', () => {
  it('offers the variant groups, merges one into a term all or nothing, audited, and the facets count it once', async () => {
    const a = await legacyTerm('theme', 'Housing');
    const b = await legacyTerm('theme', 'housing');
    const c = await legacyTerm('theme', 'C21 Housing');
    const review = await makeReview(test.handle.db);
    const recs = await makeRecommendations(test.handle.db, review, [
      { theme_ids: [a.id] },
      { theme_ids: [a.id, b.id] },
      { theme_ids: [b.id] },
      { theme_ids: [c.id] },
    ]);
    const facet = async () => {
      const result = (await coordinator.request('GET', `/api/recommendations?review=${review.id}&pageSize=1`)).json();
      return Object.fromEntries(
        (result.facets.theme as { value: string; count: number }[]).map((value) => [value.value, value.count]),
      );
    };
    expect(await facet()).toMatchObject({ [a.id]: 2, [b.id]: 2, [c.id]: 1 });

    const groups = (await coordinator.request('GET', '/api/taxonomies/theme/variants')).json();
    const housing = groups.find((group: { key: string }) => group.key === 'housing');
    expect(housing.terms.map((term: { id: number; usage: number }) => [term.id, term.usage])).toEqual([
      [a.id, 2],
      [b.id, 2],
      [c.id, 1],
    ]);

    const body = {
      into: a.id,
      terms: [
        { id: b.id, version: b.version },
        { id: c.id, version: c.version + 1 },
      ],
    };
    expect((await coordinator.request('POST', '/api/terms/merge', body)).statusCode).toBe(403);
    // A stale version anywhere in the group: nothing is merged.
    expect((await admin.request('POST', '/api/terms/merge', body)).statusCode).toBe(409);
    expect((await terms('theme')).filter((term) => [b.id, c.id].includes(term.id))).toHaveLength(2);

    body.terms[1]!.version = c.version;
    const merged = await admin.request('POST', '/api/terms/merge', body);
    expect(merged.json()).toEqual({ recommendations: 3 });
    const after = await test.handle.db
      .selectFrom('recommendations')
      .select('theme_ids')
      .where('review_id', '=', review.id)
      .orderBy('number')
      .execute();
    expect(after.map((row) => row.theme_ids)).toEqual([[a.id], [a.id], [a.id], [a.id]]);
    expect(await facet()).toEqual({ [a.id]: 4 });
    expect(
      (await coordinator.request('GET', '/api/taxonomies/theme/variants'))
        .json()
        .some((group: { key: string }) => group.key === 'housing'),
    ).toBe(false);
    const events = await test.handle.db
      .selectFrom('audit_events')
      .select(['record_id', 'after'])
      .where('record_type', '=', 'taxonomy_term')
      .where('action', '=', 'delete')
      .where('record_id', 'in', [String(b.id), String(c.id)])
      .execute();
    expect(events.map((event) => event.after)).toEqual(
      expect.arrayContaining([
        { mergedInto: a.id, recommendations: 2 },
        { mergedInto: a.id, recommendations: 1 },
      ]),
    );
    expect(recs).toHaveLength(4);
  });
});

describe('translating terms', () => {
  it('counts the terms without a label per language and lists them', async () => {
    const created = await coordinator.request('POST', '/api/taxonomies/affected_person/terms', {
      code: 'Fishers',
      label: { en: 'Fishers', fr: 'Pêcheurs' },
    });
    const counts = (await coordinator.request('GET', '/api/taxonomies/affected_person/untranslated')).json();
    expect(counts.untranslated.en).toBe(0);
    expect(counts.untranslated.ar).toBeGreaterThan(counts.untranslated.fr);
    const untranslated = async (locale: string) =>
      (
        await coordinator.request('GET', `/api/taxonomies/affected_person/terms?untranslated=${locale}&pageSize=200`)
      ).json();
    const ar = await untranslated('ar');
    expect(ar.total).toBe(counts.untranslated.ar);
    expect(ar.items.map((term: { code: string }) => term.code)).toContain('Fishers');
    expect((await untranslated('fr')).items.map((term: { code: string }) => term.code)).not.toContain('Fishers');
    // Translated in place: it leaves the Arabic list.
    await coordinator.request('PATCH', `/api/terms/${created.json().id}`, {
      label: { en: 'Fishers', fr: 'Pêcheurs', ar: 'الصيادون' },
      version: 1,
    });
    expect((await untranslated('ar')).total).toBe(counts.untranslated.ar - 1);
    expect((await coordinator.request('GET', '/api/taxonomies/affected_person/terms?untranslated=xx')).statusCode).toBe(
      400,
    );
  });
});
