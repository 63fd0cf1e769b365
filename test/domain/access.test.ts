import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ROLES,
  ACTIONS,
  can,
  canGrantRole,
  PERMISSIONS,
  permissionTable,
  regionRelation,
  RELATIONS,
  ROLES,
} from '../../src/domain/access.ts';
import type { AccessUser } from '../../src/domain/access.ts';

// Ancestry chains as the region tree gives them (region first, then up to the province).
const SHANXI = ['140000'];
const XINZHOU = ['140900', '140000'];
const XINFU = ['140902', '140900', '140000']; // 忻府区, in 忻州
const DINGXIANG = ['140921', '140900', '140000']; // 定襄县, in 忻州
const YANGQUAN = ['140300', '140000'];
const YANGQUAN_CHENGQU = ['140302', '140300', '140000'];
const HENAN = ['410000'];

const province: AccessUser = { role: 'province_admin', regionCode: '140000' };
const city: AccessUser = { role: 'city_admin', regionCode: '140900' };
const county: AccessUser = { role: 'county_reporter', regionCode: '140902' };
const evaluator: AccessUser = { role: 'evaluator', regionCode: '140000' };
const unit: AccessUser = { role: 'responsible_unit', regionCode: '140900' };
const sysadmin: AccessUser = { role: 'system_admin', regionCode: null };

describe('regionRelation', () => {
  it('tells own, child (any depth), parent (any height), other and none apart', () => {
    expect(regionRelation(XINZHOU, XINZHOU)).toBe('own');
    expect(regionRelation(XINZHOU, XINFU)).toBe('child');
    expect(regionRelation(SHANXI, XINFU)).toBe('child');
    expect(regionRelation(XINFU, XINZHOU)).toBe('parent');
    expect(regionRelation(XINFU, SHANXI)).toBe('parent');
    expect(regionRelation(XINFU, DINGXIANG)).toBe('other');
    expect(regionRelation(XINZHOU, YANGQUAN_CHENGQU)).toBe('other');
    expect(regionRelation(SHANXI, HENAN)).toBe('other');
    expect(regionRelation([], XINFU)).toBe('none');
    expect(regionRelation(XINZHOU, [])).toBe('none');
  });
});

describe('the permission matrix', () => {
  const relation = (user: AccessUser, target: string[]) =>
    regionRelation(user.regionCode === null ? [] : chainOf(user.regionCode), target);
  const chainOf = (code: string): string[] =>
    [SHANXI, XINZHOU, XINFU, DINGXIANG, YANGQUAN, YANGQUAN_CHENGQU, HENAN].find((c) => c[0] === code) ?? [];

  it('lets a county reporter enter its own county data, never another county', () => {
    expect(can(county, 'data.enter', relation(county, XINFU))).toBe(true);
    expect(can(county, 'data.enter', relation(county, DINGXIANG))).toBe(false);
    expect(can(county, 'data.enter', relation(county, YANGQUAN_CHENGQU))).toBe(false);
    expect(can(county, 'data.enter', relation(county, XINZHOU))).toBe(false);
    expect(can(county, 'data.approve', relation(county, XINFU))).toBe(false);
  });

  it("lets a city admin approve its counties' data but not another city's, nor its own figures", () => {
    expect(can(city, 'data.approve', relation(city, XINFU))).toBe(true);
    expect(can(city, 'data.approve', relation(city, YANGQUAN_CHENGQU))).toBe(false);
    expect(can(city, 'data.approve', relation(city, YANGQUAN))).toBe(false);
    expect(can(city, 'data.approve', relation(city, XINZHOU))).toBe(false);
    expect(can(city, 'plan.review', relation(city, XINZHOU))).toBe(true);
    expect(can(city, 'plan.read_draft', relation(city, YANGQUAN))).toBe(false);
    expect(can(city, 'plan.publish', relation(city, XINZHOU))).toBe(false);
  });

  it('lets the province admin do everything in its province and nothing in another', () => {
    for (const action of ACTIONS) {
      expect(can(province, action, relation(province, XINFU)), action).toBe(true);
      expect(can(province, action, relation(province, SHANXI)), action).toBe(true);
      expect(can(province, action, relation(province, HENAN)), action).toBe(action === 'plan.read_published');
    }
  });

  it('lets an evaluator read everything in scope and comment, but change nothing', () => {
    for (const target of [SHANXI, XINZHOU, XINFU]) {
      const r = relation(evaluator, target);
      for (const read of ['plan.read_draft', 'data.read', 'audit.read', 'evaluation.comment'] as const) {
        expect(can(evaluator, read, r), read).toBe(true);
      }
      for (const write of ['data.enter', 'data.approve', 'plan.publish', 'plan.import', 'user.manage'] as const) {
        expect(can(evaluator, write, r), write).toBe(false);
      }
    }
    expect(can(evaluator, 'data.read', relation(evaluator, HENAN))).toBe(false);
  });

  it('lets the public read published plans, anywhere, and nothing else', () => {
    for (const rel of RELATIONS) {
      for (const action of ACTIONS) expect(can(null, action, rel)).toBe(action === 'plan.read_published');
    }
  });

  it('lets a responsible unit update its tasks and read published plans only', () => {
    expect(can(unit, 'task.update', 'own')).toBe(true);
    expect(can(unit, 'task.update', 'child')).toBe(false);
    expect(can(unit, 'data.enter', 'own')).toBe(false);
  });

  it('keeps the system administrator to accounts, the audit trail and the catalogue: no official figures', () => {
    expect(can(sysadmin, 'user.manage', 'none')).toBe(true);
    expect(can(sysadmin, 'audit.read', 'none')).toBe(true);
    expect(can(sysadmin, 'data.enter', 'none')).toBe(false);
    expect(can(sysadmin, 'plan.publish', 'none')).toBe(false);
  });

  it('gives every role × action × relation a defined answer, and reading published plans is never denied', () => {
    const table = permissionTable();
    expect(table).toHaveLength(ROLES.length * ACTIONS.length * RELATIONS.length);
    expect(new Set(table.map((p) => `${p.role}/${p.action}/${p.relation}`)).size).toBe(table.length);
    for (const role of ROLES) {
      expect(Object.keys(PERMISSIONS[role]).sort()).toEqual([...ACTIONS].sort());
      for (const action of ACTIONS) {
        expect(PERMISSIONS[role][action].every((r) => (RELATIONS as readonly string[]).includes(r))).toBe(true);
      }
    }
    expect(table.filter((p) => p.action === 'plan.read_published').every((p) => p.allowed)).toBe(true);
  });

  it('never lets anyone but the province, from inside it, publish', () => {
    const publishers = permissionTable().filter((p) => p.allowed && p.action.endsWith('.publish'));
    expect(new Set(publishers.map((p) => `${p.role}:${p.relation}`))).toEqual(
      new Set(['province_admin:own', 'province_admin:child']),
    );
  });

  it('lets nobody but the system administrator grant the system administrator role', () => {
    expect(canGrantRole(sysadmin, 'system_admin')).toBe(true);
    expect(canGrantRole(province, 'system_admin')).toBe(false);
    expect(canGrantRole(province, 'county_reporter')).toBe(true);
    for (const role of ACCOUNT_ROLES.filter((r) => r !== 'province_admin' && r !== 'system_admin')) {
      expect(canGrantRole({ role, regionCode: '140900' }, 'county_reporter'), role).toBe(false);
    }
  });
});
