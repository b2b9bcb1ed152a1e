/** A recommendation: its page, its edits (one or a batch), and the picker's lookup by number. */
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type {
  BatchEditInput,
  RecommendationDetail,
  RecommendationRef,
  UpdateRecommendationInput,
} from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { scopeOf } from '../assignments/scope';
import { listRecordChanges, recordAudit } from '../audit/audit.service';
import { saveChange } from './changes.service';
import { addClusterMembers, findCluster, findClustersOf } from './clusters.repo';
import { findTermsById } from './labels.repo';
import { findLinked, insertLink } from './links.repo';
import {
  existingCustomTermIds,
  existingSdgTargets,
  existingTermIds,
  findByNumber,
  findRecommendation,
  lockForChange,
  statusExists,
} from './recommendations.repo';
import { requireCan } from './register.guard';
import { presentDetail, presentRef } from './register.presenter';
import { findStatusHistory } from './status-history.repo';

const goalOf = (target: string) => Number(target.split('.')[0]);

/**
 * The goals after the targets change: those of the new targets, and those a source named without
 * a target (a thematic list's "Relevant SDGs" column gives goals only), which no edit of targets removes.
 */
function goalsAfter(before: { sdg_goals: number[]; sdg_targets: string[] }, targets: string[]): number[] {
  const fromTargets = new Set(before.sdg_targets.map(goalOf));
  return [...new Set([...before.sdg_goals.filter((goal) => !fromTargets.has(goal)), ...targets.map(goalOf)])];
}

/** The recommendation page: texts, source, classification, status history, links, clusters. */
export async function getRecommendation(db: Database, actor: Actor, id: string): Promise<RecommendationDetail> {
  const user = requireCan(actor, 'read');
  const scope = await scopeOf(db, user);
  const row = await findRecommendation(db, id, scope);
  if (!row) throw new AppError('NOT_FOUND');
  const [history, linked, clustersOf, terms, changes] = await Promise.all([
    findStatusHistory(db, id),
    findLinked(db, id, scope),
    findClustersOf(db, id),
    findTermsById(db, [...row.theme_ids, ...row.affected_ids, ...row.issue_ids, ...row.custom_term_ids]),
    listRecordChanges(db, 'recommendation', id),
  ]);
  return presentDetail(row, { history, links: linked, clusters: clustersOf, terms, changes }, actor.locale);
}

/** Edits status and classification at a known version; the status change joins the history. */
export async function updateRecommendation(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateRecommendationInput,
): Promise<RecommendationDetail> {
  requireCan(actor, 'edit');
  await db.transaction().execute(async (trx) => {
    const before = await findRecommendation(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (input.status && !(await statusExists(trx, input.status))) {
      throw new AppError('VALIDATION', { issues: [{ path: 'status', message: 'issues.unknownStatus' }] });
    }
    for (const [field, ids, taxonomies] of [
      ['themeIds', input.themeIds, ['theme']],
      ['affectedIds', input.affectedIds, ['affected_person']],
    ] as const) {
      if (ids && (await existingTermIds(trx, ids, [...taxonomies])).length !== new Set(ids).size) {
        throw new AppError('VALIDATION', { issues: [{ path: field, message: 'issues.unknownTerm' }] });
      }
    }
    const customIds = input.customTermIds;
    if (customIds && (await existingCustomTermIds(trx, customIds)).length !== new Set(customIds).size) {
      throw new AppError('VALIDATION', { issues: [{ path: 'customTermIds', message: 'issues.unknownTerm' }] });
    }
    if (
      input.sdgTargets &&
      (await existingSdgTargets(trx, input.sdgTargets)).length !== new Set(input.sdgTargets).size
    ) {
      throw new AppError('VALIDATION', { issues: [{ path: 'sdgTargets', message: 'issues.unknownSdgTarget' }] });
    }
    const patch = {
      ...(input.status ? { status: input.status } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.themeIds ? { theme_ids: [...new Set(input.themeIds)] } : {}),
      ...(input.affectedIds ? { affected_ids: [...new Set(input.affectedIds)] } : {}),
      ...(input.customTermIds ? { custom_term_ids: [...new Set(input.customTermIds)] } : {}),
      ...(input.sdgTargets
        ? { sdg_targets: [...new Set(input.sdgTargets)], sdg_goals: goalsAfter(before, input.sdgTargets) }
        : {}),
      ...(input.followUpGrade !== undefined ? { follow_up_grade: input.followUpGrade } : {}),
    };
    await saveChange(trx, actor, {
      id,
      version: input.version,
      status: before.status,
      before: Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof typeof before]])),
      patch,
      cause: { kind: 'edit' },
      note: input.statusNote,
    });
  });
  return getRecommendation(db, actor, id);
}

