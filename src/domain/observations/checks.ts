/**
 * The checks a reported figure passes before anything is stored (DESIGN.md: range, numerator <= denominator,
 * year-on-year jumps), as pure functions. Each problem names the column at fault and says what to do, in Chinese
 * and English; the service adds the file, sheet and row.
 */
import { unitFactor } from '../catalogue/units.ts';
import type { Subject, SubjectRegistry } from './subjects.ts';

/** The columns of a reported figure a problem can point at (the template's column keys). */
export type CheckedColumn = 'regionCode' | 'subjectId' | 'year' | 'value' | 'unit' | 'qualifier' | 'comment' | 'reason';

/**
 * 'error': the figure is refused. 'warning': it is stored only with an explanation (变动说明); without one the
 * service refuses it like an error, saying that a comment is what it needs.
 */
export type Severity = 'error' | 'warning';

export interface DataProblem {
  readonly severity: Severity;
  readonly code: string;
  readonly column: CheckedColumn;
  readonly messages: { readonly zh: string; readonly en: string };
}

/**
 * How far a figure may move from last year before it needs an explanation: 10 percentage points for a share, a
 * quarter of last year's value for anything else. Large enough for real year-to-year change (a new county's
 * kindergartens), small enough to catch a value typed in the wrong unit or with a misplaced decimal point.
 */
export const JUMP_THRESHOLD = { percentagePoints: 10, relative: 0.25 } as const;

const problem = (severity: Severity, code: string, column: CheckedColumn, zh: string, en: string): DataProblem => ({
  severity,
  code,
  column,
  messages: { zh, en },
});

const show = (value: number): string => String(Number(value.toPrecision(12)));

/** The value in the subject's unit, or a problem when the reported unit measures something else. */
export function toSubjectUnit(
  value: number,
  unit: string | null,
  subject: Subject,
): { value: number } | { problem: DataProblem } {
  if (unit === null || unit.trim() === '') return { value };
  const factor = unitFactor(unit, subject.unit);
  if (factor === null) {
    return {
      problem: problem(
        'error',
        'UNIT_MISMATCH',
        'unit',
        `单位“${unit}”与“${subject.name}”的单位“${subject.unit}”不符：请按 ${subject.unit} 填报`,
        `The unit "${unit}" does not fit ${subject.nameEn}, measured in ${subject.unit}: report it in ${subject.unit}`,
      ),
    };
  }
  return { value: Number((value * factor).toPrecision(12)) };
}

/** The range check: a share above 100 (gross rates excepted), a negative count, a fractional head count. */
export function checkRange(value: number, subject: Subject): DataProblem[] {
  const problems: DataProblem[] = [];
  const range = `${subject.min === null ? '' : `≥ ${show(subject.min)}`}${subject.max === null ? '' : ` 且 ≤ ${show(subject.max)}`}`;
  if ((subject.min !== null && value < subject.min) || (subject.max !== null && value > subject.max)) {
    problems.push(
      problem(
        'error',
        'VALUE_OUT_OF_RANGE',
        'value',
        `“${subject.name}”为 ${show(value)}${subject.unit}，超出可能范围（${range.trim()}）：请核对数值和单位`,
        `${subject.nameEn} = ${show(value)} ${subject.unit} is outside the possible range (${range.replace('且', 'and').trim()}): check the value and its unit`,
      ),
    );
  }
  if (subject.integer && !Number.isInteger(value)) {
    problems.push(
      problem(
        'error',
        'VALUE_NOT_WHOLE',
        'value',
        `“${subject.name}”以${subject.unit}计，须为整数（填报值 ${show(value)}）：请核对`,
        `${subject.nameEn} is counted in ${subject.unit} and must be a whole number (got ${show(value)})`,
      ),
    );
  }
  return problems;
}

