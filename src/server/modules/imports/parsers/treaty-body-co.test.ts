import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { fullText } from './common.js';
import { parseTreatyBodyCo } from './treaty-body-co.parser.js';
import { parseDeadline, parseParagraphList } from './treaty-body-follow-up.js';

/**
 * Expected paragraph structure of the four real documents. The paragraph numbers and sub-item
 * letters were checked against an independent extraction (poppler's pdftotext, markers "17." /
 * "(a)" / "a)" at line starts) while writing this test; they are facts of the documents.
 */
const expected = {
  'CRPD_C_DEU_CO_2-3_en.pdf': {
    review: { symbol: 'CRPD/C/DEU/CO/2-3', body: 'CRPD', country: 'Germany', countryCode: 'DEU', date: '2023-10-03' },
    lang: 'en',
    paragraphs: 79,
    // 77 "strongly encourages", 78 "requests … to disseminate": the verbs of recommendations too.
    recommendations: [...Array.from({ length: 36 }, (_, i) => String(6 + 2 * i)), '77', '78'],
    subItems:
      '4:abcdefghi 7:abcdef 8:abcdef 11:abcd 12:abcd 13:ab 14:ab 15:abc 16:abc 17:ab 18:ab 19:abcd 20:abcd 23:ab 24:ab 25:ab 26:ab 27:abc 28:abc 29:ab 30:ab 33:abc 34:abc 35:ab 36:ab 37:ab 38:ab 41:abc 42:abc 43:ab 44:ab 51:abcd 53:abcd 54:abcd 57:abcd 58:abcd 61:abc 62:abc 63:abc 64:abc 65:abc 66:abc 67:abcde 68:abcde 69:ab 70:ab 71:abc 72:abc 73:ab 74:ab',
  },
  'CRPD_C_GRC_CO_1_es.pdf': {
    review: { symbol: 'CRPD/C/GRC/CO/1', body: 'CRPD', country: 'Grecia', countryCode: 'GRC', date: '2019-10-29' },
    lang: 'es',
    paragraphs: 54,
    recommendations: [
      '6',
      '8',
      '10',
      '12',
      '14',
      '16',
      '18',
      '20',
      '22',
      '23',
      '25',
      '27',
      '29',
      '31',
      '33',
      '35',
      '37',
      '39',
      '41',
      '43',
      '45',
      '47',
      '49',
      '51',
      '52', // "alienta encarecidamente"
      '53', // "solicita … que difunda"
      '54', // "solicita … que presente sus informes"
    ],
    subItems:
      '6:abc 7:abc 8:abcd 9:ab 10:abc 11:ab 12:ab 13:ab 14:ab 15:ab 16:abc 19:ab 24:abc 28:ab 29:ab 32:ab 34:abcd 35:abcde 36:ab 37:ab 38:ab 40:abc 48:abc',
  },
  'CRPD_C_NOR_CO_1_fr.pdf': {
    review: { symbol: 'CRPD/C/NOR/CO/1', body: 'CRPD', country: 'Norvège', countryCode: 'NOR', date: '2019-05-07' },
    lang: 'fr',
    paragraphs: 57,
    // 55 "encourage vivement", 56 "demande", 57 "prie": 53 "appelle l’attention" asks nothing.
    recommendations: [...Array.from({ length: 25 }, (_, i) => String(6 + 2 * i)), '55', '56', '57'],
    subItems:
      '4:abcde 5:abcdef 6:abcdef 7:abcde 8:abcde 9:abc 10:abc 11:abcd 12:abcd 15:abcd 16:abcde 18:ab 19:abcd 20:abcde 21:ab 22:abc 23:ab 24:abc 25:ab 26:ab 27:abc 28:abc 31:abcd 32:abcd 33:abc 34:abc 35:ab 36:ab 37:abcde 38:abcde 39:ab 40:abc 42:abcde 46:ab 50:ab',
  },
  'CERD_C_BRA_CO_18-20_en.pdf': {
    review: { symbol: 'CERD/C/BRA/CO/18-20', body: 'CERD', country: 'Brazil', countryCode: 'BRA', date: '2022-12-19' },
    lang: 'en',
    paragraphs: 70,
    recommendations: [
      '6',
      '8',
      '10',
      '12',
      '14',
      '17',
      '19',
      '23',
      '25',
      '27',
      '29',
      '31',
      '33',
      '36',
      '38',
      '40',
      '42',
      '44',
      '46',
      '48',
      '50',
      '53',
      '55',
      '57',
      '60',
      '61', // "encourages the State party to consider ratifying"
      '62',
      '63', // "encourages the State party to make the optional declaration"
      '64',
      '65',
      '66',
      '67',
      '68', // the follow-up request: "requests the State party to provide, within one year, information"
      '70',
    ],
    subItems:
      '3:a 4:abcde 8:abc 16:abcdef 17:abcdef 19:abc 23:abcdef 26:abcde 27:abc 30:abcdef 31:abcdef 33:abc 34:abcdefgh 36:abcdefgh 40:abcd 43:abcde 44:abcde 48:abcde 49:abcde 50:abcd 60:abcde',
  },
} as const;

