/**
 * A batch of reported figures checked before anything is stored: every region and indicator resolved, every value
 * parsed, converted to its indicator's unit and checked (range, year in the plan period, numerator <= denominator,
 * the jump from last year), every existing figure's status respected. All problems are collected, each with its
 * place (file, sheet, row, column, or the item of an API batch), so one answer lists everything to fix.
 */
import type { Observation, ObservationStatus, Qualifier } from '../db/observation.schema.ts';
import type { ObservationKey, ObservationRepository, StoredFigure } from '../db/observation.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Region } from '../db/schema.ts';
import { checkJump, checkRange, checkYear, toSubjectUnit } from '../domain/observations/checks.ts';
import type { CheckedColumn, DataProblem, YearRange } from '../domain/observations/checks.ts';
import type { Subject, SubjectRegistry } from '../domain/observations/subjects.ts';
import { revisionOf } from '../domain/observations/workflow.ts';
import type { ErrorDetail, ErrorLocation } from './errors.ts';
import { loadYears, resolveRegions, storedValues, valueOf } from './observation.lookups.ts';
import type { StoredValues } from './observation.lookups.ts';
import { detail, problem } from './observation.problems.ts';
import { shareProblems } from './observation.shares.ts';

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
  readonly columns: Partial<Record<CheckedColumn, string>>;
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
  /** Lock the stored figures read (inside the transaction that stores them, as a streamed file is checked). */
  readonly lock?: boolean;
}

const trimmed = (text: string | null | undefined): string | null =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

const duplicate = (first: ErrorLocation): DataProblem =>
  problem(
    'DUPLICATE_FIGURE',
    'subjectId',
    `同一地区、指标和年份重复填报（与${where(first)}重复）：请只保留一行`,
    `The same region, indicator and year appear twice (see ${whereEn(first)}): keep one row`,
  );

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

/**
 * What checking remembers from one chunk of a file to the next (for a batch, from nothing): regions resolved, the
 * years each region's plans cover, and every figure seen so far, for the duplicate check.
 */
export interface CheckMemory {
  readonly regions: Map<string, Region | DataProblem>;
  readonly years: Map<string, YearRange | null>;
  readonly seen: SeenFigures;
}

/** An earlier figure of the same file or batch: where it was, and whether it came with a 变动说明. */
export interface SeenFigure {
  readonly at: ErrorLocation;
  readonly commented: boolean;
}

/** The keys of the figures checked so far (a file's may be a million: see observation.seen.ts). */
export interface SeenFigures {
  get(key: ObservationKey, subject: Subject): SeenFigure | undefined;
  add(key: ObservationKey, subject: Subject, figure: SeenFigure): void;
}

/** A batch's memory: a plain map (a batch holds at most 10,000 figures). */
export function batchMemory(): CheckMemory {
  const seen = new Map<string, SeenFigure>();
  return {
    regions: new Map(),
    years: new Map(),
    seen: { get: (key) => seen.get(keyId(key)), add: (key, _subject, figure) => seen.set(keyId(key), figure) },
  };
}

/** Reads every figure of a batch against the regions, the catalogue, the plans and what is stored. */
export async function checkBatch(batch: readonly ReportedFigure[], context: BatchContext): Promise<BatchCheck> {
  const check = await checkChunk(batch, context, batchMemory());
  const problems = [...check.problems, ...shareProblems(check.figures, check.stored, context.subjects)];
  return { figures: check.figures, problems, regions: check.regions };
}

/** A figure whose region, subject, year and value were read: what the checks against the database start from. */
export interface Resolved {
  readonly figure: ReportedFigure;
  readonly region: Region;
  readonly subject: Subject;
  readonly key: ObservationKey;
  readonly value: number;
}

/** A chunk checked, with the stored values it was checked against (by region and year) for the share check. */
export interface ChunkCheck extends BatchCheck {
  readonly stored: StoredValues;
  /** The stored figures of the chunk's keys, by keyId. */
  readonly heads: ReadonlyMap<string, StoredFigure>;
}

/**
 * Checks one chunk of a file (or a whole batch) with set-based reads: the regions, the stored figures of its keys,
 * the plans of its regions and the stored values of its region-years, one statement each. Inside the transaction
 * of a streamed file those reads see the earlier chunks, so a jump or a share across chunks is still checked; the
 * share check itself is left to the caller (shareProblems), which runs it once the values it compares are final.
 */
