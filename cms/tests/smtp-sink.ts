import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/cms';

export interface SentMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  /** The message's headers, unfolded, one per line. */
  headers: string;
}

const decodeQ = (s: string) => Buffer.from(s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
const decodeWords = (s: string) =>
  s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) => (enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQ(data)));
const decodeQuotedPrintable = (s: string) =>
  Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

/** Parses the single-part text messages the CMS sends: headers, then the body in its transfer encoding. */
export function parseMail(raw: string, to: string[]): SentMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(header('content-type'))?.[1];
  if (boundary) {
    // multipart/alternative: the text/plain part is what the test reads.
    const parts = body.split(`--${boundary}`).map((p) => p.replace(/^\r\n/, '')).filter((p) => /^content-type:\s*text\/plain/im.test(p.slice(0, p.indexOf('\r\n\r\n'))));
    const part = parts[0] ? parseMail(parts[0], to) : { text: '' };
    return { to, from: header('from'), subject: decodeWords(header('subject')), text: part.text, headers: head };
  }
  const encoding = header('content-transfer-encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { to, from: header('from'), subject: decodeWords(header('subject')), text: text.replace(/\r\n/g, '\n').trim(), headers: head };
}

/** A real SMTP server on a free local port that keeps every message it receives. */
export class SmtpSink {
  readonly mails: SentMail[] = [];
  port = 0;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.mails.push(parseMail(Buffer.concat(chunks).toString('latin1').replace(/[^\x00-\x7f]/g, ''), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });

  /** `port`: to bring mail back on the port a CMS was already given (a test of mail outages). */
  async start(port?: number) {
    // A client killed mid-connection (the CMS stopped) resets its socket: not the sink's failure.
    this.server.on('error', () => undefined);
    this.port = port ?? (await freePort());
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  stop = () => new Promise<void>((resolve) => this.server.close(() => resolve()));

  /** The messages sent to `address`. */
  to = (address: string) => this.mails.filter((m) => m.to.includes(address));

  /** Waits (a bounded while) for the `count`-th message to `address` and returns it. */
  async next(address: string, count: number, timeoutMs = 10_000): Promise<SentMail> {
    await this.waitFor(() => this.to(address).length >= count, timeoutMs);
    return this.to(address)[count - 1];
  }

  /** Waits (a bounded while) for a message matching `match` and returns it. */
  async waitFor(match: (mail: SentMail) => boolean, timeoutMs = 10_000): Promise<SentMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.mails.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching e-mail within ${timeoutMs} ms; received: ${JSON.stringify(this.mails.map((m) => ({ to: m.to, subject: m.subject })))}`);
  }
}
