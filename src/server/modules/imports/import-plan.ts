import { hash } from 'node:crypto';
import type { FieldChange, ImportRowAction } from '../../../shared/schemas/imports';
import type { ExistingRecommendation, ReviewRow } from './imports.repo';
import type { Lang, ParsedRecommendation, Position, SourceLocation } from './parsers';
import { fullText } from './parsers/common.js';
import type { ReviewKey } from './review-keys';

/** What one recommendation will hold once applied; terms by code, resolved to ids on apply. */
export interface RecommendationValues {
  number: string | null;
  numberSort: number[];
  heading: string | null;
  texts: Partial<Record<Lang, string>>;
  originalLang: Lang;
  subItems: { label: string; text: string }[];
  states: string[];
  position: Position | null;
  positionSource: string | null;
  actionCategory: number | null;
  themes: string[];
  affected: string[];
  issues: string[];
  sdgTargets: string[];
  sdgGoals: number[];
  externalId: string | null;
  followUp: boolean;
  followUpDue: string | null;
}

export interface PlannedRow {
  action: ImportRowAction;
  reviewKey: string;
  contentKey: string;
  number: string | null;
  text: string;
  location: SourceLocation;
  reason?: string;
  changes: FieldChange[];
  existingId?: string;
  values?: RecommendationValues;
  /** A State's views (UPR addendum) set only the position of a stored recommendation. */
  positionUpdate?: { position: Position; positionSource: string | null };
  /** For updates: the stored record's term ids kept alongside the new codes. */
  keep?: { themeIds: number[]; affectedIds: number[]; issueIds: number[] };
}

export interface PlannedReview extends ReviewKey {
  existing?: ReviewRow;
  changes: FieldChange[];
}

export interface TermLookup {
  theme: Map<string, number>;
  affected_person: Map<string, number>;
  upr_info_issue: Map<string, number>;
  sdg: Set<string>;
}

export function numberSortOf(number: string | null | undefined): number[] {
  if (!number) return [];
  return (number.match(/\d+/g) ?? []).slice(0, 4).map((part) => Math.min(Number(part), 2_000_000_000));
}

/** Rows without a number (UPR Info) are known by their text and recommending States. */
export function contentKeyOf(number: string | null | undefined, text: string, states: string[]): string {
  if (number) return `n:${number}`;
  // Stored keys must not change: the shortcuts skip only steps that would leave the text as it is
  // (NFKC of ASCII, collapsing where every white space is already one lone space).
  const folded = ascii.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  const normal = (irregularSpace.test(folded) ? folded.replace(/\s+/g, ' ') : folded).trim();
  const sorted = states.length > 1 ? [...states].sort().join(',') : (states[0] ?? '');
  return `t:${hash('sha1', `${normal}|${sorted}`, 'hex').slice(0, 20)}`;
}
const ascii = /^[ -~]*$/;
const irregularSpace = /\s\s|[^\S ]/;

/** The stored text of a paragraph: its chapeau, then each sub-item once (parsers/common.ts). */
export { fullText };

/** The list without repeats, in order; short lists (most of them) skip the Set. */
function distinct<T>(list: readonly T[]): T[] {
  return list.length < 2 ? [...list] : [...new Set(list)];
}

export function valuesOf(
  rec: ParsedRecommendation,
  states: string[],
  followUp: { paragraphs: Set<string>; due: string | null },
): RecommendationValues {
  const sdgTargets = distinct(rec.sdgTargets);
  const sdgGoals = distinct([
    ...sdgTargets.map((target) => Number(target.split('.')[0])),
    ...(rec.sdgGoals ?? []).map(Number),
  ]).filter((goal) => goal >= 1 && goal <= 17);
  const paragraph = rec.number?.split('.')[0] ?? '';
  const isFollowUp = !!rec.number && followUp.paragraphs.has(paragraph);
  return {
    number: rec.number ?? null,
    numberSort: numberSortOf(rec.number),
    heading: rec.heading ?? null,
    texts: { [rec.lang]: fullText(rec) },
    originalLang: rec.lang,
    subItems: rec.subItems,
    states,
    position: rec.position ?? null,
    positionSource: rec.positionSource?.replace(/[,;:.\s]+$/, '') || null,
    actionCategory: rec.actionCategory ?? null,
    themes: distinct(rec.themes),
    affected: distinct(rec.affectedPersons),
    issues: distinct(rec.issues),
    sdgTargets,
    sdgGoals,
    externalId: rec.externalId ?? null,
    followUp: isFollowUp,
    followUpDue: isFollowUp ? followUp.due : null,
  };
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((value) => left.has(value));
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

const idsOf = (codes: string[], lookup: Map<string, number>) =>
  codes.map((code) => lookup.get(code)).filter((id): id is number => id !== undefined);

/**
 * What importing `incoming` over a stored recommendation changes. Sources complement each
 * other: a thematic list adds themes and SDGs to what the Working Group report gave, so lists
 * are merged (union) and a field is only replaced where the new source says something else.
 */
export function diffRecommendation(
  existing: ExistingRecommendation,
  incoming: RecommendationValues,
  terms: TermLookup,
): { changes: FieldChange[]; merged: RecommendationValues; keep: NonNullable<PlannedRow['keep']> } {
  const changes: FieldChange[] = [];
  const merged: RecommendationValues = { ...incoming };
  for (const [lang, text] of Object.entries(incoming.texts) as [Lang, string][]) {
    const before = existing[`text_${lang}`];
    if (before !== text) changes.push({ field: `text_${lang}`, before, after: text });
  }
  const scalar = <K extends keyof RecommendationValues>(field: K, before: unknown, label: string = field) => {
    const after = incoming[field];
    if (after === null || (Array.isArray(after) && after.length === 0)) {
      (merged[field] as unknown) = before;
      return;
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field: label, before, after });
  };
  scalar('heading', existing.heading);
  scalar('subItems', existing.sub_items, 'sub_items');
  scalar('position', existing.position);
  scalar('positionSource', existing.position_source, 'position_source');
  scalar('actionCategory', existing.action_category, 'action_category');
  scalar('externalId', existing.external_id, 'external_id');
  if (
    incoming.followUp &&
    (!existing.follow_up || String(existing.follow_up_due ?? '') !== String(incoming.followUpDue ?? ''))
  ) {
    changes.push({ field: 'follow_up', before: existing.follow_up, after: true });
  }
  merged.followUp = incoming.followUp || existing.follow_up;
  const list = (field: string, before: readonly (string | number)[], after: (string | number)[]) => {
    const all = union(before, after);
    if (!sameSet(all, before)) changes.push({ field, before, after: all });
    return all;
  };
  merged.states = list('recommending_states', existing.recommending_states, incoming.states) as string[];
  merged.sdgTargets = list('sdg_targets', existing.sdg_targets, incoming.sdgTargets) as string[];
  merged.sdgGoals = union(existing.sdg_goals, incoming.sdgGoals);
  const termList = (field: string, before: number[], codes: string[], lookup: Map<string, number>) => {
    const known = idsOf(codes, lookup);
    const unknown = codes.filter((code) => !lookup.has(code));
    if (unknown.length > 0 || !known.every((id) => before.includes(id))) changes.push({ field, before, after: codes });
  };
  termList('themes', existing.theme_ids, incoming.themes, terms.theme);
  termList('affected_persons', existing.affected_ids, incoming.affected, terms.affected_person);
  termList('issues', existing.issue_ids, incoming.issues, terms.upr_info_issue);
  return {
    changes,
    merged,
    keep: { themeIds: existing.theme_ids, affectedIds: existing.affected_ids, issueIds: existing.issue_ids },
  };
}
