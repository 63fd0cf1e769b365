/**
 * Formula injection in the exported workbooks (SYNTHETIC text): a plan, task or figure whose text begins with
 * = + - @ is written out by each XLSX writer and read back; no cell is a formula, the text shows as written, the
 * formula-like cells are Text formatted (an edit keeps them text), and numbers, negative ones included, stay numbers.
 */
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../src/ingest/extract/zip.ts';
import { csvField, isFormulaLike, TEXT_FORMAT } from '../../src/reports/cell-safety.ts';
import { checklistXlsx } from '../../src/reports/checklist-xlsx.ts';
import type { ChecklistWorkbook } from '../../src/reports/checklist-xlsx.ts';
import { dataTemplateXlsx } from '../../src/reports/data-template.ts';
import { nextPlanXlsx } from '../../src/reports/next-plan.ts';
import type { NextPlanDraft, NextPlanRow } from '../../src/services/next-plan.service.ts';

/** The OWASP examples: a DDE command, an @-function, and two sums a spreadsheet would compute. */
const HOSTILE = [`=cmd|' /C calc'!A0`, '@SUM(1+1)', '+1+1', '-1+1'] as const;
const [DDE, AT, PLUS, MINUS] = HOSTILE;
const GENERATED_AT = new Date('2026-01-02T03:04:05Z');

/** Every sheet part of the package, as XML text. */
function sheetXml(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (readZipDirectory(bytes) ?? [])
    .filter((entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name))
    .map((entry) => {
      const at = entry.localHeaderOffset;
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      return new TextDecoder().decode(entry.method === 0 ? data : inflateRawSync(data));
    });
}

interface ReadCell {
  sheet: string;
  address: string;
  type: ExcelJS.ValueType;
  value: ExcelJS.CellValue;
  numFmt: string | undefined;
}

/** Every non-empty cell of the workbook, as a spreadsheet program would load it. */
async function cellsOf(bytes: Uint8Array): Promise<ReadCell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const cells: ReadCell[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push({
          sheet: sheet.name,
          address: cell.address,
          type: cell.type,
          value: cell.value,
          numFmt: cell.numFmt,
        });
      });
    });
  });
  return cells;
}

/** What every writer must hold: no formula anywhere, each hostile text visible as written and Text formatted. */
async function expectNeutralised(bytes: Uint8Array, texts: readonly string[]): Promise<ReadCell[]> {
  for (const xml of sheetXml(bytes)) expect(xml).not.toMatch(/<f[ >]/);
  const cells = await cellsOf(bytes);
  expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
  for (const text of texts) {
    const found = cells.filter((cell) => cell.value === text);
    expect(found.length, text).toBeGreaterThan(0);
    for (const cell of found) {
      expect(cell.type, `${cell.sheet}!${cell.address}`).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt, `${cell.sheet}!${cell.address}`).toBe(TEXT_FORMAT);
    }
  }
  return cells;
}

function checklist(): ChecklistWorkbook {
  const unit = { unit: MINUS, items: 2, done: 1, overdue: -1, inProgress: 0, notStarted: 0 };
  return {
    title: DDE,
    today: '2026-01-02',
    generatedAt: GENERATED_AT,
    rows: HOSTILE.map((text, i) => ({
      number: i + 1,
      kind: i % 2 === 0 ? 'task' : 'commitment',
      group: AT,
      content: text,
      leadUnit: PLUS,
      partnerUnits: [DDE],
      deadline: '2025年底',
      label: { zh: '进行中' },
      progress: text,
      line: 10 + i,
    })),
    units: { ruleText: { zh: '（合成规则）', en: '(synthetic rule)' }, leading: [unit], lagging: [], others: [] },
  };
}

function nextPlanRow(row: number, name: string): NextPlanRow {
  return {
    row,
    line: 100 + row,
    category: PLUS,
    name,
    indicator: null,
    unit: AT,
    attribute: 'expected',
    currentBaseline: { year: 2020, value: -2.5, qualifier: 'exact', provenance: 'reported' },
    currentTarget: null,
    finalStatus: { zh: MINUS, en: 'synthetic' },
    parentTarget: { year: 2030, value: null, raw: DDE, comparator: null },
    newBaseline: null,
    baselineEarlier: false,
    projection: null,
    reason: { zh: AT, en: 'synthetic' },
  };
}

