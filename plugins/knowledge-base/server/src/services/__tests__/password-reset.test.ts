import { RESET_TTL_MS, newResetCode, resetCodeLive } from '../password-reset';
import { password } from '../../validation/schema';

/** The message key of a password's problem, or null (the rule invitations and resets share). */
const passwordIssue = (value: string) => {
  const parsed = password.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0].message;
};

describe('password reset codes and the new password', () => {
  const now = Date.UTC(2026, 2, 1, 12);

  it('makes codes that work for an hour, each one new', () => {
    const code = newResetCode(now);
    expect(code).toMatch(/^[0-9a-z]+\.[0-9a-f]{64}$/);
    expect(newResetCode(now)).not.toBe(code);
    expect(resetCodeLive(code, now)).toBe(true);
    expect(resetCodeLive(code, now + RESET_TTL_MS - 1)).toBe(true);
    expect(resetCodeLive(code, now + RESET_TTL_MS)).toBe(false);
  });

  it('refuses anything not shaped like a code', () => {
    const random = newResetCode(now).split('.')[1];
    for (const code of ['', random, `zzzzzzzzzzzz.${random}`, `${(now + 60_000).toString(36)}.${random}x`, `${(now + 60_000).toString(36)}.${random.toUpperCase()}`, 'constructor'])
      expect({ code, live: resetCodeLive(code, now) }).toEqual({ code, live: false });
  });

  it('asks the invitations’ rule of a new password, within the 72 bytes users-permissions hashes', () => {
    expect(passwordIssue('Passw0rd-long-enough')).toBeNull();
    expect(passwordIssue('short1')).toBe('error.password');
    expect(passwordIssue('no-digits-at-all')).toBe('error.password');
    expect(passwordIssue('1234567890')).toBe('error.password');
    expect(passwordIssue(`a1${'b'.repeat(127)}`)).toBe('error.password');
    expect(passwordIssue(`a1${'b'.repeat(70)}`)).toBeNull();
    expect(passwordIssue(`a1${'ب'.repeat(36)}`)).toBe('error.passwordBytes');
  });
});
