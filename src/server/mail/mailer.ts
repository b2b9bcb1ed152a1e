import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { AppError } from '../../shared/errors';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML: sent as multipart/alternative with the text. */
  html?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * Real SMTP when SMTP_URL is set (production requires it). Without it (demo, development) each
 * message is written as an .eml file under DATA_DIR/outbox and its text logged, so invitation
 * and reset links can be followed without a mail server.
 */
export function createMailer(options: { smtpUrl?: string; from: string; outboxDir: string; logger: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        try {
          await transport.sendMail({ from: options.from, ...mail });
        } catch (error) {
          options.logger.error({ err: error, to: mail.to }, 'mail not sent');
          throw new AppError('MAIL_FAILED', { cause: error });
        }
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      mkdirSync(options.outboxDir, { recursive: true });
      const file = join(options.outboxDir, `${Date.now()}-${mail.to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`);
      writeFileSync(file, info.message as Buffer);
      // One short line each (the demo's first start writes about 70); the text is in the file, and in the debug log.
      options.logger.info({ to: mail.to, subject: mail.subject, file }, 'mail written to outbox');
      options.logger.debug({ file, text: mail.text }, 'outbox mail text');
    },
    close: () => transport.close(),
  };
}
