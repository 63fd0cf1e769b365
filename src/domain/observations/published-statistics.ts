/**
 * The published statistics EduPlan ships (samples/data/real-stats.csv) read into figures: each row placed on a
 * catalogue entry or a data element through a reviewed table of the sources' wordings, its value converted to the
 * subject's unit, and its provenance (source, quote, qualifier, note) kept whole. Nothing is estimated: a wording the
 * table does not know is left unplaced with the reason, a lower bound stays a lower bound, and a figure whose
 * definition changed from the year before carries a series break instead of being smoothed.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { catalogueById } from '../catalogue/catalogue.ts';
import { dataElementById } from '../catalogue/elements.ts';
import { normaliseName } from '../catalogue/normalise.ts';
import { roundSignificant, unitFactor } from '../catalogue/units.ts';
import { SERIES_BREAK_RULES, SOURCE_WORDINGS } from './published-wordings.ts';
import type { FigureSubject, SeriesBreakRule } from './published-wordings.ts';

export type { FigureSubject, SeriesBreakRule } from './published-wordings.ts';
export { SERIES_BREAK_RULES, SOURCE_WORDINGS } from './published-wordings.ts';

/** A text people read, in Chinese and in English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** 'at_least': the source says 以上 / 超过 / 突破, so the value is a lower bound ("至少96%"). */
export type PublishedQualifier = 'exact' | 'at_least';

/** One row of the file, placed on its subject. */
export interface PublishedFigure {
  /** 1-based line in the CSV file (header = 1). */
  readonly line: number;
  /** As in the file: 全国, 山西省, 太原市 … */
  readonly regionName: string;
  readonly subject: FigureSubject;
  /** The file's indicator column: the source's wording. */
  readonly sourceWording: string;
  readonly year: number;
  /** In the subject's canonical unit. */
  readonly value: number;
  /** The subject's canonical unit. */
  readonly unit: string;
  /** As in the file. */
  readonly reportedValue: number;
  readonly reportedUnit: string;
  readonly qualifier: PublishedQualifier;
  readonly source: string;
  readonly quote: string;
  readonly note: string | null;
  /** Set on a figure not comparable with the same series' previous year (a definition changed), with why. */
  readonly seriesBreak: Bilingual | null;
}

/** A row the file holds but EduPlan could not place on any subject. */
export interface UnplacedFigure {
  readonly line: number;
  readonly sourceWording: string;
  readonly reason: Bilingual;
}

/** A malformed row: where it is (line and column, both 1-based; column 0 when the whole row is at fault) and why. */
export class PublishedStatisticsError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly columnName: string,
    readonly messages: Bilingual,
  ) {
    super(
      `第${line}行第${column}列（${columnName}）：${messages.zh} / line ${line}, column ${column} (${columnName}): ${messages.en}`,
    );
    this.name = 'PublishedStatisticsError';
  }
}

const COLUMNS = ['region', 'indicator', 'year', 'value', 'unit', 'qualifier', 'source', 'quote', 'note'] as const;
type Column = (typeof COLUMNS)[number];

