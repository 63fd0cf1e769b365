import type { SourceLine } from './normalise.ts';
import type { TableLayout, TableRow } from './table-rows.ts';
import { isGroupLabel, isStackedCell, stackedHeader, stackedRows } from './stacked-rows.ts';
import { isPipeSeparator, layoutsOf, readRow } from './table-rows.ts';
import type { IndicatorAttribute, ParseWarning, PlanIndicator, TableValue } from './types.ts';
import { isEmptyMark, isQualitative, isValueCell, readValue, targetValue } from './values.ts';

type ColumnRole = 'category' | 'name' | 'unit' | 'attribute' | 'baseline' | 'target' | 'other';

interface Column {
  role: ColumnRole;
  year: number | null;
  /** For value columns under a region sub-header (河南 | 三门峡): the region. */
  region: string | null;
}

interface TableContext {
  /** The plan's region name, to tell its own columns from a reference region's. */
  regionName: string | null;
  periodStart: number | null;
  periodEnd: number | null;
}

/** An indicator table found in the text: the lines it spans and the rows read from it. */
export interface IndicatorTable {
  firstLine: number;
  lastLine: number;
  indicators: PlanIndicator[];
}

const NAME_HEADER = /^(指标(名称|内容|项目)?|主要指标|发展指标|具体指标|项目|名称|指标项)$/;
const LEVELLED_HEADER = /^([一二三四])级指标$/;
const CATEGORY_HEADER = /(维度|学段|类别|领域|分类|类型|层次|方面)$/;
const ATTRIBUTE_HEADER = /属性|性质/;
const UNIT_HEADER = /^(计量)?单位$/;
const YEAR = /((?:19|20)\d\d)/;
const TARGET_HEADER = /目标|规划|预期|十[四五六]五/;
const BASELINE_HEADER = /基[期数准线]|现状|基础/;
const ATTRIBUTE_CELL = /^(约束性?|预期性?)(指标)?$/;
const UNIT_IN_NAME = /[（(]\s*([^（）()]{1,6})\s*[）)]$/;
const UNIT_WORD =
  /^(%|‰|[万亿千百]?[人个所元次项门家名本台册套间座处条种类年岁天时]+[次数]?|[万亿]?元|平方米|万平方米|亩|公里|GB|Mbps|个百分点|分|小时|学时|课时)$/;

/**
 * Finds every indicator table (a header with 指标 and a year, 目标 or 属性 column) and reads its rows into
 * indicators. Rows are read by their cells' content where their columns have shifted, as in tables pasted
 * across pages.
 */
export function findIndicatorTables(
  lines: readonly SourceLine[],
  context: TableContext,
  warnings: ParseWarning[],
): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = headerAt(lines, i);
    if (!header) {
      i += 1;
      continue;
    }
    const table = readTable(lines, header, context, warnings);
    const previous = tables.at(-1);
    if (previous && table.firstLine - previous.lastLine <= 3 && table.indicators.length > 0) {
      // A table continued after a page break repeats its header: one table, categories carried on.
      carryCategory(previous, table);
      previous.indicators.push(...table.indicators);
      previous.lastLine = table.lastLine;
    } else {
      tables.push(table);
    }
    i = Math.max(table.next, i + 1);
  }
  const found = tables.filter((table) => table.indicators.length > 0);
  for (const table of found) markStarredBinding(lines, table);
  return found;
}

const STAR = /[★☆※*＊▲△]/;

/**
 * Tables without a 属性 column mark binding indicators with a sign and say so in a note ("注：带★的为约束性指标"):
 * starred rows become binding, the others expected, and the sign leaves the name.
 */
