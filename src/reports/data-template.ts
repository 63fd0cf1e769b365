/**
 * The XLSX template a region fills in to report a year's figures: sheet 填报 with one row per figure due (codes and
 * names locked, the value cells checked by Excel as they are typed), and sheet 说明 saying how to fill it. What it
 * prints, src/ingest/data/read-table.ts reads back; both take their columns from data-columns.ts.
 *
 * Text from the database (names, notes, the plans) could begin with = + - @. exceljs writes every string as a shared
 * string (`t="s"`), which Excel displays and never evaluates, so no cell of the template is a formula; the test reads
 * the sheet XML back to hold that.
 */
import ExcelJS from 'exceljs';
import type { DataValidation, Style, Worksheet } from 'exceljs';
import { JUMP_THRESHOLD } from '../domain/observations/checks.ts';
import {
  DATA_COLUMNS,
  DATA_SHEET,
  QUALIFIER_LABELS,
  SUBJECT_KIND_LABELS,
} from '../domain/observations/data-columns.ts';
import type { DataColumnKey } from '../domain/observations/data-columns.ts';
import type { SubjectKind } from '../domain/observations/subjects.ts';
import { guardWorkbook } from './cell-safety.ts';

export interface DataTemplateRow {
  regionCode: string;
  regionName: string;
  subjectId: string;
  subjectName: string;
  subjectKind: SubjectKind;
  unit: string;
  /** Last year's value for reference, null when none. */
  previousValue: number | null;
  /** Bounds for Excel's data validation: null = unbounded on that side. */
  min: number | null;
  max: number | null;
  /** Whole numbers only (head counts). */
  integer: boolean;
  /** Already entered for this year (a draft), pre-filled. */
  value: number | null;
  note: string | null;
  /** The plans that require this figure, shown as the row's input message, e.g. "忻州市“十四五”教育事业发展规划 指标表第3行". */
  requiredBy: string;
}

export interface DataTemplate {
  regionCode: string;
  regionName: string;
  year: number;
  rows: readonly DataTemplateRow[];
  generatedAt: Date;
}

/** The sheet of instructions that follows 填报. */
export const INSTRUCTIONS_SHEET = '说明';

const COLUMNS = DATA_COLUMNS.filter((column) => column.template);

/** The cells a reporter fills in; everything else is locked. */
const EDITABLE: ReadonlySet<DataColumnKey> = new Set(['value', 'qualifier', 'source', 'note', 'comment']);

const WIDTHS: Readonly<Partial<Record<DataColumnKey, number>>> = {
  regionCode: 10,
  regionName: 14,
  subjectId: 32,
  subjectName: 36,
  subjectKind: 8,
  unit: 8,
  year: 8,
  previousValue: 12,
  value: 12,
  qualifier: 16,
  source: 24,
  note: 24,
  comment: 30,
};

// Excel refuses to open a file whose validation titles pass 32 characters or whose messages pass 255.
const TITLE_LIMIT = 32;
const MESSAGE_LIMIT = 255;

const INPUT_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

/**
 * The data-entry workbook for one region and year, as XLSX bytes.
 *
 * @example await dataTemplateXlsx({ regionCode: '140900', regionName: '忻州市', year: 2024, rows, generatedAt: new Date() })
 */
