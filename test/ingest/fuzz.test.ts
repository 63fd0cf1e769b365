/**
 * The plan reader and the data-file reader under fuzzing: fast-check with a fixed seed (CI replays the same inputs),
 * over the sample plans with lines dropped, duplicated, swapped, cut and sprinkled with CJK, digits, pipes and tabs,
 * the .docx and .pdf fixtures and a SYNTHETIC data sheet with bytes flipped, and arbitrary bytes. Whatever comes in,
 * the readers answer with a plan or a table, or with their own documented error (NotAPlanError, DataFileError) saying
 * where; they never throw anything else, never hang (a bound per MB that catches hangs, not slowness), and every
 * warning with a place points at a line that exists.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, readDataTable } from '../../src/ingest/data/read-table.ts';
import type { DataTable } from '../../src/ingest/data/read-table.ts';
import { NotAPlanError, readPlanDocument } from '../../src/ingest/read.ts';
import type { ReadDocument } from '../../src/ingest/read.ts';

/** One seed for every property, so a failure in CI replays here with the same inputs. */
const SEED = 20261123;
const MB = 1024 * 1024;
let inputs = 0;

const SAMPLES = new URL('../../samples/plans/', import.meta.url);
const FIXTURES = new URL('../fixtures/', import.meta.url);
const seeds = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, SAMPLES), 'utf8') }));
const binaries = readdirSync(FIXTURES)
  .filter((name) => /\.(docx|pdf)$/.test(name))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) }));

/** The hang bound: 30 s per MB with a 2 s floor, generous because CI machines are shared. */
async function bounded<T>(bytes: Uint8Array, run: () => Promise<T>): Promise<T> {
  inputs++;
  const limit = Math.max(2_000, (30_000 * bytes.length) / MB);
  const started = performance.now();
  const result = await run();
  expect(performance.now() - started, `${String(bytes.length)} bytes`).toBeLessThan(limit);
  return result;
}

// ---- Mutations ----

/** Characters plans are made of, and the separators tables use, so inserted text reaches every reader. */
const INSERTED = fc.string({
  unit: fc.constantFrom(
    ...Array.from(
      '一二三四五六七八九十（）、。，；：%“”《》—|\t 0123456789.专栏第章节指标属性约束性预期性年万人所以上≥',
    ),
    '\n',
  ),
  maxLength: 30,
});

type LineEdit =
  { op: 'drop' | 'dup' | 'swap' | 'cut'; at: number; span: number } | { op: 'insert'; at: number; text: string };

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({
    op: fc.constantFrom('drop' as const, 'dup' as const, 'swap' as const, 'cut' as const),
    at: fc.nat(),
    span: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: INSERTED }),
);

/** Applies line edits; `cut` truncates the document inside a line, as a download cut short does. */
function editLines(text: string, edits: readonly LineEdit[]): string {
  let lines = text.split('\n');
  for (const edit of edits) {
    const at = edit.at % Math.max(1, lines.length);
    switch (edit.op) {
      case 'drop':
        lines.splice(at, edit.span);
        break;
      case 'dup':
        lines.splice(at, 0, ...lines.slice(at, at + edit.span));
        break;
      case 'swap': {
        const other = Math.min(lines.length - 1, at + edit.span);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
        break;
      }
      case 'cut': {
        const line = lines[at] ?? '';
        lines = [...lines.slice(0, at), line.slice(0, edit.span % Math.max(1, line.length))];
        break;
      }
      case 'insert':
        lines.splice(at, 0, ...edit.text.split('\n'));
        break;
    }
  }
  return lines.join('\n');
}

const byteFlip = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) });

/** Sets bytes at positions taken modulo the length, on a copy. */
function flipBytes(bytes: Uint8Array, flips: readonly { at: number; value: number }[]): Uint8Array {
  const out = bytes.slice();
  if (out.length === 0) return out;
  for (const { at, value } of flips) out[at % out.length] = value;
  return out;
}

// ---- What a reader may answer ----