function nextPlanDraft(): NextPlanDraft {
  return {
    plan: { id: 1, title: DDE, region: '140900', period: { start: 2021, end: 2025 } },
    region: { code: '140900', name: '忻州市（合成）' },
    nextPeriod: { start: 2026, end: 2030 },
    basis: 'approved',
    parentPlan: { id: 2, title: PLUS },
    rows: HOSTILE.map((text, i) => nextPlanRow(i + 1, text)),
  };
}

describe('formula-like text in exported workbooks', () => {
  it('the 规划实施清单 shows each task’s text as written, and no cell is a formula', async () => {
    const cells = await expectNeutralised(await checklistXlsx(checklist()), HOSTILE);
    // The numbers of the list and the units' counts, a negative one included, are numbers a sum can use.
    const numbers = cells.filter((cell) => typeof cell.value === 'number').map((cell) => cell.value);
    expect(numbers).toEqual(expect.arrayContaining([1, 2, 3, 4, 10, 11, 12, 13, -1]));
    for (const cell of cells.filter((one) => typeof one.value === 'number')) {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).not.toBe(TEXT_FORMAT);
    }
  });

  it('the next plan’s draft table shows each indicator’s name as written, and no cell is a formula', async () => {
    const cells = await expectNeutralised(await nextPlanXlsx(nextPlanDraft(), GENERATED_AT), HOSTILE);
    // The baseline is a number printed into a text cell ("-2.5（2020）"), which a spreadsheet must not compute.
    const baseline = cells.find((cell) => cell.value === '-2.5（2020）');
    expect(baseline?.numFmt).toBe(TEXT_FORMAT);
    expect(cells.find((cell) => cell.value === 1)?.type).toBe(ExcelJS.ValueType.Number);
  });

  it('the data-entry template shows names and notes as written, and keeps negative figures as numbers', async () => {
    const rows = HOSTILE.map((text, i) => ({
      regionCode: '140900',
      regionName: text,
      subjectId: `synthetic-${String(i)}`,
      subjectName: text,
      subjectKind: 'element' as const,
      unit: '人',
      previousValue: -1.5,
      min: null,
      max: null,
      integer: false,
      value: -3,
      note: text,
      requiredBy: `${text}（合成）`,
    }));
    const bytes = await dataTemplateXlsx({
      regionCode: '140900',
      regionName: '忻州市',
      year: 2024,
      generatedAt: GENERATED_AT,
      rows,
    });
    const cells = await expectNeutralised(bytes, HOSTILE);
    const negatives = cells.filter((cell) => cell.value === -3 || cell.value === -1.5);
    expect(negatives).toHaveLength(2 * HOSTILE.length);
    for (const cell of negatives) {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).not.toBe(TEXT_FORMAT);
    }
  });

  it('leaves ordinary text unformatted, so only the cells at risk change', async () => {
    const cells = await cellsOf(await checklistXlsx(checklist()));
    const plain = cells.find((cell) => cell.value === '2025年底');
    expect(plain?.type).toBe(ExcelJS.ValueType.String);
    expect(plain?.numFmt).not.toBe(TEXT_FORMAT);
  });
});

describe('what counts as formula-like', () => {
  it('= + - @, their full-width forms, and a leading tab or carriage return; not text with them inside', () => {
    for (const text of [...HOSTILE, '＝SUM(A1)', '＋1', '－1', '＠A', '\t=1+1', '\r=1+1']) {
      expect(isFormulaLike(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['学前教育毛入园率', '1+1', ' =1', 'a=b', '—1', '']) {
      expect(isFormulaLike(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('a CSV field gets the apostrophe OWASP recommends, is quoted where needed, and a number stays a number', () => {
    expect(csvField(DDE)).toBe(`'=cmd|' /C calc'!A0`);
    expect(csvField('-1+1')).toBe(`'-1+1`);
    expect(csvField('=HYPERLINK("http://example.com","点击")')).toBe(`"'=HYPERLINK(""http://example.com"",""点击"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('忻州市,2024')).toBe('"忻州市,2024"');
    expect(csvField(null)).toBe('');
  });
});