function markStarredBinding(lines: readonly SourceLine[], table: IndicatorTable): void {
  const starred = table.indicators.filter((i) => STAR.test(i.name));
  if (starred.length === 0) return;
  // Lines are numbered from 1 in order, so the note's neighbourhood is a slice, not a search of the document.
  const note = lines
    .slice(Math.max(0, table.firstLine - 4), table.lastLine + 5)
    .find((l) => /注/.test(l.text) && STAR.test(l.text) && /约束性/.test(l.text));
  for (const indicator of table.indicators) {
    const isStarred = STAR.test(indicator.name);
    const { name, unit } = splitNameUnit(indicator.name.replace(new RegExp(STAR.source, 'g'), '').trim(), null);
    indicator.name = name;
    indicator.unit ??= unit;
    if (note && indicator.attribute === null) indicator.attribute = isStarred ? 'binding' : 'expected';
  }
}

interface Header {
  layout: TableLayout | 'stacked';
  columns: Column[];
  row: TableRow;
}

function headerAt(lines: readonly SourceLine[], index: number): Header | null {
  const line = lines[index];
  if (!line) return null;
  const stacked = isStackedCell(line) ? stackedHeader(lines, index) : null;
  if (stacked && isHeaderRow(stacked.cells)) {
    const columns = levelled(stacked.cells, stacked.cells.map(columnOf));
    assignBaseline(columns);
    return { layout: 'stacked', columns, row: stacked };
  }
  for (const layout of layoutsOf(line)) {
    const row = readRow(lines, index, layout);
    if (!row || !isHeaderRow(row.cells)) continue;
    const columns = levelled(row.cells, row.cells.map(columnOf));
    return withSubHeader(lines, { layout, columns, row });
  }
  return null;
}

function isHeaderRow(cells: readonly string[]): boolean {
  const compact = cells.map((cell) => cell.replace(/\s+/g, ''));
  const hasName = compact.some((cell) => NAME_HEADER.test(cell) || LEVELLED_HEADER.test(cell));
  const hasValues = compact.some((cell) => YEAR.test(cell) || TARGET_HEADER.test(cell) || ATTRIBUTE_HEADER.test(cell));
  return hasName && hasValues && compact.filter((cell) => cell !== '').length >= 3;
}

/** "一级指标 | 二级指标": the deepest level names the indicator, the ones above group it. */
function levelled(cells: readonly string[], columns: Column[]): Column[] {
  const levels = cells.map((cell) => '一二三四'.indexOf(LEVELLED_HEADER.exec(cell.replace(/\s+/g, ''))?.[1] ?? '-'));
  const deepest = levels.indexOf(Math.max(...levels));
  return columns.map((column, k) =>
    (levels[k] ?? -1) < 0 ? column : { ...column, role: k === deepest ? 'name' : 'category' },
  );
}

function columnOf(cell: string): Column {
  const text = cell.replace(/\s+/g, '');
  const year = YEAR.exec(text)?.[1];
  if (NAME_HEADER.test(text)) return { role: 'name', year: null, region: null };
  if (ATTRIBUTE_HEADER.test(text)) return { role: 'attribute', year: null, region: null };
  if (UNIT_HEADER.test(text)) return { role: 'unit', year: null, region: null };
  if (CATEGORY_HEADER.test(text)) return { role: 'category', year: null, region: null };
  if (BASELINE_HEADER.test(text)) return { role: 'baseline', year: year ? Number(year) : null, region: null };
  if (year !== undefined) return { role: 'target', year: Number(year), region: null };
  if (TARGET_HEADER.test(text)) return { role: 'target', year: null, region: null };
  return { role: 'other', year: null, region: null };
}

/**
 * A second header row of region names under the year columns (2020年 → 河南 | 三门峡) splits each year column in
 * as many columns as it has regions. The earliest year column holds baselines, the others targets.
 */
function withSubHeader(lines: readonly SourceLine[], header: Header & { layout: TableLayout }): Header {
  assignBaseline(header.columns);
  const sub = readRow(lines, header.row.next + (lines[header.row.next]?.text === '' ? 1 : 0), header.layout);
  const valueColumns = header.columns.filter((c) => c.role === 'baseline' || c.role === 'target').length;
  if (!sub || valueColumns === 0 || !isRegionRow(sub.cells)) return header;
  const extra = sub.cells.length - header.columns.length;
  if (extra <= 0 || extra % valueColumns !== 0) return header;
  const span = extra / valueColumns + 1;
  const columns: Column[] = [];
  for (const column of header.columns) {
    const repeat = column.role === 'baseline' || column.role === 'target' ? span : 1;
    for (let k = 0; k < repeat; k += 1) {
      const region = repeat > 1 ? sub.cells[columns.length]?.trim() || null : null;
      columns.push({ ...column, region });
    }
  }
  return { ...header, columns, row: { ...header.row, next: sub.next } };
}

function isRegionRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return (
    filled.length >= 2 &&
    filled.every((cell) => /^[\u4e00-\u9fa5]{2,8}$/.test(cell.trim()) && !ATTRIBUTE_CELL.test(cell))
  );
}

function assignBaseline(columns: Column[]): void {
  if (columns.some((c) => c.role === 'baseline')) return;
  const years = columns.filter((c) => c.role === 'target' && c.year !== null).map((c) => c.year ?? 0);
  const targets = columns.filter((c) => c.role === 'target');
  if (targets.length < 2) return;
  const earliest = Math.min(...years);
  for (const column of columns) {
    if (column.role === 'target' && column.year === earliest) column.role = 'baseline';
  }
}

interface ReadTable extends IndicatorTable {
  next: number;
}

function readTable(
  lines: readonly SourceLine[],
  header: Header,
  context: TableContext,
  warnings: ParseWarning[],
): ReadTable {
  const indicators: PlanIndicator[] = [];
  let category: string | null = null;
  const take = (row: TableRow): void => {
    const read = readDataRow(row, header.columns, category, context, warnings);
    if (read.kind === 'category') category = read.category;
    if (read.kind === 'indicators') {
      category = read.category;
      indicators.push(...read.indicators);
    }
  };
  if (header.layout === 'stacked') {
    const { rows, next } = stackedRows(lines, header.row.next, header.columns.length, {
      attributeLast: header.columns.at(-1)?.role === 'attribute',
      categoryColumn: header.columns.some((c) => c.role === 'category'),
    });
    rows.forEach(take);
    const lastLine = rows.at(-1)?.cellLines.at(-1) ?? header.row.line;
    return { firstLine: header.row.line, lastLine, indicators, next };
  }
  const layout = header.layout;
  let i = header.row.next;
  let lastLine = header.row.line;
  let blanks = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line) break;
    if (line.text === '') {
      blanks += 1;
      if (blanks > 2 || (layout !== 'tabs' && layout !== 'cells' && blanks > 1)) break;
      i += 1;
      continue;
    }
    if (layout === 'pipe' && isPipeSeparator(line.text)) {
      i += 1;
      continue;
    }
    const tail = readRow(lines, i, layout) ? null : wrappedTail(lines, i, layout);
    if (tail !== null && indicators.length > 0) {
      appendToName(indicators, tail);
      i += 1;
      continue;
    }
    const row = readRow(lines, i, layout) ?? groupRow(lines, i, layout);
    // A repeated header starts the next part of the table; the caller joins the parts.
    if (!row || row.cells.length === 0 || isHeaderRow(row.cells)) break;
    blanks = 0;
    lastLine = row.cellLines.at(-1) ?? row.line;
    take(row);
    i = row.next;
  }
  return { firstLine: header.row.line, lastLine, indicators, next: i };
}

/**
 * A group row written without the table's separators ("教育普及" alone between tab-separated rows, as a PDF gives a
 * merged cell): a short plain line followed by a row of the table.
 */
function groupRow(lines: readonly SourceLine[], index: number, layout: TableLayout): TableRow | null {
  const line = lines[index];
  if (!line || layout !== 'tabs' || !isStackedCell(line)) return null;
  const nextIndex = lines.findIndex((l, k) => k > index && l.text !== '');
  if (nextIndex === -1 || !readRow(lines, nextIndex, layout)) return null;
  return { cells: [line.text.trim()], line: line.no, cellLines: [line.no], next: index + 1 };
}

