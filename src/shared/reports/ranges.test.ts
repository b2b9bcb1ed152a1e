import { describe, expect, it } from 'vitest';
import { numberRanges } from './ranges';

// The lines that open the thematic sections of Slovenia's national report, A/HRC/WG.6/34/SVN/1.
describe('recommendation ranges', () => {
  it('writes runs as ranges and says the shared paragraph once, as Slovenia did', () => {
    const numbers = [
      '115.1',
      '115.2',
      '115.3',
      '115.4',
      '115.5',
      '115.14',
      '115.15',
      '115.16',
      '115.18',
      '115.43',
      '115.133',
    ];
    expect(numberRanges([...numbers].reverse())).toEqual({ paragraph: '115', text: '1–5, 14–16, 18, 43, 133' });
  });

  it('keeps the paragraph when asked, or when the numbers come from several paragraphs', () => {
    expect(numberRanges(['115.22', '115.31', '115.32', '115.33'], { keepPrefix: true }).text).toBe(
      '115.22, 115.31–115.33',
    );
    expect(numberRanges(['116.2', '115.9', '115.10', '116.3'])).toEqual({
      paragraph: null,
      text: '115.9–115.10, 116.2–116.3',
    });
  });

  it('lists numbers it cannot read as they are, and drops repeats', () => {
    expect(numberRanges(['12 (a)', '7', '8', '8']).text).toBe('7–8, 12 (a)');
  });
});
