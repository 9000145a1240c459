import { daysLeft, deadlineStatus, startOfDay } from '../deadline-status';

const at = (iso: string) => new Date(iso);

describe('deadlineStatus', () => {
  const now = at('2026-06-15T12:00:00Z');

  it('is rolling for a standing programme without a deadline', () => {
    expect(deadlineStatus({ recurrence: 'rolling' }, now)).toBe('rolling');
  });

  it('is closed once a rolling programme has a deadline that passed', () => {
    expect(deadlineStatus({ recurrence: 'rolling', deadline: '2026-06-01T00:00:00Z' }, now)).toBe('closed');
  });

  it('is open without a deadline when the source year is this year, closed when it is past', () => {
    expect(deadlineStatus({ referenceYear: 2026 }, now)).toBe('open');
    expect(deadlineStatus({ referenceYear: 2015 }, now)).toBe('closed');
  });

  it('is unknown, not open, when nothing dates the call; open once it has opened', () => {
    expect(deadlineStatus({}, now)).toBe('unknown');
    expect(deadlineStatus({ recurrence: 'annual' }, now)).toBe('unknown');
    expect(deadlineStatus({ recurrence: 'one-off', referenceYear: null }, now)).toBe('unknown');
    expect(deadlineStatus({ openingDate: '2020-01-01' }, now)).toBe('open');
  });

  it('is closing soon at exactly 30 days and open one second later', () => {
    expect(deadlineStatus({ deadline: '2026-07-15T12:00:00Z' }, now)).toBe('closing-soon');
    expect(deadlineStatus({ deadline: '2026-07-15T12:00:01Z' }, now)).toBe('open');
  });

  it('is closing soon until the deadline instant, closed right after', () => {
    expect(deadlineStatus({ deadline: '2026-06-15T12:00:00Z' }, now)).toBe('closing-soon');
    expect(deadlineStatus({ deadline: '2026-06-15T11:59:59Z' }, now)).toBe('closed');
  });

  it('reads a deadline "today" in another time zone as that zone’s instant', () => {
    // 23:59 in Honolulu (UTC−10) on 14 June is 09:59 UTC on 15 June: closed at 12:00 UTC.
    expect(deadlineStatus({ deadline: '2026-06-14T23:59:00-10:00' }, now)).toBe('closed');
    // 23:59 in Honolulu on 15 June is 09:59 UTC on 16 June: still open at 12:00 UTC on 15 June.
    expect(deadlineStatus({ deadline: '2026-06-15T23:59:00-10:00' }, now)).toBe('closing-soon');
  });

  it('is upcoming before the opening day starts in the call’s time zone', () => {
    // 16 June starts at 15 June 22:00 UTC in Paris (UTC+2 in summer).
    expect(deadlineStatus({ openingDate: '2026-06-16', timezone: 'Europe/Paris', deadline: '2026-12-01T00:00:00Z' }, at('2026-06-15T21:59:59Z'))).toBe('upcoming');
    expect(deadlineStatus({ openingDate: '2026-06-16', timezone: 'Europe/Paris', deadline: '2026-12-01T00:00:00Z' }, at('2026-06-15T22:00:00Z'))).toBe('open');
  });

  it('treats an unknown time zone as UTC rather than failing', () => {
    expect(startOfDay('2026-06-16', 'Mars/Olympus').toISOString()).toBe('2026-06-16T00:00:00.000Z');
  });
});

describe('daysLeft', () => {
  it('counts whole days, 0 on the last day, null without a deadline', () => {
    const now = at('2026-06-15T12:00:00Z');
    expect(daysLeft({ deadline: '2026-06-25T12:00:00Z' }, now)).toBe(10);
    expect(daysLeft({ deadline: '2026-06-15T18:00:00Z' }, now)).toBe(0);
    expect(daysLeft({}, now)).toBeNull();
  });
});
