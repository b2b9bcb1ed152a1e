import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { sectionWords } from '../../../shared/reports/report-text';
import type { Page } from '../../../shared/schemas/common';
import { type RecommendationSearch, recommendationSearchSchema } from '../../../shared/schemas/register';
import {
  type CreateReportInput,
  defaultWordLimits,
  type ReportDetail,
  type ReportListQuery,
  type ReportSection,
  type ReportSummary,
  reportGroupingsByType,
  reportTypesFor,
  type UpdateReportInput,
  type UpdateSectionInput,
} from '../../../shared/schemas/reports';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { invalid, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { requireReport } from './reports.guards';
import { loadReportModel } from './reports.model';
import { buildOutline } from './reports.outline';
import { canReports } from './reports.policy';
import { presentDetail, presentSummary } from './reports.presenter';
import {
  findReports,
  findSection,
  insertReport,
  insertSections,
  type ReportRow,
  setAnnexIncluded,
  touchReport,
  updateReportAtVersion,
  updateSectionAtVersion,
} from './reports.repo';
import { sanitizeReportHtml } from './reports.sanitize';
import {
  findBody,
  findClusterMemberships,
  findOwnSavedView,
  findRecommendationsConcerned,
  findReviews,
  findThemeTerms,
  findValidatedUpdates,
} from './reports.sources.repo';

/**
 * The chapters around the implementation sections, per report type (docs/domain.md, "Report
 * shapes"): a UPR national or mid-term report opens with how it was prepared and who was
 * consulted, and closes with new developments and challenges (HRC decision 17/119).
 */
function frameOf(type: CreateReportInput['type'], t: Translate): { before: string[]; after: string[] } {
  if (type === 'upr_national' || type === 'upr_mid_term')
    return {
      before: [t('reports.outline.introduction')],
      after: [t('reports.outline.developments'), t('reports.outline.challenges')],
    };
  // A periodic report under the simplified procedure opens with how it was prepared, then
  // answers the list of issues; the other replies answer their paragraphs and nothing else.
  if (type === 'tb_periodic') return { before: [t('reports.outline.introduction')], after: [] };
  return { before: [], after: [] };
}

/** A recommendation's own section: a paragraph of the list of issues, or a UPR recommendation. */
function paragraphHeading(type: CreateReportInput['type'], t: Translate) {
  return (number: string) =>
    type === 'upr_mid_term'
      ? t('reports.outline.recommendation', { number })
      : t('reports.outline.paragraph', { number });
}

/**
 * The register's filters a report is scoped by (issue 17): a saved view's, then the cycle and
 * clusters chosen on top. None: the reviews (or the body) alone.
 */
async function scopeOf(
  db: Executor,
  userId: string,
  input: CreateReportInput,
): Promise<RecommendationSearch | undefined> {
  if (!input.viewId && input.cycle === undefined && input.clusterIds.length === 0) return undefined;
  let search = recommendationSearchSchema.parse({});
  if (input.viewId) {
    const view = await findOwnSavedView(db, userId, input.viewId);
    if (!view) invalid('viewId', 'issues.report.unknownView');
    const parsed = recommendationSearchSchema.safeParse(view.query);
    if (!parsed.success) invalid('viewId', 'issues.report.unknownView');
    search = parsed.data;
  }
  if (input.cycle !== undefined) search = { ...search, cycle: [input.cycle] };
  if (input.clusterIds.length > 0) search = { ...search, cluster: input.clusterIds };
  return search;
}

/** Reports newest first; consulted stakeholders see only those open for consultation. */
export async function listReports(deps: Deps, actor: Actor, query: ReportListQuery): Promise<Page<ReportSummary>> {
  const user = signedIn(actor);
  if (!canReports(user, 'list')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findReports(deps.db, { ...query, onlyConsultation: !canReports(user, 'read') });
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

async function detailOf(db: Executor, actor: Actor, report: ReportRow): Promise<ReportDetail> {
  const user = signedIn(actor);
  return presentDetail(await loadReportModel(db, report), canReports(user, 'edit', { status: report.status }));
}

export async function getReport(deps: Deps, actor: Actor, id: string): Promise<ReportDetail> {
  const { report } = await requireReport(deps.db, actor, id, 'read');
  return detailOf(deps.db, actor, report);
}

/**
 * Creates a report for a body (and some of its reviews) and builds its outline: the
 * recommendations concerned grouped by theme or cluster, each section started from the validated
 * progress updates on its recommendations, sources kept beside the text.
 */
export async function createReport(deps: Deps, actor: Actor, input: CreateReportInput): Promise<ReportDetail> {
  const user = signedIn(actor);
  if (!canReports(user, 'create')) throw new AppError('FORBIDDEN');
  const language: Locale = input.language ?? actor.locale;
  const body = await findBody(deps.db, input.bodyCode);
  if (!body) invalid('bodyCode', 'issues.report.unknownBody');
  if (!reportTypesFor(body.mechanism).includes(input.type)) invalid('type', 'issues.report.typeNotForMechanism');
  const reviewIds = [...new Set(input.reviewIds)];
  const reviews = await findReviews(deps.db, reviewIds);
  if (reviews.length !== reviewIds.length || reviews.some((review) => review.body_code !== input.bodyCode))
    invalid('reviewIds', 'issues.report.reviewNotOfBody');
  const grouping = input.grouping ?? reportGroupingsByType[input.type][0] ?? 'theme';
  if (!reportGroupingsByType[input.type].includes(grouping)) invalid('grouping', 'issues.report.groupingNotForType');
  const search = await scopeOf(deps.db, user.id, input);
  const concerned = await findRecommendationsConcerned(
    deps.db,
    { bodyCode: input.bodyCode, reviewIds, search },
    language,
  );
  if (concerned.length === 0) invalid('reviewIds', 'issues.report.noRecommendations');
  // A follow-up reply answers the paragraphs the committee named for follow-up, and only those.
  const recommendations = input.type === 'tb_follow_up' ? concerned.filter((rec) => rec.follow_up) : concerned;
  if (recommendations.length === 0) invalid('reviewIds', 'issues.report.noFollowUpParagraphs');
  const ids = recommendations.map((rec) => rec.id);
  const [themes, memberships, updates] = await Promise.all([
    grouping === 'theme'
      ? findThemeTerms(deps.db, [...new Set(recommendations.flatMap((rec) => rec.theme_ids))])
      : Promise.resolve([]),
    grouping === 'cluster' ? findClusterMemberships(deps.db, ids) : Promise.resolve([]),
    findValidatedUpdates(deps.db, ids),
  ]);
  const t = translatorFor(language);
  const sections = buildOutline({
    grouping,
    language,
    recommendations,
    themes,
    memberships,
    updates,
    otherHeading: t('reports.outline.other'),
    paragraphHeading: paragraphHeading(input.type, t),
    frame: frameOf(input.type, t),
  });
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertReport(trx, {
      body_code: input.bodyCode,
      type: input.type,
      title: input.title,
      language,
      review_ids: reviewIds,
      grouping,
      symbol: input.symbol ?? null,
      lrg_placement: input.lrgPlacement ?? 'annex',
      word_limit: input.wordLimit ?? defaultWordLimits[input.type],
      annex_word_limit: input.annexWordLimit ?? null,
      created_by: user.id,
    });
    await insertSections(
      trx,
      sections.map((section) => ({ ...section, report_id: id, updated_by: user.id })),
    );
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'report',
      recordId: id,
      after: { ...input, grouping, language, reviewIds, sections: sections.length, recommendations: ids.length },
    });
    const created = await requireReport(trx, actor, id, 'read');
    return detailOf(trx, actor, created.report);
  });
}

