/**
 * 规划实施清单 as a workbook a planning office prints and files: one sheet for the list, one for the 红黑榜 of
 * responsible units with its rule. Strings go in as shared strings, which Excel never evaluates, so a cell that
 * begins with = + - @ stays text.
 */
import ExcelJS from 'exceljs';
import type { UnitLists } from '../domain/evaluation/unit-lists.ts';
import { guardWorkbook } from './cell-safety.ts';

export interface ChecklistSheetRow {
  number: number;
  kind: 'commitment' | 'task';
  group: string | null;
  content: string;
  leadUnit: string | null;
  partnerUnits: readonly string[];
  deadline: string;
  label: { zh: string };
  progress: string | null;
  line: number | null;
}

export interface ChecklistWorkbook {
  title: string;
  /** The day the statuses were computed for. */
  today: string;
  rows: readonly ChecklistSheetRow[];
  units: UnitLists;
  generatedAt: Date;
}

const HEADERS = [
  '序号',
  '类别',
  '所属专栏或章节',
  '事项',
  '牵头（责任）单位',
  '配合单位',
  '完成时限',
  '进展状态',
  '完成情况',
  '原文行',
];
const WIDTHS = [6, 10, 28, 60, 20, 24, 12, 10, 14, 8];

const bold = { bold: true } as const;

/** The workbook's bytes. */
export async function checklistXlsx(book: ChecklistWorkbook): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EduPlan';
  workbook.created = book.generatedAt;
  workbook.modified = book.generatedAt;

  const sheet = workbook.addWorksheet('规划实施清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getCell(1, 1).value = `${book.title}（状态截至 ${book.today}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.addRow(HEADERS).font = bold;
  WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  for (const row of book.rows) {
    const added = sheet.addRow([
      row.number,
      row.kind === 'commitment' ? '量化任务' : '任务',
      row.group ?? '',
      row.content,
      row.leadUnit ?? '（未明确）',
      row.partnerUnits.join('、'),
      row.deadline,
      row.label.zh,
      row.progress ?? '尚未填报',
      row.line ?? '',
    ]);
    added.alignment = { vertical: 'top', wrapText: true };
  }

  const lists = workbook.addWorksheet('责任单位红黑榜');
  lists.getColumn(1).width = 10;
  lists.getColumn(2).width = 30;
  for (const width of [3, 4, 5, 6, 7]) lists.getColumn(width).width = 10;
  lists.addRow([book.units.ruleText.zh]).font = { italic: true };
  const section = (title: string, units: UnitLists['leading']): void => {
    lists.addRow([]);
    lists.addRow([title]).font = bold;
    lists.addRow(['', '单位', '事项', '已完成', '已逾期', '进行中', '未开始']).font = bold;
    if (units.length === 0) lists.addRow(['', '（无）']);
    for (const unit of units) {
      lists.addRow(['', unit.unit, unit.items, unit.done, unit.overdue, unit.inProgress, unit.notStarted]);
    }
  };
  section('红榜', book.units.leading);
  section('黑榜', book.units.lagging);
  section('其他（尚无完成或逾期事项）', book.units.others);
  guardWorkbook(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
