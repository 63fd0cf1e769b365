/**
 * A batch of reported figures checked before anything is stored: every region and indicator resolved, every value
 * parsed, converted to its indicator's unit and checked (range, year in the plan period, numerator <= denominator,
 * the jump from last year), every existing figure's status respected. All problems are collected, each with its
 * place (file, sheet, row, column, or the item of an API batch), so one answer lists everything to fix.
 */
import type { Observation, ObservationStatus, Qualifier } from '../db/observation.schema.ts';
import type { ObservationKey, ObservationRepository, StoredFigure, StoredValue } from '../db/observation.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Region } from '../db/schema.ts';
import { checkJump, checkRange, checkShares, checkYear, toSubjectUnit } from '../domain/observations/checks.ts';
import type { CheckedColumn, DataProblem, YearRange } from '../domain/observations/checks.ts';
import type { Subject, SubjectRegistry } from '../domain/observations/subjects.ts';
import { revisionOf } from '../domain/observations/workflow.ts';
import type { ErrorDetail, ErrorLocation } from './errors.ts';
import { regionChain } from './scope.ts';

/** One figure as sent: through the API (typed) or read from a file (text); `at` says where it came from. */
export interface ReportedFigure {
  readonly at: ErrorLocation;
  /** How each column is named where the figure came from ("I 本年数值" in a sheet, "items.3.value" in the API). */
  readonly columns: Partial<Record<CheckedColumn, string>>;
  /** A six-digit code or a name (忻州市). */
  readonly region: string;
  /** An indicator or data element id, or its name. */
  readonly subject: string;
  readonly year: number | string;
  readonly value: number | string;
  readonly unit?: string | null;
  readonly qualifier?: Qualifier | null;
  readonly source?: string | null;
  readonly quote?: string | null;
  readonly note?: string | null;
  readonly comment?: string | null;
  /** 更正原因: required to change an approved or published figure. */
  readonly reason?: string | null;
}

/** A figure that passed every check, ready to store. */
export interface CheckedFigure {
  readonly at: ErrorLocation;
  readonly key: ObservationKey;
  readonly subject: Subject;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly source: string | null;
  readonly quote: string | null;
  readonly note: string | null;
  readonly comment: string | null;
  readonly reason: string | null;
  /** The warnings it passed with (a jump explained by its comment). */
  readonly warnings: readonly ErrorDetail[];
}

export interface BatchCheck {
  readonly figures: readonly CheckedFigure[];
  readonly problems: readonly ErrorDetail[];
  /** The regions the batch writes to, for the access check. */
  readonly regions: readonly Region[];
}

export interface BatchContext {
  readonly regions: RegionRepository;
  readonly observations: ObservationRepository;
  readonly subjects: SubjectRegistry;
  /**
   * Published statistics are loaded whatever the plan periods (全国 has no plan); everything people report must
   * fall in the period of a plan that applies.
   */
  readonly checkPeriod: boolean;
}

const REGION_CODE = /^\d{6}$/;
const trimmed = (text: string | null | undefined): string | null =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

function detail(figure: ReportedFigure, problem: DataProblem, severity = problem.severity): ErrorDetail {
  const column = figure.columns[problem.column];
  const at: ErrorLocation = { ...figure.at, ...(column === undefined ? {} : { column }) };
  return { code: problem.code, severity, messages: problem.messages, at };
}

const problem = (code: string, column: CheckedColumn, zh: string, en: string): DataProblem => ({
  severity: 'error',
  code,
  column,
  messages: { zh, en },
});

/** A number as people type it: "96.1", "1,234", " 96.1 % "; null for anything else (formulas, text, #DIV/0!). */
export function parseNumber(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const plain = value.normalize('NFKC').replace(/[\s,]/gu, '').replace(/%$/u, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/u.test(plain)) return null;
  return Number(plain);
}

function parseYear(year: number | string): number | null {
  const value = typeof year === 'number' ? year : Number(year.trim().replace(/年$/u, ''));
  return Number.isInteger(value) && value >= 1949 && value <= 2100 ? value : null;
}

