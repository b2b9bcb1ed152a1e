import type { Database } from '../db/database';
import {
  hasMarker,
  insertTaxonomy,
  setMarker,
  upsertBodies,
  upsertCountries,
  upsertCycles,
} from '../modules/taxonomies/reference.repo';
import { ensureTerms } from '../modules/taxonomies/taxonomies.service';
import { bodies, builtinTaxonomies, defaultStatuses, uprCycles } from './bodies';
import countries from './data/countries.json' with { type: 'json' };
import sdg from './data/sdg.json' with { type: 'json' };
import uprInfoIssues from './data/upr-info-issues.json' with { type: 'json' };

/** Bump when the reference lists change; each installation then upserts them once. */
const marker = 'reference-data:2'; // 2: regional mechanisms and a Special Procedures mandate added

/**
 * Countries, mechanisms and bodies, UPR cycles, SDG goals/targets/indicators, UPR Info issues
 * and the default statuses: needed by every installation, demo or not. Idempotent.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  if (await hasMarker(db, marker)) return;
  await db.transaction().execute(async (trx) => {
    await upsertCountries(
      trx,
      countries.map((country) => ({
        iso2: country.iso2,
        iso3: country.iso3 || null,
        m49: country.m49 || null,
        name: JSON.stringify(country.name),
      })),
    );
    await upsertBodies(
      trx,
      bodies.map((body, index) => ({
        code: body.code,
        mechanism: body.mechanism,
        name: JSON.stringify(body.name),
        sort: index,
      })),
    );
    await upsertCycles(trx, uprCycles);
    for (const taxonomy of builtinTaxonomies)
      await insertTaxonomy(trx, taxonomy.code, JSON.stringify(taxonomy.name), true);
    await ensureTerms(
      trx,
      'status',
      defaultStatuses.map((status, index) => ({
        code: status.code,
        label: JSON.stringify(status.label),
        sort: index,
        final: status.final ?? false,
      })),
    );
    await ensureTerms(
      trx,
      'upr_info_issue',
      uprInfoIssues.map((label, index) => ({ code: label, label: JSON.stringify({ en: label }), sort: index })),
    );
    const goals = await ensureTerms(
      trx,
      'sdg',
      sdg.goals.map((goal) => ({ code: goal.code, label: JSON.stringify(goal.title), sort: Number(goal.code) })),
    );
    const targets = await ensureTerms(
      trx,
      'sdg',
      sdg.targets.map((target, index) => ({
        code: target.code,
        label: JSON.stringify(target.title),
        parent_id: goals.get(target.goal) ?? null,
        sort: 100 + index,
      })),
    );
    await ensureTerms(
      trx,
      'sdg',
      sdg.indicators.map((indicator, index) => ({
        code: indicator.code,
        label: JSON.stringify(indicator.title),
        parent_id: targets.get(indicator.target) ?? null,
        sort: 1000 + index,
      })),
    );
    await setMarker(trx, marker);
  });
}