export async function checkChunk(
  batch: readonly ReportedFigure[],
  context: BatchContext,
  memory: CheckMemory,
): Promise<ChunkCheck> {
  await resolveRegions(batch, context, memory.regions);
  const problems: ErrorDetail[] = [];
  const resolved: Resolved[] = [];
  for (const figure of batch) {
    const one = checkFields(figure, context.subjects, memory.regions);
    if ('figure' in one) resolved.push(one);
    else problems.push(...one);
  }
  if (context.checkPeriod) await loadYears(resolved, context.observations, memory.years);
  const chunkValues = new Map(resolved.map((one) => [keyId(one.key), one.value]));
  // Figures of the next year seen in an earlier chunk: their jump from this year is checked here, whatever the order.
  const later = new Map<Resolved, SeenFigure>();
  for (const one of resolved) {
    const next = { ...one.key, year: one.key.year + 1 };
    const seen = chunkValues.has(keyId(next)) ? undefined : memory.seen.get(next, one.subject);
    if (seen !== undefined) later.set(one, seen);
  }
  const [heads, stored] = await Promise.all([
    context.observations.findByKeys(
      resolved.map((one) => one.key),
      { lock: context.lock === true },
    ),
    storedValues(context.observations, resolved, later),
  ]);
  const headOf = new Map(heads.map((head) => [keyId(headKey(head)), head]));

  const figures: CheckedFigure[] = [];
  for (const one of resolved) {
    const { figure, key, subject, value } = one;
    const first = memory.seen.get(key, subject);
    if (first !== undefined) {
      problems.push(detail(figure, duplicate(first.at)));
      continue;
    }
    const comment = trimmed(figure.comment);
    memory.seen.add(key, subject, { at: figure.at, commented: comment !== null });
    const found: DataProblem[] = [];
    if (context.checkPeriod) found.push(...checkYear(key.year, memory.years.get(key.regionCode) ?? null));
    const previous = chunkValues.get(keyId({ ...key, year: key.year - 1 })) ?? valueOf(stored, key, key.year - 1);
    const warnings: ErrorDetail[] = [];
    for (const jump of checkJump(
      value,
      previous === undefined ? null : { year: key.year - 1, value: previous },
      subject,
    )) {
      if (comment === null) found.push({ ...jump, severity: 'error', code: 'JUMP_NEEDS_COMMENT' });
      else warnings.push(detail(figure, jump));
    }
    const next = later.get(one);
    const nextValue = valueOf(stored, key, key.year + 1);
    if (next !== undefined && nextValue !== undefined) {
      for (const jump of checkJump(nextValue, { year: key.year, value }, subject)) {
        const at = { at: next.at, columns: figure.columns };
        if (next.commented) warnings.push(detail(at, jump));
        else problems.push(detail(at, jump, 'error', 'JUMP_NEEDS_COMMENT'));
      }
    }
    const head = headOf.get(keyId(key));
    const reason = trimmed(figure.reason);
    const content = {
      value,
      qualifier: figure.qualifier ?? 'exact',
      source: trimmed(figure.source),
      note: trimmed(figure.note),
    };
    if (head !== undefined && !sameAsStored(head, content)) found.push(...statusProblems(head.status, reason));
    if (found.length > 0) {
      problems.push(...found.map((problem) => detail(figure, problem)));
      continue;
    }
    figures.push({
      at: figure.at,
      columns: figure.columns,
      key,
      subject,
      ...content,
      quote: trimmed(figure.quote),
      comment,
      reason,
      warnings,
    });
  }
  const regions = [...new Map(resolved.map(({ region }) => [region.code, region])).values()];
  return { figures, problems, regions, stored, heads: headOf };
}

// Region, subject, year and value read from the figure's text, then its unit and range: no database involved.
function checkFields(
  figure: ReportedFigure,
  subjects: SubjectRegistry,
  regions: ReadonlyMap<string, Region | DataProblem>,
): Resolved | ErrorDetail[] {
  const found: DataProblem[] = [];
  const region = regions.get(figure.region.trim());
  if (region !== undefined && !('level' in region)) found.push(region);
  const subject = subjects.byId(figure.subject.trim()) ?? subjects.byName(figure.subject);
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
  if (
    found.length > 0 ||
    subject === undefined ||
    year === null ||
    number === null ||
    region === undefined ||
    !('level' in region)
  ) {
    return found.map((one) => detail(figure, one));
  }
  const converted = toSubjectUnit(
    number,
    trimmed(figure.unit) ?? (/%\s*$/u.test(String(figure.value)) ? '%' : null),
    subject,
  );
  if ('problem' in converted) return [detail(figure, converted.problem)];
  const range = checkRange(converted.value, subject);
  if (range.length > 0) return range.map((one) => detail(figure, one));
  const key = { regionCode: region.code, subjectKind: subject.kind, subjectId: subject.id, year };
  return { figure, region, subject, key, value: converted.value };
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
