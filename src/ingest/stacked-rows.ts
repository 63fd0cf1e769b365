import type { SourceLine } from './normalise.ts';
import type { TableRow } from './table-rows.ts';
import { isAttributeCell, isValueCell } from './values.ts';

/**
 * Tables whose cells come one a line with nothing to mark the rows (a Word table saved as text, mammoth's raw text,
 * a PDF): the header gives the column count, and the rows are rebuilt from it.
 */

const HEADER_CELL =
  /^(序号|指标(名称|内容|项目)?|主要指标|项目|名称|维度|学段|类别|领域|分类|层次|方面|(计量)?单位|(指标)?属性|性质|备注|.*(19|20)\d\d.*|.*目标.*|基[期数准].*|现状.*)$/;
const MAX_CELL = 30;

/** A plain short line that could be one cell of a stacked table. */
export function isStackedCell(line: SourceLine | undefined): boolean {
  if (!line) return false;
  const text = line.text.trim();
  // A 专栏 title, a caption ("表2 …") or a chapter heading after a table ends it.
  if (/^(专栏|表\s*\d|第[一二三四五六七八九十]+[章节篇])/.test(text)) return false;
  return (
    text !== '' &&
    text.length <= MAX_CELL &&
    !line.text.includes('\t') &&
    !text.startsWith('|') &&
    !/[。；！？]/.test(text)
  );
}

/** The header of a stacked table starting at `index`: its cells, one a line, each a header word. */
export function stackedHeader(lines: readonly SourceLine[], index: number): TableRow | null {
  const cells: string[] = [];
  const cellLines: number[] = [];
  for (let i = index; i < lines.length && cells.length < 10; i += 1) {
    const line = lines[i];
    const text = line?.text.replace(/\s+/g, '') ?? '';
    // A header cell is a word or two; a caption ("…主要目标") above the table is not one.
    if (!isStackedCell(line) || text.length > 12 || !HEADER_CELL.test(text)) break;
    cells.push(text);
    cellLines.push(line?.no ?? 0);
  }
  if (cells.length < 3) return null;
  return { cells, line: cellLines[0] ?? 0, cellLines, next: index + cells.length };
}

/**
 * Rebuilds the data rows after a stacked header of `width` columns. A text cell followed by another text cell opens
 * a group (教育普及); a row ends when it has `width` cells, or at its 约束性/预期性 when that is the last column.
 */
export function stackedRows(
  lines: readonly SourceLine[],
  start: number,
  width: number,
  options: { attributeLast: boolean; categoryColumn: boolean },
): { rows: TableRow[]; next: number } {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cellLines: number[] = [];
  let carried = '';
  let i = start;
  const emit = (): void => {
    if (cells.length > 0) rows.push({ cells, line: cellLines[0] ?? 0, cellLines, next: i + 1 });
    cells = [];
    cellLines = [];
  };
  for (; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    if (!isStackedCell(line)) break;
    const text = line.text.trim();
    // "三、主要任务" followed by "（一）…" or by prose is the next section, not a numbered group row.
    const following = nextCell(lines, i);
    if (cells.length === 0 && NUMBERED.test(text) && (following === undefined || NUMBERED.test(following))) break;
    if (cells.length === 0 && carried === '' && isTextCell(text) && isTextCell(nextCell(lines, i))) {
      // With a group column, text then text is that row's group and name; without one, a short label is a group
      // row (教育普及) and a longer text is a name wrapped onto the next line.
      if (!options.categoryColumn && isGroupLabel(text)) {
        rows.push({ cells: [text], line: line.no, cellLines: [line.no], next: i + 1 });
        continue;
      }
      if (!options.categoryColumn) {
        carried = text;
        cellLines.push(line.no);
        continue;
      }
    }
    cells.push(`${carried}${text}`);
    if (carried === '') cellLines.push(line.no);
    carried = '';
    if (cells.length === width || (options.attributeLast && isAttributeCell(text))) emit();
  }
  emit();
  return { rows, next: i };
}

const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

function isTextCell(text: string | undefined): boolean {
  return text !== undefined && !isValueCell(text) && !isAttributeCell(text);
}

/** The next non-blank line, if it could be a cell. */
function nextCell(lines: readonly SourceLine[], index: number): string | undefined {
  for (let k = index + 1; k < lines.length; k += 1) {
    const line = lines[k];
    if (!line || line.text === '') continue;
    return isStackedCell(line) ? line.text.trim() : undefined;
  }
  return undefined;
}

/** A group label is a short heading-like phrase; an indicator's name carries its unit or runs longer. */
export function isGroupLabel(text: string): boolean {
  return text.length <= 10 && !/[（(%]/.test(text);
}
