import type { Locale } from '../../../shared/i18n/locales';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { localize } from '../../lib/language';
import { evidenceOfUpdates } from '../progress/attachments.service';
import { reportDocx } from './reports.docx';
import { requireReport } from './reports.guards';
import { loadReportModel } from './reports.model';
import { docxToPdf } from './reports.pdf';
import type { ReportRow } from './reports.repo';
import { findBody, findMatrixDetails, findReviewHeaders } from './reports.sources.repo';

export interface ExportedFile {
  bytes: Buffer;
  filename: string;
  /** Whether the main text or the annexes are over their limit (the document says so too). */
  overLimit: boolean;
}

/** A file name from the title, safe in a Content-Disposition header. */
function fileNameOf(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${base || 'report'}.${extension}`;
}

/** The report as DOCX, written in its language; over the limit still exports, marked as over. */
export async function renderDocx(db: Executor, report: ReportRow, date = new Date()): Promise<ExportedFile> {
  const language = report.language as Locale;
  const [model, body, reviews] = await Promise.all([
    loadReportModel(db, report),
    findBody(db, report.body_code),
    findReviewHeaders(db, report.review_ids),
  ]);
  const bodyName = body ? localize(body.name, language) || body.code : report.body_code;
  const updateIds = [...new Set(model.sections.flatMap((section) => section.sources.map((source) => source.updateId)))];
  const [details, evidence] = await Promise.all([
    findMatrixDetails(
      db,
      model.recommendations.filter((rec) => rec.present).map((rec) => rec.id),
      language,
    ),
    evidenceOfUpdates(db, updateIds),
  ]);
  const files = new Map([...evidence].map(([updateId, list]) => [updateId, list.map((file) => file.fileName)]));
  const countries = [...new Set(reviews.map((review) => review.country_iso2).filter((code): code is string => !!code))];
  const state =
    countries.length === 1
      ? (new Intl.DisplayNames([language], { type: 'region' }).of(countries[0] as string) ?? null)
      : null;
  const bytes = await reportDocx(model, {
    t: translatorFor(language),
    bodyName,
    date,
    state,
    reviewSymbols: reviews.map((review) => review.symbol).filter((symbol): symbol is string => !!symbol),
    evidence: files,
    details: new Map(
      details.map((row) => [
        row.id,
        {
          text: row.text,
          states: row.recommending_states ?? [],
          entities: row.entities ?? [],
          actions: row.actions ?? [],
          indicators: row.indicators ?? [],
        },
      ]),
    ),
  });
  return {
    bytes,
    filename: fileNameOf(report.title, 'docx'),
    overLimit: model.counts.mainOver || model.counts.annexOver,
  };
}

export async function exportDocx(deps: Deps, actor: Actor, id: string): Promise<ExportedFile> {
  const { report } = await requireReport(deps.db, actor, id, 'export');
  return renderDocx(deps.db, report);
}

/** The same DOCX converted by LibreOffice (decision 012). */
/** `signal`: the person went away, so LibreOffice is stopped (its whole process group). */
export async function exportPdf(deps: Deps, actor: Actor, id: string, signal?: AbortSignal): Promise<ExportedFile> {
  const { report } = await requireReport(deps.db, actor, id, 'export');
  const docx = await renderDocx(deps.db, report);
  return { ...docx, bytes: await docxToPdf(docx.bytes, { signal }), filename: fileNameOf(report.title, 'pdf') };
}
