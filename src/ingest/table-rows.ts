import type { SourceLine } from './normalise.ts';

/** How a table is written in the text. */
export type TableLayout =
  | 'pipe' // markdown: | a | b |
  | 'tabs' // one row a line, cells separated by tabs
  | 'cells' // one cell a line after a tab, rows separated by blank lines (Word tables saved as text)
  | 'spaces'; // one row a line, cells aligned with runs of spaces

export interface TableRow {
  cells: string[];
  /** Line of the row's first cell. */
  line: number;
  /** Line of each cell (a cell broken over two lines keeps its first line). */
  cellLines: number[];
  /** Index of the first line after the row. */
  next: number;
}

const PIPE_SEPARATOR = /^\|?[\s:|-]+\|?$/;

/** Reads the row that starts at `index` in the given layout, or null when the line is not such a row. */
export function readRow(lines: readonly SourceLine[], index: number, layout: TableLayout): TableRow | null {
  const line = lines[index];
  if (!line) return null;
  switch (layout) {
    case 'pipe':
      return line.text.startsWith('|') ? lineRow(line, index, splitPipe(line.text)) : null;
    case 'tabs':
      return line.text.includes('\t') && !isSingleCell(line) ? lineRow(line, index, line.text.split('\t')) : null;
    case 'spaces': {
      const cells = line.text.split(/\s{2,}/);
      return cells.length >= 3 && !line.text.includes('\t') ? lineRow(line, index, cells) : null;
    }
    case 'cells':
      return isSingleCell(line) ? cellGroup(lines, index) : null;
  }
}

/** Whether a line is a separator row of a markdown table (|---|---|). */
export function isPipeSeparator(text: string): boolean {
  return text.startsWith('|') && PIPE_SEPARATOR.test(text);
}

/** The layouts a line could start a row of, most specific first. */
export function layoutsOf(line: SourceLine): TableLayout[] {
  if (line.text.startsWith('|')) return ['pipe'];
  if (isSingleCell(line)) return ['cells'];
  if (line.text.includes('\t')) return ['tabs'];
  return /\S\s{2,}\S/.test(line.text) ? ['spaces'] : [];
}

function isSingleCell(line: SourceLine): boolean {
  return line.indented && !line.text.slice(1).includes('\t');
}

function lineRow(line: SourceLine, index: number, cells: string[]): TableRow {
  const trimmed = cells.map((cell) => cell.trim());
  return { cells: trimmed, line: line.no, cellLines: trimmed.map(() => line.no), next: index + 1 };
}

function splitPipe(text: string): string[] {
  const inner = text.replace(/^\|/, '').replace(/\|\s*$/, '');
  return inner.split('|');
}

/** Cells written one a line after a tab; a line without the tab continues the cell above (a wrapped cell). */
function cellGroup(lines: readonly SourceLine[], index: number): TableRow {
  const cells: string[] = [];
  const cellLines: number[] = [];
  let i = index;
  for (; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line || line.text === '') break;
    if (isSingleCell(line)) {
      cells.push(line.text.trim());
      cellLines.push(line.no);
    } else if (cells.length > 0 && !line.text.includes('\t')) {
      cells[cells.length - 1] = `${cells.at(-1) ?? ''}${line.text.trim()}`;
    } else {
      break;
    }
  }
  return { cells, line: lines[index]?.no ?? 0, cellLines, next: i };
}
