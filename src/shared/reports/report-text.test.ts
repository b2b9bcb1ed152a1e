import { describe, expect, it } from 'vitest';
import { countWords, countWordsInText, htmlToText, paragraphsOf, sectionWords, wordCounts } from './report-text';

describe('word count (the UN way)', () => {
  it.each([
    ['The State adopted a law.', 5],
    ['human-rights-based approach', 2],
    ["l'État a adopté la loi", 5],
    ['and/or 2030 – 118.7', 3],
    ['  spaces\tand\nlines  ', 3],
    ['—', 0],
    ['Правительство приняло закон.', 3],
    ['اعتمدت الحكومة قانوناً', 3],
    ['政府通过了法律', 7],
    ['第118.7段', 3],
    ['UPR 普遍定期审议 report', 8],
    ['', 0],
  ])('%j has %i words', (text, words) => {
    expect(countWordsInText(text)).toBe(words);
  });

  it('strips tags, blocks separating words, entities decoded', () => {
    expect(countWords('<p>one<strong>two</strong></p><p>three</p><ul><li>four</li><li>five&nbsp;six</li></ul>')).toBe(
      5,
    );
    expect(htmlToText('<p>a &amp; b</p><p>c<br>d</p>')).toBe('a & b\nc\nd');
  });

  it('numbers the paragraphs consultation comments on', () => {
    expect(
      paragraphsOf('<p>First.</p><ul><li>Item</li></ul><h3>Heading</h3><blockquote><p>Quote</p></blockquote><p> </p>'),
    ).toEqual(['First.', 'Item', 'Heading', 'Quote']);
  });

  it('is over only past the limit, the annex without a limit never over', () => {
    expect(wordCounts(10, 99, { wordLimit: 10, annexWordLimit: null })).toMatchObject({
      mainOver: false,
      annexOver: false,
    });
    expect(wordCounts(11, 5, { wordLimit: 10, annexWordLimit: 4 })).toMatchObject({ mainOver: true, annexOver: true });
  });
});

describe('a section’s words', () => {
  it('counts the heading with the text, and nothing for a section without text (it is not printed)', () => {
    expect(sectionWords('Reply to paragraph 5', '<p>The law was amended.</p>')).toBe(8);
    expect(sectionWords('Reply to paragraph 7', '<p> </p>')).toBe(0);
  });
});
