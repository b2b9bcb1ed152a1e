/**
 * A small, defensive ZIP reader for DOCX/XLSX. Before anything is inflated, the central directory
 * is read and the file refused (UNSUPPORTED_FILE) when the declared uncompressed total exceeds
 * 100 MB or 100 times the archive size (zip bomb), or when the directory is missing or truncated.
 * Each entry is then inflated with a hard output limit equal to its declared size, so a directory
 * that lies about sizes cannot make us allocate more than the limits above.
 */
import { inflateRawSync } from 'node:zlib';
import { toBytes, unsupported } from './file-errors';

export const MAX_UNCOMPRESSED = 100 * 1024 * 1024;
export const MAX_RATIO = 100;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export interface Zip {
  entries: Map<string, ZipEntry>;
  read(name: string): Uint8Array | undefined;
  text(name: string): string | undefined;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findEndOfDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/** Reads the central directory only; throws UNSUPPORTED_FILE for a broken or dangerous archive. */
export function readZipDirectory(data: Uint8Array | Buffer, file: string): ZipEntry[] {
  const bytes = toBytes(data);
  if (!isZip(bytes)) throw unsupported(file, 'issues.notZip', `${file} is not a ZIP-based Office file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) throw unsupported(file, 'issues.corruptFile', `${file}: ZIP central directory not found (truncated?)`);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw unsupported(file, 'issues.zip64', `${file}: ZIP64 archives are not accepted`);
  if (dirOffset + dirSize > eocd)
    throw unsupported(file, 'issues.corruptFile', `${file}: ZIP central directory is out of bounds`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) {
      throw unsupported(file, 'issues.corruptFile', `${file}: ZIP central directory entry ${i} is damaged`);
    }
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      encrypted: (view.getUint16(p + 8, true) & 1) === 1,
    };
    if (entry.encrypted) throw unsupported(file, 'issues.passwordProtected', `${file} is encrypted`);
    total += entry.size;
    if (total > MAX_UNCOMPRESSED) {
      throw unsupported(file, 'issues.zipBomb', `${file} would expand to more than ${MAX_UNCOMPRESSED / 1048576} MB`);
    }
    entries.push(entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  if (total > bytes.length * MAX_RATIO) {
    throw unsupported(file, 'issues.zipBomb', `${file} would expand more than ${MAX_RATIO} times its size`);
  }
  return entries;
}

export function openZip(data: Uint8Array | Buffer, file: string): Zip {
  const bytes = toBytes(data);
  const entries = new Map(readZipDirectory(bytes, file).map((e) => [e.name, e]));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = (name: string): Uint8Array | undefined => {
    const e = entries.get(name);
    if (!e) return undefined;
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) {
      throw unsupported(file, 'issues.corruptFile', `${file}: ZIP entry ${name} is damaged`);
    }
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    if (start + e.compressedSize > bytes.length)
      throw unsupported(file, 'issues.corruptFile', `${file}: ZIP entry ${name} is truncated`);
    const raw = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw unsupported(file, 'issues.corruptFile', `${file}: ZIP method ${e.method} not supported`);
    try {
      // maxOutputLength: an entry that inflates beyond its declared size is refused, not buffered.
      return inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
    } catch (error) {
      const bomb = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw unsupported(
        file,
        bomb ? 'issues.zipBomb' : 'issues.corruptFile',
        `${file}: ZIP entry ${name} cannot be inflated`,
        error,
      );
    }
  };
  const text = (name: string) => {
    const b = read(name);
    return b ? new TextDecoder().decode(b) : undefined;
  };
  return { entries, read, text };
}
