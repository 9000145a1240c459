/**
 * iCalendar (RFC 5545) for call deadlines. A deadline is an instant (a date, a time and the
 * call's time zone), so each event is a zero-length event at that instant, written in UTC:
 * calendar apps show it at the right local time wherever the reader is.
 */
import type { Locale } from '@aimf/strapi-plugin-knowledge-base/shared';
import { GUIDE } from './guide';

const encoder = new TextEncoder();

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export const escapeText = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Octets of a code point in UTF-8 (counted, not encoded: this runs for every character of a calendar). */
const utf8Size = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Lines of at most 75 octets, continued with CRLF and a space, never inside a UTF-8 character (§3.1). */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Most lines fit: no need to walk them.
  if (line.length <= 25 || encoder.encode(line).length <= 75) return line;
  for (const char of line) {
    const size = utf8Size(char.codePointAt(0)!);
    const limit = parts.length === 0 ? 75 : 74; // a continuation line starts with one space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** 20260320T225900Z */
export const utcStamp = (instant: string | Date): string => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface DeadlineEvent {
  uid: string;
  deadline: string;
  updatedAt: string;
  summary: string;
  description: string;
  url: string;
}

export function calendar(options: { name: string; description: string; language: Locale; events: DeadlineEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    // -//owner//product//language (§3.7.3): the publisher and the guide, from guide.config.ts.
    `PRODID:-//${escapeText(GUIDE.publisher.shortName)}//${escapeText(GUIDE.name[options.language])}//${options.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-CALDESC:${escapeText(options.description)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
  ];
  for (const event of options.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      // The entry's last change, so an unchanged call reads the same at every build.
      `DTSTAMP:${utcStamp(event.updatedAt)}`,
      `LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
      `DTSTART:${utcStamp(event.deadline)}`,
      `SUMMARY;LANGUAGE=${options.language}:${escapeText(event.summary)}`,
      `DESCRIPTION;LANGUAGE=${options.language}:${escapeText(event.description)}`,
      `URL;VALUE=URI:${event.url}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P7D',
      `DESCRIPTION:${escapeText(event.summary)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  if (options.events.length === 0) {
    // RFC 5545 wants at least one component: a calendar with no deadline yet holds the UTC zone.
    lines.push('BEGIN:VTIMEZONE', 'TZID:UTC', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000', 'END:STANDARD', 'END:VTIMEZONE');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
