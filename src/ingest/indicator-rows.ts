import type { Column } from './table-header.ts';
import { isOwnRegionWord } from './table-header.ts';
import type { TableRow } from './table-rows.ts';
import type { IndicatorAttribute, ParseWarning, PlanIndicator, TableValue } from './types.ts';
import { isAttributeCell, isEmptyMark, isQualitative, isValueCell, readValue, targetValue } from './values.ts';

/** One data row of an indicator table into indicators: by column where the cells line up, by content where not. */

export interface TableContext {
  /** The plan's region name, to tell its own columns from a reference region's. */
  regionName: string | null;
  periodStart: number | null;
  periodEnd: number | null;
}

export const UNIT_IN_NAME = /[（(]\s*([^（）()]{1,6})\s*[）)]$/;
const UNIT_WORD =
  /^(%|‰|[万亿千百]?[人个所元次项门家名本台册套间座处条种类年岁天时]+[次数]?|[万亿]?元|平方米|万平方米|亩|公里|GB|Mbps|个百分点|分|小时|学时|课时)$/;

export type RowReading =
  | { kind: 'category'; category: string }
  | { kind: 'parent'; name: string; unit: string | null }
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

export function readDataRow(
  row: TableRow,
  columns: readonly Column[],
  category: string | null,
  context: TableContext,
  warnings: ParseWarning[],
): RowReading {
  const cells = row.cells.map((cell) => cell.trim());
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length === 0) return { kind: 'skip' };
  const texts = filled.filter((cell) => !isValueCell(cell) && !isAttributeCell(cell));
  if (filled.length === 1 && texts.length === 1) {
    const only = compactName(texts[0] ?? '');
    // A name with its unit and no values is a parent row whose values follow in 其中 rows, not a group.
    if (UNIT_IN_NAME.test(only)) return { kind: 'parent', ...splitNameUnit(only, null) };
    return { kind: 'category', category: only };
  }
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
        // A 类型 column that holds 约束性/预期性 is the attribute column under another name.
        if (isAttributeCell(cell)) attribute = cell;
        else categoryCell = cell === '' ? null : cell;
        break;
      case 'unit':
        unit = cell === '' ? null : cell;
        break;
      case 'attribute':
        if (cell !== '' && !isAttributeCell(cell)) return null;
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
  if (name === '' || isValueCell(name) || isAttributeCell(name)) return null;
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
    if (isAttributeCell(cell)) attribute = cell;
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
  const split = splitSubItems(base);
  for (const indicator of split) warnUnreadable(indicator, warnings);
  return split;
}

function warnUnreadable(indicator: PlanIndicator, warnings: ParseWarning[]): void {
  const { raw, value } = indicator.target;
  if (value !== null || raw === '' || isEmptyMark(raw) || isQualitative(raw)) return;
  warnings.push({
    line: indicator.line,
    message: `指标“${indicator.name}”的目标值“${raw}”无法读出数字 (target could not be read as a number)`,
  });
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

/**
 * Rows that carry several values a cell ("99.9/99.8", "62/85/93"): one indicator each. The items are either the
 * whole name ("其中：幼儿园/小学/初中") or two alike in length inside it ("其中：小学/初中净入学率" → 小学净入学率).
 */
function splitSubItems(indicator: PlanIndicator): PlanIndicator[] {
  const baseParts = indicator.baseline.raw.split(/[/／]/);
  const targetParts = indicator.target.raw.split(/[/／]/);
  const count = Math.max(baseParts.length, targetParts.length);
  const ofWhich = /^其中[：:]?/.exec(indicator.name)?.[0] ?? '';
  const name = indicator.name.slice(ofWhich.length);
  if (count < 2 || !/[/／]/.test(name)) return [indicator];
  const names = subItemNames(name, count, ofWhich);
  if (!names) return [indicator];
  return names.map(({ item, full }, k) => {
    const baselineRaw = baseParts.length === count ? (baseParts[k] ?? '') : indicator.baseline.raw;
    const targetRaw = targetParts.length === count ? (targetParts[k] ?? '') : indicator.target.raw;
    return {
      ...indicator,
      name: full,
      subItem: item,
      baseline: { year: indicator.baseline.year, raw: baselineRaw, value: readValue(baselineRaw).value },
      target: targetValue(targetRaw, indicator.target.year),
    };
  });
}

function subItemNames(name: string, count: number, ofWhich: string): { item: string; full: string }[] | null {
  const whole = name.split(/[/／]/);
  const lengths = whole.map((item) => item.length);
  const alike = Math.max(...lengths) - Math.min(...lengths) <= 1 && Math.max(...lengths) <= 4;
  if (whole.length === count && alike && whole.every((item) => /^[\u4e00-\u9fa5]+$/.test(item))) {
    return whole.map((item) => ({ item, full: `${ofWhich}${item}` }));
  }
  const slash = name.search(/[/／]/);
  const first = /[\u4e00-\u9fa5]{1,6}$/.exec(name.slice(0, slash))?.[0] ?? '';
  const second = name.slice(slash + 1, slash + 1 + first.length);
  if (count !== 2 || first === '' || second.length !== first.length) return null;
  const prefix = name.slice(0, slash - first.length);
  const rest = name.slice(slash + 1 + first.length);
  return [first, second].map((item) => ({ item, full: `${ofWhich}${prefix}${item}${rest}` }));
}

function ownRegion(regions: readonly (string | null)[], regionName: string | null): string | null {
  const named = [...new Set(regions.filter((r): r is string => r !== null))];
  if (named.length === 0) return null;
  const match = named.find((r) => regionName !== null && (regionName.includes(r) || r.includes(regionName)));
  return match ?? named.find(isOwnRegionWord) ?? named.at(-1) ?? null;
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

function trimTrailingEmpty(cells: readonly string[]): string[] {
  const copy = [...cells];
  while (copy.length > 0 && copy.at(-1) === '') copy.pop();
  return copy;
}

function lineOfCell(row: TableRow, cells: readonly string[], text: string): number {
  const index = cells.indexOf(text);
  return row.cellLines[index] ?? row.line;
}

/** Names and groups lose the spaces that Word's justification left inside them ("人资资源  开发"). */
function compactName(text: string): string {
  return text
    .replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])\s*(?=[\u4e00-\u9fa5])/, '')
    .replace(/(?<=[\u4e00-\u9fa5“”（）])\s+(?=[\u4e00-\u9fa5“”（）])/g, '')
    .replace(/\s+(?=[（(])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
