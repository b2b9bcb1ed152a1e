import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { openZip } from '../../../lib/tabular/zip';
import sdg from '../../../seed/data/sdg.json' with { type: 'json' };
import { squash } from './common.js';
import { docxTableRows } from './docx-table.js';
import { parseOhchrThematic } from './ohchr-thematic.parser.js';
import { readThemeCell, sdgCodeOf } from './theme-cell.js';
import { parseUprAddendum } from './upr-addendum.parser.js';
import { parseUprWgReport } from './upr-wg-report.parser.js';

const cycle2 = 'ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx';
const cycle4 = 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx';

describe('OHCHR thematic list, cycle 2 layout (Slovenia, A/HRC/28/15)', async () => {
  const parsed = await parseOhchrThematic(readFixture(cycle2), 'c2.docx');
  const get = (n: string) => parsed.recommendations.find((r) => r.number === n)!;

  it('reads all 163 recommendations, 142 supported and 21 noted', () => {
    expect(parsed.recommendations).toHaveLength(163);
    expect(parsed.recommendations.filter((r) => r.position === 'supported')).toHaveLength(142);
    expect(parsed.recommendations.filter((r) => r.position === 'noted')).toHaveLength(21);
    expect(new Set(parsed.recommendations.map((r) => r.number)).size).toBe(163);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.duplicates).toEqual([]);
    for (const r of parsed.recommendations) expect(r.recommendingStates.length, r.number).toBeGreaterThan(0);
  });

  it('reads rows exactly', () => {
    expect(get('115.3')).toMatchObject({
      text: 'Ratify the Optional Protocol to the Rights of the Child on a communications procedure',
      recommendingStates: ['Portugal', 'Slovakia'], // one parenthesis, comma-separated, in this layout
      position: 'supported',
      positionSource: 'A/HRC/28/15/Add.1',
      documentSymbol: 'A/HRC/28/15',
      themes: ['A12 Acceptance of international norms'],
      affectedPersons: ['children'],
      location: { file: 'c2.docx', row: 4, paragraph: '115.3' },
    });
    expect(get('115.2').themes).toEqual([
      'A12 Acceptance of international norms',
      'B32 Racial discrimination',
      'G1 Members of minorities',
    ]);
    expect(get('115.163')).toMatchObject({
      position: 'noted',
      recommendingStates: ['Nigeria'],
      themes: ['G4 Migrants'],
      affectedPersons: ['migrants'],
    });
    expect(get('115.72').recommendingStates).toEqual(['the former Yugoslav Republic of Macedonia']);
    expect(get('115.6').text).toMatch(/\(ICRMW\)$/); // an acronym in parentheses stays in the text
  });
});

describe('OHCHR thematic list, cycle 4 layout (Slovenia, A/HRC/59/15)', async () => {
  const parsed = await parseOhchrThematic(readFixture(cycle4), 'c4.docx');
  const get = (n: string) => parsed.recommendations.find((r) => r.number === n)!;

  it('reads all 254 recommendations with SDG goals, themes and groups of persons', () => {
    expect(parsed.recommendations).toHaveLength(254);
    expect(get('140.7')).toMatchObject({
      text: 'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights',
      recommendingStates: ['Maldives', 'Portugal'],
      position: 'supported',
      positionSource: 'A/HRC/59/15/Add.1',
      themes: [
        'Ratification of & accession to international instruments',
        'Economic, social & cultural rights - general measures of implementation',
      ],
      affectedPersons: ['Public officials'],
      sdgGoals: ['1', '2', '3', '4', '5', '6', '7', '8'],
      sdgTargets: [],
    });
    expect(get('140.253')).toMatchObject({
      position: 'noted',
      recommendingStates: ['Costa Rica'],
      affectedPersons: ['Public officials', 'Stateless persons'],
      sdgGoals: ['10', '16'],
    });
  });

  it('agrees with the Working Group report and the addendum on all 254 numbers, States, texts and positions', async () => {
    const report = await parseUprWgReport(
      readFixture('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf'),
      'wg.pdf',
    );
    const addendum = await parseUprAddendum(
      readFixture('upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf'),
      'add.pdf',
    );
    const fromReport = new Map(report.recommendations.map((r) => [r.number, r]));
    const positions = new Map(addendum.positions?.map((p) => [p.number, p.position]));
    // The Word list writes ' and 'custom ‑ designed' (U+2011 between spaces) where the PDF has ’ and '-'.
    const comparable = (text: string) =>
      text
        .replace(/\s/g, '')
        .replace(/\u2011/g, '-')
        .replace(/’/g, "'");
    const disagreements: string[] = [];
    for (const r of parsed.recommendations) {
      const other = fromReport.get(r.number);
      if (!other) disagreements.push(`${r.number} missing in report`);
      else if (JSON.stringify(other.recommendingStates) !== JSON.stringify(r.recommendingStates))
        disagreements.push(`${r.number} states`);
      else if (comparable(other.text) !== comparable(r.text)) disagreements.push(`${r.number} text`);
      if (positions.get(r.number!) !== r.position) disagreements.push(`${r.number} position`);
    }
    expect(disagreements).toEqual([]);
  });
});

