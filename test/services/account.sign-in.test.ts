import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRepository } from '../../src/db/user.repository.ts';
import { LOCKOUT_FAILURES } from '../../src/services/account.service.ts';
import { testDialects } from '../db/dialects.ts';
import { openAccounts, rejectionCode } from './accounts.ts';
import type { AccountFixture } from './accounts.ts';

const IP = '203.0.113.20';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(testDialects())('signing in on $kind', (dialect) => {
  let f: AccountFixture;
  beforeAll(async () => {
    f = await openAccounts(dialect);
  });
  afterAll(() => f.database.close());

  it('gives a new token at every sign-in and stores only its SHA-256', async () => {
    const { user, password } = await f.user({ username: 'rotating' });
    const first = await f.service.signIn('rotating', password, IP);
    const second = await f.service.signIn('ROTATING', password, IP);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.token).not.toBe(first.token);
    expect(first.user).toEqual(user);
    const stored = await f.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(stored.map((s) => s.id).sort()).toEqual([sha256(first.token), sha256(second.token)].sort());
    expect((await f.service.authenticate(first.token))?.id).toBe(user.id); // two devices, two sessions
  });

  it('revokes the token the browser held before signing in, so a planted one never becomes signed in', async () => {
    const { password } = await f.user({ username: 'fixation' });
    const planted = await f.service.signIn('fixation', password, IP);
    const fresh = await f.service.signIn('fixation', password, IP, planted.token);
    expect(await f.service.authenticate(planted.token)).toBeNull();
    expect(await f.service.authenticate(fresh.token)).not.toBeNull();
  });

  it('answers a wrong password and an unknown username with the same error', async () => {
    await f.user({ username: 'known-user' });
    const wrong = await f.service.signIn('known-user', 'not-the-password', IP).catch((e: unknown) => e);
    const unknown = await f.service.signIn('nobody-at-all', 'not-the-password', IP).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS', kind: 'unauthenticated' });
    expect(unknown).toEqual(wrong);
  });

  it('locks a username after 5 failures in 15 minutes, even to the right password; unknown ones alike', async () => {
    const { password } = await f.user({ username: 'guessed' });
    for (const username of ['guessed', 'ghost']) {
      for (let i = 0; i < LOCKOUT_FAILURES; i++) {
        expect(await rejectionCode(f.service.signIn(username, `wrong-guess-${i}`, IP))).toBe('INVALID_CREDENTIALS');
        f.clock.advance(1);
      }
    }
    const locked = await f.service.signIn('guessed', password, IP).catch((e: unknown) => e);
    const ghost = await f.service.signIn('ghost', 'whatever-it-is', IP).catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: 'SIGN_IN_LOCKED', kind: 'rate-limited' });
    expect(ghost).toEqual(locked);
    const locks = await f.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.locked').execute();
    expect(locks.map((l) => [l.actor_user_id, l.actor_ip, l.after])).toEqual([
      [null, IP, { failures: 5 }],
      [null, IP, { failures: 5 }],
    ]);
    expect(locks.map((l) => l.entity_id)).toContain(''); // the unknown username is not written down
    f.clock.advance(15);
    expect((await f.service.signIn('guessed', password, IP)).user.username).toBe('guessed');
  });

  it('counts parallel guesses: ten at once still get only five tries', async () => {
    await f.user({ username: 'raced' });
    const codes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => rejectionCode(f.service.signIn('raced', `parallel-${i}`, IP))),
    );
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(LOCKOUT_FAILURES);
    expect(codes.filter((c) => c === 'SIGN_IN_LOCKED')).toHaveLength(10 - LOCKOUT_FAILURES);
  });

  it('forgets the failures after a successful sign-in', async () => {
    const { password } = await f.user({ username: 'forgetful' });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOCKOUT_FAILURES - 1; i++)
        await rejectionCode(f.service.signIn('forgetful', 'typo-typo-1', IP));
      expect((await f.service.signIn('forgetful', password, IP)).token).toBeTruthy();
    }
  });

  it('ends a session left idle for 2 hours, and keeps one in use', async () => {
    const { password } = await f.user({ username: 'idle' });
    const { token } = await f.service.signIn('idle', password, IP);
    f.clock.advance(119);
    expect(await f.service.authenticate(token)).not.toBeNull();
    f.clock.advance(119); // 238 minutes after sign-in, but 119 after the last use
    expect(await f.service.authenticate(token)).not.toBeNull();
    f.clock.advance(120);
    expect(await f.service.authenticate(token)).toBeNull();
  });

  it('ends a session 12 hours after sign-in, however busy', async () => {
    const { password } = await f.user({ username: 'busy' });
    const { token, expiresAt } = await f.service.signIn('busy', password, IP);
    expect(expiresAt.getTime() - f.clock.now().getTime()).toBe(12 * 3_600_000);
    for (let hour = 1; hour < 12; hour++) {
      f.clock.advance(60);
      expect(await f.service.authenticate(token), `hour ${hour}`).not.toBeNull();
    }
    f.clock.advance(60);
    expect(await f.service.authenticate(token)).toBeNull();
  });

  it('signs out one session and leaves the others open', async () => {
    const { password } = await f.user({ username: 'leaving' });
    const office = await f.service.signIn('leaving', password, IP);
    const laptop = await f.service.signIn('leaving', password, IP);
    expect(await f.service.signOut(office.token, IP)).toBe(true);
    expect(await f.service.signOut(office.token, IP)).toBe(false);
    expect(await f.service.authenticate(office.token)).toBeNull();
    expect(await f.service.authenticate(laptop.token)).not.toBeNull();
  });

  it('signs a user out everywhere at their own request', async () => {
    const { user, password } = await f.user({ username: 'everywhere' });
    const tokens = [
      await f.service.signIn('everywhere', password, IP),
      await f.service.signIn('everywhere', password, IP),
    ];
    expect(await f.service.signOutEverywhere(user.id, { actor: user, ip: IP })).toBe(2);
    for (const { token } of tokens) expect(await f.service.authenticate(token)).toBeNull();
  });

  it('refuses malformed tokens, deactivated accounts and sessions older than the last password change', async () => {
    expect(await f.service.authenticate('')).toBeNull();
    expect(await f.service.authenticate("' or 1=1 --")).toBeNull();
    expect(await f.service.authenticate('A'.repeat(43))).toBeNull();
    const { user, password } = await f.user({ username: 'deactivated' });
    const { token } = await f.service.signIn('deactivated', password, IP);
    await userRepository(f.database.db).update(user.id, { active: false });
    expect(await f.service.authenticate(token)).toBeNull();
    expect(await rejectionCode(f.service.signIn('deactivated', password, IP))).toBe('INVALID_CREDENTIALS');

    const [demo] = await f.service.ensureDemoAccounts();
    const before = await f.service.signIn(demo?.username ?? '', demo?.password ?? '', IP);
    f.clock.advance(1);
    const [renewed] = await f.service.ensureDemoAccounts(); // a new password: older sessions end
    expect(await f.service.authenticate(before.token)).toBeNull();
    expect(await rejectionCode(f.service.signIn(demo?.username ?? '', demo?.password ?? '', IP))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await f.service.signIn(renewed?.username ?? '', renewed?.password ?? '', IP)).user.role).toBe(
      'province_admin',
    );
  });

  it('leaves a trace of every sign-in, failure, lockout and sign-out, with the address, and no secret', async () => {
    const entries = await f.database.db.selectFrom('audit_log').select(['action', 'actor_ip']).execute();
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.locked',
      'auth.sign_out',
      'auth.sign_out_everywhere',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(entries.filter((e) => e.action.startsWith('auth.')).every((e) => e.actor_ip === IP)).toBe(true);
    const text = await f.auditText();
    expect(text).not.toMatch(/argon2|wrong-guess|parallel-|typo-typo|長い密碼/);
  });
});
