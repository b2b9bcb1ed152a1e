import { AlignmentType } from 'docx';
import { page, tableTextStyle } from './reports.docx-parts';

// A report's page margins and paragraph styles: what every UN document in the series shares.

export function margins() {
  return { top: page.top, bottom: page.bottom, left: page.side, right: page.side, header: 709, footer: 709 };
}

/** Times New Roman 10 pt, justified, as UN documents; headings bold, kept with what follows. */
export function documentStyles(rtl?: boolean) {
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
  return {
    default: {
      document: {
        run: { font, size: 20, sizeComplexScript: rtl ? 22 : 20 },
        paragraph: { spacing: { after: 120, line: 240 }, alignment: AlignmentType.BOTH },
      },
      heading1: {
        run: { font, size: 28, bold: true, color: '000000' },
        paragraph: { spacing: { before: 360, after: 240 }, keepNext: true, alignment: AlignmentType.START },
      },
      heading2: {
        run: { font, size: 24, bold: true, color: '000000' },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, alignment: AlignmentType.START },
      },
      heading3: { run: { font, size: 20, bold: true, color: '000000' }, paragraph: { keepNext: true } },
      heading4: { run: { font, size: 20, italics: true, color: '000000' }, paragraph: { keepNext: true } },
      footnoteText: { run: { font, size: 16 } },
    },
    paragraphStyles: [
      {
        id: tableTextStyle,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 18, sizeComplexScript: 18 },
        paragraph: { spacing: { after: 0 }, alignment: AlignmentType.START },
      },
    ],
  };
}
