import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  /** The text part (the whole body of a single-part mail). */
  text: string;
  /** The HTML part of a multipart/alternative mail. */
  html: string | null;
}

export interface SmtpServer {
  url: string;
  port: number;
  inbox: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives, for tests to read. Given a port
 * and an inbox, it comes back where a stopped one was (a mail server down, then up again).
 */
export async function startSmtpServer(options: { port?: number; inbox?: ReceivedMail[] } = {}): Promise<SmtpServer> {
  const inbox: ReceivedMail[] = options.inbox ?? [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        inbox.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? ''),
          ...decodeParts(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    inbox,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * An RFC 2047 header: adjacent encoded words are one text (the space between them is not), and a
 * character may be split across two of them, so their bytes are joined before decoding.
 */
function decodeHeader(value: string): string {
  const word = /=\?utf-8\?([BQ])\?([^?]*)\?=/gi;
  return value
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?[BQ]\?[^?]*\?=(?:\s+=\?utf-8\?[BQ]\?[^?]*\?=)*/gi, (run) =>
      Buffer.concat(
        [...run.matchAll(word)].map(([, kind = '', text = '']) =>
          kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text.replaceAll('_', ' ')),
        ),
      ).toString('utf8'),
    );
}

/** A single-part mail's body as its text; a multipart/alternative's text and HTML parts. */
export function decodeParts(raw: string): { text: string; html: string | null } {
  const [head = ''] = raw.split(/\r?\n\r?\n/);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head.replace(/\r?\n[ \t]/g, ' '))?.[1];
  if (!boundary) return { text: decodeBody(raw), html: null };
  const parts = raw.split(`--${boundary}`).slice(1, -1);
  const part = (type: string) => {
    const found = parts.find((chunk) =>
      new RegExp(`Content-Type: ${type}`, 'i').test(chunk.split(/\r?\n\r?\n/)[0] ?? ''),
    );
    return found === undefined ? null : decodeBody(found.replace(/^\r?\n/, '')).replace(/\r?\n$/, '');
  };
  return { text: part('text/plain') ?? '', html: part('text/html') };
}

function decodeBody(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) return decodeQuotedPrintable(body);
  return body;
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1');
}

function decodeQuotedPrintable(text: string): string {
  return quotedPrintableBytes(text).toString('utf8');
}
