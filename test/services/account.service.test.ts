import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../src/services/account.types.ts';
import type { PrintedAccount } from '../../src/services/account.types.ts';
import type { RequestContext } from '../../src/services/audit.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { testDialects } from '../db/dialects.ts';
import { openAccounts, rejectionCode } from './accounts.ts';
import type { AccountFixture } from './accounts.ts';

const IP = '198.51.100.9';
const as = (user: UserView): RequestContext => ({ actor: user, ip: IP });

describe.each(testDialects())('accounts on $kind', (dialect) => {
  let f: AccountFixture;
  let admin: PrintedAccount | null;
  let sysadmin: UserView;
  let shanxi: UserView; // province admin of 山西
  let xinzhou: UserView; // city admin of 忻州
  const secrets: string[] = []; // every password and token used: none may reach the audit log
  beforeAll(async () => {
    f = await openAccounts(dialect);
    admin = await f.service.ensureInitialAdmin(); // first, while the users table is empty
  });
  afterAll(() => f.database.close());

  it('creates the administrator on first start, once, with a one-time password that signs in', async () => {
    expect(admin).toMatchObject({ username: 'admin', role: 'system_admin', regionCode: null });
    expect(admin?.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await f.service.ensureInitialAdmin()).toBeNull();
    const signedIn = await f.service.signIn('admin', admin?.password ?? '', IP);
    secrets.push(admin?.password ?? '', signedIn.token);
    sysadmin = signedIn.user;
    expect(sysadmin).not.toHaveProperty('passwordHash');
    expect(Object.keys(sysadmin).join()).not.toMatch(/hash/i);
  });

  it('lets the administrator create a province admin, who creates the accounts of its province', async () => {
    const province = await f.service.createUser(
      {
        username: 'shanxi',
        displayName: '山西省教育厅发展规划处',
        role: 'province_admin',
        regionCode: '140000',
        password: 'Shanxi-2026-规划处',
      },
      as(sysadmin),
    );
    secrets.push('Shanxi-2026-规划处');
    shanxi = province.user;
    expect(province.generatedPassword).toBeUndefined();
    const city = await f.service.createUser(
      { username: 'xinzhou', displayName: '忻州市教育局规划科', role: 'city_admin', regionCode: '140900' },
      as(shanxi),
    );
    xinzhou = city.user;
    expect(city.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    secrets.push(city.generatedPassword ?? '');
    expect((await f.service.signIn('xinzhou', city.generatedPassword ?? '', IP)).user).toEqual(xinzhou);
    const unit = await f.service.createUser(
      {
        username: 'xz-finance',
        displayName: '忻州市财政局',
        role: 'responsible_unit',
        regionCode: '140900',
        unitName: '忻州市财政局',
      },
      as(shanxi),
    );
    expect(unit.user).toMatchObject({ role: 'responsible_unit', unitName: '忻州市财政局', active: true });
  });

  it('refuses user management outside the province, by a city admin, and grants of system_admin', async () => {
    const henan = {
      username: 'henan-county',
      displayName: '湖滨区',
      role: 'county_reporter',
      regionCode: '411202',
    } as const;
    expect(await rejectionCode(f.service.createUser(henan, as(shanxi)))).toBe('FORBIDDEN');
    const xinfu = { ...henan, username: 'xinfu', regionCode: '140902' };
    expect(await rejectionCode(f.service.createUser(xinfu, as(xinzhou)))).toBe('FORBIDDEN');
    const root = { username: 'root2', displayName: 'root', role: 'system_admin', regionCode: null } as const;
    expect(await rejectionCode(f.service.createUser(root, as(shanxi)))).toBe('FORBIDDEN');
    const stored = await f.database.db.selectFrom('users').select('username').execute();
    expect(stored.map((u) => u.username)).not.toContain('henan-county');
    expect(stored.map((u) => u.username)).not.toContain('xinfu');
  });

  it('checks that the region exists and fits the role', async () => {
    const base = { username: 'misfit', displayName: '错位', password: 'a-long-enough-password' };
    const cases = [
      [{ role: 'city_admin', regionCode: '140902' }, 'REGION_DOES_NOT_FIT_ROLE'],
      [{ role: 'county_reporter', regionCode: '140900' }, 'REGION_DOES_NOT_FIT_ROLE'],
      [{ role: 'county_reporter', regionCode: null }, 'REGION_DOES_NOT_FIT_ROLE'],
      [{ role: 'system_admin', regionCode: '140000' }, 'REGION_DOES_NOT_FIT_ROLE'],
      [{ role: 'county_reporter', regionCode: '140971' }, 'REGION_UNKNOWN'], // 五台山风景名胜区: not a county
      [{ role: 'responsible_unit', regionCode: '140900' }, 'UNIT_NAME_MISMATCH'],
      [{ role: 'evaluator', regionCode: '140900', unitName: '某单位' }, 'UNIT_NAME_MISMATCH'],
    ] as const;
    for (const [input, code] of cases) {
      expect(await rejectionCode(f.service.createUser({ ...base, ...input }, SYSTEM_CONTEXT)), input.role).toBe(code);
    }
  });

  it('refuses a taken username in any case and weak passwords, with a stable code and the field', async () => {
    const base = { displayName: '忻府区教育局', role: 'county_reporter', regionCode: '140902' } as const;
    const taken = await f.service
      .createUser({ ...base, username: 'XINZHOU', password: 'another-good-one' }, SYSTEM_CONTEXT)
      .catch((e: unknown) => e);
    expect(taken).toMatchObject({ code: 'USERNAME_TAKEN', kind: 'conflict', at: { field: 'username' } });
    const cases = [
      ['xinfu-1', 'short', 'PASSWORD_TOO_SHORT'],
      ['xinfu-reporter-2', 'Xinfu-Reporter-2', 'PASSWORD_SAME_AS_USERNAME'],
      ['xinfu-3', 'Password123', 'PASSWORD_TOO_COMMON'],
      ['x', 'a-long-enough-password', 'USERNAME_INVALID'],
    ] as const;
    for (const [username, password, code] of cases) {
      const error = await f.service
        .createUser({ ...base, username, password }, SYSTEM_CONTEXT)
        .catch((e: unknown) => e);
      expect(error, code).toMatchObject({ code, kind: 'invalid' });
      expect((error as { messages: { zh: string; en: string } }).messages.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('creates one demo account per role level, each able to sign in', async () => {
    const demos = await f.service.ensureDemoAccounts();
    expect(demos.map((d) => [d.role, d.regionCode])).toEqual([
      ['province_admin', '140000'],
      ['city_admin', '140900'],
      ['county_reporter', '140902'],
      ['evaluator', '140000'],
    ]);
    for (const demo of demos) {
      secrets.push(demo.password);
      expect((await f.service.signIn(demo.username, demo.password, IP)).user.displayName).toBe(demo.displayName);
    }
  });

  it("signs a user out everywhere for its province admin, but not for another user's city admin", async () => {
    const reporter = await f.user({ username: 'xinfu-reporter', regionCode: '140902' });
    secrets.push(reporter.password);
    const { token } = await f.service.signIn('xinfu-reporter', reporter.password, IP);
    secrets.push(token);
    expect(await rejectionCode(f.service.signOutEverywhere(shanxi.id, as(xinzhou)))).toBe('FORBIDDEN');
    expect(await rejectionCode(f.service.signOutEverywhere(reporter.user.id, as(xinzhou)))).toBe('FORBIDDEN');
    expect(await f.service.signOutEverywhere(reporter.user.id, as(shanxi))).toBe(1);
    expect(await f.service.authenticate(token)).toBeNull();
    expect(await rejectionCode(f.service.signOutEverywhere(999_999, as(shanxi)))).toBe('USER_NOT_FOUND');
  });

  it('records every write in the audit log: who, when, from where, what, before and after', async () => {
    const entries = await f.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['user.create', 'auth.sign_in', 'auth.sign_out_everywhere']) expect(actions).toContain(action);
    const created = entries.find((e) => e.action === 'user.create' && e.entity_id === String(xinzhou.id));
    expect(created).toMatchObject({
      actor_user_id: shanxi.id,
      actor_ip: IP,
      entity: 'user',
      region_code: '140900',
      before: null,
    });
    expect(created?.after).toMatchObject({ username: 'xinzhou', role: 'city_admin', regionCode: '140900' });
    expect(created?.at.toISOString()).toBe(f.clock.now().toISOString());
    const system = entries.find((e) => e.action === 'user.create' && e.entity_id === String(sysadmin.id));
    expect(system).toMatchObject({ actor_user_id: null, actor_ip: null });
    const named = (e: { after: unknown }) => (e.after as { username?: string } | null)?.username ?? '';
    // A refused write leaves nothing, not even its audit entry.
    expect(entries.filter((e) => ['henan-county', 'xinfu', 'root2'].includes(named(e)))).toEqual([]);
    const users = await f.database.db.selectFrom('users').select('id').execute();
    for (const { id } of users) {
      expect(
        entries.some((e) => e.action === 'user.create' && e.entity_id === String(id)),
        `user ${id}`,
      ).toBe(true);
    }
  });

  it('never writes a password, a hash or a token into the audit log', async () => {
    const text = await f.auditText();
    expect(text).toContain('忻州市教育局规划科'); // the dump holds the entries' JSON, so the search below means something
    expect(text).not.toMatch(/argon2|password_hash|passwordHash/i);
    for (const secret of secrets.filter((s) => s !== '')) expect(text).not.toContain(secret);
  });
});