/** The end of a name a PDF wrapped onto its own line ("县（市、区）比例（%）" under the row it belongs to). */
function wrappedTail(lines: readonly SourceLine[], index: number, layout: TableLayout): string | null {
  const line = lines[index];
  if (!line || layout !== 'tabs' || !isStackedCell(line)) return null;
  const text = line.text.trim();
  return UNIT_IN_NAME.test(text) && !isGroupLabel(text) ? text : null;
}

/** Adds a wrapped tail to the indicators read from the row above (one, or two for a 其中 row). */
function appendToName(indicators: PlanIndicator[], tail: string): void {
  const lastLine = indicators.at(-1)?.line;
  for (const indicator of indicators.filter((i) => i.line === lastLine)) {
    const { name, unit } = splitNameUnit(`${indicator.name}${tail}`, null);
    indicator.name = name;
    indicator.unit = unit ?? indicator.unit;
  }
}

type RowReading =
  | { kind: 'category'; category: string }
  | { kind: 'indicators'; category: string | null; indicators: PlanIndicator[] }
  | { kind: 'skip' };

interface RowCells {
  category: string | null;
  name: string;
  unit: string | null;
  attribute: string | null;
  /** Value cells with their column, in column order. */
  values: { cell: string; column: Column }[];
  line: number;
}

function readDataRow(
  row: TableRow,
  columns: readonly Column[],
  category: string | null,
  context: TableContext,
  warnings: ParseWarning[],
): RowReading {
  const cells = row.cells.map((cell) => cell.trim());
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length === 0) return { kind: 'skip' };
  const texts = filled.filter((cell) => !isValueCell(cell) && !ATTRIBUTE_CELL.test(compact(cell)));
  if (filled.length === 1 && texts.length === 1) return { kind: 'category', category: compactName(texts[0] ?? '') };
  const parsed =
    byPosition(row, cells, columns, false) ?? byContent(row, cells, columns) ?? byPosition(row, cells, columns, true);
  if (!parsed) {
    warnings.push({
      line: row.line,
      message: `指标表此行无法识别，请核对 (a row of the indicator table could not be read): ${filled.join(' | ')}`,
    });
    return { kind: 'skip' };
  }
  const rowCategory = parsed.category ?? category;
  return {
    kind: 'indicators',
    category: rowCategory,
    indicators: toIndicators({ ...parsed, category: rowCategory }, context, warnings),
  };
}

/**
 * Reads a row whose cells stand in the header's columns; null when they have shifted. `lenient` accepts a value
 * cell that is not a number ("九十六点五") when the row has exactly the header's cells, so the indicator is kept and
 * the unreadable value is reported.
 */
function byPosition(
  row: TableRow,
  cells: readonly string[],
  columns: readonly Column[],
  lenient: boolean,
): RowCells | null {
  const trimmedCells = trimTrailingEmpty(cells);
  if (trimmedCells.length > columns.length || trimmedCells.length < columns.length - 1) return null;
  if (lenient && cells.length !== columns.length) return null;
  let name = '';
  let categoryCell: string | null = null;
  let unit: string | null = null;
  let attribute: string | null = null;
  const values: RowCells['values'] = [];
  for (const [index, column] of columns.entries()) {
    const cell = cells[index]?.trim() ?? '';
    switch (column.role) {
      case 'name':
        name = cell;
        break;
      case 'category':
        categoryCell = cell === '' ? null : cell;
        break;
      case 'unit':
        unit = cell === '' ? null : cell;
        break;
      case 'attribute':
        if (cell !== '' && !ATTRIBUTE_CELL.test(compact(cell))) return null;
        attribute = cell === '' ? null : cell;
        break;
      case 'baseline':
      case 'target':
        if (cell !== '' && !isValueCell(cell) && !lenient) return null;
        values.push({ cell, column });
        break;
      case 'other':
        break;
    }
  }
  if (name === '' || isValueCell(name) || ATTRIBUTE_CELL.test(compact(name))) return null;
  return {
    category: categoryCell === null ? null : compactName(categoryCell),
    name,
    unit,
    attribute,
    values,
    line: lineOfCell(row, cells, name),
  };
}

