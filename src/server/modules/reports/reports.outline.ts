import type { Insertable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { ReportGrouping } from '../../../shared/schemas/reports';
import type { LocalizedText, ReportRecommendationRef, ReportSectionsTable, ReportSource } from '../../db/schema';
import { localize } from '../../lib/language';
import { narrativeHtml } from './reports.sanitize';
import type { ConcernedRow, ValidatedUpdateRow } from './reports.sources.repo';

export interface OutlineInput {
  grouping: ReportGrouping;
  language: Locale;
  recommendations: ConcernedRow[];
  themes: { id: number; code: string; label: LocalizedText; sort: number }[];
  memberships: { recommendation_id: string; cluster_id: string; name: string }[];
  updates: ValidatedUpdateRow[];
  /** Heading of the section for recommendations with no theme (or cluster), or none written on. */
  otherHeading: string;
  /** The heading of a recommendation's own section ("Paragraph 12", "Recommendation 115.3"). */
  paragraphHeading?: (number: string) => string;
  /**
   * Chapters without recommendations the report type asks for (docs/domain.md, "Report
   * shapes"): the UPR national report opens with its introduction and methodology and closes
   * with new developments and challenges. Written by the secretariat; empty ones are not printed.
   */
  frame?: { before: string[]; after: string[] };
}

type SectionDraft = Omit<Insertable<ReportSectionsTable>, 'report_id'>;

const excerptLength = 240;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= excerptLength ? flat : `${flat.slice(0, excerptLength - 1).trimEnd()}…`;
}

/** Text as HTML content (the export and the tests write report bodies with it too). */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** "[118.7, 118.9]": where an update's text starts, so the export can hang its footnote there. */
export function marker(numbers: string[]): string {
  return `[${numbers.join(', ')}]`;
}

/**
 * One passage per recommendation (or set of recommendations): the updates on it follow one
 * another under a single marker, which leads the first paragraph or list item (never a
 * paragraph of its own, which read as an orphan "[115.84]" line in the export). Entities that
 * sent the same text (municipalities answering a call often do) are quoted once: every update
 * stays a source, so the marker's footnotes still name each of them.
 */
function passage(updates: ValidatedUpdateRow[], numbers: string[]): string {
  const texts = updates.map((update) => narrativeHtml(update.narrative, update.narrative_format));
  const html = [...new Set(texts.map((text) => text.trim()))].join('');
  if (!html || numbers.length === 0) return html;
  const lead = `<strong>${escapeText(marker(numbers))}</strong> `;
  const first = /<(p|li)>/.exec(html);
  if (!first) return `<p>${lead}${html}</p>`;
  const at = first.index + first[0].length;
  return `${html.slice(0, at)}${lead}${html.slice(at)}`;
}

/**
 * Groups the recommendations as OHCHR's thematic lists do (each under its first theme, themes in
 * the taxonomy's order) or by cluster (each under its first cluster by name); the rest go to a
 * last section. Each section starts from the validated updates on its recommendations, an
 * update placed once, in the first section that holds one of its recommendations.
 */
