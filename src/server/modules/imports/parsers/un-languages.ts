/**
 * How UN documents are laid out in each of the six official languages: the titles that identify
 * a document kind, paragraph numbers, sub-item labels, sub-chapter letters and the verbs that
 * make a paragraph a recommendation. Detection and the PDF parsers look these up by language
 * instead of carrying English/French/Spanish patterns inline.
 *
 * Sources: the official titles of UN document types in the six languages (as printed on
 * concluding observations and UPR Working Group reports), and the numbering conventions of the
 * UN editorial manuals: Arabic paragraphs "1-" with sub-items (أ) (ب) (ج) in abjad order and
 * sub-chapters ألف- باء- جيم-; Russian "1." with sub-items a) b) c) (Latin in UN documents; а) б) в)
 * elsewhere) and sub-chapters А. Б. В.; Chinese "1." with sub-items (a) (b) or (一) (二) and
 * sub-chapters A. B. C.
 */
import { normaliseArabic, toWesternDigits } from './arabic-text.js';
import type { Lang } from './types.js';

/** Title words of concluding observations. The Arabic one also as the split lam-alef gives it. */
export const coTitle: Record<Lang, RegExp> = {
  en: /Concluding observations/i,
  fr: /Observations finales/i,
  es: /Observaciones finales/i,
  ar: /الم(?:لا|ال)حظات الختامية/,
  ru: /Заключительные замечания/i,
  zh: /结论性意见/,
};

/** "Report of the Working Group on the Universal Periodic Review" */
export const uprWgTitle: Record<Lang, RegExp> = {
  en: /Working Group on the Universal Periodic Review/i,
  fr: /Groupe de travail sur l’Examen/i,
  es: /Grupo de Trabajo sobre el Examen/i,
  ar: /الفريق العامل المعني بالاستعراض الدوري الشامل/,
  ru: /Рабоч(?:ей|ая) групп[ыа] по универсальному периодическому обзору/i,
  zh: /普遍定期审议工作组/,
};

/** The review's name, which an addendum repeats. */
export const uprName: Record<Lang, RegExp> = {
  en: /Universal Periodic/i,
  fr: /périodique universel/i,
  es: /Examen Periódico/i,
  ar: /الاستعراض الدوري الشامل/,
  ru: /универсальн\S* периодическ\S* обзор/i,
  zh: /普遍定期审议/,
};

/**
 * "Addendum" / "Views on conclusions and/or recommendations…", tested line by line. The Arabic
 * and Russian words also mean "addition" in running text: only a line of its own counts.
 */
export const addendumWord: Record<Lang, RegExp> = {
  en: /Views on conclusions|Addendum/i,
  fr: /Additif/i,
  es: /Adición/i,
  ar: /^\s*إضافة\s*$/,
  ru: /^\s*Добавление\s*$/,
  zh: /增编/,
};

/** "Distr.: General" as printed on the cover, whatever the language of the body. */
export const distrGeneral =
  /Distr\.?:? ?(General|générale|general)|Distr\.?:? ?(?:общая|Общая)|分发[:：]?\s*普遍|التوزيع: عام/i;

export const allLangs: Lang[] = ['en', 'fr', 'es', 'ar', 'ru', 'zh'];

/** The first language whose pattern matches the text (undefined if none). */
export function matchLang(patterns: Record<Lang, RegExp>, text: string): Lang | undefined {
  return allLangs.find((lang) => patterns[lang].test(text));
}

/**
 * Text of a PDF line as the parsers compare it: Arabic repaired (see arabic-text.ts) and its
 * digits made Western; other languages unchanged.
 */
export function lineForParsing(text: string, lang: Lang): string {
  return lang === 'ar' ? toWesternDigits(normaliseArabic(text)) : text;
}

/** "17. The Committee…" (Latin scripts, Russian, Chinese), "17- توصي…" or "-17 …" (Arabic). */
export function paragraphNumber(text: string, lang: Lang): { number: number; rest: string } | undefined {
  const m =
    lang === 'ar'
      ? // not "16-3 من أهداف التنمية المستدامة" (SDG target 16.3) at the start of a wrapped line
        /^(?:(\d{1,3}) ?[-‐–](?!\d)|[-‐–] ?(\d{1,3})(?![\d-])) *(.*)$/.exec(text)
      : lang === 'zh'
        ? /^(\d{1,3})[.．](?!\d)\s*(.*)$/.exec(text) // not "1.25美元"
        : /^(\d{1,3})\.\s+(.*)$/.exec(text);
  if (!m) return undefined;
  const rest = lang === 'ar' ? m[3]! : m[2]!;
  return { number: Number(m[1] ?? m[2]), rest };
}

/** Arabic sub-item letters in abjad order, as UN documents use them: (أ) (ب) (ج) (د) (هـ) (و)… */
export const abjad = [...'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ'];
/** Russian enumeration letters (а, б, в… without ё, й, ъ, ы, ь). */
export const cyrillicLetters = [...'абвгдежзиклмнопрстуфхцчшщэюя'];
export const chineseNumerals = [...'一二三四五六七八九十'];

