/**
 * The next plan's draft target table as the planners edit it: a workbook (one row per indicator, the column for
 * the new target left empty and unlocked) and a Word table for the drafting group. Figures are the service's; the
 * projection is labelled as one, and a missing figure is written as missing.
 */
import {
  AlignmentType,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';
import ExcelJS from 'exceljs';
import type { NextPlanDraft, NextPlanRow } from '../services/next-plan.service.ts';
import { guardWorkbook } from './cell-safety.ts';

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * "十五五" for 2026-2030. Plans run in fives from the third (1966-1970), after the 1963-1965 readjustment: the
 * 14th is 2021-2025.
 */
export function fiveYearPlanName(start: number): string {
  const n = Math.round((start - 1966) / 5) + 3;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const number = `${tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens] ?? ''}十`}${NUMERALS[units] ?? ''}`;
  return `${number}五`;
}

const show = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(Number(value.toPrecision(8)));

/** The title of the draft. */
export function nextPlanTitle(draft: NextPlanDraft): string {
  return `${draft.region.name}“${fiveYearPlanName(draft.nextPeriod.start)}”教育事业发展主要指标（草案）`;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: NextPlanRow, draft: NextPlanDraft) => string | number;
}

const COLUMNS: readonly Column[] = [
  { header: '序号', width: 6, cell: (row) => row.row },
  { header: '类别', width: 12, cell: (row) => row.category ?? '' },
  { header: '指标', width: 30, cell: (row) => row.name },
  { header: '单位', width: 8, cell: (row) => row.unit ?? '' },
  {
    header: '属性',
    width: 8,
    cell: (row) => (row.attribute === 'binding' ? '约束性' : row.attribute === 'expected' ? '预期性' : ''),
  },
  {
    header: '现行规划基期值',
    width: 12,
    cell: (row) =>
      row.currentBaseline === null ? '' : `${show(row.currentBaseline.value)}（${String(row.currentBaseline.year)}）`,
  },
  {
    header: '现行规划目标值',
    width: 12,
    cell: (row) =>
      row.currentTarget === null
        ? ''
        : `${row.currentTarget.comparator === null ? '' : row.currentTarget.comparator.replace('>=', '≥').replace('<=', '≤')}${show(row.currentTarget.value)}（${String(row.currentTarget.year)}）`,
  },
  { header: '完成情况', width: 12, cell: (row) => row.finalStatus.zh },
  {
    header: '新基期值',
    width: 14,
    cell: (row, draft) =>
      row.newBaseline === null
        ? '缺'
        : `${row.newBaseline.qualifier === 'at_least' ? '至少' : ''}${show(row.newBaseline.value)}（${String(row.newBaseline.year)}${row.baselineEarlier ? `，缺${String(draft.plan.period.end)}年数据` : ''}${row.newBaseline.provenance === 'computed' ? '，由下级汇总' : ''}）`,
  },
  {
    header: '上级规划目标',
    width: 14,
    cell: (row) =>
      row.parentTarget === null ? '' : `${row.parentTarget.raw}（${String(row.parentTarget.year ?? '')}）`,
  },
  { header: '趋势推算', width: 12, cell: (row) => (row.projection === null ? '' : show(row.projection.value)) },
  { header: '推算说明', width: 36, cell: (row) => row.projection?.text.zh ?? row.reason?.zh ?? '' },
  { header: '拟定目标值', width: 12, cell: () => '' },
  { header: '备注', width: 20, cell: () => '' },
];

const EDITABLE = new Set(['拟定目标值', '备注']);

/** The workbook: only the columns planners fill are unlocked. */
export async function nextPlanXlsx(draft: NextPlanDraft, generatedAt: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EduPlan';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const sheet = workbook.addWorksheet('主要指标草案', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = nextPlanTitle(draft);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.addRow(COLUMNS.map((column) => column.header)).font = { bold: true };
  COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  for (const row of draft.rows) {
    const added = sheet.addRow(COLUMNS.map((column) => column.cell(row, draft)));
    added.alignment = { vertical: 'top', wrapText: true };
    COLUMNS.forEach((column, index) => {
      if (EDITABLE.has(column.header)) added.getCell(index + 1).protection = { locked: false };
    });
  }
  await sheet.protect('', { formatColumns: true, formatRows: true, autoFilter: true });
  const notes = workbook.addWorksheet('说明');
  notes.getColumn(1).width = 100;
  for (const line of noteLines(draft)) notes.addRow([line]);
  guardWorkbook(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function noteLines(draft: NextPlanDraft): string[] {
  return [
    nextPlanTitle(draft),
    `现行规划：${draft.plan.title ?? ''}（${String(draft.plan.period.start)}—${String(draft.plan.period.end)}年）`,
    `新基期值取${String(draft.plan.period.end)}年数据；缺该年数据时取此前最近一年并注明；“缺”表示尚无监测数据。`,
    `数据口径：${draft.basis === 'published' ? '已发布数据' : '已审核和已发布数据'}。`,
    draft.parentPlan === null
      ? '上级规划目标：上级地区下一期规划尚未发布，暂缺。'
      : `上级规划目标取自：${draft.parentPlan.title ?? `规划 #${String(draft.parentPlan.id)}`}。`,
    '趋势推算按现行规划基期至新基期的年均增速外推，仅供参考，不是目标建议。',
    '“拟定目标值”和“备注”两列由规划编制人员填写；其余各列已锁定（工作表保护未设密码）。',
  ];
}

// Typed as IRunOptions: TextRun also takes a bare string, and `bold` would then resolve to String.prototype.bold.
const run = (options: IRunOptions): TextRun => new TextRun(options);

const cell = (text: string, bold = false): TableCell =>
  new TableCell({
    children: [
      new Paragraph({
        children: [run({ text, bold, size: 20, font: { eastAsia: 'FangSong', ascii: 'Times New Roman' } })],
      }),
    ],
  });

/** The Word table, A4 landscape, for the drafting group. */
export async function nextPlanDocx(draft: NextPlanDraft): Promise<Uint8Array> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: COLUMNS.map((column) => cell(column.header, true)) }),
      ...draft.rows.map(
        (row) => new TableRow({ children: COLUMNS.map((column) => cell(String(column.cell(row, draft)))) }),
      ),
    ],
  });
  const document = new Document({
    sections: [
      {
        properties: {
          page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              run({
                text: nextPlanTitle(draft),
                bold: true,
                size: 36,
                font: { eastAsia: 'SimHei', ascii: 'Times New Roman' },
              }),
            ],
          }),
          table,
          ...noteLines(draft)
            .slice(1)
            .map(
              (line) =>
                new Paragraph({
                  children: [
                    new TextRun({ text: line, size: 22, font: { eastAsia: 'FangSong', ascii: 'Times New Roman' } }),
                  ],
                }),
            ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
