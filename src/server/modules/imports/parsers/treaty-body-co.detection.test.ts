import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { fullText } from './common.js';
import { isRecommendationText } from './treaty-body-co.lang.js';
import { parseTreatyBodyCo } from './treaty-body-co.parser.js';
import { parseParagraphList } from './treaty-body-follow-up.js';
import type { ParsedRecommendation } from './types.js';

/**
 * Which paragraphs ask something of the State, and which paragraphs a follow-up request names.
 * Sentences are the real documents' own; the phrases quoted in issue 13 (from documents not kept
 * as fixtures) are tested on the detector itself.
 */
const parse = (file: string) => parseTreatyBodyCo(readFixture(`concluding-observations/${file}`), file);
const paragraph = (recs: ParsedRecommendation[], n: string) => recs.find((r) => r.number === n)!;

describe('recommendations per real document', async () => {
  const counts = {
    'CERD_C_BRA_CO_18-20_en.pdf': 34,
    'CRPD_C_DEU_CO_2-3_en.pdf': 38,
    'CRPD_C_GRC_CO_1_es.pdf': 27,
    'CRPD_C_NOR_CO_1_fr.pdf': 28,
  };
  const parsed = Object.fromEntries(
    await Promise.all(Object.keys(counts).map(async (file) => [file, await parse(file)] as const)),
  );

  it.each(Object.entries(counts))('%s asks %i things of the State', (file, count) => {
    expect(parsed[file]!.recommendations.filter((r) => r.isRecommendation)).toHaveLength(count);
  });

  it('takes the Committee as the subject, not a treaty or the State that "calls upon"', () => {
    const cerd = parsed['CERD_C_BRA_CO_18-20_en.pdf']!.recommendations;
    // 59: "… article 7 of the Convention, which calls upon States to adopt measures …"
    expect(fullText(paragraph(cerd, '59'))).toMatch(/article 7 of the Convention, which calls upon States/);
    expect(paragraph(cerd, '59').isRecommendation).toBe(false);
    // 38: "Furthermore, the Committee calls upon the State party to take measures …"
    expect(paragraph(cerd, '38').isRecommendation).toBe(true);
    // NOR 53 draws attention ("appelle l’attention") to recommendations: it asks nothing itself.
    const nor = parsed['CRPD_C_NOR_CO_1_fr.pdf']!.recommendations;
    expect(fullText(paragraph(nor, '53'))).toMatch(/le Comité appelle l’attention de l’État partie/);
    expect(paragraph(nor, '53').isRecommendation).toBe(false);
  });

  it('reads "recalls … and recommends" (CRPD Germany 14, whose sub-items follow)', () => {
    const deu = parsed['CRPD_C_DEU_CO_2-3_en.pdf']!.recommendations;
    const p14 = paragraph(deu, '14');
    expect(p14.text).toBe(
      'The Committee recalls its general comment No. 3 (2016) and recommends that the State party, at the federal and Länder levels:',
    );
    expect(p14.isRecommendation).toBe(true);
  });

  it('CRPD documents name urgent paragraphs but request no follow-up within a deadline', () => {
    for (const file of ['CRPD_C_DEU_CO_2-3_en.pdf', 'CRPD_C_GRC_CO_1_es.pdf', 'CRPD_C_NOR_CO_1_fr.pdf'])
      expect(parsed[file]!.followUp, file).toBeUndefined();
    // Their "urgent measures" paragraphs list this document's paragraphs after "recommendations … paragraphs".
    const deu = fullText(paragraph(parsed['CRPD_C_DEU_CO_2-3_en.pdf']!.recommendations, '75'));
    expect(parseParagraphList(deu)).toEqual(['44', '54', '62']);
    const nor = fullText(paragraph(parsed['CRPD_C_NOR_CO_1_fr.pdf']!.recommendations, '53'));
    expect(parseParagraphList(nor)).toEqual(['6', '20']);
  });

  it('CERD Brazil: paragraph 68 names the follow-up paragraphs, past its "article 9 (1)" reference', () => {
    const cerd = parsed['CERD_C_BRA_CO_18-20_en.pdf']!;
    expect(fullText(paragraph(cerd.recommendations, '68'))).toMatch(
      /^In accordance with article 9 \(1\) of the Convention/,
    );
    expect(cerd.followUp?.paragraphs).toEqual(['17 (a)', '19 (c)', '23 (a)', '36 (a)', '36 (b)', '36 (c)', '36 (d)']);
    // Paragraph 69 ("particular importance") names paragraphs too, but sets no deadline.
    expect(cerd.followUp?.location.paragraph).toBe('68');
  });
});

describe('a treaty article is not a paragraph of the document', () => {
  it.each([
    'The Committee requests the State party to submit its next report in accordance with article 35, paragraph 2, of the Convention, within one year.',
    'El Comité solicita al Estado parte que presente su informe de conformidad con el artículo 35, párrafo 2, de la Convención, en un plazo de un año.',
    'Le Comité prie l’État partie de soumettre son rapport conformément à l’article 35, paragraphe 2, de la Convention, dans un délai d’un an.',
    'in accordance with paragraph 1 of article 9 of the Convention, within one year',
  ])('%s', (sentence) => {
    expect(parseParagraphList(sentence)).toEqual([]);
  });

  it('keeps the list that follows such a reference', () => {
    expect(
      parseParagraphList(
        'In accordance with article 35, paragraph 2, of the Convention, the Committee requests information on the recommendations contained in paragraphs 12 (a) and 34 (b).',
      ),
    ).toEqual(['12 (a)', '34 (b)']);
  });
});

describe('the verb of a recommendation (issue 13 phrases)', () => {
  it('"calls upon" whoever is named, not only "the State party"', () => {
    expect(isRecommendationText('en', 'The Committee calls upon Hong Kong, China, to adopt a comprehensive law.')).toBe(
      true,
    );
  });

  it('finds the verb in the first sub-item when the chapeau is only "The Committee:"', () => {
    expect(isRecommendationText('en', 'The Committee:', 'Recommends that the State party adopt a law;')).toBe(true);
    expect(isRecommendationText('fr', 'Le Comité :', 'Recommande à l’État partie d’adopter une loi ;')).toBe(true);
    expect(isRecommendationText('es', 'El Comité:', 'Insta al Estado parte a que apruebe una ley;')).toBe(true);
    expect(isRecommendationText('en', 'The Committee is concerned about:', 'The lack of a law;')).toBe(false);
  });

  it.each([
    ['en', 'The Committee urges the State party to'],
    ['en', 'It also encourages the State party to'],
    ['en', 'The Committee invites the State party to'],
    ['en', 'The Committee requests the State party to'],
    [
      'en',
      'Recalling its previous recommendations (CRPD/C/DEU/CO/1, para. 10), the Committee, in line with article 12, strongly recommends',
    ],
    ['es', 'El Comité insta al Estado parte a que'],
    ['es', 'El Comité exhorta al Estado parte a que'],
    ['es', 'El Comité alienta al Estado parte a que'],
    ['es', 'El Comité pide al Estado parte que'],
    ['es', 'Asimismo, le recomienda que'],
    ['fr', 'Le Comité engage vivement l’État partie à'],
    ['fr', 'Le Comité exhorte l’État partie à'],
    ['fr', 'Le Comité invite l’État partie à'],
    ['fr', 'Il lui recommande de'],
    ['fr', 'Le Comité demande à l’État partie de'],
  ] as const)('%s: %s', (lang, chapeau) => {
    expect(isRecommendationText(lang, chapeau)).toBe(true);
  });
});
