import type { SourceLine } from './normalise.ts';
import { isStackedCell, stackedHeader } from './stacked-rows.ts';
import type { TableLayout, TableRow } from './table-rows.ts';
import { layoutsOf, readRow } from './table-rows.ts';
import { isAttributeCell, isValueCell } from './values.ts';

/** The header of an indicator table: what each column holds, read from its words (指标, 2020年, 属性…). */

export type ColumnRole = 'category' | 'name' | 'unit' | 'attribute' | 'baseline' | 'target' | 'other';

export interface Column {
  role: ColumnRole;
  year: number | null;
  /** For value columns under a region sub-header (河南 | 三门峡): the region. */
  region: string | null;
}

const NAME_HEADER =
  /^((主要|核心|监测|评价|发展|具体|重点)?指标(名称|内容|项目)?|项目|名称|指标项)([（(](计量)?单位[）)])?$/;
const LEVELLED_HEADER = /^([一二三四])级指标$/;
const CATEGORY_HEADER = /(维度|学段|类别|领域|分类|层次|方面)$/;
const ATTRIBUTE_HEADER = /属性|性质|指标类型|^类型$/;
const UNIT_HEADER = /^(计量)?单位$/;
const YEAR = /((?:19|20)\d\d)/;
const TARGET_HEADER = /目标|规划|预期|十[四五六]五/;
/** A five-year term in a header ("“十三五”末", "“十四五”目标"): the year it ends. */
const TERM_END: Record<string, number> = { 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 };
/** A note under a header cell ("（基期）", "（目标值）"), on its own line or cell. */
const HEADER_NOTE = /^[（(][^（）()]{1,8}[）)]$/;
/** Words for the plan's own region in a sub-header (全省 beside 全国). */
const OWN_REGION = /^(全|本)(省|市|县|区|州|盟|旗)$/;
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
    return isIndicatorHeader(columns) ? { layout: 'stacked', columns, row: stacked } : null;
  }
  for (const layout of layoutsOf(line)) {
    const read = readRow(lines, index, layout);
    if (!read) continue;
    const row = { ...read, cells: headerCells(read.cells, layout) };
    if (!isHeaderRow(row.cells)) continue;
    const columns = levelled(row.cells, row.cells.map(columnOf));
    const header = withSubHeader(lines, { layout, columns, row });
    return isIndicatorHeader(header.columns) ? header : null;
  }
  return fragmentedHeader(lines, index);
}

/**
 * A header a PDF shredded: its cells wrapped inside their boxes, so the words lie on several short lines
 * ("2020年2025年" / "指标属" / "类别⇥指标⇥（基⇥（目" / "性" / "期）⇥标）") above the first row of values. The columns
 * are rebuilt from the words: group, name, the years in order, 属性.
 */
function fragmentedHeader(lines: readonly SourceLine[], index: number): Header | null {
  const block: SourceLine[] = [];
  let k = index;
  for (; k < lines.length && block.length < 6; k += 1) {
    const line = lines[k];
    if (!line || line.text === '') break;
    const cells = line.text.split('\t').map((cell) => cell.trim());
    if (
      !cells.every(
        (cell) => cell.length <= 12 && !/^\d+(\.\d+)?%?$/.test(cell.replace(/年$/, '').replace(/^(19|20)\d\d$/, 'Y')),
      )
    )
      break;
    block.push(line);
  }
  const next = lines[k];
  const firstRow = next ? readRow(lines, k, 'tabs') : null;
  if (block.length < 2 || !firstRow || firstRow.cells.filter((cell) => isValueCell(cell)).length < 2) return null;
  // A block holding a whole header line with its years is an ordinary header, read line by line.
  if (block.some((line) => hasYearHeader(line.text))) return null;
  const words = block.map((line) => line.text.replace(/\s+/g, '')).join('');
  const years = [...new Set([...words.matchAll(/(?:19|20)\d\d/g)].map((m) => Number(m[0])))].sort((a, b) => a - b);
  if (!/指.?标|项目/.test(words) || (years.length === 0 && !/属/.test(words))) return null;
  const columns: Column[] = [];
  if (/类别|维度|学段|领域/.test(words)) columns.push({ role: 'category', year: null, region: null });
  columns.push({ role: 'name', year: null, region: null });
  for (const year of years) columns.push({ role: 'target', year, region: null });
  if (/属/.test(words)) columns.push({ role: 'attribute', year: null, region: null });
  assignBaseline(columns);
  const first = block[0];
  if (!first) return null;
  const labels = columns.map((c) => (c.year === null ? c.role : String(c.year)));
  return {
    layout: 'tabs',
    columns,
    row: { cells: labels, line: first.no, cellLines: labels.map(() => first.no), next: k },
  };
}