interface Row {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * The figures of a published-statistics file, and the rows that could not be placed. Throws a
 * PublishedStatisticsError on a malformed row (a value that is not a number, an unknown qualifier, a missing source).
 *
 * @example readPublishedStatistics(text).figures.find((f) => f.sourceWording === '学前教育毛入园率')
 *   // { regionName: '全国', subject: { kind: 'indicator', id: 'preschool-gross-enrolment-rate' }, year: 2020, … }
 */
export function readPublishedStatistics(csvText: string): { figures: PublishedFigure[]; unplaced: UnplacedFigure[] } {
  const header = readHeader(csvText);
  const figures: PublishedFigure[] = [];
  const unplaced: UnplacedFigure[] = [];
  for (const row of readRows(csvText)) {
    const placed = placeRow(row, header);
    if ('reason' in placed) unplaced.push(placed);
    else figures.push(placed);
  }
  return { figures: markSeriesBreaks(figures), unplaced };
}

/** The 1-based position of each column; the file's order may differ from COLUMNS, a column may not be missing. */
function readHeader(csvText: string): ReadonlyMap<Column, number> {
  const names = parse(csvText, { bom: true, to_line: 1 })[0]?.map((name) => name.trim()) ?? [];
  const positions = new Map<Column, number>();
  for (const column of COLUMNS) {
    const index = names.indexOf(column);
    if (index < 0) {
      throw new PublishedStatisticsError(1, names.length + 1, column, {
        zh: `表头缺少“${column}”列（应有：${COLUMNS.join(', ')}）`,
        en: `the header has no "${column}" column (expected: ${COLUMNS.join(', ')})`,
      });
    }
    positions.set(column, index + 1);
  }
  return positions;
}

/**
 * The records with the line each starts on. The parser reports the line a record ends on, so a record's first line
 * follows the previous record's last and the blank lines skipped between them.
 */
function readRows(csvText: string): Row[] {
  let previousEnd = 1;
  let previousEmpty = 0;
  try {
    return parse<Row, Record<string, string>>(csvText, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      on_record: (fields, context) => {
        const line = previousEnd + 1 + (context.empty_lines - previousEmpty);
        previousEnd = context.lines;
        previousEmpty = context.empty_lines;
        return { line, fields };
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser knows the line it stopped on and, for a field it could not close, the column.
    const line = typeof error.lines === 'number' ? error.lines : 0;
    const name = typeof error.column === 'string' ? error.column : '';
    const column = name !== '' && typeof error.index === 'number' ? error.index + 1 : 0;
    throw new PublishedStatisticsError(line, column, name, {
      zh: `CSV 格式错误（${error.code}）：${error.message}`,
      en: `malformed CSV (${error.code}): ${error.message}`,
    });
  }
}

/** The checked fields of a row: every figure is traced to a source and a quote, and its numbers are numbers. */
interface CheckedRow {
  readonly region: string;
  readonly wording: string;
  readonly year: number;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: PublishedQualifier;
  readonly source: string;
  readonly note: string | null;
}

function checkRow(row: Row, header: ReadonlyMap<Column, number>): CheckedRow {
  const field = (column: Column): string => (row.fields[column] ?? '').trim();
  const fail = (column: Column, zh: string, en: string): never => {
    throw new PublishedStatisticsError(row.line, header.get(column) ?? 0, column, { zh, en });
  };
  for (const column of ['region', 'indicator', 'unit', 'source', 'quote'] as const) {
    if (field(column) === '')
      fail(column, '不能为空：每个数都要有出处和原文', 'must not be empty: every figure is traced');
  }
  const year = field('year');
  if (!/^\d{4}$/u.test(year)) fail('year', `年份“${year}”不是四位数字`, `year "${year}" is not four digits`);
  const value = field('value');
  if (!/^-?\d+(?:\.\d+)?$/u.test(value)) fail('value', `数值“${value}”不是数字`, `value "${value}" is not a number`);
  const qualifier = field('qualifier');
  if (qualifier !== 'exact' && qualifier !== 'at_least') {
    return fail(
      'qualifier',
      `限定“${qualifier}”应为 exact 或 at_least`,
      `qualifier "${qualifier}" is not exact or at_least`,
    );
  }
  const note = field('note');
  return {
    region: field('region'),
    wording: field('indicator'),
    year: Number(year),
    value: Number(value),
    unit: field('unit'),
    qualifier,
    source: field('source'),
    note: note === '' ? null : note,
  };
}

function placeRow(row: Row, header: ReadonlyMap<Column, number>): PublishedFigure | UnplacedFigure {
  const checked = checkRow(row, header);
  const unplacedBecause = (zh: string, en: string): UnplacedFigure => ({
    line: row.line,
    sourceWording: checked.wording,
    reason: { zh, en },
  });
  const subject = SOURCE_WORDINGS.get(normaliseName(checked.wording));
  if (subject === undefined) {
    return unplacedBecause(
      `对照表中没有“${checked.wording}”，未归入任何指标或数据元素`,
      `"${checked.wording}" is not in the wording table, so it is placed on no indicator or data element`,
    );
  }
  const unit = subjectUnit(subject);
  const factor = unitFactor(checked.unit, unit);
  if (factor === null) {
    return unplacedBecause(
      `单位“${checked.unit}”不能换算为${subject.id}的单位“${unit}”`,
      `unit "${checked.unit}" does not convert to the unit of ${subject.id} ("${unit}")`,
    );
  }
  return {
    line: row.line,
    regionName: checked.region,
    subject,
    sourceWording: checked.wording,
    year: checked.year,
    value: roundSignificant(checked.value * factor),
    unit,
    reportedValue: checked.value,
    reportedUnit: checked.unit,
    qualifier: checked.qualifier,
    source: checked.source,
    // The quote as stored, spaces and all: it is the phrase a reader searches the source for.
    quote: row.fields.quote ?? '',
    note: checked.note,
    seriesBreak: null,
  };
}

/** The canonical unit of an entry or an element; the wording table names only subjects that exist (a test holds it). */
export function subjectUnit(subject: FigureSubject): string {
  const unit =
    subject.kind === 'indicator' ? catalogueById.get(subject.id)?.unit : dataElementById.get(subject.id)?.unit;
  if (unit === undefined) throw new Error(`no ${subject.kind} ${subject.id} in the catalogue or the elements registry`);
  return unit;
}

const SERIES_NOTE = /series break/iu;

/**
 * The rules that apply to these figures: the reviewed ones, and one for each note that says "series break" on a
 * series no reviewed rule covers, so that a break the file records is never lost for want of a rule.
 */
function rulesFor(figures: readonly PublishedFigure[]): SeriesBreakRule[] {
  const covered = new Set(SERIES_BREAK_RULES.flatMap((rule) => [rule.subjectId, rule.predecessorId ?? rule.subjectId]));
  const fromNotes = figures
    .filter((figure) => figure.note !== null && SERIES_NOTE.test(figure.note) && !covered.has(figure.subject.id))
    .map((figure) => ({
      subjectId: figure.subject.id,
      from: figure.year + 1,
      zh: `口径变化，与上年不可比（数据文件附注：${figure.note ?? ''}）`,
      en: `Definition changed, not comparable with the year before (data file note: ${figure.note ?? ''})`,
    }));
  return [...SERIES_BREAK_RULES, ...fromNotes];
}

/**
 * Flags the first figure of a new definition in each region's series, where the region also has a figure of the
 * old definition (of the same subject, or of the predecessor the bulletins reported instead) before the change.
 */
function markSeriesBreaks(figures: readonly PublishedFigure[]): PublishedFigure[] {
  const rules = rulesFor(figures);
  return figures.map((figure) => {
    const rule = rules.find((candidate) => breaksAt(candidate, figure, figures));
    return rule === undefined ? figure : { ...figure, seriesBreak: { zh: rule.zh, en: rule.en } };
  });
}

function breaksAt(rule: SeriesBreakRule, figure: PublishedFigure, figures: readonly PublishedFigure[]): boolean {
  if (figure.subject.id !== rule.subjectId || figure.year < rule.from) return false;
  const sameRegion = figures.filter((other) => other.regionName === figure.regionName);
  const firstOfNew = !sameRegion.some(
    (other) => other.subject.id === rule.subjectId && other.year >= rule.from && other.year < figure.year,
  );
  const oldDefinition = [rule.subjectId, rule.predecessorId ?? rule.subjectId];
  return firstOfNew && sameRegion.some((other) => oldDefinition.includes(other.subject.id) && other.year < rule.from);
}

/** Figures the file holds twice for one region, subject and year, and which one was kept. */
export interface ResolvedDuplicate {
  /** The line of the figure kept. */
  readonly kept: number;
  /** The lines of the others, now named in the kept figure's note. */
  readonly dropped: readonly number[];
}

/**
 * One figure per region, subject and year, since the service stores one observation for each: an exact figure wins
 * over a lower bound, else the first in the file; the others stay visible in the kept figure's note (另见：source
 * value). Figures keep the file's order.
 *
 * @example resolveDuplicates(figures).figures // 太原市 学前教育毛入园率 2021 once, noted "另见：… 97.73%"
 */
export function resolveDuplicates(figures: readonly PublishedFigure[]): {
  figures: PublishedFigure[];
  resolved: ResolvedDuplicate[];
} {
  const groups = new Map<string, PublishedFigure[]>();
  for (const figure of figures) {
    const key = [figure.regionName, figure.subject.kind, figure.subject.id, figure.year].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  const kept = new Map<PublishedFigure, PublishedFigure>();
  const resolved: ResolvedDuplicate[] = [];
  for (const group of groups.values()) {
    const winner = group.find((figure) => figure.qualifier === 'exact') ?? group[0];
    if (winner === undefined) continue;
    const others = group.filter((figure) => figure !== winner);
    kept.set(winner, others.length === 0 ? winner : { ...winner, note: withSeeAlso(winner.note, others) });
    if (others.length > 0) resolved.push({ kept: winner.line, dropped: others.map((figure) => figure.line) });
  }
  return { figures: figures.flatMap((figure) => kept.get(figure) ?? []), resolved };
}

function withSeeAlso(note: string | null, others: readonly PublishedFigure[]): string {
  const seeAlso = others.map((other) => {
    const bound = other.qualifier === 'at_least' ? '至少' : '';
    return `另见：${other.source} ${bound}${other.value}${other.unit}`;
  });
  return [...(note === null ? [] : [note]), ...seeAlso].join('；');
}
