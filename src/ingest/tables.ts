import type { BreakdownState } from './breakdowns.ts';
import { nameBreakdown } from './breakdowns.ts';
import type { SourceLine } from './normalise.ts';
import type { TableContext } from './indicator-rows.ts';
import { UNIT_IN_NAME, readDataRow, splitNameUnit } from './indicator-rows.ts';
import { isGroupLabel, isStackedCell, stackedRows } from './stacked-rows.ts';
import type { Header } from './table-header.ts';
import { headerAt, isHeaderRow } from './table-header.ts';
import type { TableLayout, TableRow } from './table-rows.ts';
import { isPipeSeparator, readRow } from './table-rows.ts';
import { wrappedNameRow } from './wrapped-rows.ts';
import type { ParseWarning, PlanIndicator } from './types.ts';

/** An indicator table found in the text: the lines it spans and the rows read from it. */
export interface IndicatorTable {
  firstLine: number;
  lastLine: number;
  indicators: PlanIndicator[];
}
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
  const breakdown: BreakdownState = { parent: null, inBreakdown: false };
  const take = (row: TableRow): void => {
    const read = readDataRow(row, header.columns, category, context, warnings);
    if (read.kind === 'category') category = read.category;
    if (read.kind === 'parent')
      Object.assign(breakdown, { parent: { name: read.name, unit: read.unit }, inBreakdown: false });
    if (read.kind === 'indicators') {
      category = read.category;
      indicators.push(...nameBreakdown(read.indicators, breakdown));
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
    const wrapped = readRow(lines, i, layout) ? null : wrappedNameRow(lines, i, layout);
    if (wrapped) {
      blanks = 0;
      lastLine = lines[wrapped.next - 1]?.no ?? lastLine;
      take(wrapped);
      i = wrapped.next;
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
 * merged cell, sometimes wrapped: "高中阶段教" / "育"): short plain lines followed by a row of the table.
 */
function groupRow(lines: readonly SourceLine[], index: number, layout: TableLayout): TableRow | null {
  if (layout !== 'tabs' && layout !== 'spaces') return null;
  let label = '';
  let k = index;
  for (; k < lines.length && k < index + 3; k += 1) {
    const line = lines[k];
    if (!line || line.text === '') continue;
    if (!isStackedCell(line) || readRow(lines, k, layout)) break;
    label += line.text.trim();
  }
  const first = lines[index];
  if (!first || label === '' || !isGroupLabel(label)) return null;
  const nextIndex = lines.findIndex((l, j) => j >= k && l.text !== '');
  if (nextIndex === -1 || !readRow(lines, nextIndex, layout)) return null;
  return { cells: [label], line: first.no, cellLines: [first.no], next: k };
}

/** The end of a name a PDF wrapped onto its own line ("县（市、区）比例（%）" under the row it belongs to). */
function wrappedTail(lines: readonly SourceLine[], index: number, layout: TableLayout): string | null {
  const line = lines[index];
  if (!line || (layout !== 'tabs' && layout !== 'spaces') || !isStackedCell(line)) return null;
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

function carryCategory(previous: IndicatorTable, table: IndicatorTable): void {
  const last = previous.indicators.at(-1)?.category ?? null;
  for (const indicator of table.indicators) {
    if (indicator.category !== null) break;
    indicator.category = last;
  }
}
