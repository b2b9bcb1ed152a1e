/**
 * Theme and affected-person terms as sources spell them: the same term arrives as "B32 Racial
 * discrimination" (UHRI's code before the label) and "Racial discrimination", or as "children"
 * and "Children". Stored apart they split every count, so the importer folds them: a term named
 * in any of these spellings is the term the register already has.
 */

/** UHRI's theme codes: a capital and one or two digits ("B32", "A41") before the label. */
const leadingCode = /^[A-Z]\d{1,2}(?:\.\d{1,2})?\s+(?=\S)/;

/** The key two spellings of one term share: no leading code, spaces collapsed, any case. */
export function foldTerm(code: string): string {
  return code.normalize('NFKC').replace(leadingCode, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

/** A lookup of terms by code that also finds a term by any folded spelling of its code (the first stored wins). */
export class TermMap extends Map<string, number> {
  // Filled lazily: Map's constructor calls set() before a field initialiser would run.
  private byFold: Map<string, number> | undefined;

  static of(entries: Iterable<[string, number]>): TermMap {
    const map = new TermMap();
    for (const [code, id] of entries) map.set(code, id);
    return map;
  }

  override set(code: string, id: number): this {
    super.set(code, id);
    this.byFold ??= new Map();
    const key = foldTerm(code);
    if (!this.byFold.has(key)) this.byFold.set(key, id);
    return this;
  }

  override get(code: string): number | undefined {
    return super.get(code) ?? this.byFold?.get(foldTerm(code));
  }

  override has(code: string): boolean {
    return super.has(code) || Boolean(this.byFold?.has(foldTerm(code)));
  }
}

/** The spellings a plan would create, one per folded key (the first seen). */
export function distinctTerms(codes: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const code of codes) if (!seen.has(foldTerm(code))) seen.set(foldTerm(code), code);
  return [...seen.values()];
}
