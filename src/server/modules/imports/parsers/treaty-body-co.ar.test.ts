import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { AppError } from '../../../../shared/errors.js';
import { fullText } from './common.js';
import { detectFormat } from './detect.js';
import { parseTreatyBodyCo } from './treaty-body-co.parser.js';
import { parseUprAddendum } from './upr-addendum.parser.js';
import { parseUprWgReport } from './upr-wg-report.parser.js';

/**
 * CRPD concluding observations on Kazakhstan (CRPD/C/KAZ/CO/1, 2024), in Arabic: the UN's
 * right-to-left layout ("7-" paragraph numbers at the right margin, (أ) (ب) sub-items) and a
 * damaged text layer (split lam-alef, justification repeats, letters swapped by the font's map).
 * Paragraph numbers and sub-item letters were checked against an independent extraction
 * (pdftotext -layout: 75 paragraph markers, 197 sub-item labels: 56 (أ), 56 (ب), 45 (ج), 23 (د),
 * 11 (هـ), 4 (و), 1 (ز), 1 (ح)); texts against the page images (pdftoppm -r 80).
 */
const file = 'CRPD_C_KAZ_CO_1_ar.pdf';
const bytes = readFixture(`concluding-observations/${file}`);
const parsed = await parseTreatyBodyCo(bytes, file);
const recs = parsed.recommendations;
const para = (n: number) => recs.find((r) => r.number === String(n))!;

const recommending = [...Array.from({ length: 28 }, (_, i) => 8 + 2 * i), 66, 68, 70, 72];
const subItems =
  '4:abcdef 5:abcdef 7:abcd 8:abcde 9:abc 10:abc 11:abc 12:abcde 13:ab 14:ab 15:abc 16:abc 17:ab 18:ab 19:abc 20:abc 21:abc 22:abc 23:abc 24:abcd 27:abc 28:abc 29:abcd 30:abcd 31:abc 32:abcd 33:abcdef 34:abcdefgh 35:abcd 36:abcd 39:abcde 40:abcde 41:abc 42:abc 43:abc 44:ab 45:abcd 46:abcd 49:abcde 50:abcde 51:abcd 52:abcde 53:ab 54:ab 57:abc 58:abc 59:abcd 60:abcd 61:abc 62:abc 65:ab 66:ab 67:ab 68:ab 69:abc 70:abc';

