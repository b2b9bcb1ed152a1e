import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import sdg from '../../../seed/data/sdg.json' with { type: 'json' };
import {
  isArabic,
  isUnreliable,
  normaliseArabic,
  stripBidiMarks,
  textLayerQuality,
  toWesternDigits,
} from './arabic-text.js';
import { readPdfText } from './pdf-lines.js';

/** Every SDG goal, target and indicator title: real UN text in the six languages. */
const sdgTitles = (lang: 'ar' | 'en' | 'es' | 'fr' | 'ru' | 'zh') =>
  [...sdg.goals, ...sdg.targets, ...sdg.indicators].map((item) => item.title[lang]).filter(Boolean);

describe('normaliseArabic on the CRPD Kazakhstan text layer', () => {
  // Inputs are words of CRPD_C_KAZ_CO_1_ar.pdf as pdf.js (or pdftotext) reads them; the expected
  // words were read on the page image (pdftoppm -r 80).
  it('puts the split lam-alef back in order', () => {
    expect(normaliseArabic('التقرير األولي')).toBe('التقرير الأولي');
    expect(normaliseArabic('ذوي اإلعاقة')).toBe('ذوي الإعاقة');
    expect(normaliseArabic('البروتوفوى االختيارل')).toBe('البروتوفوى الاختيارل'); // الاختياري: ي misread, not repaired
    expect(normaliseArabic('وال سيما باعتماد')).toBe('ولا سيما باعتماد');
  });

  it('collapses the justification stretch, with or without spaces', () => {
    expect(normaliseArabic('توصيييييييييي اللجنة')).toBe('توصي اللجنة');
    expect(normaliseArabic('انتشتتتتتتتتتتتتتتار')).toBe('انتشتار'); // انتشـــار: one stretch letter stays
    expect(normaliseArabic('است ت ت ت ت ت تتتختدام')).toBe('استختدام');
  });

  it('drops directional marks and tatweel, maps presentation forms and Arabic-Indic digits', () => {
    expect(stripBidiMarks('\u202a-1\u202c')).toBe('-1');
    expect(normaliseArabic('\u202b\u202aCRPD/C/KAZ/1\u202c\u202c')).toBe('CRPD/C/KAZ/1');
    expect(normaliseArabic('نسـبة')).toBe('نسبة');
    expect(normaliseArabic('\ufefb\ufe8e')).toBe('لاا'); // ﻻ (lam-alef ligature) ﺎ (final alef)
    expect(toWesternDigits('٧- و۱۲')).toBe('7- و12');
  });

  it('is idempotent', () => {
    for (const s of ['األمق المتحدق', 'توصيييييييييي', 'است ت ت ت تتتختدام', 'وال سيما'])
      expect(normaliseArabic(normaliseArabic(s))).toBe(normaliseArabic(s));
  });
});

describe('real UN text is left alone', () => {
  it('changes no Arabic SDG title but for its tatweel', () => {
    const titles = sdgTitles('ar');
    expect(titles.length).toBeGreaterThan(400);
    for (const t of titles) expect(normaliseArabic(t)).toBe(t.replace(/\u0640/g, '').replace(/ {2,}/g, ' '));
  });

  it('changes no SDG title in the other five languages', () => {
    for (const lang of ['en', 'es', 'fr', 'ru', 'zh'] as const)
      for (const t of sdgTitles(lang)) expect(normaliseArabic(t)).toBe(t);
  });

  it('knows Arabic from Latin lines', () => {
    expect(isArabic('الملاحظات الختامية')).toBe(true);
    expect(isArabic('CRPD/C/KAZ/CO/1')).toBe(false);
    expect(isArabic('Заключительные замечания')).toBe(false);
  });
});

describe('textLayerQuality', () => {
  it('finds the Arabic SDG titles reliable', () => {
    const q = textLayerQuality(sdgTitles('ar'));
    expect(q.words).toBeGreaterThan(8000);
    // Their 1,055 tatweel stretches ("لأشــــخاص") are not letters: no repeat, no implausible word.
    expect(q.repeats).toBe(0);
    expect(q.share).toBeLessThan(0.001);
    expect(q.alaIlaPerFi).toBeGreaterThan(0.5);
    expect(isUnreliable(q)).toBe(false);
  });

  it('finds the CRPD Kazakhstan text layer unreliable', async () => {
    const pdf = await readPdfText(readFixture('concluding-observations/CRPD_C_KAZ_CO_1_ar.pdf'), 'kaz.pdf');
    const q = textLayerQuality(pdf.body.map((l) => l.text).filter(isArabic));
    // Measured: 9,481 words, 1,007 with a stretch repeat, 1,164 impossible (ة or ى inside a word,
    // a letter on its own, a lone article): 22.9 %; and no "على"/"إلى" at all (its font drops ى).
    // The SDG titles above: 8,620 words, 2 implausible (0.02 %).
    expect(q.words).toBeGreaterThan(9000);
    expect(q.share).toBeGreaterThan(0.2);
    expect(q.alaIlaPerFi).toBe(0);
    expect(isUnreliable(q)).toBe(true);
  });
});
