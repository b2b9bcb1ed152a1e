import { AppError, type ErrorIssue } from '../../../shared/errors';

// How a file that cannot be read, or whose rows break a rule, is refused: one shape for every reader.

export function toBytes(data: Uint8Array | Buffer): Uint8Array {
  // A Buffer is a Uint8Array subclass with a different slice(); some libraries refuse it.
  return Buffer.isBuffer(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
}

/** Wrong type, corrupt, encrypted, no text layer, zip bomb: the file as a whole is refused. */
export function unsupported(file: string, message: string, detail: string, cause?: unknown): AppError {
  return new AppError('UNSUPPORTED_FILE', { issues: [{ file, message }], detail, cause, params: { file } });
}

/** A readable file whose content breaks a rule; each issue names row / paragraph / column. */
export function importInvalid(issues: ErrorIssue[], detail: string): AppError {
  return new AppError('IMPORT_INVALID', { issues, detail });
}

export function assertNotEmpty(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw unsupported(file, 'issues.emptyFile', `${file} is empty`);
}
