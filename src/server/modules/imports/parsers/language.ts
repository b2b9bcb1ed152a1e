/**
 * The language of each text: the one its source gives (a file's language column), else detected.
 * Detection is `eld` (Nito-ELD, its "small" n-gram database) limited to the six UN languages,
 * chosen by measured accuracy on real UN texts (decision 019: 100% on texts of 40 characters or
 * more, 99.97% on all). It reads the first 64 characters of a text only: as accurate on those
 * texts and a third of the time; plain English takes a shortcut (`plainEnglish`). Both keep
 * the importer's rate against COPY. The database (~46 MB of heap) is loaded on first use, so a
 * server that never detects never loads it.
 */
import type { Lang, ParsedRecommendation } from './types.js';

export const unLanguages: readonly Lang[] = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const prefix = 64;

export interface LanguageDetector {
  /** The text's language, or undefined when it has no words to tell (a number, a symbol). */
  detect(text: string): Lang | undefined;
  /**
   * Whether `lang` is about as likely as the language found: the detector says its answer is
   * unreliable, or scores `lang` within 5% of it. A file's usual language wins such a tie: short
   * English recommendations ("Issue an open invitation to the UN Special Rapporteurs") score
   * close to French, and four of the 33,082 UPR Info rows were found French or Spanish without it.
   */
  isClose(text: string, lang: Lang): boolean;
}

let loading: Promise<LanguageDetector> | undefined;

/** The detector, loaded once per process. */
export function languageDetector(): Promise<LanguageDetector> {
  loading ??= import('eld/small').then(({ eld }) => {
    eld.setLanguageSubset([...unLanguages]);
    return {
      detect(text: string) {
        if (plainEnglish(text)) return 'en';
        const found = eld.detect(text.slice(0, prefix)).language;
        return isLang(found) ? found : undefined;
      },
      isClose(text: string, lang: Lang) {
        const result = eld.detect(text.slice(0, prefix));
        const scores = result.getScores();
        const top = scores[result.language] ?? 0;
        return !result.isReliable() || (scores[lang] ?? 0) >= top * 0.95;
      },
    };
  });
  return loading;
}

/**
 * A shortcut taken before the detector, for speed alone: plain ASCII whose first 200 characters
 * hold two of the commonest English words is English. French and Spanish texts carry accents
 * within that span. Measured (decision 019): 1,038 of the 3,759 test texts take it, all English;
 * 30,548 of the 33,082 UPR Info rows do, at 83 ms for all of them instead of about a second.
 */
function plainEnglish(text: string): boolean {
  const head = text.slice(0, 200);
  if (!asciiText.test(head)) return false;
  let first: string | undefined;
  for (const match of head.matchAll(englishWords)) {
    const word = (match[1] as string).toLowerCase();
    if (first === undefined) first = word;
    else if (word !== first) return true;
  }
  return false;
}
const asciiText = /^[\x20-\x7e]*$/;
const englishWords = /\b(the|and|of|to|its|for|with|that|all)\b/gi;

export function isLang(value: string): value is Lang {
  return (unLanguages as readonly string[]).includes(value);
}

/**
 * A language cell as spreadsheets write it: a code ('fr', 'FR', 'fr-CH', 'fra', 'zh-Hans'), the
 * UN's one-letter document suffix (E F S A R C), or the language's name in English or in itself.
 */
export function langOfLabel(value: string): Lang | undefined {
  const label = value.trim().toLowerCase();
  if (!label) return undefined;
  const code = /^([a-z]{2,3})(?:[-_][a-z0-9-]+)?$/.exec(label)?.[1];
  if (code && isLang(code)) return code;
  return names[label] ?? (code ? names[code] : undefined);
}
const names: Record<string, Lang> = {
  a: 'ar',
  ara: 'ar',
  arb: 'ar',
  arabic: 'ar',
  العربية: 'ar',
  arabe: 'ar',
  árabe: 'ar',
  e: 'en',
  eng: 'en',
  english: 'en',
  anglais: 'en',
  inglés: 'en',
  ingles: 'en',
  s: 'es',
  spa: 'es',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  espagnol: 'es',
  f: 'fr',
  fra: 'fr',
  fre: 'fr',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  francés: 'fr',
  r: 'ru',
  rus: 'ru',
  russian: 'ru',
  русский: 'ru',
  russe: 'ru',
  ruso: 'ru',
  c: 'zh',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  chinese: 'zh',
  中文: 'zh',
  chinois: 'zh',
  chino: 'zh',
};

/**
 * Sets the language of the recommendations whose source gave none: detected from the text (its
 * sub-items when the chapeau is too short to tell); where the file's usual language scores about
 * as well, or nothing could be detected, the file's usual language (English if none).
 */
export async function detectLanguages(
  undetected: readonly ParsedRecommendation[],
  all: readonly ParsedRecommendation[],
): Promise<void> {
  if (undetected.length === 0) return;
  const detector = await languageDetector();
  const unknown = new Set<ParsedRecommendation>();
  for (const rec of undetected) {
    const lang = detector.detect(rec.text) ?? (rec.subItems[0] ? detector.detect(rec.subItems[0].text) : undefined);
    if (lang) rec.lang = lang;
    else unknown.add(rec);
  }
  const counts = new Map<Lang, number>();
  for (const rec of all) if (!unknown.has(rec)) counts.set(rec.lang, (counts.get(rec.lang) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
  for (const rec of undetected) {
    if (unknown.has(rec)) rec.lang = usual;
    else if (rec.lang !== usual && detector.isClose(rec.text, usual)) rec.lang = usual;
  }
}
