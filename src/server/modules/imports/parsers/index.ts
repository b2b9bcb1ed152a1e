/** Entry point of the import parsers: detect the format, then parse. */

import { unsupported } from '../../../lib/tabular/file-errors';
import { detectFormat } from './detect.js';
import { parseOhchrThematic } from './ohchr-thematic.parser.js';
import { type ColumnMapping, parseTabular } from './tabular.parser.js';
import { parseTreatyBodyCo } from './treaty-body-co.parser.js';
import type { ParsedSource, Parser, SourceFormat } from './types.js';
import { parseUhriJson, parseUhriXlsx } from './uhri.parser.js';
import { parseUprAddendum } from './upr-addendum.parser.js';
import { parseUprInfoCsv } from './upr-info-csv.parser.js';
import { parseUprWgReport } from './upr-wg-report.parser.js';

export { detectFormat } from './detect.js';
export {
  type ColumnMapping,
  notRecommendations,
  parseTabular,
  readTabularHeaders,
  suggestMapping,
} from './tabular.parser.js';
export * from './types.js';

export const parsers: Record<Exclude<SourceFormat, 'tabular'>, Parser> = {
  'uhri-xlsx': parseUhriXlsx,
  'uhri-json': parseUhriJson,
  'upr-info-csv': parseUprInfoCsv,
  'ohchr-thematic-docx': parseOhchrThematic,
  'upr-wg-report-pdf': parseUprWgReport,
  'upr-addendum-pdf': parseUprAddendum,
  'treaty-body-co': parseTreatyBodyCo,
};

/** Parses a file of any known format; a generic spreadsheet needs the caller's column mapping. */
export async function parseSource(
  data: Uint8Array | Buffer,
  fileName: string,
  mapping?: ColumnMapping,
): Promise<ParsedSource> {
  const format = await detectFormat(data, fileName);
  if (format === 'tabular') {
    if (!mapping) throw unsupported(fileName, 'issues.mappingRequired', `${fileName} needs a column mapping`);
    return parseTabular(data, fileName, mapping);
  }
  return parsers[format](data, fileName);
}
