import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../tests/fixtures.js';
import { matchCountry } from './country-matcher';

const languages = ['Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish'];
const rows: Record<string, string>[] = parse(readFixture('countries/country-codes.csv').toString('utf8'), {
  columns: true,
  bom: true,
});

describe('country matcher on the UNTERM names (datasets/country-codes)', () => {
  it('resolves every UNTERM short and formal name in the six languages to its own ISO code', () => {
    const wrong: string[] = [];
    let names = 0;
    for (const row of rows) {
      for (const language of languages) {
        for (const kind of ['Short', 'Formal']) {
          const name = row[`UNTERM ${language} ${kind}`];
          if (!name) continue;
          names++;
          const iso2 = matchCountry(name).iso2;
          if (iso2 !== row['ISO3166-1-Alpha-2']) wrong.push(`${name} → ${iso2} (${row['ISO3166-1-Alpha-2']})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(names).toBe(2340); // 195 States and observers × 6 languages × short and formal
  });

  it('resolves the UN-style names documents cite, uninverted, with and without articles', () => {
    const cases: [string, string][] = [
      ['Bolivarian Republic of Venezuela', 'VE'],
      ['the Bolivarian Republic of Venezuela', 'VE'],
      ['Venezuela (Bolivarian Republic of)', 'VE'],
      ['Venezuela', 'VE'],
      ['Islamic Republic of Iran', 'IR'],
      ['Iran (Islamic Republic of)', 'IR'],
      ['Plurinational State of Bolivia', 'BO'],
      ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
      ['Federated States of Micronesia', 'FM'],
      ['République bolivarienne du Venezuela', 'VE'],
      ['République islamique d’Iran', 'IR'],
      ['República Bolivariana de Venezuela', 'VE'],
      ['Estado Plurinacional de Bolivia', 'BO'],
      ['Боливарианская Республика Венесуэла', 'VE'],
      ['جمهورية فنزويلا البوليفارية', 'VE'],
      ['委内瑞拉玻利瓦尔共和国', 'VE'],
      ['Congo', 'CG'],
      ['Democratic Republic of the Congo', 'CD'],
      ['Republic of Korea', 'KR'],
      ["Democratic People's Republic of Korea", 'KP'],
      ['El Salvador', 'SV'],
      ['Niger', 'NE'],
      ['Nigeria', 'NG'],
    ];
    expect(cases.map(([name]) => [name, matchCountry(name).iso2])).toEqual(cases);
  });

  it('keeps the names UPR Info and older UN documents use', () => {
    const cases: [string, string][] = [
      ['the former Yugoslav Republic of Macedonia', 'MK'],
      ['Czech Republic', 'CZ'],
      ['Turkey', 'TR'],
      ['Türkiye', 'TR'],
      ['Russia', 'RU'],
      ['Russian Federation', 'RU'],
      ['Viet Nam', 'VN'],
      ['Saint Lucia', 'LC'],
      ['Holy See', 'VA'],
      ['State of Palestine', 'PS'],
      ["Côte d'Ivoire", 'CI'],
    ];
    expect(cases.map(([name]) => [name, matchCountry(name).iso2])).toEqual(cases);
  });
});