/** The years a region reports for: from the plans' baseline year (the year before the period) to their last year. */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** The year check against the periods of the plans that apply. */
export function checkYear(year: number, range: YearRange | null): DataProblem[] {
  if (range === null) {
    return [
      problem(
        'error',
        'NO_PLAN_APPLIES',
        'regionCode',
        `${year}年没有适用于该地区的已发布规划，无需填报：请核对地区代码和年份`,
        `No published plan applies to this region in ${year}, so nothing is due: check the region code and the year`,
      ),
    ];
  }
  if (year >= range.from && year <= range.to) return [];
  return [
    problem(
      'error',
      'YEAR_OUTSIDE_PERIOD',
      'year',
      `${year}年不在规划期内（可填 ${range.from}–${range.to} 年，含基期年）：请核对年份`,
      `${year} is outside the plan period (${range.from}-${range.to}, baseline year included): check the year`,
    ),
  ];
}

/** The jump check: a warning, which an explanation (变动说明) answers. */
export function checkJump(
  value: number,
  previous: { year: number; value: number } | null,
  subject: Subject,
): DataProblem[] {
  if (previous === null) return [];
  const change = value - previous.value;
  const jumped =
    subject.unit === '%'
      ? Math.abs(change) > JUMP_THRESHOLD.percentagePoints
      : previous.value !== 0 && Math.abs(change) / Math.abs(previous.value) > JUMP_THRESHOLD.relative;
  if (!jumped) return [];
  const limit =
    subject.unit === '%' ? `${JUMP_THRESHOLD.percentagePoints}个百分点` : `${JUMP_THRESHOLD.relative * 100}%`;
  const limitEn =
    subject.unit === '%' ? `${JUMP_THRESHOLD.percentagePoints} percentage points` : `${JUMP_THRESHOLD.relative * 100}%`;
  return [
    problem(
      'warning',
      'JUMP_FROM_LAST_YEAR',
      'comment',
      `“${subject.name}”由${previous.year}年的 ${show(previous.value)} 变为 ${show(value)}，变动超过${limit}：请核对，确认无误请在“变动说明”中说明原因`,
      `${subject.nameEn} moved from ${show(previous.value)} (${previous.year}) to ${show(value)}, more than ${limitEn}: check it, and if it is right explain why in the comment column`,
    ),
  ];
}

/** A figure of one region and year, for the checks across figures. */
export interface FigureOfYear {
  readonly subjectId: string;
  readonly value: number;
}

/** A numerator above its denominator: which two elements, and the problem to report on either. */
export interface ShareProblem {
  readonly numeratorId: string;
  readonly denominatorId: string;
  readonly problem: DataProblem;
}

/**
 * Numerator <= denominator for every bounded share whose two elements are both known for a region and year (reported
 * together, or one reported and the other already stored).
 */
export function checkShares(figures: readonly FigureOfYear[], registry: SubjectRegistry): ShareProblem[] {
  const values = new Map(figures.map((figure) => [figure.subjectId, figure.value]));
  const problems: ShareProblem[] = [];
  for (const subject of registry.subjects) {
    if (!subject.boundedShare || subject.aggregation.method !== 'ratio') continue;
    const { numerator, denominator } = subject.aggregation;
    const top = inElementUnit(values.get(numerator.id), numerator.id, numerator.unit, registry);
    const bottom = inElementUnit(values.get(denominator.id), denominator.id, denominator.unit, registry);
    if (top === undefined || bottom === undefined || top <= bottom) continue;
    problems.push({
      numeratorId: numerator.id,
      denominatorId: denominator.id,
      problem: problem(
        'error',
        'NUMERATOR_ABOVE_DENOMINATOR',
        'value',
        `“${numerator.name}”（${show(top)}）大于“${denominator.name}”（${show(bottom)}），而“${subject.name}”不能超过100%：请核对这两个数`,
        `${numerator.nameEn} (${show(top)}) exceeds ${denominator.nameEn} (${show(bottom)}), but ${subject.nameEn} cannot pass 100%: check both figures`,
      ),
    });
  }
  return problems;
}

/** A stored value in the element's own unit (the series may be held in an entry's unit: 万人 for 人). */
export function inElementUnit(
  value: number | undefined,
  elementId: string,
  elementUnit: string,
  registry: SubjectRegistry,
): number | undefined {
  if (value === undefined) return undefined;
  const stored = registry.byId(elementId)?.unit ?? elementUnit;
  const factor = unitFactor(stored, elementUnit);
  return factor === null ? undefined : value * factor;
}