describe('Arabic concluding observations: CRPD Kazakhstan', () => {
  it('is detected as concluding observations', async () => {
    expect(await detectFormat(bytes, file)).toBe('treaty-body-co');
  });

  it('reads the review from the cover', () => {
    expect(parsed.review).toEqual({
      symbol: 'CRPD/C/KAZ/CO/1',
      body: 'CRPD',
      country: 'كازاخستان',
      countryCode: 'KAZ',
      date: '2024-04-19',
    });
    expect(new Set(recs.map((r) => r.lang))).toEqual(new Set(['ar']));
  });

  it('reads paragraphs 1 to 75 in sequence', () => {
    expect(recs.map((r) => r.number)).toEqual(Array.from({ length: 75 }, (_, i) => String(i + 1)));
  });

  it('marks the 32 recommending paragraphs (توصي / تحث / تدعو)', () => {
    expect(recs.filter((r) => r.isRecommendation).map((r) => Number(r.number))).toEqual(recommending);
    // 64 "encourages" (تشجع) the ratification of the Marrakesh Treaty: not a recommendation, as in English.
    expect(para(64).isRecommendation).toBe(false);
  });

  it('splits the 197 sub-items, with Arabic markers whatever the glyph map says', () => {
    const subs = Object.fromEntries(
      recs.filter((r) => r.subItems.length).map((r) => [r.number, r.subItems.map((s) => s.label).join('')]),
    );
    expect(subs).toEqual(Object.fromEntries(subItems.split(' ').map((pair) => pair.split(':'))));
    expect(recs.reduce((n, r) => n + r.subItems.length, 0)).toBe(197);
    for (const r of recs)
      for (const s of r.subItems) expect(s.text.length, `${r.number} ${s.label}`).toBeGreaterThan(5);
    // The layer reads (أ) as (م): the marker in the text is rewritten from the position.
    expect(fullText(para(5))).toMatch(/ما يلي:\n\(أ\) .*\n\(ب\) .*\n\(ج\) .*\n\(د\) .*\n\(هـ\) .*\n\(و\) /);
    expect(
      para(34)
        .subItems.map((s) => s.label)
        .join(''),
    ).toBe('abcdefgh');
  });

  it('repairs what the text layer lets it (checked against the page images)', () => {
    // Page 1: "نظرت اللجنة في التقرير الأولي لكازاخستان"; the layer splits the lam-alef of الأولي.
    expect(para(1).text).toMatch(/^نظرت اللجنة في التقرير الأولي /);
    // Page 2, paragraph 5: "ولا سيما باعتماد"; the layer writes "وال سيما".
    expect(para(5).text).toContain('ولا سيما باعتماد');
    // Page 2, 4 (c): "القانون رقم 129-VII …، في حزيران/يونيه 2022؛": Latin and digits in their place.
    expect(para(4).subItems[2]!.text).toMatch(/129-VII .* 2022؛$/);
    expect(para(5).subItems[0]!.text).toMatch(/في عام 2023؛$/);
    // Page 3, paragraph 8 (bold): "توصي اللجنة بأن تقوم الدولة الطرف…"; the stretch "توصيييييييييي" collapses.
    expect(para(8).text).toMatch(/^توصي /);
    expect(recs.some((r) => /([\u0621-\u064a])\1\1/.test(r.text))).toBe(false);
  });

  it('gives the sub-chapter headings and keeps running headers out', () => {
    expect(para(7).heading).toMatch(/^المبادئ .*\(المواد 1-4\)$/);
    expect(para(8).heading).toBe(para(7).heading);
    expect(para(71).heading).toBe('نشر المعلومات');
    for (const r of recs) {
      expect(r.text, r.number).not.toMatch(/GE\.\d{2}-\d{5}|CRPD\/C\/KAZ\/CO\/1/);
      expect(r.text, r.number).not.toMatch(/\(\)/); // footnote markers "(5)" dropped whole
    }
  });

  it('warns that the text layer is unreliable, and finds no follow-up deadline', () => {
    expect(parsed.warnings).toEqual([
      { location: { file }, message: 'issues.unreliableTextLayer', params: { percent: '23' } },
    ]);
    // Paragraph 71 names the urgent paragraphs without a deadline, as CRPD Germany does.
    expect(parsed.followUp).toBeUndefined();
  });

  it('has the structure of the English CRPD Germany document', async () => {
    const deu = await parseTreatyBodyCo(readFixture('concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf'), 'deu.pdf');
    for (const doc of [recs, deu.recommendations]) {
      // in the articles' sub-chapters, every recommendation is an even paragraph answering the
      // concern just before it
      const recNumbers = doc.filter((r) => r.isRecommendation && Number(r.number) <= 72).map((r) => Number(r.number));
      expect(recNumbers.filter((n) => n >= 8).every((n) => n % 2 === 0)).toBe(true);
      for (const n of recNumbers) expect(doc[n - 2]!.isRecommendation, String(n - 1)).toBe(false);
      expect(new Set(doc.slice(-5, -1).map((r) => r.heading)).size).toBe(1);
    }
    // Germany's closing paragraphs "encourage" (77) and "request" (78): asking verbs, counted. The
    // Kazakh text layer garbles the same verbs (تشجع as "تشيج", تطلب as "ت لب"), so 73 and 74 are
    // missed: the unreliable-text-layer warning is what the preview shows for it.
    expect(deu.recommendations.slice(-3).map((r) => r.isRecommendation)).toEqual([true, true, false]);
    expect(recs.slice(-3).map((r) => r.isRecommendation)).toEqual([false, false, false]);
    expect(deu.warnings).toEqual([]);
  });

  it('is refused by the UPR parsers with advice, not "section not found"', async () => {
    for (const parse of [parseUprWgReport, parseUprAddendum]) {
      const error = await parse(bytes, file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues).toEqual([{ file, message: 'issues.uprLanguageNotParsed' }]);
    }
  });
});
