import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures';
import { decodeDetected, readCsvBytes } from '../../../lib/tabular/csv';
import { detectFormat } from './detect';
import { parseUprInfoCsv } from './upr-info-csv.parser';

// Issue 14 part 6: a CSV that was not UTF-8 was read as Mac Roman without a word. The UPR Info
// exports are real Mac Roman; the other encodings are the same real text re-encoded here.

const file = 'upr-info/upr-info-sessions-10-13.sample.csv';
const original = readFixture(file);
const text = iconv.decode(original, 'macintosh');
const bom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);

const encodings = {
  'UTF-8': Buffer.from(text, 'utf8'),
  'UTF-8 with BOM': bom([0xef, 0xbb, 0xbf], Buffer.from(text, 'utf8')),
  'UTF-16LE with BOM': bom([0xff, 0xfe], iconv.encode(text, 'utf-16le')),
  'UTF-16BE with BOM': bom([0xfe, 0xff], iconv.encode(text, 'utf-16be')),
};

describe('decoding a CSV in the encoding its bytes show', () => {
  it('reads the real Mac Roman exports as Mac Roman, saying it is a guess', () => {
    for (const sample of ['1-5', '6-9', '10-13', '14-17']) {
      const bytes = readFixture(`upr-info/upr-info-sessions-${sample}.sample.csv`);
      // Windows-1252 as the tie-break: the choice is the bytes', not the hint's.
      expect(decodeDetected(bytes, 'windows-1252')).toEqual({
        text: iconv.decode(bytes, 'macintosh'),
        encoding: 'macintosh',
        guessed: true,
      });
    }
  });

  it('reads the same text in UTF-8 and UTF-16 (byte order marks) as certain', () => {
    expect(text).toMatch(/[éèçô]/);
    for (const [name, bytes] of Object.entries(encodings)) {
      const decoded = decodeDetected(bytes, 'macintosh');
      expect(decoded.text.replace(/^\ufeff/, ''), name).toBe(text);
      expect(decoded.guessed, name).toBe(false);
    }
  });

  it('tells Windows-1252 from Mac Roman in the same text re-encoded', () => {
    const windows = iconv.encode(text, 'windows-1252');
    expect(decodeDetected(windows, 'macintosh')).toEqual({ text, encoding: 'windows-1252', guessed: true });
  });
});

describe('the dry run of a UPR Info export in each encoding', async () => {
  const reference = await parseUprInfoCsv(original, 'sessions-10-13.csv');

  it('reads the same recommendations whatever the encoding, warning only when guessed', async () => {
    const windows = iconv.encode(text, 'windows-1252');
    for (const [name, bytes] of [...Object.entries(encodings), ['Windows-1252', windows] as const]) {
      expect(await detectFormat(bytes, 'sessions-10-13.csv'), name).toBe('upr-info-csv');
      const parsed = await parseUprInfoCsv(bytes, 'sessions-10-13.csv');
      expect(parsed.recommendations, name).toEqual(reference.recommendations);
      const guess = parsed.warnings.filter((w) => w.message === 'issues.encodingGuessed');
      expect(guess, name).toEqual(
        name === 'Windows-1252'
          ? [
              {
                location: { file: 'sessions-10-13.csv' },
                message: 'issues.encodingGuessed',
                params: { encoding: name },
              },
            ]
          : [],
      );
    }
    expect(reference.warnings).toContainEqual({
      location: { file: 'sessions-10-13.csv' },
      message: 'issues.encodingGuessed',
      params: { encoding: 'Mac Roman' },
    });
  });

  it('names the row where characters were lost before the file reached us', async () => {
    // A real row whose accented letter an earlier conversion replaced with U+FFFD.
    const lines = text.split('\r');
    const row = lines.findIndex((line, i) => i > 5 && /é/.test(line)) + 1;
    lines[row - 1] = (lines[row - 1] as string).replace('é', '\ufffd');
    const damaged = Buffer.from(lines.join('\r'), 'utf8');
    expect(readCsvBytes(damaged, 'damaged.csv').decoding).toEqual({
      encoding: 'utf-8',
      guessed: false,
      badRows: [row],
    });
    const parsed = await parseUprInfoCsv(damaged, 'damaged.csv');
    expect(parsed.warnings).toContainEqual({
      location: { file: 'damaged.csv', row },
      message: 'issues.unreadableCharacters',
    });
  });
});
