import { AlignmentType, LevelFormat } from 'docx';
import type { Locale } from '../../../shared/i18n/locales';

/**
 * How a report numbers itself: the paragraphs numbered through the whole document (Word's own
 * numbering, so that an edited report renumbers), and chapters and sections labelled as each
 * language's UN documents label them.
 */

export const numbering = {
  config: [
    {
      reference: 'paragraphs',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { start: 1134, hanging: 567 } } },
        },
      ],
    },
    {
      reference: 'ordered',
      levels: [
        {
          level: 0,
          format: LevelFormat.LOWER_LETTER,
          text: '(%1)',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { start: 1701, hanging: 567 } } },
        },
      ],
    },
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { start: 1701, hanging: 567 } } },
        },
      ],
    },
  ],
};

// Chapter and section numbering as each language's UN documents write it.
const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const arabicOrdinals = ['أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً', 'ثامناً', 'تاسعاً', 'عاشراً'];
const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const arabicLetters =
  'ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء شين تاء ثاء خاء ذال ضاد ظاء غين'.split(
    ' ',
  );
const chineseStems = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const cyrillic = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ'.split('');
const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function chapterLabel(index: number, language: Locale): string {
  if (language === 'ar') return `${arabicOrdinals[index] ?? index + 1}-`;
  if (language === 'zh') return `${chineseNumerals[index] ?? index + 1}、`;
  return `${roman[index] ?? index + 1}.`;
}

export function sectionLabel(index: number, language: Locale): string {
  const list =
    language === 'ar' ? arabicLetters : language === 'zh' ? chineseStems : language === 'ru' ? cyrillic : latin;
  const letter = list[index] ?? String(index + 1);
  return language === 'ar' ? `${letter}-` : language === 'zh' ? `${letter}、` : `${letter}.`;
}