/** Reads every figure of a batch against the regions, the catalogue, the plans and what is stored. */
export async function checkBatch(batch: readonly ReportedFigure[], context: BatchContext): Promise<BatchCheck> {
  const problems: ErrorDetail[] = [];
  const regionCache = new Map<string, Region | DataProblem>();
  const resolved: {
    figure: ReportedFigure;
    region: Region;
    subject: Subject;
    year: number;
    value: number;
  }[] = [];

  for (const figure of batch) {
    const found: DataProblem[] = [];
    const region = await resolveRegion(figure.region, context.regions, regionCache);
    if ('code' in region && 'severity' in region) found.push(region);
    const subject = context.subjects.byId(figure.subject.trim()) ?? context.subjects.byName(figure.subject);
    if (subject === undefined) {
      found.push(
        problem(
          'UNKNOWN_INDICATOR',
          'subjectId',
          `指标或数据项“${figure.subject}”不在指标目录中：请使用模板中的指标代码，或按目录中的名称填写`,
          `"${figure.subject}" is not an indicator or data element of the catalogue: use the code the template gives, or the catalogue's name`,
        ),
      );
    }
    const year = parseYear(figure.year);
    if (year === null) {
      found.push(
        problem(
          'YEAR_INVALID',
          'year',
          `年份“${String(figure.year)}”无效：请填四位数年份，如 2024`,
          `The year "${String(figure.year)}" is not valid: give four digits, e.g. 2024`,
        ),
      );
    }
    const number = parseNumber(figure.value);
    if (number === null) {
      found.push(
        problem(
          'VALUE_NOT_A_NUMBER',
          'value',
          `数值“${String(figure.value)}”不是数字：请只填数字（不要公式、文字或单位）`,
          `"${String(figure.value)}" is not a number: enter digits only (no formula, text or unit)`,
        ),
      );
    }
    if (found.length > 0 || subject === undefined || year === null || number === null || !('level' in region)) {
      problems.push(...found.map((one) => detail(figure, one)));
      continue;
    }
    const converted = toSubjectUnit(
      number,
      trimmed(figure.unit) ?? (/%\s*$/u.test(String(figure.value)) ? '%' : null),
      subject,
    );
    if ('problem' in converted) {
      problems.push(detail(figure, converted.problem));
      continue;
    }
    const range = checkRange(converted.value, subject);
    if (range.length > 0) {
      problems.push(...range.map((one) => detail(figure, one)));
      continue;
    }
    resolved.push({ figure, region, subject, year, value: converted.value });
  }

  const figures: CheckedFigure[] = [];
  const seen = new Map<string, ReportedFigure>();
  const years = new Map<string, YearRange | null>();
  const stored = new Map<string, Map<string, number>>();
  const keyOf = ({ region, subject, year }: (typeof resolved)[number]): ObservationKey => ({
    regionCode: region.code,
    subjectKind: subject.kind,
    subjectId: subject.id,
    year,
  });
  // What is stored, in one query; and what the batch itself says of each year, so a file of several years is
  // checked year on year against its own figures.
  const heads = new Map(
    (await context.observations.findByKeys(resolved.map(keyOf))).map((head) => [keyId(headKey(head)), head]),
  );
  const batchValues = new Map(resolved.map((one) => [keyId(keyOf(one)), one.value]));

  for (const one of resolved) {
    const { figure, region, subject, year, value } = one;
    const key = keyOf(one);
    const id = keyId(key);
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(
        detail(
          figure,
          problem(
            'DUPLICATE_FIGURE',
            'subjectId',
            `同一地区、指标和年份重复填报（与${where(first.at)}重复）：请只保留一行`,
            `The same region, indicator and year appear twice (see ${whereEn(first.at)}): keep one row`,
          ),
        ),
      );
      continue;
    }
    seen.set(id, figure);
    const found: DataProblem[] = [];
    if (context.checkPeriod) {
      if (!years.has(region.code)) {
        years.set(
          region.code,
          await context.observations.coveredYears(await regionChain(context.regions, region.code)),
        );
      }
      found.push(...checkYear(year, years.get(region.code) ?? null));
    }
    const previous =
      batchValues.get(keyId({ ...key, year: year - 1 })) ??
      (await storedOf(context.observations, stored, region.code, year - 1)).get(subject.id);
    const jumps = checkJump(value, previous === undefined ? null : { year: year - 1, value: previous }, subject);
    const comment = trimmed(figure.comment);
    const warnings: ErrorDetail[] = [];
    for (const jump of jumps) {
      if (comment === null) found.push({ ...jump, severity: 'error', code: 'JUMP_NEEDS_COMMENT' });
      else warnings.push(detail(figure, jump));
    }
    const head = heads.get(id);
    const reason = trimmed(figure.reason);
    const candidate = {
      value,
      qualifier: figure.qualifier ?? 'exact',
      source: trimmed(figure.source),
      note: trimmed(figure.note),
    };
    if (head !== undefined && !sameAsStored(head, candidate)) found.push(...statusProblems(head.status, reason));
    if (found.length > 0) {
      problems.push(...found.map((one) => detail(figure, one)));
      continue;
    }
    figures.push({
      at: figure.at,
      key,
      subject,
      value,
      qualifier: figure.qualifier ?? 'exact',
      source: trimmed(figure.source),
      quote: trimmed(figure.quote),
      note: trimmed(figure.note),
      comment,
      reason,
      warnings,
    });
  }

  problems.push(...(await shareProblems(figures, batch, context, stored)));
  const regions = [...new Map(resolved.map(({ region }) => [region.code, region])).values()];
  return { figures, problems, regions };
}

/** The parts of a figure that make it a new version when they change. */
export interface FigureContent {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly source: string | null;
  readonly note: string | null;
}

/** Whether a figure says what its current version says (then nothing is stored: re-sending a file is harmless). */
export function sameAsStored(head: StoredFigure, figure: FigureContent): boolean {
  return (
    head.current_value === figure.value &&
    head.current_qualifier === figure.qualifier &&
    head.current_source === figure.source &&
    head.current_note === figure.note
  );
}