/**
 * The layout whose themes cell holds an "SDGs:" block before "Affected persons:". No real list in
 * this layout is in ../shared/data: the cells below are the real cells of the two Slovenia lists
 * (the cycle 2 themes cell of 115.67, the cycle 4 SDG cell of 140.180), with the "SDGs:" label
 * line placed between them as the issue describes.
 */
describe('OHCHR thematic list, themes cell with an "SDGs:" block', () => {
  const cellsOf = (fixture: string, number: string) => {
    const xml = openZip(new Uint8Array(readFixture(fixture)), fixture).text('word/document.xml') ?? '';
    const row = docxTableRows(xml).find((r) => r[0]?.paragraphs[0]?.startsWith(`${number} `));
    return (row ?? []).map((cell) => cell.paragraphs.map(squash).filter(Boolean));
  };
  const themesCell = cellsOf(cycle2, '115.67')[2] ?? [];
  const sdgCell = cellsOf(cycle4, '140.180')[3] ?? [];
  const split = themesCell.indexOf('Affected persons:');

  it('reads the goals and never turns the block into theme terms', () => {
    expect(sdgCell).toEqual(['- 5 - GENDER EQUALITY', '- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS']);
    const cell = [...themesCell.slice(0, split), 'SDGs:', ...sdgCell, ...themesCell.slice(split)];
    expect(readThemeCell(cell)).toEqual({
      themes: ['B31 Equality & non-discrimination', 'E51 Right to education - General', 'G1 Members of minorities'],
      affectedPersons: ['children', 'minorities/ racial, ethnic, linguistic, religious or descent-based groups'],
      sdgGoals: ['5', '16'],
      sdgTargets: [],
    });
    // "SDG:" with the block's first goal on the label line, and a block at the end of the cell.
    expect(readThemeCell([...themesCell, 'SDG: - 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'])).toMatchObject({
      themes: ['B31 Equality & non-discrimination', 'E51 Right to education - General', 'G1 Members of minorities'],
      sdgGoals: ['16'],
    });
  });

  it('reads the French and Spanish labels, and "N. title" goal lines (titles from the SDG seed)', () => {
    const titles = (lang: 'fr' | 'es') => [5, 16].map((n) => `${n}. ${sdg.goals[n - 1]?.short[lang]}`);
    expect(
      readThemeCell([
        '- Égalité et non-discrimination',
        'ODD :',
        ...titles('fr'),
        'Groupes de personnes :',
        '- enfants',
      ]),
    ).toEqual({
      themes: ['Égalité et non-discrimination'],
      affectedPersons: ['enfants'],
      sdgGoals: ['5', '16'],
      sdgTargets: [],
    });
    expect(readThemeCell(['ODS:', ...titles('es'), '16.3', 'Grupos de personas:', '- niños'])).toMatchObject({
      themes: [],
      affectedPersons: ['niños'],
      sdgGoals: ['5', '16'],
      sdgTargets: ['16.3'],
    });
  });

  it('no theme or group of persons of either real list looks like an SDG line or a block label', async () => {
    for (const fixture of [cycle2, cycle4]) {
      const parsed = await parseOhchrThematic(readFixture(fixture), 'list.docx');
      const terms = parsed.recommendations.flatMap((r) => [...r.themes, ...r.affectedPersons]);
      expect(terms.filter((term) => sdgCodeOf(term) || /:\s*$/.test(term))).toEqual([]);
    }
  });
});
