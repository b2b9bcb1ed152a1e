/**
 * The normalised shape every import parser returns. Parsers are pure: bytes in, this out; the
 * importer decides what to store. Optional fields beyond the brief are marked as such.
 */
export type Lang = 'ar' | 'en' | 'es' | 'fr' | 'ru' | 'zh';
export type Position = 'supported' | 'supported_in_part' | 'noted' | 'pending';

export type SourceFormat =
  | 'uhri-xlsx'
  | 'uhri-json'
  | 'upr-info-csv'
  | 'ohchr-thematic-docx'
  | 'upr-wg-report-pdf'
  | 'upr-addendum-pdf'
  | 'treaty-body-co'
  | 'tabular';

export interface SourceLocation {
  file: string;
  row?: number;
  paragraph?: string;
  page?: number;
}

/** label 'a', 'b', ... */
export interface ParsedSubItem {
  label: string;
  text: string;
}

export interface ParsedRecommendation {
  /** '140.7' (UPR), '17' (treaty body paragraph) */
  number?: string;
  /**
   * clean text: no running headers, no footnote numbers, no trailing State names for UPR. With
   * sub-items, the chapeau alone: fullText() (common.ts) joins it with them for storage.
   */
  text: string;
  lang: Lang;
  /** the section heading of a treaty body paragraph */
  heading?: string;
  subItems: ParsedSubItem[];
  /** UPR, as written in the source */
  recommendingStates: string[];
  position?: Position;
  /** e.g. 'A/HRC/59/15/Add.1' */
  positionSource?: string;
  themes: string[];
  affectedPersons: string[];
  /** official codes such as '16.3' */
  sdgTargets: string[];
  /** SDG goal numbers ('16') when a source names goals only (optional addition) */
  sdgGoals?: string[];
  /** UPR Info action category 1-5 */
  actionCategory?: number;
  /** UPR Info issue labels */
  issues: string[];
  documentSymbol?: string;
  body?: string;
  country?: string;
  /** ISO yyyy-mm-dd */
  date?: string;
  session?: number;
  cycle?: number;
  /** UHRI annotation id */
  externalId?: string;
  /** treaty bodies: false for numbered paragraphs that only note or welcome (optional addition) */
  isRecommendation?: boolean;
  /** UPR Info also exports States' voluntary pledges, which are not recommendations (optional addition) */
  kind?: 'recommendation' | 'voluntary_pledge';
  /** free comments of the source, e.g. the OHCHR assessment column (optional addition) */
  comment?: string;
  location: SourceLocation;
}

export interface ParsedFollowUp {
  /** e.g. '17 (a)', '36 (d)' */
  paragraphs: string[];
  deadlineText: string;
  months: number;
  location: SourceLocation;
}

export interface ParsedReview {
  symbol?: string;
  body?: string;
  country?: string;
  /** ISO 3166 alpha-3 taken from a treaty body symbol (optional addition) */
  countryCode?: string;
  date?: string;
  session?: number;
  cycle?: number;
}

export interface ParsedSource {
  format: SourceFormat;
  review?: ParsedReview;
  recommendations: ParsedRecommendation[];
  /** for the UPR addendum (the State's views) */
  positions?: { number: string; position: Position; positionSource?: string }[];
  followUp?: ParsedFollowUp;
  duplicates: { location: SourceLocation; duplicateOf: SourceLocation }[];
  /** message: a catalogue key (issues.*); params: the values it names. */
  warnings: { location: SourceLocation; message: string; params?: Record<string, string> }[];
}

export type Parser = (data: Uint8Array | Buffer, fileName: string) => Promise<ParsedSource>;
