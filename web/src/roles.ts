/** What each role sees in the app's menu; the server enforces the permission matrix whatever the menu shows. */
import type { Role } from './api/auth.ts';
import type { Bilingual } from './i18n/index.tsx';

export const ROLE_LABELS: Readonly<Record<Role, Bilingual>> = {
  province_admin: { zh: '省级管理员', en: 'Province administrator' },
  city_admin: { zh: '市级管理员', en: 'City administrator' },
  county_reporter: { zh: '县级填报员', en: 'County reporter' },
  responsible_unit: { zh: '责任单位', en: 'Responsible unit' },
  evaluator: { zh: '督导评估员', en: 'Evaluator' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
};

/** The workspace's sections. */
export type Section = 'overview' | 'plans' | 'data' | 'review' | 'tasks' | 'reports' | 'feedback' | 'users';

const SECTIONS_BY_ROLE: Readonly<Record<Role, readonly Section[]>> = {
  province_admin: ['overview', 'plans', 'data', 'review', 'tasks', 'reports', 'feedback', 'users'],
  // Users belong to the province (DESIGN.md "Who uses it"); the matrix gives a city admin no user.manage.
  city_admin: ['overview', 'plans', 'data', 'review', 'tasks', 'reports', 'feedback'],
  county_reporter: ['overview', 'plans', 'data', 'tasks', 'reports'],
  responsible_unit: ['overview', 'plans', 'tasks', 'reports'],
  evaluator: ['overview', 'plans', 'tasks', 'reports'],
  system_admin: ['overview', 'plans', 'review', 'tasks', 'reports', 'feedback', 'users'],
};

export function sectionsOf(role: Role): readonly Section[] {
  return SECTIONS_BY_ROLE[role];
}
