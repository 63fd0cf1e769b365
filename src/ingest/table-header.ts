import type { SourceLine } from './normalise.ts';
import { isStackedCell, stackedHeader } from './stacked-rows.ts';
import type { TableLayout, TableRow } from './table-rows.ts';
import { layoutsOf, readRow } from './table-rows.ts';
import { isAttributeCell } from './values.ts';

/** The header of an indicator table: what each column holds, read from its words (指标, 2020年, 属性…). */

export type ColumnRole = 'category' | 'name' | 'unit' | 'attribute' | 'baseline' | 'target' | 'other';

export interface Column {
  role: ColumnRole;
  year: number | null;
  /** For value columns under a region sub-header (河南 | 三门峡): the region. */
  region: string | null;
}

const NAME_HEADER = /^(指标(名称|内容|项目)?|主要指标|发展指标|具体指标|项目|名称|指标项)$/;
const LEVELLED_HEADER = /^([一二三四])级指标$/;
const CATEGORY_HEADER = /(维度|学段|类别|领域|分类|类型|层次|方面)$/;
const ATTRIBUTE_HEADER = /属性|性质/;
const UNIT_HEADER = /^(计量)?单位$/;
const YEAR = /((?:19|20)\d\d)/;
const TARGET_HEADER = /目标|规划|预期|十[四五六]五/;
const BASELINE_HEADER = /基[期数准线]|现状|基础/;

export interface Header {
  layout: TableLayout | 'stacked';
  columns: Column[];
  row: TableRow;
}

export function headerAt(lines: readonly SourceLine[], index: number): Header | null {
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

export function isHeaderRow(cells: readonly string[]): boolean {
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
    filled.length >= 2 && filled.every((cell) => /^[\u4e00-\u9fa5]{2,8}$/.test(cell.trim()) && !isAttributeCell(cell))
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