/** Changes the title, the symbol, where the LRGs go and the word limits at the version read. */
export async function updateReport(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateReportInput,
): Promise<ReportDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const { report } = await requireReport(trx, actor, id, 'edit', { lock: true });
    const symbol = input.symbol === undefined ? report.symbol : input.symbol;
    const lrgPlacement = input.lrgPlacement ?? report.lrg_placement;
    const patch = {
      title: input.title,
      symbol,
      lrg_placement: lrgPlacement,
      word_limit: input.wordLimit,
      annex_word_limit: input.annexWordLimit,
    };
    if (!(await updateReportAtVersion(trx, id, input.version, patch))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'report',
      recordId: id,
      before: {
        title: report.title,
        symbol: report.symbol,
        lrgPlacement: report.lrg_placement,
        wordLimit: report.word_limit,
        annexWordLimit: report.annex_word_limit,
      },
      after: {
        title: input.title,
        symbol,
        lrgPlacement,
        wordLimit: input.wordLimit,
        annexWordLimit: input.annexWordLimit,
      },
    });
    const updated = await requireReport(trx, actor, id, 'read');
    return detailOf(trx, actor, updated.report);
  });
}

/**
 * Saves a section's heading and text (sanitised) at the version the editor read. When someone
 * saved it first, nothing is overwritten: SECTION_CHANGED (409) carries their text and version,
 * so the editor shows both and the person merges and saves again.
 */
export async function updateSection(
  deps: Deps,
  actor: Actor,
  id: string,
  sectionId: string,
  input: UpdateSectionInput,
): Promise<ReportSection> {
  const body = sanitizeReportHtml(input.body);
  return deps.db.transaction().execute(async (trx) => {
    const { user } = await requireReport(trx, actor, id, 'edit', { lock: true });
    const before = await findSection(trx, id, sectionId);
    if (!before) throw new AppError('NOT_FOUND');
    const saved =
      before.version === input.version &&
      (await updateSectionAtVersion(trx, sectionId, input.version, {
        heading: input.heading,
        body,
        updated_by: user.id,
      }));
    if (!saved)
      throw new AppError('SECTION_CHANGED', {
        params: {
          currentVersion: before.version,
          currentHeading: before.heading,
          currentBody: before.body,
          updatedBy: before.updated_by_name ?? '',
        },
      });
    await touchReport(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'report_section',
      recordId: sectionId,
      before: { heading: before.heading, body: before.body, version: before.version },
      after: { heading: input.heading, body, version: before.version + 1 },
    });
    const after = await findSection(trx, id, sectionId);
    if (!after) throw new AppError('NOT_FOUND');
    const { report } = await requireReport(trx, actor, id, 'read');
    const model = await loadReportModel(trx, report);
    const section = model.sections.find((item) => item.id === sectionId);
    if (!section) throw new AppError('NOT_FOUND');
    return { ...section, words: sectionWords(after.heading, after.body) };
  });
}

/** Includes or leaves out one LRG's contributions in the annex, at the report's version. */
export async function setAnnexInclusion(
  deps: Deps,
  actor: Actor,
  id: string,
  entityId: string,
  input: { included: boolean; version: number },
): Promise<ReportDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const { report } = await requireReport(trx, actor, id, 'edit', { lock: true });
    const model = await loadReportModel(trx, report);
    if (!model.annex.some((entry) => entry.entityId === entityId)) throw new AppError('NOT_FOUND');
    if (!(await updateReportAtVersion(trx, id, input.version, {}))) throw new AppError('STALE_VERSION');
    await setAnnexIncluded(trx, id, entityId, input.included);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'report',
      recordId: id,
      after: { annexEntityId: entityId, included: input.included },
    });
    const updated = await requireReport(trx, actor, id, 'read');
    return detailOf(trx, actor, updated.report);
  });
}
