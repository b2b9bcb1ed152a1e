/**
 * The kinds of evidence file Implementa accepts, each known by its extension and recognised by
 * its first bytes: a name can lie (an .exe renamed .pdf), the content cannot.
 */
export const fileKinds = ['pdf', 'docx', 'xlsx', 'csv', 'png', 'jpeg', 'odt', 'ods'] as const;
export type FileKind = (typeof fileKinds)[number];

export const contentTypes: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

const extensions: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  odt: 'odt',
  ods: 'ods',
};

/** The kind a file name claims by its extension, if it is one we know. */
export function kindOfName(fileName: string): FileKind | null {
  const match = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return match ? (extensions[match[1]?.toLowerCase() ?? ''] ?? null) : null;
}

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((byte, index) => data[index] === byte);
const zip = [0x50, 0x4b, 0x03, 0x04];

/**
 * Whether the bytes are a file of that kind. Office Open XML and OpenDocument files are zip
 * archives: a .docx holds word/ entries, an .xlsx xl/ entries (their names are stored in clear in
 * the local headers), an OpenDocument file starts with its uncompressed `mimetype` entry. A CSV
 * is UTF-8 text without control characters other than tab and line ends.
 */
export function contentMatches(kind: FileKind, data: Buffer): boolean {
  switch (kind) {
    case 'pdf':
      return data.subarray(0, 1024).includes('%PDF-');
    case 'png':
      return startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(data, [0xff, 0xd8, 0xff]);
    case 'docx':
      return startsWith(data, zip) && data.includes('[Content_Types].xml') && data.includes('word/');
    case 'xlsx':
      return startsWith(data, zip) && data.includes('[Content_Types].xml') && data.includes('xl/');
    case 'odt':
      return startsWith(data, zip) && data.subarray(30, 100).includes('application/vnd.oasis.opendocument.text');
    case 'ods':
      return startsWith(data, zip) && data.subarray(30, 110).includes('application/vnd.oasis.opendocument.spreadsheet');
    case 'csv':
      return isPlainText(data);
  }
}

function isPlainText(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  for (const byte of data) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

/** Parses the EVIDENCE_TYPES setting: a comma-separated list of known kinds ("jpg" is "jpeg"). */
export function parseKinds(value: string): FileKind[] | string {
  const kinds = new Set<FileKind>();
  for (const part of value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)) {
    const kind = extensions[part];
    if (!kind) return `unknown type "${part}" (known: ${fileKinds.join(', ')})`;
    kinds.add(kind);
  }
  return kinds.size > 0 ? [...kinds] : 'at least one type';
}
