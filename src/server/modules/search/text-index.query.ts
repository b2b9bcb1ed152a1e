/**
 * PostgreSQL's `tsquery` text (as `websearch_to_tsquery(…)::text` prints it) parsed into a tree,
 * and the sorted-array set operations the text index evaluates it with (decision 013). Only what
 * `websearch_to_tsquery` produces is understood: lexemes, `!`, `&`, `|`, `<->`/`<N>` and
 * parentheses. Anything else (weights, prefixes) throws `Unsupported`, and the caller then asks
 * PostgreSQL instead of guessing.
 */
export type QueryNode =
  | { op: 'term'; lexeme: string }
  | { op: 'not'; arg: QueryNode }
  | { op: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { op: 'phrase'; distance: number; left: QueryNode; right: QueryNode };

export class Unsupported extends Error {}

type Token =
  | { kind: 'term'; lexeme: string }
  | { kind: 'op'; op: '&' | '|' | '!' | '(' | ')' }
  | { kind: 'phrase'; distance: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      // Lexemes are quoted; a quote or backslash inside is doubled / escaped (tsqueryout).
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Unsupported(`unterminated lexeme in ${text}`);
        const d = text[i] as string;
        if (d === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else if (d === '\\') {
          lexeme += text[i + 1] ?? '';
          i += 2;
        } else {
          lexeme += d;
          i++;
        }
      }
      // `:*` (prefix) or `:AB` (weights) never come from websearch_to_tsquery.
      if (text[i] === ':') throw new Unsupported(`weights or prefix in ${text}`);
      tokens.push({ kind: 'term', lexeme });
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      const inner = text.slice(i + 1, end);
      if (end < 0 || !/^(-|\d+)$/.test(inner)) throw new Unsupported(`operator in ${text}`);
      tokens.push({ kind: 'phrase', distance: inner === '-' ? 1 : Number(inner) });
      i = end + 1;
    } else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      tokens.push({ kind: 'op', op: c });
      i++;
    } else throw new Unsupported(`unexpected ${c} in ${text}`);
  }
  return tokens;
}

/** The query tree, or null for an empty query (stop words only: matches nothing, as in SQL). */
export function parseTsquery(text: string): QueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let at = 0;
  const isOp = (op: string) => {
    const token = tokens[at];
    return token?.kind === 'op' && token.op === op;
  };
  // Priorities as in PostgreSQL: ! binds tightest, then <->, then &, then |; all left-associative.
  const unary = (): QueryNode => {
    const token = tokens[at++];
    if (!token) throw new Unsupported(`truncated query ${text}`);
    if (token.kind === 'term') return { op: 'term', lexeme: token.lexeme };
    if (token.kind === 'op' && token.op === '!') return { op: 'not', arg: unary() };
    if (token.kind === 'op' && token.op === '(') {
      const inner = or();
      if (!isOp(')')) throw new Unsupported(`unbalanced ${text}`);
      at++;
      return inner;
    }
    throw new Unsupported(`unexpected operator in ${text}`);
  };
  const phrase = (): QueryNode => {
    let left = unary();
    for (let token = tokens[at]; token?.kind === 'phrase'; token = tokens[at]) {
      at++;
      left = { op: 'phrase', distance: token.distance, left, right: unary() };
    }
    return left;
  };
  const and = (): QueryNode => {
    let left = phrase();
    while (isOp('&')) {
      at++;
      left = { op: 'and', left, right: phrase() };
    }
    return left;
  };
  const or = (): QueryNode => {
    let left = and();
    while (isOp('|')) {
      at++;
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  const tree = or();
  if (at !== tokens.length) throw new Unsupported(`trailing tokens in ${text}`);
  return tree;
}

const empty = new Int32Array(0);

/** Slots in both (sorted, distinct); gallops through the longer list when one is much shorter. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) return intersect(b, a);
  if (a.length === 0) return empty;
  const out = new Int32Array(a.length);
  let n = 0;
  if (b.length > a.length * 16) {
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as number;
      let step = 1;
      let hi = lo;
      while (hi < b.length && (b[hi] as number) < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      hi = Math.min(hi, b.length);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((b[mid] as number) < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo < b.length && b[lo] === x) out[n++] = x;
    }
    return out.slice(0, n);
  }
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i] as number;
    while (j < b.length && (b[j] as number) < x) j++;
    if (b[j] === x) out[n++] = x;
  }
  return out.slice(0, n);
}

export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.slice(0, n);
}

/** Slots of `a` not in `b`. */
export function difference(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0 || b.length === 0) return a;
  const out = new Int32Array(a.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    while (j < b.length && (b[j] as number) < x) j++;
    if (b[j] !== x) out[n++] = x;
  }
  return out.slice(0, n);
}

/** Every slot in [0, size) not in `a`. */
export function complement(a: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size - a.length);
  let j = 0;
  let n = 0;
  for (let slot = 0; slot < size; slot++) {
    if (a[j] === slot) j++;
    else out[n++] = slot;
  }
  return out;
}

/**
 * A set that may be held as its complement, so that `a & !b` is a difference and `!a` alone
 * is materialised only at the top (SQL's `tsv @@ '!a'` is true for every row without `a`,
 * empty columns included).
 */
export interface SlotSet {
  slots: Int32Array;
  negated: boolean;
}

export function andSets(a: SlotSet, b: SlotSet): SlotSet {
  if (!a.negated && !b.negated) return { slots: intersect(a.slots, b.slots), negated: false };
  if (!a.negated) return { slots: difference(a.slots, b.slots), negated: false };
  if (!b.negated) return { slots: difference(b.slots, a.slots), negated: false };
  return { slots: union(a.slots, b.slots), negated: true };
}

export function orSets(a: SlotSet, b: SlotSet): SlotSet {
  if (!a.negated && !b.negated) return { slots: union(a.slots, b.slots), negated: false };
  if (!a.negated) return { slots: difference(b.slots, a.slots), negated: true };
  if (!b.negated) return { slots: difference(a.slots, b.slots), negated: true };
  return { slots: intersect(a.slots, b.slots), negated: true };
}