/** Reads a row by what its cells hold: texts (group, name), 约束性/预期性, then values in the header's order. */
function byContent(row: TableRow, cells: readonly string[], columns: readonly Column[]): RowCells | null {
  const texts: string[] = [];
  const valueCells: string[] = [];
  let attribute: string | null = null;
  for (const cell of cells) {
    if (cell === '') continue;
    if (ATTRIBUTE_CELL.test(compact(cell))) attribute = cell;
    else if (isValueCell(cell)) valueCells.push(cell);
    else texts.push(cell);
  }
  const name = texts.at(-1);
  // Every value column needs a value: a row with fewer numbers than that is not one this reading understands.
  const needed = columns.filter((c) => c.role === 'baseline' || c.role === 'target').length;
  if (
    name === undefined ||
    valueCells.length < Math.min(needed, 1) ||
    (valueCells.length < needed && texts.length >= 2)
  )
    return null;
  const valueColumns = columns.filter((c) => c.role === 'baseline' || c.role === 'target');
  const values = valueCells.slice(0, valueColumns.length).map((cell, k) => ({
    cell,
    column: valueColumns[k] ?? valueColumns[0] ?? { role: 'target' as const, year: null, region: null },
  }));
  const category = texts.length >= 2 ? compactName(texts[texts.length - 2] ?? '') : null;
  return { category, name, unit: null, attribute, values, line: lineOfCell(row, cells, name) };
}

function toIndicators(parsed: RowCells, context: TableContext, warnings: ParseWarning[]): PlanIndicator[] {
  const { name, unit } = splitNameUnit(parsed.name, parsed.unit);
  const own = ownRegion(
    parsed.values.map((v) => v.column.region),
    context.regionName,
  );
  const pick = (role: 'baseline' | 'target', region: string | null): { cell: string; column: Column } | undefined =>
    parsed.values.find((v) => v.column.role === role && v.column.region === region);
  const baselineCell = pick('baseline', own);
  const targetCell = targetOf(parsed.values, own, context.periodEnd);
  const attribute = attributeOf(parsed.attribute);
  const cellUnit = unitFromCells([baselineCell?.cell, targetCell?.cell]);
  const base: PlanIndicator = {
    category: parsed.category,
    name,
    unit: unit ?? cellUnit,
    baseline: tableValue(
      baselineCell,
      yearOf(baselineCell, context.periodStart === null ? null : context.periodStart - 1),
    ),
    target: targetValue(targetCell?.cell ?? '', yearOf(targetCell, context.periodEnd)),
    attribute,
    line: parsed.line,
    reference: null,
  };
  const otherRegion = parsed.values.map((v) => v.column.region).find((region) => region !== null && region !== own);
  if (otherRegion) {
    const refBase = pick('baseline', otherRegion);
    const refTarget = targetOf(parsed.values, otherRegion, context.periodEnd);
    base.reference = {
      region: otherRegion,
      baseline: tableValue(refBase, yearOf(refBase, base.baseline.year)),
      target: targetValue(refTarget?.cell ?? '', yearOf(refTarget, base.target.year)),
    };
  }
  if (
    base.target.value === null &&
    base.target.raw !== '' &&
    !isEmptyMark(base.target.raw) &&
    !isQualitative(base.target.raw)
  ) {
    warnings.push({
      line: parsed.line,
      message: `指标“${name}”的目标值“${base.target.raw}”无法读出数字 (target could not be read as a number)`,
    });
  }
  return splitSubItems(base);
}

/** The target column: the plan's last year when the table has it (not a 2035 vision column), else the latest. */
function targetOf(
  values: RowCells['values'],
  region: string | null,
  periodEnd: number | null,
): { cell: string; column: Column } | undefined {
  const targets = values.filter((v) => v.column.role === 'target' && v.column.region === region);
  return targets.find((v) => periodEnd !== null && v.column.year === periodEnd) ?? targets.at(-1);
}

