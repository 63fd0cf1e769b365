import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, can, permissionTable } from '../../src/domain/access.ts';

describe('feedback.moderate in the permission matrix', () => {
  it('reaches the province and city administrators of the plan’s region and above, and the operator anywhere', () => {
    const allowed = permissionTable()
      .filter((cell) => cell.action === 'feedback.moderate' && cell.allowed)
      .map((cell) => `${cell.role}:${cell.relation}`);
    expect(new Set(allowed)).toEqual(
      new Set([
        'province_admin:own',
        'province_admin:child',
        'city_admin:own',
        'city_admin:child',
        'system_admin:own',
        'system_admin:child',
        'system_admin:parent',
        'system_admin:other',
        'system_admin:none',
      ]),
    );
  });

  it('gives no one else, and not the public, the inbox', () => {
    for (const role of ACCOUNT_ROLES.filter((r) => !['province_admin', 'city_admin', 'system_admin'].includes(r))) {
      expect(can({ role, regionCode: '140900' }, 'feedback.moderate', 'own'), role).toBe(false);
    }
    expect(can(null, 'feedback.moderate', 'none')).toBe(false);
    expect(can({ role: 'city_admin', regionCode: '140900' }, 'feedback.moderate', 'other')).toBe(false);
    expect(can({ role: 'city_admin', regionCode: '140900' }, 'feedback.moderate', 'parent')).toBe(false);
  });
});