export function buildOutline(input: OutlineInput): SectionDraft[] {
  type Group = { heading: string; order: [number, string]; recs: ConcernedRow[] };
  const groups = new Map<string, Group>();
  const other: Group = { heading: input.otherHeading, order: [Number.MAX_SAFE_INTEGER, ''], recs: [] };
  const themes = new Map(input.themes.map((theme) => [theme.id, theme]));
  const clusterOf = new Map<string, { id: string; name: string }>();
  for (const membership of input.memberships) {
    if (!clusterOf.has(membership.recommendation_id))
      clusterOf.set(membership.recommendation_id, { id: membership.cluster_id, name: membership.name });
  }
  input.recommendations.forEach((rec, index) => {
    let key: string | null = null;
    let heading = '';
    let order: [number, string] = [0, ''];
    if (input.grouping === 'recommendation') {
      // Each paragraph answered on its own, in the document's order, whether reported on or not:
      // a list of issues asks every question, and the secretariat writes the missing replies.
      key = `r${rec.id}`;
      heading = input.paragraphHeading?.(rec.number ?? '') ?? rec.number ?? '';
      order = [index, ''];
    } else if (input.grouping === 'theme') {
      const theme = rec.theme_ids.map((id) => themes.get(id)).find(Boolean);
      if (theme) {
        key = `t${theme.id}`;
        heading = localize(theme.label, input.language) || theme.code;
        order = [theme.sort, theme.code];
      }
    } else {
      const cluster = clusterOf.get(rec.id);
      if (cluster) {
        key = `c${cluster.id}`;
        heading = cluster.name;
        order = [0, cluster.name.toLocaleLowerCase()];
      }
    }
    if (!key) {
      other.recs.push(rec);
      return;
    }
    let group = groups.get(key);
    if (!group) {
      group = { heading, order, recs: [] };
      groups.set(key, group);
    }
    group.recs.push(rec);
  });
  // A theme or cluster nobody reported on gives no section (a heading with nothing under it):
  // its recommendations join "Other recommendations", where the secretariat may still write.
  const reported = new Set(input.updates.flatMap((update) => update.recommendation_ids));
  const ordered = [...groups.values()]
    .filter((group) => {
      if (input.grouping === 'recommendation' || group.recs.some((rec) => reported.has(rec.id))) return true;
      other.recs.push(...group.recs);
      return false;
    })
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1].localeCompare(b.order[1]));
  if (other.recs.length > 0) ordered.push(other);

  const sectionOfRec = new Map<string, number>();
  ordered.forEach((group, index) => {
    for (const rec of group.recs) sectionOfRec.set(rec.id, index);
  });
  const numberOf = new Map(input.recommendations.map((rec) => [rec.id, rec.number]));
  const updatesBySection = new Map<number, ValidatedUpdateRow[]>();
  for (const update of input.updates) {
    const first = Math.min(...update.recommendation_ids.map((id) => sectionOfRec.get(id) ?? Number.MAX_SAFE_INTEGER));
    if (first === Number.MAX_SAFE_INTEGER) continue;
    updatesBySection.set(first, [...(updatesBySection.get(first) ?? []), update]);
  }

  const framed = (heading: string) => ({
    heading,
    body: '',
    recommendation_ids: [],
    recommendation_refs: JSON.stringify([]),
    source_update_ids: [],
    sources: JSON.stringify([]),
  });
  const thematic = ordered.map((group, index) => {
    const updates = updatesBySection.get(index) ?? [];
    const refs: ReportRecommendationRef[] = group.recs.map((rec) => ({
      id: rec.id,
      number: rec.number,
      excerpt: excerptOf(rec.text),
    }));
    const sources: ReportSource[] = updates.map((update) => ({
      updateId: update.id,
      entityId: update.entity_id,
      entityName: update.entity_name,
      recommendationIds: update.recommendation_ids,
      periodStart: update.period_start,
      periodEnd: update.period_end,
    }));
    const passages = new Map<string, { numbers: string[]; updates: ValidatedUpdateRow[] }>();
    for (const update of updates) {
      const numbers = update.recommendation_ids.map((id) => numberOf.get(id)).filter((n): n is string => Boolean(n));
      const key = marker(numbers);
      const found = passages.get(key) ?? { numbers, updates: [] };
      found.updates.push(update);
      passages.set(key, found);
    }
    const body = [...passages.values()].map((item) => passage(item.updates, item.numbers)).join('');
    return {
      heading: group.heading,
      body,
      recommendation_ids: group.recs.map((rec) => rec.id),
      recommendation_refs: JSON.stringify(refs),
      source_update_ids: updates.map((update) => update.id),
      sources: JSON.stringify(sources),
    };
  });
  const frame = input.frame ?? { before: [], after: [] };
  return [...frame.before.map(framed), ...thematic, ...frame.after.map(framed)].map((section, index) => ({
    ...section,
    position: index + 1,
  }));
}