/** "其中：小学/初中净入学率" rows carry two values a cell ("99.9/99.8"): one indicator each ("小学净入学率"). */
function splitSubItems(indicator: PlanIndicator): PlanIndicator[] {
  const baseParts = indicator.baseline.raw.split(/[/／]/);
  const targetParts = indicator.target.raw.split(/[/／]/);
  const name = indicator.name.replace(/^其中[：:]?/, '');
  const slash = name.search(/[/／]/);
  if (slash <= 0 || (baseParts.length !== 2 && targetParts.length !== 2)) return [indicator];
  // The items are alike in length (小学/初中, 城镇/农村): what follows the second is the shared rest of the name.
  const first = /[\u4e00-\u9fa5]{1,6}$/.exec(name.slice(0, slash))?.[0] ?? '';
  const prefix = name.slice(0, slash - first.length);
  const second = name.slice(slash + 1, slash + 1 + first.length);
  const rest = name.slice(slash + 1 + first.length);
  if (first === '' || second.length !== first.length) return [indicator];
  return [first, second].map((item, k) => {
    const baselineRaw = baseParts.length === 2 ? (baseParts[k] ?? '') : indicator.baseline.raw;
    const targetRaw = targetParts.length === 2 ? (targetParts[k] ?? '') : indicator.target.raw;
    return {
      ...indicator,
      name: `${prefix}${item}${rest}`,
      subItem: item,
      baseline: { year: indicator.baseline.year, raw: baselineRaw, value: readValue(baselineRaw).value },
      target: targetValue(targetRaw, indicator.target.year),
    };
  });
}

function ownRegion(regions: readonly (string | null)[], regionName: string | null): string | null {
  const named = [...new Set(regions.filter((r): r is string => r !== null))];
  if (named.length === 0) return null;
  const match = named.find((r) => regionName !== null && (regionName.includes(r) || r.includes(regionName)));
  return match ?? named.at(-1) ?? null;
}

function tableValue(entry: { cell: string } | undefined, year: number | null): TableValue {
  const raw = (entry?.cell ?? '').replace(/\s+/g, '');
  return { year, raw, value: readValue(raw).value };
}

function yearOf(entry: { column: Column } | undefined, fallback: number | null): number | null {
  return entry?.column.year ?? fallback;
}

function attributeOf(cell: string | null): IndicatorAttribute | null {
  if (cell === null) return null;
  return cell.includes('约束') ? 'binding' : 'expected';
}

/** Splits "学前教育毛入园率（%）" into its name and unit; a unit column wins over the bracket. */
export function splitNameUnit(cell: string, unitCell: string | null): { name: string; unit: string | null } {
  const text = compactName(cell);
  const match = UNIT_IN_NAME.exec(text);
  const bracket = match?.[1]?.trim();
  if (match && bracket !== undefined && UNIT_WORD.test(bracket)) {
    return { name: text.slice(0, match.index).trim(), unit: unitCell ?? bracket };
  }
  return { name: text, unit: unitCell };
}

function unitFromCells(cells: readonly (string | undefined)[]): string | null {
  for (const cell of cells) {
    if (cell === undefined) continue;
    const { unit } = readValue(cell);
    if (unit !== null) return unit;
  }
  return null;
}

function carryCategory(previous: IndicatorTable, table: IndicatorTable): void {
  const last = previous.indicators.at(-1)?.category ?? null;
  for (const indicator of table.indicators) {
    if (indicator.category !== null) break;
    indicator.category = last;
  }
}

function trimTrailingEmpty(cells: readonly string[]): string[] {
  const copy = [...cells];
  while (copy.length > 0 && copy.at(-1) === '') copy.pop();
  return copy;
}

function lineOfCell(row: TableRow, cells: readonly string[], text: string): number {
  const index = cells.indexOf(text);
  return row.cellLines[index] ?? row.line;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Names and groups lose the spaces that Word's justification left inside them ("人资资源  开发"). */
function compactName(text: string): string {
  return text
    .replace(/(?<=[\u4e00-\u9fa5“”（）])\s+(?=[\u4e00-\u9fa5“”（）])/g, '')
    .replace(/\s+(?=[（(])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