export async function dataTemplateXlsx(template: DataTemplate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Set, so that the same template written twice differs in nothing but what it holds.
  workbook.creator = 'EduPlan';
  workbook.created = template.generatedAt;
  workbook.modified = template.generatedAt;
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  writeHeader(sheet);
  template.rows.forEach((row, i) => {
    writeRow(sheet, i + 2, row, template.year);
  });
  sheet.autoFilter = { from: 'A1', to: { row: template.rows.length + 1, column: COLUMNS.length } };
  // No password: protection here guards the codes against a slip of the keyboard, not against the reporter.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), template);
  guardWorkbook(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeHeader(sheet: Worksheet): void {
  sheet.columns = COLUMNS.map((column) => ({ key: column.key, width: WIDTHS[column.key] ?? 12 }));
  const header = sheet.getRow(1);
  header.height = 24;
  COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.zh;
    cell.font = { bold: true };
    cell.fill = EDITABLE.has(column.key) ? INPUT_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function writeRow(sheet: Worksheet, at: number, row: DataTemplateRow, year: number): void {
  const values: Record<Exclude<DataColumnKey, 'quote'>, string | number | null> = {
    regionCode: row.regionCode,
    regionName: row.regionName,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    subjectKind: SUBJECT_KIND_LABELS[row.subjectKind],
    unit: row.unit,
    year,
    previousValue: row.previousValue,
    value: row.value,
    qualifier: null,
    source: null,
    note: row.note,
    comment: null,
  };
  const line = sheet.getRow(at);
  COLUMNS.forEach((column, i) => {
    const cell = line.getCell(i + 1);
    if (column.key !== 'quote') cell.value = values[column.key];
    if (!EDITABLE.has(column.key)) return;
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
    if (column.key === 'value') cell.dataValidation = valueValidation(row, cell.address);
    if (column.key === 'qualifier') cell.dataValidation = QUALIFIER_VALIDATION;
  });
  line.getCell(columnIndex('regionCode')).alignment = { horizontal: 'left' };
}

function columnIndex(key: DataColumnKey): number {
  return COLUMNS.findIndex((column) => column.key === key) + 1;
}

/** Excel's check of a value cell: a number (whole for head counts) in the subject's range, with the plans as hint. */
function valueValidation(row: DataTemplateRow, address: string): DataValidation {
  const { zh, en, check } = rangeOf(row, address);
  const unit = row.unit === '' ? '' : `，单位：${row.unit}`;
  const unitEn = row.unit === '' ? '' : `, in ${row.unit}`;
  const prompt = `${zh}${unit}。${en}${unitEn}.`;
  const requiredBy = ` 依据 Required by：${row.requiredBy}`;
  return {
    ...check,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数值不符合要求',
    error: clip(`${zh}${unit}（不带单位和千位分隔符）。${en}${unitEn} (no unit, no thousands separators).`),
    showInputMessage: true,
    promptTitle: clip(row.unit === '' ? row.subjectName : `${row.subjectName}（${row.unit}）`, TITLE_LIMIT),
    prompt: prompt + clip(requiredBy, MESSAGE_LIMIT - prompt.length),
  };
}

function rangeOf(
  row: DataTemplateRow,
  address: string,
): { zh: string; en: string; check: Pick<DataValidation, 'type' | 'operator' | 'formulae'> } {
  const what = row.integer
    ? { zh: '整数', en: 'a whole number', type: 'whole' as const }
    : { zh: '数字', en: 'a number', type: 'decimal' as const };
  // A whole-number check with a fractional bound would ask for what no whole number meets.
  const min = row.min === null ? null : row.integer ? Math.ceil(row.min) : row.min;
  const max = row.max === null ? null : row.integer ? Math.floor(row.max) : row.max;
  const type = what.type;
  if (min !== null && max !== null) {
    return {
      zh: `请填写 ${min} 至 ${max} 之间的${what.zh}`,
      en: `Enter ${what.en} from ${min} to ${max}`,
      check: { type, operator: 'between', formulae: [min, max] },
    };
  }
  if (min !== null) {
    return {
      zh: `请填写不小于 ${min} 的${what.zh}`,
      en: `Enter ${what.en} of at least ${min}`,
      check: { type, operator: 'greaterThanOrEqual', formulae: [min] },
    };
  }
  if (max !== null) {
    return {
      zh: `请填写不大于 ${max} 的${what.zh}`,
      en: `Enter ${what.en} of at most ${max}`,
      check: { type, operator: 'lessThanOrEqual', formulae: [max] },
    };
  }
  // Excel's number checks need a bound; a formula on the cell itself checks "is a number" with none.
  const formula = row.integer ? `AND(ISNUMBER(${address}),INT(${address})=${address})` : `ISNUMBER(${address})`;
  return { zh: `请填写${what.zh}`, en: `Enter ${what.en}`, check: { type: 'custom', formulae: [formula] } };
}

const QUALIFIER_VALIDATION: DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${QUALIFIER_LABELS.exact},${QUALIFIER_LABELS.at_least}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '数值性质',
  error: `请从列表中选择“${QUALIFIER_LABELS.exact}”或“${QUALIFIER_LABELS.at_least}”。Choose exact (${QUALIFIER_LABELS.exact}) or at least (${QUALIFIER_LABELS.at_least}).`,
  showInputMessage: true,
  promptTitle: '数值性质',
  prompt: `留空即为${QUALIFIER_LABELS.exact}；来源只给出下限（如“95%以上”）时选“${QUALIFIER_LABELS.at_least}”。Blank means exact; choose at least when the source gives only a lower bound.`,
};

function clip(text: string, limit = MESSAGE_LIMIT): string {
  if (limit <= 0) return '';
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The same moment in Beijing time, which the template's readers live in, whatever the server's zone. */
function beijingTime(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

function writeInstructions(sheet: Worksheet, template: DataTemplate): void {
  sheet.columns = [{ width: 14 }, { width: 70 }, { width: 70 }];
  const percent = JUMP_THRESHOLD.percentagePoints;
  const relative = JUMP_THRESHOLD.relative * 100;
  const lines: [string, string, string][] = [
    [
      '地区 Region',
      `${template.regionName}（${template.regionCode}）`,
      `${template.regionName} (${template.regionCode})`,
    ],
    ['年度 Year', `${template.year} 年`, String(template.year)],
    [
      '生成时间 Made',
      `${beijingTime(template.generatedAt)}（北京时间）`,
      `${beijingTime(template.generatedAt)} (Beijing)`,
    ],
    ['行数 Rows', `${template.rows.length} 行待填报`, `${template.rows.length} figures to report`],
    ['', '', ''],
    [
      '1',
      '只填浅黄色的列：在“本年数值”中填入本年数据，“数值性质”“数据来源”“备注”“变动说明”按需填写；其他列已锁定。',
      'Fill in only the yellow columns: this year’s figure in 本年数值; 数值性质, 数据来源, 备注 and 变动说明 as needed. The other columns are locked.',
    ],
    [
      '2',
      '数值按该行“单位”列的单位填写，只填数字：不带单位，不加千位分隔符；百分比填 95.5，不填 95.5% 或 0.955。',
      'Enter each figure in the unit of its row’s 单位 column, as a plain number: no unit, no thousands separators; a percentage as 95.5, not 95.5% or 0.955.',
    ],
    [
      '3',
      '人数、学校数等须为整数；超出可能范围的数值 Excel 会拒绝输入，选中单元格可见允许的范围和要求该数据的规划。',
      'Head counts and school counts are whole numbers. Excel refuses a value outside the possible range; select a cell to see the range and the plans that require the figure.',
    ],
    [
      '4',
      `数值性质：留空即为“${QUALIFIER_LABELS.exact}”；来源只给出下限（如“95%以上”）时选“${QUALIFIER_LABELS.at_least}”。`,
      `数值性质 (qualifier): blank means exact; choose ${QUALIFIER_LABELS.at_least} (at least) when the source gives only a lower bound, such as "above 95%".`,
    ],
    [
      '5',
      `与“上年数值”相比，百分比指标变动超过 ${percent} 个百分点、其他数据变动超过 ${relative}% 的，须在“变动说明”中写明原因，否则该行不予接受。`,
      `A figure that moves from 上年数值 (last year) by more than ${percent} percentage points (a percentage) or ${relative}% (any other figure) needs its reason in 变动说明, or the row is refused.`,
    ],
    [
      '6',
      '上传后只要有一行出错，整个文件都不导入；请按错误提示的行号和列改正后重新上传。',
      'If any row has an error, the whole file is refused: correct the rows and columns the error list names and upload it again.',
    ],
    [
      '7',
      '请勿增删行列或修改表头。工作表保护没有密码，只为防止误改代码。也可另存为 CSV（UTF-8 或 GBK）上传，表头保持不变。',
      'Do not add or delete rows or columns or change the headers. The sheet protection has no password; it only guards the codes against slips. You may also save the sheet as CSV (UTF-8 or GBK), headers unchanged, and upload that.',
    ],
    ['', '', ''],
    ['列 Column', '列名与填写', 'Header and use'],
    ...COLUMNS.map((column, i): [string, string, string] => [
      String.fromCharCode(65 + i),
      `${column.zh}${EDITABLE.has(column.key) ? '（填写）' : '（只读）'}`,
      `${column.en}${EDITABLE.has(column.key) ? ' (to fill in)' : ' (read only)'}`,
    ]),
  ];
  sheet.addRow(['', '监测数据填报说明', 'How to report monitoring data']).font = { bold: true, size: 13 };
  for (const line of lines) sheet.addRow(line).alignment = { vertical: 'top', wrapText: true };
}
