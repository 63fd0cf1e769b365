/** The plan screens' labels for the server's codes (status, 属性, mechanisms, match methods), in both languages. */
import type { Comparator, IndicatorAttribute, MatchMethod, MechanismKind } from '../../api/plan-detail.ts';
import type { PlanStatus } from '../../api/plans.ts';
import type { Bilingual } from '../../i18n/index.tsx';

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, Bilingual>> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '已替代', en: 'Superseded' },
};

export const ATTRIBUTE_LABELS: Readonly<Record<IndicatorAttribute, Bilingual>> = {
  binding: { zh: '约束性', en: 'Binding' },
  expected: { zh: '预期性', en: 'Expected' },
};

export const MECHANISM_LABELS: Readonly<Record<MechanismKind, Bilingual>> = {
  'task-assignment': { zh: '分工方案', en: 'Task assignment' },
  schedule: { zh: '时间表与路线图', en: 'Schedule' },
  'annual-monitoring': { zh: '年度监测', en: 'Annual monitoring' },
  'mid-term-evaluation': { zh: '中期评估', en: 'Mid-term evaluation' },
  'final-evaluation': { zh: '总结评估', en: 'Final evaluation' },
  inspection: { zh: '督导检查', en: 'Inspection' },
  publication: { zh: '信息公开', en: 'Publication' },
  checklist: { zh: '清单管理', en: 'Checklists' },
  'red-black-list': { zh: '红黑榜', en: 'Red and black lists' },
  'third-party-evaluation': { zh: '第三方评估', en: 'Third-party evaluation' },
  accountability: { zh: '考核问责', en: 'Accountability' },
  'annual-report': { zh: '年度报告', en: 'Annual report' },
};

export const MATCH_METHOD_LABELS: Readonly<Record<MatchMethod, Bilingual>> = {
  exact: { zh: '名称一致', en: 'Exact name' },
  synonym: { zh: '同义名称', en: 'Synonym' },
  fuzzy: { zh: '近似匹配', en: 'Approximate' },
  none: { zh: '未匹配', en: 'Unmatched' },
  manual: { zh: '人工指定', en: 'Chosen by a reviewer' },
};

export const COMPARATOR_SYMBOLS: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** Matches the server must see confirmed before it publishes (plan-content.repository.ts findPendingReview). */
export function needsReview(method: MatchMethod): boolean {
  return method === 'fuzzy' || method === 'none';
}