function hasYearHeader(text: string): boolean {
  const cells = text.split(/\t|\s{2,}|\|/).map((cell) => cell.trim());
  return isHeaderRow(cells) && cells.some((cell) => /(19|20)\d\d/.test(cell));
}

/**
 * Header cells as a person reads them: a note cell ("（基期）") belongs to the cell before it, and letters spread
 * out to fill a wide cell ("指  标", "属  性", split into one-letter cells by space-aligned or PDF text) are one word.
 */
function headerCells(cells: readonly string[], layout: TableLayout): string[] {
  const merged: string[] = [];
  for (const cell of cells) {
    const text = cell.trim();
    const last = merged.length - 1;
    const previous = merged[last];
    if (previous !== undefined && previous !== '' && HEADER_NOTE.test(text) && layout !== 'pipe') {
      merged[last] = `${previous}${text}`;
    } else if (
      previous !== undefined &&
      /^[\u4e00-\u9fa5]$/.test(text) &&
      /^[\u4e00-\u9fa5]$/.test(previous.slice(-1)) &&
      previous.length === 1
    ) {
      merged[last] = `${previous}${text}`;
    } else {
      merged.push(text);
    }
  }
  return merged;
}

/** A table of yearly figures only (a 学龄人口 forecast: 2021年 … 2025年) is data, not a plan's target table. */
function isIndicatorHeader(columns: readonly Column[]): boolean {
  const years = columns.filter((c) => c.year !== null).length;
  const hasAttribute = columns.some((c) => c.role === 'attribute');
  return years < 4 || hasAttribute;
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
  const term = /十[二三四五六]五/.exec(text)?.[0];
  if (term !== undefined) return { role: 'target', year: TERM_END[term] ?? null, region: null };
  if (TARGET_HEADER.test(text)) return { role: 'target', year: null, region: null };
  return { role: 'other', year: null, region: null };
}

/**
 * A second header row of region names under the year columns (2020年 → 河南 | 三门峡) splits each year column in
 * as many columns as it has regions. The earliest year column holds baselines, the others targets.
 */
function withSubHeader(lines: readonly SourceLine[], header: Header & { layout: TableLayout }): Header {
  assignBaseline(header.columns);
  const at = header.row.next + (lines[header.row.next]?.text === '' ? 1 : 0);
  const notes = (lines[at]?.text ?? '').split(/\t|\s{2,}|\|/);
  if (isNoteRow(notes)) return { ...header, row: { ...header.row, next: at + 1 } };
  const sub = readRow(lines, at, header.layout);
  const valueColumns = header.columns.filter((c) => c.role === 'baseline' || c.role === 'target').length;
  if (!sub || valueColumns === 0 || !isRegionRow(sub.cells)) return header;
  const placeholders = spreadOverPlaceholders(header.columns, sub.cells);
  if (placeholders) return { ...header, columns: placeholders, row: { ...header.row, next: sub.next } };
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

/**
 * A merged year cell exported with empty cells after it (2020年 | | 2025年 | ) over a region row of the same width
 * (全国 | 全省 | 全国 | 全省): each empty cell continues the year column before it.
 */
function spreadOverPlaceholders(columns: readonly Column[], sub: readonly string[]): Column[] | null {
  if (sub.length !== columns.length) return null;
  const spread: Column[] = [];
  for (const [k, column] of columns.entries()) {
    const previous = spread[k - 1];
    const isPlaceholder =
      column.role === 'other' && previous && (previous.role === 'baseline' || previous.role === 'target');
    const base = isPlaceholder ? { ...previous } : { ...column };
    const region = base.role === 'baseline' || base.role === 'target' ? sub[k]?.trim() || null : null;
    spread.push({ ...base, region });
  }
  return spread.some((c, k) => c.region !== null && columns[k]?.role === 'other') ? spread : null;
}

/** A row of notes under the header ("（基期值）    （目标值）"): part of the header, not data. */
function isNoteRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => HEADER_NOTE.test(c));
}

/** Whether a sub-header region is the plan's own: 全省 beside 全国, or the plan's region by name. */
export function isOwnRegionWord(region: string): boolean {
  return OWN_REGION.test(region);
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
