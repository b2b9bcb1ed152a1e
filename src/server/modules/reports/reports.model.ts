import type { Locale } from '../../../shared/i18n/locales';
import { countWords, sectionWords, type WordCounts, wordCounts } from '../../../shared/reports/report-text';
import type { AnnexEntry, ReportSection, ReportSnapshot } from '../../../shared/schemas/reports';
import type { LocalizedText, ReportRecommendationRef, ReportSource } from '../../db/schema';
import type { Executor } from '../../http/context';
import { localize } from '../../lib/language';
import { findAnnexChoices, findSections, type ReportRow } from './reports.repo';
import { narrativeHtml } from './reports.sanitize';
import { findRecommendationStates, findValidatedUpdates } from './reports.sources.repo';

/** A report with everything its page, its versions and its export show, read in one go. */
export interface ReportModel {
  report: ReportRow;
  language: Locale;
  sections: ReportSection[];
  annex: AnnexEntry[];
  counts: WordCounts;
  missing: { id: string; number: string | null; sectionId: string }[];
  /** Every recommendation covered, in section order: the export's table. */
  recommendations: ReportSection['recommendations'];
}

const labelIn = (label: LocalizedText | null, language: Locale): string | null => localize(label, language) || null;

/** Reads a report's sections, the register's current state of its recommendations and its annex. */
export async function loadReportModel(db: Executor, report: ReportRow): Promise<ReportModel> {
  const language = report.language as Locale;
  const sectionRows = await findSections(db, report.id);
  const recommendationIds = [...new Set(sectionRows.flatMap((section) => section.recommendation_ids))];
  const [states, updates, choices] = await Promise.all([
    findRecommendationStates(db, recommendationIds, language),
    findValidatedUpdates(db, recommendationIds),
    findAnnexChoices(db, report.id),
  ]);
  const stateById = new Map(states.map((state) => [state.id, state]));

  const missing: ReportModel['missing'] = [];
  const sections: ReportSection[] = sectionRows.map((row) => {
    const refs = row.recommendation_refs as ReportRecommendationRef[];
    const recommendations = refs.map((ref) => {
      const state = stateById.get(ref.id);
      if (!state) missing.push({ id: ref.id, number: ref.number, sectionId: row.id });
      return {
        id: ref.id,
        number: state?.number ?? ref.number,
        excerpt: ref.excerpt,
        present: Boolean(state),
        position: state?.position ?? null,
        status: state ? (labelIn(state.status_label, language) ?? state.status) : null,
      };
    });
    return {
      id: row.id,
      position: row.position,
      heading: row.heading,
      body: row.body,
      words: sectionWords(row.heading, row.body),
      recommendations,
      sources: row.sources as ReportSource[],
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by_name,
    };
  });

  const included = new Map(choices.map((choice) => [choice.entity_id, choice.included]));
  const numberOf = (id: string) => stateById.get(id)?.number ?? null;
  const byEntity = new Map<string, AnnexEntry>();
  for (const update of updates) {
    if (update.lrg_level === null) continue;
    let entry = byEntity.get(update.entity_id);
    if (!entry) {
      entry = {
        entityId: update.entity_id,
        entityName: update.entity_name,
        lrgLevel: update.lrg_level,
        included: included.get(update.entity_id) ?? true,
        words: 0,
        items: [],
      };
      byEntity.set(update.entity_id, entry);
    }
    const text = narrativeHtml(update.narrative, update.narrative_format);
    entry.words += countWords(text);
    entry.items.push({
      updateId: update.id,
      recommendationNumbers: update.recommendation_ids.map(numberOf).filter((n): n is string => n !== null),
      periodStart: update.period_start,
      periodEnd: update.period_end,
      text,
    });
  }
  const annex = [...byEntity.values()];
  const textWords = sections.reduce((sum, section) => sum + section.words, 0);
  const lrgWords = annex.filter((entry) => entry.included).reduce((sum, entry) => sum + entry.words, 0);
  // The LRGs' contributions printed as a chapter are main text, and the UN counts them.
  const asSection = report.lrg_placement === 'section';
  const main = textWords + (asSection ? lrgWords : 0);
  const annexWords = asSection ? 0 : lrgWords;
  return {
    report,
    language,
    sections,
    annex,
    counts: wordCounts(main, annexWords, { wordLimit: report.word_limit, annexWordLimit: report.annex_word_limit }),
    missing,
    recommendations: sections.flatMap((section) => section.recommendations),
  };
}

/** The frozen copy a version keeps: what consultation shows and what the diff compares. */
export function snapshotOf(model: ReportModel): ReportSnapshot {
  return {
    title: model.report.title,
    type: model.report.type,
    bodyCode: model.report.body_code,
    sections: model.sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      body: section.body,
      recommendationNumbers: section.recommendations.map((rec) => rec.number ?? '').filter(Boolean),
    })),
    annex: model.annex
      .filter((entry) => entry.included)
      .map((entry) => ({ entityName: entry.entityName, items: entry.items })),
    counts: model.counts,
  };
}
