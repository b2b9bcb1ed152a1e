import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import sdg from '../../../seed/data/sdg.json' with { type: 'json' };
import { langOfLabel, languageDetector, unLanguages } from './language.js';
import { parseTreatyBodyCo } from './treaty-body-co.parser.js';
import type { Lang } from './types.js';
import { parseUprInfoCsv } from './upr-info-csv.parser.js';

/**
 * Real UN texts whose language is known: the SDG goals, targets and indicators in the six
 * languages (the seed's copy of the UN's lists), the paragraphs and sub-items of the Spanish,
 * French and English concluding observations, and the UPR Info export's English recommendations.
 */
async function readRealTexts(): Promise<{ lang: Lang; text: string }[]> {
  const texts: { lang: Lang; text: string }[] = [];
  for (const item of [...sdg.goals, ...sdg.targets, ...sdg.indicators]) {
    for (const lang of unLanguages) texts.push({ lang, text: (item.title as Record<Lang, string>)[lang] });
  }
  const documents: [string, Lang][] = [
    ['CRPD_C_GRC_CO_1_es.pdf', 'es'],
    ['CRPD_C_NOR_CO_1_fr.pdf', 'fr'],
    ['CRPD_C_DEU_CO_2-3_en.pdf', 'en'],
  ];
  for (const [file, lang] of documents) {
    const parsed = await parseTreatyBodyCo(readFixture(`concluding-observations/${file}`), file);
    for (const rec of parsed.recommendations) {
      texts.push({ lang, text: rec.text });
      for (const item of rec.subItems) texts.push({ lang, text: item.text });
    }
  }
  const upr = await parseUprInfoCsv(readFixture('upr-info/upr-info-sessions-10-13.sample.csv'), 'upr-info.csv');
  for (const rec of upr.recommendations) texts.push({ lang: 'en', text: rec.text });
  return texts.filter((t) => t.text?.trim());
}

const reading = readRealTexts();
const realTexts = () => reading;

describe('language detection on real UN texts', () => {
  it('finds the language of at least 99.5% of the texts of 40 characters or more, in each of the six languages', async () => {
    const { detect } = await languageDetector();
    const texts = (await realTexts()).filter((t) => t.text.length >= 40);
    for (const lang of unLanguages) {
      const own = texts.filter((t) => t.lang === lang);
      expect(own.length).toBeGreaterThan(150);
      const right = own.filter((t) => detect(t.text) === lang).length;
      // Measured (decision 019): 100% in each language.
      expect(right / own.length, lang).toBeGreaterThanOrEqual(0.995);
    }
  });

  it('finds the language of at least 99% of all the texts, the shortest SDG titles included', async () => {
    const { detect } = await languageDetector();
    const texts = await realTexts();
    const right = texts.filter((t) => detect(t.text) === t.lang).length;
    // Measured: 99.97%.
    expect(right / texts.length).toBeGreaterThanOrEqual(0.99);
  });

  it("reads every recommendation of the UPR Info export samples as English, the export's one language", async () => {
    for (const range of ['1-5', '6-9', '10-13', '14-17']) {
      const file = `upr-info/upr-info-sessions-${range}.sample.csv`;
      const parsed = await parseUprInfoCsv(readFixture(file), file);
      const other = parsed.recommendations.filter((r) => r.lang !== 'en').map((r) => [r.location.row, r.text]);
      expect(other, file).toEqual([]);
    }
  });

  it('says nothing of a text with no words', async () => {
    const { detect } = await languageDetector();
    expect(detect('118.7')).toBeUndefined();
  });
});

describe('a language column', () => {
  it('reads codes, the UN one-letter suffixes and names in English or in the language itself', () => {
    expect(['fr', 'FR', 'fr-CH', 'fra', 'F', 'French', 'Français'].map(langOfLabel)).toEqual(Array(7).fill('fr'));
    expect(['zh-Hans', 'C', 'Chinese', '中文'].map(langOfLabel)).toEqual(Array(4).fill('zh'));
    expect(['ar', 'العربية', 'Русский', 'Español', 'en'].map(langOfLabel)).toEqual(['ar', 'ar', 'ru', 'es', 'en']);
    expect(langOfLabel('Deutsch')).toBeUndefined();
    expect(langOfLabel('de')).toBeUndefined();
  });
});