/** The warnings about the whole document, which have no line to point at (no title, no table, region guessed). */
const WHOLE_DOCUMENT = /\((no title line|region inferred from the text|no indicator table found)/;

/** A plan read, or NotAPlanError; every line a warning or an item cites exists in the text read. */
async function readPlanSafely(bytes: Uint8Array, name: string): Promise<void> {
  const outcome = await bounded(bytes, () => readPlanDocument(bytes, name).catch((error: unknown) => error));
  if (outcome instanceof NotAPlanError) {
    expect(outcome.zh.length).toBeGreaterThan(5);
    expect(outcome.en).toContain(name);
    return;
  }
  if (outcome instanceof Error) throw outcome;
  const document = outcome as ReadDocument;
  const lineCount = document.text.split('\n').length;
  const cited = [
    ...document.plan.sections,
    ...document.plan.indicators,
    ...document.plan.projects,
    ...document.plan.commitments,
  ];
  for (const item of cited) {
    expect(item.line).toBeGreaterThanOrEqual(1);
    expect(item.line).toBeLessThanOrEqual(lineCount);
  }
  for (const warning of document.plan.warnings) {
    if (warning.line === null) {
      expect(warning.message).toMatch(WHOLE_DOCUMENT);
    } else {
      expect(warning.line).toBeGreaterThanOrEqual(1);
      expect(warning.line).toBeLessThanOrEqual(lineCount);
    }
  }
}

/** A table read, or DataFileError naming the file, and the row wherever the fault is in a row. */
async function readTableSafely(bytes: Uint8Array, name: string): Promise<void> {
  const outcome = await bounded(bytes, () => readDataTable(bytes, name).catch((error: unknown) => error));
  if (outcome instanceof DataFileError) {
    expect(outcome.at.file).toBe(name);
    if (/^DATA_COLUMN_/.test(outcome.code)) expect(outcome.at.row).toBeGreaterThanOrEqual(1);
    if (outcome.code === 'DATA_COLUMN_DUPLICATE') expect(outcome.at.column).toMatch(/^[A-Z]+$/);
    return;
  }
  if (outcome instanceof Error) throw outcome;
  const table = outcome as DataTable;
  if (table.format === 'xlsx') expect(table.sheet).not.toBeNull();
  for (const row of table.rows) {
    expect(row.row).toBeGreaterThanOrEqual(2);
    for (const cell of Object.values(row.cells)) expect(cell.column).toMatch(/^[A-Z]+$/);
  }
}

// ---- The data sheet the importers' fuzzing starts from (SYNTHETIC figures) ----

const HEADER = ['区划代码', '区划名称', '指标或数据项', '年份', '本年数值', '数值性质', '备注'];
const ROWS = Array.from({ length: 40 }, (_, i) => [
  `1409${String(21 + (i % 14)).padStart(2, '0')}`,
  '合成县',
  i % 2 === 0 ? '在园幼儿数' : '学前教育毛入园率',
  '2024',
  String(1000 + i * 37.5),
  i % 5 === 0 ? '以上' : '',
  i % 7 === 0 ? '合成数据，仅供测试' : '',
]);
const CSV = [HEADER, ...ROWS].map((row) => row.join(',')).join('\r\n');

async function workbookBytes(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('填报');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// ---- The properties ----

const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

describe('the plan reader under fuzzing', () => {
  it.each(seeds)(
    'survives $name with lines dropped, duplicated, swapped, cut and sprinkled',
    async ({ name, text }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(lineEdit, { minLength: 1, maxLength: 25 }), async (edits) => {
          await readPlanSafely(new TextEncoder().encode(editLines(text, edits)), name);
        }),
        runs(100),
      );
    },
  );

  it('survives the sample plans’ bytes flipped, which turns some into GB18030, some into binary', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds),
        fc.array(byteFlip, { minLength: 1, maxLength: 12 }),
        async ({ name, text }, flips) => {
          await readPlanSafely(flipBytes(new TextEncoder().encode(text), flips), name);
        },
      ),
      runs(120),
    );
  });

  it.each(binaries)('survives $name with bytes flipped', async ({ name, bytes }) => {
    const pdf = name.endsWith('.pdf');
    await fc.assert(
      fc.asyncProperty(fc.array(byteFlip, { minLength: 1, maxLength: 16 }), async (flips) => {
        await readPlanSafely(flipBytes(bytes, flips), name);
      }),
      runs(pdf ? 25 : 60),
    );
  });

  it('survives arbitrary bytes and arbitrary text of plan characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }),
          INSERTED.map((text) => new TextEncoder().encode(text)),
          fc.string({ unit: 'binary', maxLength: 2_000 }).map((text) => new TextEncoder().encode(text)),
        ),
        async (bytes) => {
          await readPlanSafely(bytes, 'arbitrary.txt');
        },
      ),
      runs(300),
    );
  });
});

describe('the data-file reader under fuzzing', () => {
  it('survives a CSV with lines edited, quotes, separators and formula signs sprinkled, and bytes flipped', async () => {
    const sprinkled = fc.string({
      unit: fc.constantFrom(',', ';', '\t', '"', '=', '+', '-', '@', '\r\n', '\n', '中', '1', '.', ' '),
      maxLength: 12,
    });
    const edit: fc.Arbitrary<LineEdit> = fc.oneof(
      lineEdit,
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: sprinkled }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { maxLength: 15 }),
        fc.array(byteFlip, { maxLength: 6 }),
        async (edits, flips) => {
          await readTableSafely(flipBytes(new TextEncoder().encode(editLines(CSV, edits)), flips), 'fuzz.csv');
        },
      ),
      runs(300),
    );
  });

  it('survives an XLSX with bytes flipped', async () => {
    const bytes = await workbookBytes(ROWS);
    await fc.assert(
      fc.asyncProperty(fc.array(byteFlip, { minLength: 1, maxLength: 16 }), async (flips) => {
        await readTableSafely(flipBytes(bytes, flips), 'fuzz.xlsx');
      }),
      runs(150),
    );
  });

  it('survives an XLSX whose cells hold anything a spreadsheet can: formulas, errors, dates, rich text', async () => {
    const cell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.double({ noNaN: true }),
      fc.constant(null),
      fc.boolean(),
      fc.date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.string({ maxLength: 12 }).map((formula) => ({ formula: `${formula}+1` })),
      fc.constantFrom({ error: '#DIV/0!' as const }, { error: '#REF!' as const }),
      fc.string({ maxLength: 10 }).map((text) => ({ richText: [{ text }, { text: '合成' }] })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { maxLength: 12 }), async (rows) => {
        await readTableSafely(await workbookBytes(rows), 'cells.xlsx');
      }),
      runs(60),
    );
  });
});

afterAll(() => {
  console.log(`fuzz inputs tried: ${String(inputs)} (seed ${String(SEED)}), none crashed or hung`);
});
