import { hash } from 'node:crypto';
import type { FieldChange, ImportRowAction } from '../../../shared/schemas/imports';
import type { HeldPosition } from '../../db/schema';
import type { ExistingRecommendation, ReviewRow } from './imports.repo';
import type { Lang, ParsedRecommendation, Position, SourceLocation } from './parsers';
import { fullText } from './parsers/common.js';
import { holderOf, type RankedField, rankOf, takes } from './precedence';
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
  /** The ranked fields this row's source sets and holds (precedence.ts), stored with its source. */
  taken?: string[];
  /** Fields this source offered that a stronger stored source keeps. */
  kept?: KeptField[];
  /** A State's view held on the review (its addendum came first) that this new row takes on. */
  held?: HeldPosition;
}

export interface PlannedReview extends ReviewKey {
  existing?: ReviewRow;
  changes: FieldChange[];
  /** The State's views to keep on the review until their recommendations come (all of them). */
  hold?: HeldPosition[];
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
 * Two values of a field compared by what they say: sub-items by label and text in order, whatever
 * the order of the keys in the stored JSON (jsonb reorders them), dates as days.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
/**
 * A date column as its day: node-postgres reads `date` as local midnight, PGlite as UTC midnight;
 * either way the day is the one stored.
 */
export function dayOf(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  if (value.getUTCHours() === 0 && value.getUTCMinutes() === 0) return value.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
function canonical(value: unknown): string {
  if (value instanceof Date) return dayOf(value) ?? '';
  if (Array.isArray(value))
    return JSON.stringify(
      value.map((item) =>
        item && typeof item === 'object' && 'label' in item && 'text' in item
          ? [String(item.label), String(item.text)]
          : item,
      ),
    );
  return JSON.stringify(value ?? null);
}
const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A field the incoming source offered but a stronger stored source keeps (shown in the preview). */
export interface KeptField {
  field: string;
  value: unknown;
  offered: unknown;
  fileName: string;
  format: string;
}

export interface IncomingSource {
  format: string;
  fileName: string;
}

export interface RecommendationDiff {
  changes: FieldChange[];
  merged: RecommendationValues;
  keep: NonNullable<PlannedRow['keep']>;
  /** The ranked fields this source sets and holds from now on. */
  taken: string[];
  kept: KeptField[];
}

/**
 * What importing `incoming` over a stored recommendation changes. Each ranked field goes to the
 * strongest source (precedence.ts): a weaker source arriving later leaves it and the preview says
 * which source kept it. Lists complement each other (a thematic list adds themes and SDGs to what
 * the Working Group report gave): they are merged (union).
 */
export function diffRecommendation(
  existing: ExistingRecommendation,
  incoming: RecommendationValues,
  terms: TermLookup,
  source: IncomingSource,
): RecommendationDiff {
  const changes: FieldChange[] = [];
  const merged: RecommendationValues = { ...incoming, texts: {} };
  const taken: string[] = [];
  const kept: KeptField[] = [];
  const sources = existing.sources ?? [];
  const storedPosition = { position: existing.position, positionSource: existing.position_source };
  /** Decides one ranked field; true when the incoming value is the one to hold. */
  const decide = (field: RankedField, before: unknown, after: unknown, label: string = field): boolean => {
    if (isEmpty(after)) return false;
    const incomingPosition = { position: incoming.position, positionSource: incoming.positionSource };
    const rank = rankOf(field, source.format, field === 'position' ? incomingPosition : undefined);
    const holder = holderOf(sources, field, storedPosition);
    if (!takes({ ...source, rank }, holder, isEmpty(before))) {
      if (!sameValue(before, after) && holder.source)
        kept.push({
          field: label,
          value: before,
          offered: after,
          fileName: holder.source.fileName,
          format: holder.source.format,
        });
      return false;
    }
    taken.push(field);
    if (!sameValue(before, after)) changes.push({ field: label, before, after });
    return true;
  };
  for (const [lang, text] of Object.entries(incoming.texts) as [Lang, string][]) {
    if (decide(`text_${lang}`, existing[`text_${lang}`], text)) merged.texts[lang] = text;
  }
  if (!decide('sub_items', existing.sub_items, incoming.subItems)) merged.subItems = existing.sub_items;
  if (!decide('heading', existing.heading, incoming.heading)) merged.heading = existing.heading;
  if (!decide('recommending_states', existing.recommending_states, incoming.states))
    merged.states = existing.recommending_states;
  if (decide('position', existing.position, incoming.position)) {
    if (!sameValue(existing.position_source, incoming.positionSource))
      changes.push({ field: 'position_source', before: existing.position_source, after: incoming.positionSource });
  } else {
    merged.position = existing.position;
    merged.positionSource = existing.position_source;
  }
  if (!decide('action_category', existing.action_category, incoming.actionCategory))
    merged.actionCategory = existing.action_category;
  if (!decide('external_id', existing.external_id, incoming.externalId)) merged.externalId = existing.external_id;
  if (incoming.followUp && (!existing.follow_up || dayOf(existing.follow_up_due) !== dayOf(incoming.followUpDue))) {
    changes.push({ field: 'follow_up', before: existing.follow_up, after: true });
  }
  merged.followUp = incoming.followUp || existing.follow_up;
  if (!incoming.followUp) merged.followUpDue = existing.follow_up_due as string | null;
  const list = <T extends string | number>(field: string, before: readonly T[], after: T[]) => {
    const all = union(before, after);
    if (!sameSet(all, before)) changes.push({ field, before, after: all });
    return all;
  };
  merged.sdgTargets = list('sdg_targets', existing.sdg_targets, incoming.sdgTargets);
  merged.sdgGoals = list('sdg_goals', existing.sdg_goals, incoming.sdgGoals);
  const termList = (field: string, before: number[], codes: string[], lookup: Map<string, number>) => {
    const known = idsOf(codes, lookup);
    const unknown = codes.filter((code) => !lookup.has(code));
    if (unknown.length > 0 || !known.every((id) => before.includes(id))) changes.push({ field, before, after: codes });
  };
  termList('themes', existing.theme_ids, incoming.themes, terms.theme);
  termList('affected_persons', existing.affected_ids, incoming.affected, terms.affected_person);
  termList('issues', existing.issue_ids, incoming.issues, terms.upr_info_issue);
  // A kind of document the record does not name yet is a source of it, even where it changes
  // nothing else (an update of its sources alone); another file of a kind it names (a renamed
  // copy) that changes nothing is not.
  if (!changes.length && !sources.some((stored) => stored.format === source.format))
    changes.push({ field: 'sources', before: sources.map((s) => s.fileName), after: [source.fileName] });
  return {
    changes,
    merged,
    keep: { themeIds: existing.theme_ids, affectedIds: existing.affected_ids, issueIds: existing.issue_ids },
    taken,
    kept,
  };
}

/** A State's view (UPR addendum) over a stored recommendation: its position alone, by precedence. */
export function diffPosition(
  existing: ExistingRecommendation,
  view: { position: Position; positionSource: string | null },
  source: IncomingSource,
): Pick<RecommendationDiff, 'changes' | 'taken' | 'kept'> {
  const sources = existing.sources ?? [];
  const rank = rankOf('position', source.format, view);
  const holder = holderOf(sources, 'position', {
    position: existing.position,
    positionSource: existing.position_source,
  });
  const changes: FieldChange[] = [];
  const kept: KeptField[] = [];
  const known = sources.some((stored) => stored.format === source.format);
  if (!takes({ ...source, rank }, holder, isEmpty(existing.position))) {
    if (existing.position !== view.position && holder.source)
      kept.push({
        field: 'position',
        value: existing.position,
        offered: view.position,
        fileName: holder.source.fileName,
        format: holder.source.format,
      });
    if (!known) changes.push({ field: 'sources', before: sources.map((s) => s.fileName), after: [source.fileName] });
    return { changes, taken: [], kept };
  }
  if (existing.position !== view.position)
    changes.push({ field: 'position', before: existing.position, after: view.position });
  if (view.positionSource && existing.position_source !== view.positionSource)
    changes.push({ field: 'position_source', before: existing.position_source, after: view.positionSource });
  // Taking the position over from a weaker source that said the same is a change of holder.
  if (!changes.length && (!known || holder.source?.format !== source.format))
    changes.push({ field: 'sources', before: sources.map((s) => s.fileName), after: [source.fileName] });
  return { changes, taken: ['position'], kept };
}

/** The ranked fields a new recommendation's source sets: every one it gives a value for. */
export function takenOnCreate(values: RecommendationValues): string[] {
  const taken: string[] = Object.keys(values.texts).map((lang) => `text_${lang}`);
  if (values.subItems.length) taken.push('sub_items');
  if (values.heading) taken.push('heading');
  if (values.states.length) taken.push('recommending_states');
  if (values.position && values.position !== 'pending') taken.push('position');
  if (values.actionCategory !== null) taken.push('action_category');
  if (values.externalId) taken.push('external_id');
  return taken;
}
