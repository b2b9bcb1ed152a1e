import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type {
  BatchEditInput,
  Cluster,
  RecommendationDetail,
  RecommendationRef,
  UpdateRecommendationInput,
} from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { scopeOf } from '../assignments/scope';
import { listRecordChanges, recordAudit } from '../audit/audit.service';
import * as labels from './labels.repo';
import { localize } from './localize';
import * as repo from './recommendations.repo';
import { canRegister, type RegisterAction } from './register.policy';

function requireCan(actor: Actor, action: RegisterAction) {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  if (!canRegister(actor.user, action)) throw new AppError('FORBIDDEN');
  return actor.user;
}

const langs = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const goalOf = (target: string) => Number(target.split('.')[0]);

/** The recommendation page: texts, source, classification, status history, links, clusters. */
export async function getRecommendation(db: Database, actor: Actor, id: string): Promise<RecommendationDetail> {
  const user = requireCan(actor, 'read');
  const scope = await scopeOf(db, user);
  const row = await repo.findRecommendation(db, id, scope);
  if (!row) throw new AppError('NOT_FOUND');
  const locale = actor.locale;
  const [history, links, clusters, terms, changes] = await Promise.all([
    repo.findStatusHistory(db, id),
    repo.findLinked(db, id, scope),
    repo.findClustersOf(db, id),
    labels.findTermsById(db, [...row.theme_ids, ...row.affected_ids, ...row.issue_ids, ...row.custom_term_ids]),
    listRecordChanges(db, 'recommendation', id),
  ]);
  const termRef = (termId: number) => {
    const term = terms.find((t) => t.id === termId);
    return {
      id: termId,
      taxonomy: term?.taxonomy ?? '',
      code: term?.code ?? String(termId),
      label: localize(term?.label, locale) || (term?.code ?? ''),
    };
  };
  const texts = Object.fromEntries(
    langs.flatMap((lang) => (row[`text_${lang}`] ? [[lang, row[`text_${lang}`] as string]] : [])),
  );
  const textLang = (texts[locale] ? locale : row.original_lang) as Locale;
  return {
    id: row.id,
    number: row.number,
    reviewId: row.review_id,
    reviewSymbol: row.symbol,
    bodyCode: row.body_code,
    cycle: row.cycle,
    text: texts[textLang] ?? '',
    textLang,
    snippet: null,
    recommendingStates: row.recommending_states,
    position: row.position,
    status: row.status,
    sdgTargets: row.sdg_targets,
    themes: row.theme_ids.map((termId) => termRef(termId).label),
    texts,
    originalLang: row.original_lang as Locale,
    heading: row.heading,
    subItems: row.sub_items,
    positionSource: row.position_source,
    actionCategory: row.action_category,
    themeTerms: row.theme_ids.map(termRef),
    affectedTerms: row.affected_ids.map(termRef),
    issueTerms: row.issue_ids.map(termRef),
    customTerms: row.custom_term_ids.map(termRef),
    followUp: row.follow_up,
    followUpDue: row.follow_up_due ? isoDate(row.follow_up_due) : null,
    followUpGrade: row.follow_up_grade,
    localLevels: row.local_levels,
    sources: row.sources,
    review: {
      id: row.review_id,
      symbol: row.symbol,
      bodyCode: row.body_code,
      bodyName: localize(row.body_name, locale),
      countryIso2: row.review_country,
      cycle: row.review_cycle,
      session: row.session,
      reviewDate: row.review_date ? isoDate(row.review_date) : null,
    },
    statusHistory: history.map((h) => ({
      status: h.status,
      previousStatus: h.previous_status,
      note: h.note,
      changedBy: h.changed_by,
      changedAt: h.changed_at.toISOString(),
    })),
    links: links.map((link) => ({
      id: link.id,
      kind: link.kind,
      number: link.number,
      bodyCode: link.body_code,
      reviewSymbol: link.symbol,
      text: link.text,
    })),
    clusters,
    changes,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Edits status and classification at a known version; the status change joins the history. */
export async function updateRecommendation(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateRecommendationInput,
): Promise<RecommendationDetail> {
  const user = requireCan(actor, 'edit');
  await db.transaction().execute(async (trx) => {
    const before = await repo.findRecommendation(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (input.status && !(await repo.statusExists(trx, input.status))) {
      throw new AppError('VALIDATION', { issues: [{ path: 'status', message: 'issues.unknownStatus' }] });
    }
    for (const [field, ids, taxonomies] of [
      ['themeIds', input.themeIds, ['theme']],
      ['affectedIds', input.affectedIds, ['affected_person']],
    ] as const) {
      if (ids && (await repo.existingTermIds(trx, ids, [...taxonomies])).length !== new Set(ids).size) {
        throw new AppError('VALIDATION', { issues: [{ path: field, message: 'issues.unknownTerm' }] });
      }
    }
    const customIds = input.customTermIds;
    if (customIds && (await repo.existingCustomTermIds(trx, customIds)).length !== new Set(customIds).size) {
      throw new AppError('VALIDATION', { issues: [{ path: 'customTermIds', message: 'issues.unknownTerm' }] });
    }
    if (
      input.sdgTargets &&
      (await repo.existingSdgTargets(trx, input.sdgTargets)).length !== new Set(input.sdgTargets).size
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
        ? { sdg_targets: [...new Set(input.sdgTargets)], sdg_goals: [...new Set(input.sdgTargets.map(goalOf))] }
        : {}),
      ...(input.followUpGrade !== undefined ? { follow_up_grade: input.followUpGrade } : {}),
    };
    const after = await repo.updateRecommendationAtVersion(trx, id, input.version, patch);
    if (!after) throw new AppError('STALE_VERSION');
    if (input.status && input.status !== before.status) {
      await repo.insertStatusChange(trx, {
        recommendation_id: id,
        status: input.status,
        previous_status: before.status,
        note: input.statusNote ?? null,
        changed_by: user.id,
      });
    }
    const changedBefore = Object.fromEntries(
      Object.keys(patch).map((key) => [key, before[key as keyof typeof before]]),
    );
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'recommendation',
      recordId: id,
      before: changedBefore,
      after: patch,
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
    const rows = await repo.findRecommendationsForBatch(trx, input.ids);
    if (rows.length !== new Set(input.ids).size) throw new AppError('NOT_FOUND');
    if (input.status && !(await repo.statusExists(trx, input.status))) {
      throw new AppError('VALIDATION', { issues: [{ path: 'status', message: 'issues.unknownStatus' }] });
    }
    if ((await repo.existingTermIds(trx, input.addThemeIds, ['theme'])).length !== new Set(input.addThemeIds).size) {
      throw new AppError('VALIDATION', { issues: [{ path: 'addThemeIds', message: 'issues.unknownTerm' }] });
    }
    if ((await repo.existingSdgTargets(trx, input.addSdgTargets)).length !== new Set(input.addSdgTargets).size) {
      throw new AppError('VALIDATION', { issues: [{ path: 'addSdgTargets', message: 'issues.unknownSdgTarget' }] });
    }
    if (input.clusterId && !(await repo.findCluster(trx, input.clusterId))) throw new AppError('NOT_FOUND');
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
      await repo.updateRecommendationAtVersion(trx, row.id, row.version, {
        theme_ids: themes,
        sdg_targets: targets,
        sdg_goals: [...new Set(targets.map(goalOf))],
        status,
      });
      if (status !== row.status) {
        await repo.insertStatusChange(trx, {
          recommendation_id: row.id,
          status,
          previous_status: row.status,
          note: null,
          changed_by: user.id,
        });
      }
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'recommendation',
        recordId: row.id,
        before: { theme_ids: row.theme_ids, sdg_targets: row.sdg_targets, status: row.status },
        after: { theme_ids: themes, sdg_targets: targets, status },
      });
      updated++;
    }
    if (input.clusterId) await repo.addClusterMembers(trx, input.clusterId, input.ids);
    let linked = 0;
    if (input.linkKind) {
      for (let i = 0; i < input.ids.length; i++) {
        for (let j = i + 1; j < input.ids.length; j++) {
          if (await repo.insertLink(trx, input.ids[i] as string, input.ids[j] as string, input.linkKind, user.id))
            linked++;
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
  const { rows, total } = await repo.findByNumber(db, query, query.lang ?? actor.locale, await scopeOf(db, user));
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      bodyCode: row.body_code,
      reviewSymbol: row.symbol,
      text: row.text,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Links two recommendations as related or duplicate. The same link again is refused (CONFLICT);
 * the other kind changes the link's kind.
 */
export async function linkRecommendations(
  db: Database,
  actor: Actor,
  id: string,
  otherId: string,
  kind: 'related' | 'duplicate',
) {
  const user = requireCan(actor, 'edit');
  if (id === otherId) throw new AppError('VALIDATION', { issues: [{ path: 'otherId', message: 'issues.selfLink' }] });
  await db.transaction().execute(async (trx) => {
    if (!(await repo.findRecommendation(trx, id)) || !(await repo.findRecommendation(trx, otherId)))
      throw new AppError('NOT_FOUND');
    const existing = await repo.findLink(trx, id, otherId);
    if (existing?.kind === kind) {
      throw new AppError('CONFLICT', { issues: [{ path: 'otherId', message: 'issues.linkExists' }] });
    }
    await repo.insertLink(trx, id, otherId, kind, user.id);
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      recordType: 'recommendation_link',
      recordId: id,
      ...(existing ? { before: { otherId, kind: existing.kind } } : {}),
      after: { otherId, kind },
    });
  });
}

export async function unlinkRecommendations(db: Database, actor: Actor, id: string, otherId: string) {
  requireCan(actor, 'edit');
  await db.transaction().execute(async (trx) => {
    const existing = await repo.findLink(trx, id, otherId);
    if (!existing || (await repo.deleteLink(trx, id, otherId)) === 0) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'recommendation_link',
      recordId: id,
      before: { otherId, kind: existing.kind },
    });
  });
}

type ClusterRow = { id: string; name: string; description: string | null; version: number; size: number | string };
const presentCluster = (row: ClusterRow): Cluster => ({
  id: row.id,
  name: row.name,
  description: row.description,
  size: Number(row.size),
  version: row.version,
});

const nameTaken = () => new AppError('CONFLICT', { issues: [{ path: 'name', message: 'issues.clusterNameTaken' }] });

export async function listClusters(
  db: Database,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
): Promise<Page<Cluster>> {
  requireCan(actor, 'read');
  const { rows, total } = await repo.findClusters(db, query);
  return { items: rows.map(presentCluster), total, page: query.page, pageSize: query.pageSize };
}

export async function getCluster(db: Database, actor: Actor, id: string): Promise<Cluster> {
  requireCan(actor, 'read');
  const row = await repo.findClusterWithSize(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentCluster(row);
}

/** A new, empty cluster; names are unique without regard to case, so that pickers can tell them apart. */
export async function createCluster(
  db: Database,
  actor: Actor,
  input: { name: string; description?: string | undefined },
): Promise<Cluster> {
  requireCan(actor, 'manageClusters');
  return db.transaction().execute(async (trx) => {
    if (await repo.findClusterNamed(trx, input.name)) throw nameTaken();
    const cluster = await repo.insertCluster(trx, input.name, input.description || null);
    await recordAudit(trx, actor, { action: 'create', recordType: 'cluster', recordId: cluster.id, after: cluster });
    return presentCluster({ ...cluster, size: 0 });
  });
}

/** Renames a cluster (and rewrites its description) at a known version. */
export async function updateCluster(
  db: Database,
  actor: Actor,
  id: string,
  input: { name: string; description?: string | null | undefined; version: number },
): Promise<Cluster> {
  requireCan(actor, 'manageClusters');
  return db.transaction().execute(async (trx) => {
    const before = await repo.findCluster(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (await repo.findClusterNamed(trx, input.name, id)) throw nameTaken();
    const patch = {
      name: input.name,
      ...(input.description !== undefined ? { description: input.description || null } : {}),
    };
    const after = await repo.updateClusterAtVersion(trx, id, input.version, patch);
    if (!after) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'update', recordType: 'cluster', recordId: id, before, after });
    const row = await repo.findClusterWithSize(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentCluster(row);
  });
}

/** Deletes a cluster at a known version: its memberships go, the recommendations stay. */
export async function deleteCluster(db: Database, actor: Actor, id: string, version: number): Promise<void> {
  requireCan(actor, 'manageClusters');
  await db.transaction().execute(async (trx) => {
    const before = await repo.findClusterWithSize(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if ((await repo.deleteClusterAtVersion(trx, id, version)) === 0) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'cluster',
      recordId: id,
      before: presentCluster(before),
    });
  });
}