const latin = (i: number) => String.fromCharCode(97 + i);

/**
 * A sub-item label at the start of a line: its position in the sequence (0 for (a)), the
 * marker as the language writes it, and the text after it. Arabic accepts any single letter in
 * parentheses (a broken glyph map reads (أ) as (م)): the caller checks position and indent, and
 * the marker is rewritten from the position.
 */
export function subItemLabel(
  text: string,
  lang: Lang,
  expected: number,
): { index: number; marker: string; rest: string } | undefined {
  if (lang === 'ar') {
    // pdf.js may put the closing parenthesis first: "(م)", ")م(", ")(ه".
    const m = /^(?:\(([\u0621-\u064a])\u0640?\)|\)([\u0621-\u064a])\u0640?\(|\)\(([\u0621-\u064a])) *(.*)$/.exec(text);
    if (!m) return undefined;
    const index = expected;
    return { index, marker: `(${abjad[index] === 'ه' ? 'هـ' : (abjad[index] ?? '')})`, rest: m[4]! };
  }
  // A space follows the label, except in Chinese, whose full-width parenthesis carries its own.
  const m = (
    lang === 'zh'
      ? /^(?:[(（]([a-z]|[一二三四五六七八九十])[)）]|([a-z])\))\s*(.*)$/
      : /^(?:\(([a-z]|[а-я])\)|([a-z]|[а-я])\))\s+(.*)$/
  ).exec(text);
  if (!m) return undefined;
  const letter = m[1] ?? m[2]!;
  const index = /[a-z]/.test(letter)
    ? letter.charCodeAt(0) - 97
    : /[а-я]/.test(letter)
      ? cyrillicLetters.indexOf(letter)
      : chineseNumerals.indexOf(letter);
  if (index < 0) return undefined;
  // French and Spanish write "a)"; English "(a)": the marker is kept as written.
  return { index, marker: text.slice(0, text.length - m[3]!.length).trim(), rest: m[3]! };
}

/** The storage label of a sub-item position: 'a', 'b'… in every language (follow-up lists cite "17 (a)"). */
export function subItemKey(index: number): string {
  return latin(index);
}

/** A lettered sub-chapter ("A. General principles", "ألف- المبادئ", "А. Общие принципы"): its title. */
export function subChapterTitle(text: string, lang: Lang): string | undefined {
  const re =
    lang === 'ar'
      ? /^(?:ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون|سين|عين|فاء|صاد|قاف|راء|شين|تاء)\s*[-‐–]\s*(.*)$/
      : lang === 'ru'
        ? /^[A-ZА-Я]\.\s+(.*)$/
        : lang === 'zh'
          ? /^[A-Z][.．]\s*(.*)$/
          : /^[A-Z]\.\s+(.*)$/;
  return re.exec(text)?.[1];
}

/**
 * Verbs that make a paragraph ask something of the State, as the English, French and Spanish
 * tables of treaty-body-co.lang.ts count them: recommends, urges, calls upon, encourages, requests,
 * invites, reiterates its recommendation. The same document in two languages gives the same list.
 */
export const recommendVerbs: Record<'ar' | 'ru' | 'zh', RegExp> = {
  // توصي (recommends), تحث (urges), تدعو (calls upon, invites), تشجع (encourages), تطلب (requests),
  // تكرر توصيتها (reiterates its recommendation)
  ar: /(?:^|[\s،])(?:و|ف)?(?:توصي|تحث|تدعو|تشجع|تطلب|تكرر توصيت)/,
  // рекомендует, (настоятельно) призывает, предлагает (invites), просит (requests), поощряет (encourages),
  // вновь повторяет свою рекомендацию
  ru: /рекомендует|призывает|предлагает|просит|поощряет|повторяет сво[юи] рекомендаци/i,
  // 建议 (recommends), 敦促 (urges), 促请 (calls upon), 鼓励 (encourages), 请 (requests, invites), 重申其建议 (reiterates)
  zh: /委员会[^。，,]{0,8}(?:建议|敦促|促请|鼓励|请|重申)/,
};

/**
 * The State a concluding observations title names, in Arabic ("… بشأن التقرير الأولي لكازاخستان")
 * and Chinese ("关于塞舌尔初次报告的结论性意见"). Russian names it in the genitive ("докладу
 * Казахстана"), which no name list holds: the symbol's country code is used instead.
 */
export function coTitleCountry(title: string): string | undefined {
  const zh = /关于(.+?)(?:的)?(?:初次|第.{1,12}?次|合并|定期).{0,12}?报告的结论性意见/.exec(title)?.[1];
  if (zh) return zh;
  const ar = /\sل([\u0621-\u064a]+)\**$/.exec(title.trim())?.[1];
  if (!ar) return undefined;
  return ar.startsWith('ل') ? `ا${ar}` : ar; // "للبرازيل": the article's alef drops after the prefix
}