/** Applies one change to a selection of up to 1,000 recommendations, in one transaction. */
export async function batchEdit(
  db: Database,
  actor: Actor,
  input: BatchEditInput,
): Promise<{ updated: number; linked: number }> {
  const user = requireCan(actor, 'batchEdit');
  return db.transaction().execute(async (trx) => {
    const rows = await lockForChange(trx, input.ids);
    if (rows.length !== new Set(input.ids).size) throw new AppError('NOT_FOUND');
    if (input.status && !(await statusExists(trx, input.status))) {
      throw new AppError('VALIDATION', { issues: [{ path: 'status', message: 'issues.unknownStatus' }] });
    }
    if ((await existingTermIds(trx, input.addThemeIds, ['theme'])).length !== new Set(input.addThemeIds).size) {
      throw new AppError('VALIDATION', { issues: [{ path: 'addThemeIds', message: 'issues.unknownTerm' }] });
    }
    if ((await existingSdgTargets(trx, input.addSdgTargets)).length !== new Set(input.addSdgTargets).size) {
      throw new AppError('VALIDATION', { issues: [{ path: 'addSdgTargets', message: 'issues.unknownSdgTarget' }] });
    }
    if (input.clusterId && !(await findCluster(trx, input.clusterId))) throw new AppError('NOT_FOUND');
    let updated = 0;
    for (const row of rows) {
      const themes = [
        ...new Set([...row.theme_ids.filter((t) => !input.removeThemeIds.includes(t)), ...input.addThemeIds]),
      ];
      const targets = [
        ...new Set([...row.sdg_targets.filter((t) => !input.removeSdgTargets.includes(t)), ...input.addSdgTargets]),
      ];
      const status = input.status ?? row.status;
      const changed =
        themes.join() !== row.theme_ids.join() || targets.join() !== row.sdg_targets.join() || status !== row.status;
      if (!changed) continue;
      await saveChange(trx, actor, {
        id: row.id,
        version: row.version,
        status: row.status,
        before: {
          theme_ids: row.theme_ids,
          sdg_targets: row.sdg_targets,
          sdg_goals: row.sdg_goals,
          status: row.status,
        },
        patch: { theme_ids: themes, sdg_targets: targets, sdg_goals: goalsAfter(row, targets), status },
        cause: { kind: 'batch' },
      });
      updated++;
    }
    if (input.clusterId) await addClusterMembers(trx, input.clusterId, input.ids);
    let linked = 0;
    if (input.linkKind) {
      for (let i = 0; i < input.ids.length; i++) {
        for (let j = i + 1; j < input.ids.length; j++) {
          if (await insertLink(trx, input.ids[i] as string, input.ids[j] as string, input.linkKind, user.id)) linked++;
        }
      }
      if (linked)
        await recordAudit(trx, actor, {
          action: 'create',
          recordType: 'recommendation_link',
          recordId: null,
          after: { ids: input.ids, kind: input.linkKind },
        });
    }
    return { updated, linked };
  });
}

/** Recommendations by paragraph number, for the link picker (the search box finds words). */
export async function findRecommendationsByNumber(
  db: Database,
  actor: Actor,
  query: { number: string; lang?: Locale | undefined; page: number; pageSize: number },
): Promise<Page<RecommendationRef>> {
  const user = requireCan(actor, 'read');
  const { rows, total } = await findByNumber(db, query, query.lang ?? actor.locale, await scopeOf(db, user));
  return { items: rows.map(presentRef), total, page: query.page, pageSize: query.pageSize };
}
