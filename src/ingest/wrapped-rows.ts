import type { SourceLine } from './normalise.ts';
import { isGroupLabel, isStackedCell } from './stacked-rows.ts';
import type { TableLayout, TableRow } from './table-rows.ts';
import { readRow } from './table-rows.ts';
import { isAttributeCell, isValueCell } from './values.ts';

const UNIT_AT_END = /[（(][^（）()]{1,6}[）)]$/;

/**
 * A row whose name cell wrapped in a PDF: the name's lines stand above and below the line of values, which a PDF
 * centres between them ("通过国家…认定的县" / "—⇥30⇥预期性" / "（市、区）比例（%）"). Rebuilds it as one row,
 * the name joined, at the name's first line; null when the lines around `index` are not such a row.
 */
export function wrappedNameRow(lines: readonly SourceLine[], index: number, layout: TableLayout): TableRow | null {
  const head = lines[index];
  if ((layout !== 'tabs' && layout !== 'spaces') || !isStackedCell(head) || !head) return null;
  const valuesAt = nextFilled(lines, index);
  const values = valuesAt === -1 ? null : readRow(lines, valuesAt, layout);
  if (!values || !lacksName(values.cells)) return null;
  const tailAt = nextFilled(lines, valuesAt);
  const tailLine = lines[tailAt];
  const tail = tailLine && isStackedCell(tailLine) && UNIT_AT_END.test(tailLine.text.trim()) ? tailLine : null;
  const headText = head.text.trim();
  // Without a tail, only a name that carries its own unit can be the row's name (not a group label).
  if (!tail && !UNIT_AT_END.test(headText)) return null;
  const texts = values.cells.filter((cell) => cell !== '' && !isValueCell(cell) && !isAttributeCell(cell));
  const rest = values.cells.filter((cell) => cell !== '' && (isValueCell(cell) || isAttributeCell(cell)));
  const name = `${headText}${tail ? tail.text.trim() : ''}`;
  return {
    cells: [...texts, name, ...rest],
    line: head.no,
    cellLines: [...texts.map(() => values.line), head.no, ...rest.map(() => values.line)],
    next: tail ? tailAt + 1 : valuesAt + 1,
  };
}

/** A row of values with no name: only values and 属性, and at most a group label (a merged group cell). */
function lacksName(cells: readonly string[]): boolean {
  const texts = cells.filter((cell) => cell !== '' && !isValueCell(cell) && !isAttributeCell(cell));
  const values = cells.filter((cell) => cell !== '' && isValueCell(cell));
  return values.length > 0 && texts.length <= 1 && texts.every((text) => isGroupLabel(text));
}

function nextFilled(lines: readonly SourceLine[], index: number): number {
  for (let k = index + 1; k < lines.length; k += 1) if (lines[k]?.text !== '') return k;
  return -1;
}
