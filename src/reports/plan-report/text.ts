/**
 * How a report writes numbers, years, dates and names in Chinese: figures as the plan prints them (a computed one to
 * four significant digits, never a long binary tail), "十四五" for a 2021-2025 plan, "2024年度监测报告".
 */
import type { Comparator } from '../../ingest/types.ts';
import { COMPARATOR_SYMBOLS } from '../../domain/progress/comparator.ts';
import { formatValue } from '../../domain/progress/format.ts';
import type { ReportKind, ReportPlanHeader } from './types.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 to 99 in Chinese numerals, as headings and five-year plans are numbered.
 * @example chineseNumber(14) // '十四'
 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens] ?? ''}十`;
  return `${head}${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/**
 * The five-year plan a period is ("十四五" for 2021-2025), or null for another span. The third plan began in 1966,
 * after the 1963-1965 adjustment; every one since runs five years.
 */
export function termName(period: { start: number; end: number }): string | null {
  const offset = period.start - 1966;
  if (period.end !== period.start + 4 || offset < 0 || offset % 5 !== 0) return null;
  return `${chineseNumber(offset / 5 + 3)}五`;
}

/** The plan's title, or one made from its region and period when the reader found none. */
export function planTitle(plan: ReportPlanHeader): string {
  if (plan.title !== null && plan.title.trim() !== '') return plan.title.trim();
  const term = termName(plan.period);
  const when = term === null ? `${String(plan.period.start)}—${String(plan.period.end)}年` : `“${term}”`;
  return `${plan.region.name ?? plan.region.code}${when}教育事业发展规划`;
}

/** The report's own name: "2024年度监测报告", "中期评估报告", "总结评估报告". */
export function kindTitle(kind: ReportKind, year: number): string {
  switch (kind) {
    case 'annual':
      return `${String(year)}年度监测报告`;
    case 'midterm':
      return '中期评估报告';
    case 'final':
      return '总结评估报告';
  }
}

/** A file name without extension: region code, region, term, year and report. */
export function fileStem(kind: ReportKind, year: number, plan: ReportPlanHeader): string {
  const term = termName(plan.period) ?? `${String(plan.period.start)}-${String(plan.period.end)}`;
  const report = kind === 'annual' ? kindTitle(kind, year) : `${String(year)}年${kindTitle(kind, year)}`;
  const stem = [plan.region.code, plan.region.name ?? '', term, report].filter((part) => part !== '').join('-');
  // A region name or title from a document could hold a path separator or a control character.
  return stem.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
}

/**
 * A figure with its unit. Reported figures print as given; a computed one (a ratio summed from the regions below,
 * a projection) gets four significant digits, as a statistical table would print it.
 */
export function figure(value: number, unit: string, computed = false): string {
  const shown = computed && Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
  return formatValue(shown, unit);
}

/** "≥96.5%" from the deciding comparator; the bare figure without one. */
export function targetFigure(value: number, comparator: Comparator | null, unit: string): string {
  return `${comparator === null ? '' : COMPARATOR_SYMBOLS[comparator]}${figure(value, unit)}`;
}

/** A share as a percentage without decimals: 0.8 → "80%". */
export const percent = (share: number): string => `${String(Math.round(share * 100))}%`;

/** A ratio to two decimals, as the explanations print p, e and R. */
export const twoPlaces = (value: number): string => value.toFixed(2);

/** The day in China, whatever the server's time zone: "2026年11月23日". */
export function chineseDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((one) => one.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** Names joined the Chinese way: "太原市、大同市和阳泉市"; "无" for none. */
export function joinNames(names: readonly string[]): string {
  if (names.length === 0) return '无';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1] ?? ''}`;
}
