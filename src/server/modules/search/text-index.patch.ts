import { scanTsvector, type TermList, type TextIndex, textLanguageCount } from './text-index';

/** One row whose text changed: its slot, and its six `tsvector`s as text (null: the row is gone). */
export interface TextChange {
  slot: number;
  tsv: readonly (string | null)[] | null;
}

interface Occurrence {
  slot: number;
  count: number;
  positions: number[];
}

/**
 * Applies changed rows to the text index in place (decision 025): their old occurrences leave
 * every term holding them, their new ones join, and the lengths and row counts behind BM25 follow,
 * so the index answers and ranks as one rebuilt from the database would. A term touched gets its
 * own arrays (`overrides`); the others stay views into the build's arrays. New rows take slots
 * after every existing one, so appending keeps each term's slots sorted.
 */
export function patchText(text: TextIndex, size: number, changes: readonly TextChange[]): void {
  const sorted = [...changes].sort((a, b) => a.slot - b.slot);
  if (text.lengths.length < size * textLanguageCount) {
    const grown = new Uint16Array(Math.max(size, Math.ceil(text.size * 1.25)) * textLanguageCount);
    grown.set(text.lengths);
    text.lengths = grown;
  }
  // The rows' old occurrences: which terms hold them.
  const old = sorted.filter((change) => change.slot < text.size).map((change) => change.slot);
  const gone = new Set(old);
  for (const slot of old) {
    for (let lang = 0; lang < textLanguageCount; lang++) {
      const at = slot * textLanguageCount + lang;
      const length = text.lengths[at] as number;
      text.lengthSum[lang] = (text.lengthSum[lang] as number) - length;
      if (length > 0) text.lengthRows[lang] = (text.lengthRows[lang] as number) - 1;
      text.lengths[at] = 0;
    }
    text.live--;
  }
  const touched = new Set<number>();
  if (old.length > 0) {
    const terms = text.lexemes;
    for (let term = 0; term < terms; term++) {
      const { slots } = text.list(term);
      if (slots.length === 0) continue;
      if (old.length <= 32) {
        if (old.some((slot) => slot >= (slots[0] as number) && binarySearch(slots, slot))) touched.add(term);
      } else if (slots.some((slot) => gone.has(slot))) touched.add(term);
    }
  }
  // Their new occurrences, per term in slot order.
  const added = new Map<number, Occurrence[]>();
  let nextTerm = text.lexemes;
  for (const { slot, tsv } of sorted) {
    if (!tsv) continue;
    text.live++;
    for (let lang = 0; lang < textLanguageCount; lang++) {
      const value = tsv[lang];
      if (!value) continue;
      const lexicon = text.lexicons[lang] as Map<string, number>;
      const positions: number[] = [];
      let from = 0;
      const length = scanTsvector(value, positions, (lexeme, count) => {
        let term = lexicon.get(lexeme);
        if (term === undefined) {
          term = nextTerm++;
          lexicon.set(lexeme, term);
        }
        const list = added.get(term) ?? [];
        list.push({ slot, count, positions: positions.slice(from, from + count) });
        added.set(term, list);
        from += count;
      });
      const stored = Math.min(65_535, length);
      text.lengths[slot * textLanguageCount + lang] = stored;
      text.lengthSum[lang] = (text.lengthSum[lang] as number) + stored;
      if (stored > 0) text.lengthRows[lang] = (text.lengthRows[lang] as number) + 1;
    }
  }
  for (const term of added.keys()) touched.add(term);
  for (const term of touched) text.overrides.set(term, merged(text.list(term), gone, added.get(term) ?? []));
  text.size = size;
}

/** A term's occurrences without the rows in `gone`, with `added` (sorted by slot) merged in. */
function merged(list: TermList, gone: ReadonlySet<number>, added: readonly Occurrence[]): TermList {
  const last = list.slots.length ? (list.slots[list.slots.length - 1] as number) : -1;
  if (added.length > 0 && (added[0] as Occurrence).slot > last && !list.slots.some((slot) => gone.has(slot)))
    return appended(list, added);
  let kept = 0;
  let keptPositions = 0;
  for (let i = 0; i < list.slots.length; i++)
    if (!gone.has(list.slots[i] as number)) {
      kept++;
      keptPositions += list.counts[i] as number;
    }
  const n = kept + added.length;
  const slots = new Int32Array(n);
  const counts = new Uint16Array(n);
  const positions = new Uint16Array(keptPositions + added.reduce((sum, entry) => sum + entry.positions.length, 0));
  let i = 0;
  let from = 0;
  let j = 0;
  let k = 0;
  let to = 0;
  while (i < list.slots.length || j < added.length) {
    const oldSlot = i < list.slots.length ? (list.slots[i] as number) : Number.POSITIVE_INFINITY;
    const entry = added[j];
    if (entry && entry.slot < oldSlot) {
      slots[k] = entry.slot;
      counts[k++] = entry.count;
      for (const position of entry.positions) positions[to++] = position;
      j++;
      continue;
    }
    const count = list.counts[i] as number;
    if (!gone.has(oldSlot)) {
      slots[k] = oldSlot;
      counts[k++] = count;
      for (let p = from; p < from + count; p++) positions[to++] = list.positions[p] as number;
    }
    from += count;
    i++;
  }
  return { slots, counts, positions };
}

function binarySearch(slots: Int32Array, slot: number): boolean {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = slots[mid] as number;
    if (value === slot) return true;
    if (value < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A patched term's arrays with room to spare: the views in its list cover the used part. */
interface Growable extends TermList {
  room?: { slots: Int32Array; counts: Uint16Array; positions: Uint16Array };
}

/**
 * New rows only, after every slot the term holds (an import): written into the room left by the
 * previous append when there is some, else into arrays half as large again, so that an import
 * does not copy every term it touches every time. Searches holding the old views see the old rows.
 */
function appended(list: Growable, added: readonly Occurrence[]): TermList {
  const n = list.slots.length;
  const p = list.positions.length;
  const more = added.reduce((sum, entry) => sum + entry.positions.length, 0);
  let room = list.room;
  if (!room || room.slots.length < n + added.length || room.positions.length < p + more) {
    const slots = Math.ceil((n + added.length) * 1.5) + 4;
    room = {
      slots: new Int32Array(slots),
      counts: new Uint16Array(slots),
      positions: new Uint16Array(Math.ceil((p + more) * 1.5) + 8),
    };
    room.slots.set(list.slots);
    room.counts.set(list.counts);
    room.positions.set(list.positions);
  }
  let to = p;
  added.forEach((entry, i) => {
    (room.slots as Int32Array)[n + i] = entry.slot;
    (room.counts as Uint16Array)[n + i] = entry.count;
    for (const position of entry.positions) (room.positions as Uint16Array)[to++] = position;
  });
  const grown: Growable = {
    slots: room.slots.subarray(0, n + added.length),
    counts: room.counts.subarray(0, n + added.length),
    positions: room.positions.subarray(0, to),
    room,
  };
  return grown;
}