/** The key a stored head was stored under. */
export const headKey = (
  head: Pick<Observation, 'region_code' | 'subject_kind' | 'subject_id' | 'year'>,
): ObservationKey => ({
  regionCode: head.region_code,
  subjectKind: head.subject_kind,
  subjectId: head.subject_id,
  year: head.year,
});

// A submitted figure waits for its reviewer; an approved or published one changes only with a reason. (A value
// identical to the stored one passes: the service stores nothing for it, so a re-sent file is harmless.)
function statusProblems(status: ObservationStatus, reason: string | null): DataProblem[] {
  const revision = revisionOf(status);
  if (revision.kind === 'refused') {
    return [
      problem(
        'OBSERVATION_UNDER_REVIEW',
        'value',
        '该数据已提交，正在审核：如需修改，请请审核人退回后再改',
        'This figure is submitted and under review: ask the reviewer to return it before changing it',
      ),
    ];
  }
  if (revision.kind === 'correct' && reason === null) {
    return [
      problem(
        'CORRECTION_NEEDS_REASON',
        'reason',
        '该数据已审核或已发布，修改即为更正：请填写更正原因，更正后须重新审核',
        'This figure is approved or published, so a change is a correction: give the reason; it will be approved again',
      ),
    ];
  }
  return [];
}

async function resolveRegion(
  text: string,
  regions: RegionRepository,
  cache: Map<string, Region | DataProblem>,
): Promise<Region | DataProblem> {
  const key = text.trim();
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let result: Region | DataProblem;
  if (REGION_CODE.test(key)) {
    result =
      (await regions.findByCode(key)) ??
      problem(
        'UNKNOWN_REGION',
        'regionCode',
        `行政区划代码 ${key} 不存在或已停用：请核对`,
        `Region code ${key} is not in use: check it`,
      );
  } else {
    const named = key === '' ? [] : await regions.findByName(key);
    const [only] = named;
    result =
      named.length === 1 && only !== undefined
        ? only
        : problem(
            named.length > 1 ? 'AMBIGUOUS_REGION' : 'UNKNOWN_REGION',
            'regionCode',
            named.length > 1
              ? `地区名称“${key}”对应多个区划（${named.map((region) => region.code).join('、')}）：请填写区划代码`
              : `找不到地区“${key}”：请填写六位行政区划代码`,
            named.length > 1
              ? `The region name "${key}" fits several codes (${named.map((region) => region.code).join(', ')}): give the code`
              : `No region is called "${key}": give the six-digit region code`,
          );
  }
  cache.set(key, result);
  return result;
}

async function storedOf(
  observations: ObservationRepository,
  cache: Map<string, Map<string, number>>,
  regionCode: string,
  year: number,
): Promise<Map<string, number>> {
  const id = `${regionCode}:${year}`;
  let values = cache.get(id);
  if (values === undefined) {
    const rows: StoredValue[] = await observations.currentValues(regionCode, year);
    values = new Map(rows.map((row) => [row.subject_id, row.value]));
    cache.set(id, values);
  }
  return values;
}

// Numerator <= denominator over what the batch reports and what is already stored for the same region and year.
async function shareProblems(
  figures: readonly CheckedFigure[],
  batch: readonly ReportedFigure[],
  context: BatchContext,
  stored: Map<string, Map<string, number>>,
): Promise<ErrorDetail[]> {
  const groups = new Map<string, CheckedFigure[]>();
  for (const figure of figures) {
    const id = `${figure.key.regionCode}:${figure.key.year}`;
    groups.set(id, [...(groups.get(id) ?? []), figure]);
  }
  const problems: ErrorDetail[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const values = new Map(await storedOf(context.observations, stored, first.key.regionCode, first.key.year));
    for (const figure of group) values.set(figure.subject.id, figure.value);
    const found = checkShares(
      [...values].map(([subjectId, value]) => ({ subjectId, value })),
      context.subjects,
    );
    for (const share of found) {
      // Reported on the numerator where the batch holds it, else on the denominator it was compared with.
      const figure =
        group.find((one) => one.subject.id === share.numeratorId) ??
        group.find((one) => one.subject.id === share.denominatorId);
      const reported = figure === undefined ? undefined : batch.find((one) => one.at === figure.at);
      if (reported !== undefined) problems.push(detail(reported, share.problem));
    }
  }
  return problems;
}

export const keyId = (key: ObservationKey): string =>
  `${key.regionCode}:${key.subjectKind}:${key.subjectId}:${key.year}`;

/** Where a figure came from, in Chinese: "第 5 行" or "第 3 项". */
function where(at: ErrorLocation): string {
  if (at.row !== undefined) return `第 ${at.row} 行`;
  return at.item === undefined ? '前一项' : `第 ${at.item + 1} 项`;
}

function whereEn(at: ErrorLocation): string {
  if (at.row !== undefined) return `row ${at.row}`;
  return at.item === undefined ? 'an earlier item' : `item ${at.item + 1}`;
}
