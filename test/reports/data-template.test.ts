import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../src/ingest/extract/zip.ts';
import { dataTemplateXlsx } from '../../src/reports/data-template.ts';
import type { DataTemplate, DataTemplateRow } from '../../src/reports/data-template.ts';

const HEADERS = [
  '区划代码',
  '区划名称',
  '指标代码',
  '指标或数据项',
  '类型',
  '单位',
  '年份',
  '上年数值',
  '本年数值',
  '数值性质',
  '数据来源',
  '备注',
  '变动说明',
];

const REQUIRED_BY = '忻州市“十四五”教育事业发展规划 指标表第3行';

function row(overrides: Partial<DataTemplateRow>): DataTemplateRow {
  return {
    regionCode: '140900',
    regionName: '忻州市',
    subjectId: 'preschool-gross-enrolment-rate',
    subjectName: '学前教育毛入园率',
    subjectKind: 'indicator',
    unit: '%',
    previousValue: 90.1,
    min: 0,
    max: 100,
    integer: false,
    value: null,
    note: null,
    requiredBy: REQUIRED_BY,
    ...overrides,
  };
}

const TEMPLATE: DataTemplate = {
  regionCode: '140900',
  regionName: '忻州市',
  year: 2024,
  generatedAt: new Date('2025-01-02T03:04:05Z'),
  rows: [
    row({}),
    row({
      subjectId: 'kindergarten-children',
      subjectName: '在园幼儿数',
      subjectKind: 'element',
      unit: '人',
      previousValue: null,
      max: null,
      integer: true,
      value: 41250,
      note: '草稿',
    }),
    // Text from the database that Excel would take for a formula if it were typed in.
    row({
      regionName: '=HYPERLINK("http://example.com")',
      subjectName: '+1',
      note: '@SUM(A1)',
      requiredBy: `-${'很长的规划名称'.repeat(60)}`,
      min: null,
      max: null,
    }),
  ],
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** One part of the XLSX package, as text. */
function part(bytes: Uint8Array, name: string): string {
  const entry = readZipDirectory(bytes)?.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`no ${name}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return new TextDecoder().decode(entry.method === 0 ? data : inflateRawSync(data));
}

describe('the data-entry template', () => {
  it('has the Chinese headers, bold and frozen, and one row per figure with the year filled', async () => {
    const workbook = await load(await dataTemplateXlsx(TEMPLATE));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['填报', '说明']);
    const sheet = sheetOf(workbook, '填报');
    expect(HEADERS.map((_, i) => sheet.getCell(1, i + 1).value)).toEqual(HEADERS);
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '140900',
      '忻州市',
      'preschool-gross-enrolment-rate',
      '学前教育毛入园率',
      '指标',
      '%',
      2024,
      90.1,
    ]);
    expect(sheet.getCell('E3').value).toBe('数据项');
    expect(sheet.getCell('I3').value).toBe(41250);
    expect(sheet.getCell('L3').value).toBe('草稿');
    expect(sheet.getCell('G4').value).toBe(2024);
    for (let column = 1; column <= HEADERS.length; column++) {
      expect(sheet.getColumn(column).width).toBeGreaterThanOrEqual(8);
    }
  });

  it('locks the codes and leaves value, qualifier, source, note and comment open, under a protection without password', async () => {
    const bytes = await dataTemplateXlsx(TEMPLATE);
    const sheet = sheetOf(await load(bytes), '填报');
    // A cell without a protection style is locked: Excel's default.
    const locked = (address: string): boolean =>
      (sheet.getCell(address) as { protection?: { locked?: boolean } }).protection?.locked !== false;
    for (const address of ['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2', 'H2', 'A4', 'H4']) {
      expect(locked(address), address).toBe(true);
    }
    for (const address of ['I2', 'J2', 'K2', 'L2', 'M2', 'I4', 'M4']) {
      expect(locked(address), address).toBe(false);
    }
    const protection = /<sheetProtection [^>]*\/>/.exec(part(bytes, 'xl/worksheets/sheet1.xml'))?.[0];
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toMatch(/hashValue|password/);
  });

  it('checks every value cell against its range and unit, with the plans that require it as the prompt', async () => {
    const sheet = sheetOf(await load(await dataTemplateXlsx(TEMPLATE)), '填报');
    expect(sheet.getCell('I2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
      showInputMessage: true,
    });
    expect(sheet.getCell('I2').dataValidation.error).toContain('请填写 0 至 100 之间的数字，单位：%');
    expect(sheet.getCell('I2').dataValidation.error).toContain('Enter a number from 0 to 100, in %');
    expect(sheet.getCell('I2').dataValidation.prompt).toContain(REQUIRED_BY);
    expect(sheet.getCell('I3').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(sheet.getCell('I3').dataValidation.error).toContain('不小于 0 的整数，单位：人');
    expect(sheet.getCell('I4').dataValidation).toMatchObject({ type: 'custom', formulae: ['ISNUMBER(I4)'] });
    expect(sheet.getCell('J2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"准确值,下限（不少于）"'],
    });
  });

  it('keeps every validation message within the lengths Excel opens (titles 32, messages 255)', async () => {
    const sheet = sheetOf(await load(await dataTemplateXlsx(TEMPLATE)), '填报');
    for (const address of ['I2', 'I3', 'I4', 'J2']) {
      const validation = sheet.getCell(address).dataValidation;
      expect(validation.promptTitle?.length ?? 0, address).toBeLessThanOrEqual(32);
      expect(validation.errorTitle?.length ?? 0, address).toBeLessThanOrEqual(32);
      expect(validation.prompt?.length ?? 0, address).toBeLessThanOrEqual(255);
      expect(validation.error?.length ?? 0, address).toBeLessThanOrEqual(255);
    }
    expect(sheet.getCell('I4').dataValidation.prompt).toMatch(/…$/);
  });

  it('writes text that looks like a formula as a string, never as a formula', async () => {
    const bytes = await dataTemplateXlsx(TEMPLATE);
    const xml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="B4"[^>]* t="s">/);
    const sheet = sheetOf(await load(bytes), '填报');
    expect(sheet.getCell('B4').value).toBe('=HYPERLINK("http://example.com")');
    expect(sheet.getCell('D4').value).toBe('+1');
    expect(sheet.getCell('L4').value).toBe('@SUM(A1)');
  });

  it('explains in 说明 what to fill, the unit, the change that needs a comment, the all-or-nothing import, and when and for whom it was made', async () => {
    const sheet = sheetOf(await load(await dataTemplateXlsx(TEMPLATE)), '说明');
    const text: string[] = [];
    sheet.eachRow((line) => {
      line.eachCell((cell) => text.push(cell.text));
    });
    const all = text.join('\n');
    expect(all).toContain('忻州市（140900）');
    expect(all).toContain('2024 年');
    expect(all).toContain('2025-01-02 11:04（北京时间）');
    expect(all).toContain('3 行待填报');
    expect(all).toContain('“单位”列的单位填写');
    expect(all).toContain('变动超过 10 个百分点、其他数据变动超过 25%');
    expect(all).toContain('变动说明');
    expect(all).toContain('整个文件都不导入');
    expect(all).toContain('the whole file is refused');
  });

  it('gives the same bytes for the same template', async () => {
    expect(await dataTemplateXlsx(TEMPLATE)).toEqual(await dataTemplateXlsx(TEMPLATE));
  });
});
