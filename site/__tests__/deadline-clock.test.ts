/**
 * The deadline clock (the inline script of call pages) against the plugin's own rule: for
 * calls and instants at every boundary and in several time zones, the script run as shipped
 * (minified) must give the status deadlineStatus gives, and the same "closes in N days".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { daysLeft, deadlineStatus, DEADLINE_STATUSES, type CallDates } from '../../plugins/knowledge-base/server/src/shared/deadline-status';
import { callClockAttributes } from '../src/utils/call-clock';
import { formatDaysLeft } from '../src/utils/format';

const SCRIPT = transformSync(readFileSync(join(__dirname, '../src/scripts/deadline-clock.js'), 'utf8'), { minify: true }).code;
const LABELS = { s: Object.fromEntries(DEADLINE_STATUSES.map((s) => [s, `label:${s}`])), d: 'Closes {when}', t: 'en-GB' };

const dataset = (attributes: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name.replace(/^data-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), value]),
  );

/** Runs the script over one call element, with the browser's clock at `now`. */
export function runClock(script: string, call: CallDates & { status?: string }, now: Date) {
  const data: Record<string, string> = dataset(callClockAttributes(call));
  const badge = { className: 'status', dataset: {} as Record<string, string>, textContent: 'stale' };
  const days = { textContent: 'stale' };
  const element = { dataset: data, querySelector: (selector: string) => (selector === '.status' ? badge : selector === '[data-days-left]' ? days : null) };
  const document = { currentScript: { dataset: { l: JSON.stringify(LABELS) } }, querySelectorAll: () => [element] };
  class FrozenDate extends Date {
    static now() {
      return now.getTime();
    }
  }
  runInNewContext(script, { document, Date: FrozenDate, Intl, JSON, Math });
  return { status: data.callStatus, badge, days: days.textContent };
}

const DAY = 86_400_000;
const at = (iso: string, deltaMs = 0) => new Date(Date.parse(iso) + deltaMs);

const CALLS: Record<string, CallDates> = {
  'deadline in Paris, opening in Paris': { deadline: '2026-03-20T23:59:00+01:00', openingDate: '2026-01-15', timezone: 'Europe/Paris', recurrence: 'one-off' },
  'opening on a DST change day': { deadline: '2026-06-01T12:00:00Z', openingDate: '2026-03-29', timezone: 'Europe/Paris' },
  'opening in Tokyo, no deadline': { openingDate: '2026-04-01', timezone: 'Asia/Tokyo' },
  rolling: { recurrence: 'rolling', timezone: 'Africa/Dakar' },
  'rolling with a future opening': { recurrence: 'rolling', openingDate: '2026-05-01', timezone: 'UTC' },
  'rolling whose deadline passed': { recurrence: 'rolling', deadline: '2026-02-01T00:00:00Z' },
  '2025 edition in Auckland': { referenceYear: 2025, timezone: 'Pacific/Auckland' },
  '2025 edition in Los Angeles': { referenceYear: 2025, timezone: 'America/Los_Angeles' },
  '2025 edition, unknown zone': { referenceYear: 2025, timezone: 'Mars/Olympus' },
  'no dates at all': {},
};

const INSTANTS: Record<string, Date[]> = {
  'deadline in Paris, opening in Paris': [
    at('2026-03-20T22:59:00Z'), // the deadline itself: still open
    at('2026-03-20T22:59:00Z', 1),
    at('2026-03-20T22:59:00Z', -1),
    at('2026-03-20T22:59:00Z', -30 * DAY), // exactly 30 days before: closing soon
    at('2026-03-20T22:59:00Z', -30 * DAY - 1),
    at('2026-01-14T23:00:00Z'), // midnight in Paris on the opening day
    at('2026-01-14T23:00:00Z', -1),
    at('2026-03-20T10:00:00Z'),
  ],
  'opening on a DST change day': [at('2026-03-28T23:00:00Z'), at('2026-03-28T23:00:00Z', -1), at('2026-03-28T22:00:00Z')],
  'opening in Tokyo, no deadline': [at('2026-03-31T15:00:00Z'), at('2026-03-31T15:00:00Z', -1)],
  rolling: [at('2026-01-01T00:00:00Z'), at('2030-06-01T00:00:00Z')],
  'rolling with a future opening': [at('2026-05-01T00:00:00Z', -1), at('2026-05-01T00:00:00Z')],
  'rolling whose deadline passed': [at('2026-02-01T00:00:00Z'), at('2026-02-01T00:00:00Z', 1)],
  '2025 edition in Auckland': [at('2025-12-31T10:59:59.999Z'), at('2025-12-31T11:00:00Z')],
  '2025 edition in Los Angeles': [at('2026-01-01T07:59:59.999Z'), at('2026-01-01T08:00:00Z')],
  '2025 edition, unknown zone': [at('2025-12-31T23:59:59.999Z'), at('2026-01-01T00:00:00Z')],
  'no dates at all': [at('2026-01-01T00:00:00Z')],
};

describe('deadline clock (inline script)', () => {
  const cases = Object.entries(CALLS).flatMap(([name, call]) => INSTANTS[name].map((now): [string, string, CallDates, Date] => [name, now.toISOString(), call, now]));

  it.each(cases)('%s at %s: the plugin’s status and days left', (_name, _iso, call, now) => {
    const expected = deadlineStatus(call, now);
    const result = runClock(SCRIPT, call, now);
    expect(result.status).toBe(expected);
    expect(result.badge).toMatchObject({ className: `status status-${expected}`, dataset: { status: expected }, textContent: `label:${expected}` });
    const left = expected === 'open' || expected === 'closing-soon' ? daysLeft(call, now) : null;
    expect(result.days).toBe(left == null ? '' : `Closes ${formatDaysLeft(left, 'en')}`);
  });

  it('covers every status', () => {
    const seen = new Set(cases.map(([, , call, now]) => deadlineStatus(call, now)));
    expect([...seen].sort()).toEqual([...DEADLINE_STATUSES].sort());
  });

  it('is a few hundred bytes', () => {
    expect(SCRIPT.length).toBeLessThan(900);
  });
});
