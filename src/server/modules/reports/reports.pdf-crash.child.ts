// A server in miniature for reports.pdf-crash.test.ts: it converts the DOCX named on the command
// line to PDF (with the temp folder the test chose, TMPDIR) and is killed with -9 midway.
import { readFileSync } from 'node:fs';
import { docxToPdf } from './reports.pdf';

await docxToPdf(readFileSync(process.argv[2] ?? ''), { timeoutMs: 300_000 });
