/**
 * Which parser a file needs, from its content (not its name): ZIP parts for DOCX/XLSX, "%PDF"
 * and the document's own words for PDFs, JSON keys, CSV headers.
 */

import { decodeDetected } from '../../../lib/tabular/csv';
import { assertNotEmpty, toBytes, unsupported } from '../../../lib/tabular/file-errors';
import { isZip, openZip } from '../../../lib/tabular/zip';
import { normaliseArabic } from './arabic-text.js';
import { readPdfText } from './pdf-lines.js';
import type { SourceFormat } from './types.js';
import { addendumWord, coTitle, matchLang, uprName, uprWgTitle } from './un-languages.js';

const ownCoSymbol = /^\s*(?:[A-Z]{3,5}\/C\/[A-Z]{2,3}|E\/C\.12\/[A-Z]{2,3})\/CO\/\d[\d-]*\s*$/;

export async function detectFormat(data: Uint8Array | Buffer, fileName: string): Promise<SourceFormat> {
  const bytes = toBytes(data);
  assertNotEmpty(bytes, fileName);
  if (isZip(bytes)) {
    const zip = openZip(bytes, fileName); // refuses broken archives and bombs before anything else
    if (zip.entries.has('word/document.xml')) return 'ohchr-thematic-docx';
    if (zip.entries.has('xl/workbook.xml')) {
      const strings = zip.text('xl/sharedStrings.xml') ?? '';
      return /Reccomending Body|OHCHR Annotation Id/.test(strings) ? 'uhri-xlsx' : 'tabular';
    }
    throw unsupported(fileName, 'issues.unsupportedType', `${fileName} is a ZIP but not DOCX or XLSX`);
  }
  if (String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') {
    const pdf = await readPdfText(bytes, fileName);
    const lines = pdf.all.slice(0, 80).map((l) => l.text);
    // Arabic titles as their text layer gives them (split ligatures) are repaired first.
    const text = lines.map((t) => normaliseArabic(t)).join(' ');
    const addendum = lines.some((t) => matchLang(addendumWord, normaliseArabic(t)));
    if (addendum && matchLang(uprName, text)) return 'upr-addendum-pdf';
    if (matchLang(uprWgTitle, text)) return 'upr-wg-report-pdf';
    if (matchLang(coTitle, text)) return 'treaty-body-co';
    // Whatever the language and however broken its text layer, the symbol the document carries
    // at the top of its first page ("CRPD/C/KAZ/CO/1", "E/C.12/DEU/CO/7") names the kind.
    if (lines.slice(0, 6).some((t) => ownCoSymbol.test(t))) return 'treaty-body-co';
    throw unsupported(
      fileName,
      'issues.unknownPdf',
      `${fileName}: not a UPR report, addendum or concluding observations`,
    );
  }
  const text = decodeDetected(bytes.subarray(0, 65536), 'macintosh').text;
  if (text.includes('\u0000'))
    throw unsupported(fileName, 'issues.unsupportedType', `${fileName} is not a supported file type`);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    if (/"(AnnotationId|Text)"\s*:/.test(trimmed)) return 'uhri-json';
    throw unsupported(fileName, 'issues.unknownJson', `${fileName}: JSON without UHRI keys`);
  }
  const firstLine = trimmed.split(/\r\n?|\n/)[0] ?? '';
  if (/^To,To-Rgrp,To-Org,Text,From/.test(firstLine)) return 'upr-info-csv';
  if (/[,;\t]/.test(firstLine)) return 'tabular';
  throw unsupported(fileName, 'issues.unsupportedType', `${fileName} is not a supported file type`);
}
