import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewUserRow } from '../../src/db/account.schema.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { sessionRepository } from '../../src/db/session.repository.ts';
import type { SessionRepository } from '../../src/db/session.repository.ts';
import { userRepository } from '../../src/db/user.repository.ts';
import type { UserRepository } from '../../src/db/user.repository.ts';
import { testDialects } from './dialects.ts';

const T0 = new Date('2026-03-02T01:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
// The check constraint wants an argon2id PHC string; the repositories never look inside it.
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

const user = (username: string, extra: Partial<NewUserRow> = {}): NewUserRow => ({
  username,
  display_name: username,
  password_hash: HASH,
  role: 'county_reporter',
  region_code: '140902',
  unit_name: null,
  created_at: T0,
  password_changed_at: T0,
  ...extra,
});

describe.each(testDialects())('users and sessions on $kind', (dialect) => {
  let database: OpenDatabase;
  let users: UserRepository;
  let sessions: SessionRepository;
  beforeAll(async () => {
    database = await dialect.open();
    users = userRepository(database.db);
    sessions = sessionRepository(database.db);
  });
  afterAll(() => database.close());

  it('stores a user, finds it by username in any case, and refuses the same name in another case', async () => {
    const stored = await users.insert(user('Xinfu.Reporter'));
    expect(stored).toMatchObject({ username: 'Xinfu.Reporter', active: true, region_code: '140902' });
    expect(stored.created_at).toBeInstanceOf(Date);
    expect((await users.findByUsername('xinfu.reporter'))?.id).toBe(stored.id);
    await expect(users.insert(user('xinfu.reporter'))).rejects.toThrow(/users_username_key/);
  });

  it('refuses rows that break the account rules, whatever the service does', async () => {
    await expect(users.insert(user('no-region', { region_code: null }))).rejects.toThrow(/users_scope_check/);
    await expect(users.insert(user('admin-with-region', { role: 'system_admin' }))).rejects.toThrow(
      /users_scope_check/,
    );
    await expect(users.insert(user('unit-without-name', { role: 'responsible_unit' }))).rejects.toThrow(
      /users_unit_check/,
    );
    await expect(users.insert(user('plain-hash', { password_hash: 'secret' }))).rejects.toThrow(/password_hash/);
  });

  it('updates a user and tells when none exists', async () => {
    const stored = await users.insert(user('to-update'));
    expect(await users.update(stored.id, { active: false })).toMatchObject({ active: false });
    expect(await users.update(999_999, { active: false })).toBeUndefined();
  });

  it('keeps sessions by hash, revokes one or all of a user, and reports what changed', async () => {
    const owner = await users.insert(user('session-owner'));
    const ids = ['a', 'b', 'c'].map((c) => c.repeat(64));
    for (const id of ids) {
      await sessions.insert({ id, user_id: owner.id, created_at: T0, last_seen_at: T0, expires_at: later(720) });
    }
    expect((await sessions.findWithUser(ids[0] ?? ''))?.user.username).toBe('session-owner');
    expect(await sessions.findWithUser('d'.repeat(64))).toBeUndefined();
    await sessions.touch(ids[0] ?? '', later(5));
    expect((await sessions.findWithUser(ids[0] ?? ''))?.session.last_seen_at).toEqual(later(5));
    expect(await sessions.revoke(ids[0] ?? '', later(6))).toBe(owner.id);
    expect(await sessions.revoke(ids[0] ?? '', later(7))).toBeUndefined();
    expect(await sessions.revokeAllOf(owner.id, later(8))).toBe(2);
    expect(await sessions.revokeAllOf(owner.id, later(9))).toBe(0);
  });

  it('counts failed sign-ins in a window and forgets them on success or when they are old', async () => {
    for (const minutes of [0, 1, 2]) await sessions.insertFailure('someone', later(minutes), '198.51.100.1');
    const stray = await sessions.insertFailure('someone-else', later(0), null);
    expect(await sessions.countFailuresSince('someone', later(0))).toBe(2);
    expect(await sessions.countFailuresSince('someone-else', later(-1))).toBe(1);
    await sessions.deleteFailure(stray);
    expect(await sessions.countFailuresSince('someone-else', later(-1))).toBe(0);
    await sessions.insertFailure('old', later(-60), null);
    await sessions.clearFailures('someone', later(-15));
    expect(await sessions.countFailuresSince('someone', later(-100))).toBe(0);
    expect(await sessions.countFailuresSince('old', later(-100))).toBe(0);
  });

  it('takes the per-username sign-in lock, re-entrant within one transaction', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sessionRepository(trx).lockUsername('someone');
      await sessionRepository(trx).lockUsername('someone'); // re-entrant within one transaction
    });
  });
});