describe.each(Object.entries(expected))('concluding observations %s', async (file, want) => {
  const parsed = await parseTreatyBodyCo(readFixture(`concluding-observations/${file}`), file);
  const recs = parsed.recommendations;

  it('reads every numbered paragraph, in order, with the review', () => {
    expect(recs.map((r) => r.number)).toEqual(Array.from({ length: want.paragraphs }, (_, i) => String(i + 1)));
    expect(parsed.review).toEqual(want.review);
    expect(new Set(recs.map((r) => r.lang))).toEqual(new Set([want.lang]));
  });

  it('marks the recommending paragraphs', () => {
    expect(recs.filter((r) => r.isRecommendation).map((r) => r.number)).toEqual(want.recommendations);
  });

  it('splits the lettered sub-items of every paragraph', () => {
    const subs = Object.fromEntries(
      recs.filter((r) => r.subItems.length).map((r) => [r.number, r.subItems.map((s) => s.label).join('')]),
    );
    expect(subs).toEqual(Object.fromEntries(want.subItems.split(' ').map((pair) => pair.split(':'))));
    for (const r of recs)
      for (const s of r.subItems) expect(s.text.length, `${r.number} ${s.label}`).toBeGreaterThan(5);
  });

  it('keeps running headers, job numbers and footnote text out of the paragraphs', () => {
    for (const r of recs) {
      expect(r.text, r.number).not.toMatch(/GE\.\d{2}-\d{5}|\b(CRPD|CERD)\/C\/[A-Z]{3}\/CO\/[\d-]+\b(?! y| et| and)/);
      expect(r.heading === undefined || r.heading.length < 120).toBe(true);
    }
  });
});

describe('CERD Brazil details', async () => {
  const parsed = await parseTreatyBodyCo(readFixture('concluding-observations/CERD_C_BRA_CO_18-20_en.pdf'), 'cerd.pdf');
  const para = (n: string) => parsed.recommendations.find((r) => r.number === n)!;

  it('reads the follow-up paragraph 68: named paragraphs within one year', () => {
    expect(parsed.followUp).toEqual({
      paragraphs: ['17 (a)', '19 (c)', '23 (a)', '36 (a)', '36 (b)', '36 (c)', '36 (d)'],
      deadlineText: 'within one year',
      months: 12,
      location: { file: 'cerd.pdf', paragraph: '68', page: 17 },
    });
  });

  it('gives headings and drops footnote markers', () => {
    expect(para('8').heading).toBe('Domestic implementation of the Convention');
    expect(para('8').subItems[0]).toEqual({
      label: 'a',
      text: 'Guarantee the consistent application of the provisions of the Convention at the federal, state and municipal levels, by ensuring that the scope of anti-discrimination legislation covers all forms of racial discrimination, including direct, indirect and intersectional forms of discrimination;',
    });
    // Paragraph 1 carries footnote markers 1 and 2 after "Brazil," and "meetings,".
    expect(para('1').text).toBe(
      'The Committee considered the combined eighteenth to twentieth periodic reports of Brazil, submitted in one document, at its 2931st and 2932nd meetings, held on 16 and 17 November 2022. At its 2952nd meeting, held on 1 December 2022, the Committee adopted the present concluding observations.',
    );
    // Paragraph 12 runs on after a footnote marker (3) and keeps its second sentence.
    expect(para('12').text).toMatch(
      /law enforcement officials\. It also recommends that the State party take immediate steps/,
    );
  });
});

describe('French and Spanish sub-items and ordinals', async () => {
  const nor = await parseTreatyBodyCo(readFixture('concluding-observations/CRPD_C_NOR_CO_1_fr.pdf'), 'nor.pdf');
  it('keeps raised ordinals (455e, no) and uses the "a)" markers', () => {
    const p1 = nor.recommendations[0]!;
    expect(p1.text).toContain('à ses 455e et 456e séances');
    const p8 = nor.recommendations.find((r) => r.number === '8')!;
    expect(p8.heading).toBe('Égalité et non-discrimination (art. 5)');
    expect(p8.text).toMatch(/^Dans l’esprit de son observation générale .* le Comité recommande à l’État partie :$/);
    expect(fullText(p8)).toMatch(/recommande à l’État partie :\na\) De prendre les mesures juridiques/);
    expect(p8.subItems[1]?.text).toMatch(/^De prendre des mesures efficaces pour fournir une assistance juridique/);
  });
});

describe('follow-up phrases', () => {
  it('turns deadlines in the three languages into months', () => {
    expect(parseDeadline('within one year of the adoption')).toEqual({ text: 'within one year', months: 12 });
    expect(parseDeadline('dans un délai de deux ans, des renseignements')).toEqual({
      text: 'dans un délai de deux ans',
      months: 24,
    });
    expect(parseDeadline('en un plazo de dos años, información')).toEqual({
      text: 'en un plazo de dos años',
      months: 24,
    });
  });
  it('reads paragraph lists with French and Spanish letters', () => {
    expect(parseParagraphList('les recommandations formulées aux paragraphes 12 a) et 30 b) à d) ci-dessus.')).toEqual([
      '12 (a)',
      '30 (b)',
      '30 (c)',
      '30 (d)',
    ]);
  });
});
