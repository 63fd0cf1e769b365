import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DATA_COLUMNS, dataColumnOf, qualifierOf } from '../../src/domain/observations/data-columns.ts';
import type { DataColumnKey } from '../../src/domain/observations/data-columns.ts';
import { DataFileError, readDataTable } from '../../src/ingest/data/read-table.ts';
import type { DataCell, DataTableRow } from '../../src/ingest/data/read-table.ts';
import { dataTemplateXlsx } from '../../src/reports/data-template.ts';
import type { DataTemplateRow } from '../../src/reports/data-template.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The error readDataTable throws, for its code, messages and location. */
async function failure(bytes: Uint8Array, fileName: string): Promise<DataFileError> {
  try {
    await readDataTable(bytes, fileName);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error(`${fileName} was read`);
}

/** Cells as the reader gives them, from text by key and where each key's column is. */
function cells(
  texts: Partial<Record<DataColumnKey, string>>,
  columns: Partial<Record<DataColumnKey, [column: string, header: string]>>,
): Partial<Record<DataColumnKey, DataCell>> {
  const result: Partial<Record<DataColumnKey, DataCell>> = {};
  for (const [key, text] of Object.entries(texts) as [DataColumnKey, string][]) {
    const [column, header] = columns[key] ?? ['?', '?'];
    result[key] = { text, column, header };
  }
  return result;
}

/** A ZIP archive whose sizes are whatever the test declares, to play a zip bomb. */
function zip(entries: { name: string; data: Uint8Array; method: 0 | 8; declaredSize: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('headers and qualifiers', () => {
  it('resolves every header and alias to its own column, so no alias is taken twice', () => {
    for (const column of DATA_COLUMNS) {
      for (const header of [column.zh, column.en, column.key, ...column.aliases]) {
        expect(dataColumnOf(header), header).toBe(column.key);
      }
    }
  });

  it('ignores case, width, spacing, marks and what brackets hold', () => {
    expect(dataColumnOf('本年数值（%）')).toBe('value');
    expect(dataColumnOf('＊本年数值【必填】')).toBe('value');
    expect(dataColumnOf(' Region_Code ')).toBe('regionCode');
    expect(dataColumnOf('REGION-CODE')).toBe('regionCode');
    expect(dataColumnOf('上年数值')).toBe('previousValue');
    expect(dataColumnOf('数据来源')).toBe('source');
    expect(dataColumnOf('说明')).toBe('note');
    expect(dataColumnOf('合计')).toBeNull();
    expect(dataColumnOf('（%）')).toBeNull();
  });

  it('reads a qualifier in the words of the template, the CSV and the sources', () => {
    for (const text of ['', '准确值', 'exact', ' EXACT ']) expect(qualifierOf(text), text).toBe('exact');
    for (const text of ['下限（不少于）', '下限(不少于)', 'at_least', 'at least', '以上', '不少于', '≥']) {
      expect(qualifierOf(text), text).toBe('at_least');
    }
    expect(qualifierOf('约')).toBeNull();
  });
});

const TEMPLATE_COLUMNS: Partial<Record<DataColumnKey, [string, string]>> = {
  regionCode: ['A', '区划代码'],
  regionName: ['B', '区划名称'],
  subjectId: ['C', '指标代码'],
  subjectName: ['D', '指标或数据项'],
  subjectKind: ['E', '类型'],
  unit: ['F', '单位'],
  year: ['G', '年份'],
  value: ['I', '本年数值'],
  qualifier: ['J', '数值性质'],
  source: ['K', '数据来源'],
  note: ['L', '备注'],
  comment: ['M', '变动说明'],
};

const ROWS: DataTemplateRow[] = [
  {
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
    requiredBy: '忻州市“十四五”教育事业发展规划 指标表第3行',
  },
  {
    regionCode: '140900',
    regionName: '忻州市',
    subjectId: 'kindergarten-children',
    subjectName: '在园幼儿数',
    subjectKind: 'element',
    unit: '人',
    previousValue: null,
    min: 0,
    max: null,
    integer: true,
    value: 41250,
    note: '草稿',
    requiredBy: '忻州市“十四五”教育事业发展规划',
  },
  {
    regionCode: '140902',
    regionName: '=忻府区',
    subjectId: 'kindergartens',
    subjectName: '幼儿园数',
    subjectKind: 'element',
    unit: '所',
    previousValue: 80,
    min: 0,
    max: null,
    integer: true,
    value: null,
    note: null,
    requiredBy: '忻州市“十四五”教育事业发展规划',
  },
];

describe('the template, filled in and read back', () => {
  it('gives the rows, row numbers and column letters a person sees in Excel', async () => {
    const template = await dataTemplateXlsx({
      regionCode: '140900',
      regionName: '忻州市',
      year: 2024,
      rows: ROWS,
      generatedAt: new Date('2025-01-02T03:04:05Z'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.slice().buffer);
    const sheet = workbook.getWorksheet('填报');
    if (sheet === undefined) throw new Error('no 填报');
    sheet.getCell('I2').value = 91.5;
    sheet.getCell('J2').value = '下限（不少于）';
    sheet.getCell('K2').value = '2024年教育统计年鉴';
    sheet.getCell('M2').value = '新建 3 所公办园';
    sheet.getCell('I4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const table = await readDataTable(filled, '忻州市2024年数据.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.sheet).toBe('填报');
    expect(table.columns).toEqual(
      Object.fromEntries(Object.entries(TEMPLATE_COLUMNS).map(([key, [column, header]]) => [key, { column, header }])),
    );
    const common = { regionCode: '140900', regionName: '忻州市', year: '2024' };
    expect(table.rows).toEqual<DataTableRow[]>([
      {
        row: 2,
        cells: cells(
          {
            ...common,
            subjectId: 'preschool-gross-enrolment-rate',
            subjectName: '学前教育毛入园率',
            subjectKind: '指标',
            unit: '%',
            value: '91.5',
            qualifier: '下限（不少于）',
            source: '2024年教育统计年鉴',
            comment: '新建 3 所公办园',
          },
          TEMPLATE_COLUMNS,
        ),
      },
      {
        row: 3,
        cells: cells(
          {
            ...common,
            subjectId: 'kindergarten-children',
            subjectName: '在园幼儿数',
            subjectKind: '数据项',
            unit: '人',
            value: '41250',
            note: '草稿',
          },
          TEMPLATE_COLUMNS,
        ),
      },
      {
        row: 4,
        cells: cells(
          {
            regionCode: '140902',
            regionName: '=忻府区',
            subjectId: 'kindergartens',
            subjectName: '幼儿园数',
            subjectKind: '数据项',
            unit: '所',
            year: '2024',
            value: '#DIV/0!',
          },
          TEMPLATE_COLUMNS,
        ),
      },
    ]);
  });
});

describe('an XLSX of its own making', () => {
  it('finds the sheet and the header below a title, and reads each cell as Excel shows it', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('封面').getCell('A1').value = '忻州市2024年教育统计数据';
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(['忻州市 2024 年数据']);
      sheet.addRow(['region', 'indicator', 'year', 'value', 'note']);
      sheet.addRow([
        '忻州市',
        { richText: [{ text: '学前教育', font: { bold: true } }, { text: '毛入园率' }] },
        2024,
        { formula: '0.1+0.2', result: 0.30000000000000004 },
        '=1+2',
      ]);
      sheet.addRow(['忻府区', '普惠性幼儿园覆盖率', 2024, 0.955, new Date(Date.UTC(2024, 0, 31))]);
      sheet.getCell('D4').numFmt = '0.0%';
      sheet.addRow([]);
      sheet.addRow(['定襄县', '在园幼儿数', 2024, { formula: 'SUM(A1:A2)' }, true]);
      sheet.addRow(['五台县', '教育经费', 2024, 1234567.891, { text: '来源', hyperlink: 'http://example.com' }]);
      sheet.addRow(['代县', '幼儿园数', 2024, -5, '  前后空格  ']);
      sheet.addRow(['繁峙县', '幼儿园数', 2024, 12, null]);
      sheet.addRow([null, '在园幼儿数', 2024, 13, null]);
      sheet.mergeCells('A9:A10');
    });
    const table = await readDataTable(bytes, 'own.xlsx');
    expect(table.sheet).toBe('数据');
    const where: Partial<Record<DataColumnKey, [string, string]>> = {
      regionName: ['A', 'region'],
      subjectName: ['B', 'indicator'],
      year: ['C', 'year'],
      value: ['D', 'value'],
      note: ['E', 'note'],
    };
    expect(table.rows).toEqual<DataTableRow[]>([
      {
        row: 3,
        cells: cells(
          { regionName: '忻州市', subjectName: '学前教育毛入园率', year: '2024', value: '0.3', note: '=1+2' },
          where,
        ),
      },
      {
        row: 4,
        cells: cells(
          { regionName: '忻府区', subjectName: '普惠性幼儿园覆盖率', year: '2024', value: '95.5%', note: '2024-01-31' },
          where,
        ),
      },
      {
        row: 6,
        cells: cells(
          { regionName: '定襄县', subjectName: '在园幼儿数', year: '2024', value: '=SUM(A1:A2)', note: 'TRUE' },
          where,
        ),
      },
      {
        row: 7,
        cells: cells(
          { regionName: '五台县', subjectName: '教育经费', year: '2024', value: '1234567.891', note: '来源' },
          where,
        ),
      },
      {
        row: 8,
        cells: cells(
          { regionName: '代县', subjectName: '幼儿园数', year: '2024', value: '-5', note: '前后空格' },
          where,
        ),
      },
      { row: 9, cells: cells({ regionName: '繁峙县', subjectName: '幼儿园数', year: '2024', value: '12' }, where) },
      // A merged cell is read in its top-left cell only.
      { row: 10, cells: cells({ subjectName: '在园幼儿数', year: '2024', value: '13' }, where) },
    ]);
  });

  it('names the sheet and the header row when a required column is missing', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('填报').addRow(['区划代码', '指标代码', '本年数值']);
    });
    const error = await failure(bytes, 'no-year.xlsx');
    expect(error.code).toBe('DATA_COLUMN_MISSING');
    expect(error.at).toEqual({ file: 'no-year.xlsx', sheet: '填报', row: 1 });
    expect(error.messages.zh).toContain('工作表“填报”第 1 行的表头缺少“年份”列');
    expect(error.messages.en).toContain('lacks the column Year');
  });
});

describe('CSV', () => {
  it('reads UTF-8 with a BOM and the English headers of real-stats.csv, keeping row numbers across blank lines', async () => {
    const text = [
      'region,indicator,year,value,unit,qualifier,source,quote,note,comment',
      '全国,学前教育毛入园率,2022,89.7,%,exact,http://example.com/2022,学前教育毛入园率89.7%,,',
      '',
      ',,,,,,,,,',
      '山西省,学前教育毛入园率,2023,92,%,at_least,http://example.com/2023,"超过92%, 据报道","a ""quoted"" note",',
      '',
    ].join('\r\n');
    const table = await readDataTable(utf8(`\ufeff${text}`), 'real-stats.csv');
    expect(table).toMatchObject({ format: 'csv', sheet: null });
    const where: Partial<Record<DataColumnKey, [string, string]>> = {
      regionName: ['A', 'region'],
      subjectName: ['B', 'indicator'],
      year: ['C', 'year'],
      value: ['D', 'value'],
      unit: ['E', 'unit'],
      qualifier: ['F', 'qualifier'],
      source: ['G', 'source'],
      quote: ['H', 'quote'],
      note: ['I', 'note'],
      comment: ['J', 'comment'],
    };
    expect(Object.keys(table.columns)).toEqual(Object.keys(where));
    const row = { subjectName: '学前教育毛入园率', unit: '%' };
    expect(table.rows).toEqual<DataTableRow[]>([
      {
        row: 2,
        cells: cells(
          {
            ...row,
            regionName: '全国',
            year: '2022',
            value: '89.7',
            qualifier: 'exact',
            source: 'http://example.com/2022',
            quote: '学前教育毛入园率89.7%',
          },
          where,
        ),
      },
      {
        row: 5,
        cells: cells(
          {
            ...row,
            regionName: '山西省',
            year: '2023',
            value: '92',
            qualifier: 'at_least',
            source: 'http://example.com/2023',
            quote: '超过92%, 据报道',
            note: 'a "quoted" note',
          },
          where,
        ),
      },
    ]);
  });

  it('reads GB18030, as Excel in China saves CSV (fixture made with iconv)', async () => {
    const bytes = readFileSync(new URL('../fixtures/data/gb18030.csv', import.meta.url));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const table = await readDataTable(bytes, '忻州市.csv');
    const where: Partial<Record<DataColumnKey, [string, string]>> = {
      regionCode: ['A', '区划代码'],
      regionName: ['B', '区划名称'],
      subjectName: ['C', '指标名称'],
      year: ['D', '年份'],
      value: ['E', '数值'],
      unit: ['F', '单位'],
      qualifier: ['G', '数值性质'],
      source: ['H', '数据来源'],
      note: ['I', '说明'],
    };
    expect(table.rows).toEqual<DataTableRow[]>([
      {
        row: 2,
        cells: cells(
          {
            regionCode: '140900',
            regionName: '忻州市',
            subjectName: '学前教育毛入园率',
            year: '2024',
            value: '91.5',
            unit: '%',
            qualifier: '准确值',
            source: '忻州市教育统计年鉴',
          },
          where,
        ),
      },
      {
        row: 4,
        cells: cells(
          {
            regionCode: '140902',
            regionName: '忻府区',
            subjectName: '在园幼儿数',
            year: '2024',
            value: '12,345',
            unit: '人',
            qualifier: '以上',
            note: '含民办；生僻字𠮷',
          },
          where,
        ),
      },
    ]);
  });

  it('reads tab-separated UTF-16 and keeps formula-like cells as text', async () => {
    const text =
      '\ufeff地区\t指标\t年份\t数值\n忻州市\t甲\t2024\t=1+2\n忻州市\t乙\t2024\t+3\n忻州市\t丙\t2024\t-5\n忻州市\t丁\t2024\t@x\n';
    const table = await readDataTable(new Uint8Array(Buffer.from(text, 'utf16le')), 'unicode.txt');
    expect(table.rows.map((row) => [row.row, row.cells.value?.text, row.cells.value?.column])).toEqual([
      [2, '=1+2', 'D'],
      [3, '+3', 'D'],
      [4, '-5', 'D'],
      [5, '@x', 'D'],
    ]);
  });

  it('reads semicolon-separated CSV, as European Excel writes it', async () => {
    const table = await readDataTable(utf8('region;indicator;year;value\n忻州市;甲;2024;1,5\n'), 'semicolon.csv');
    expect(table.rows[0]?.cells.value?.text).toBe('1,5');
  });

  it('reads back any table of cells written with proper quoting', async () => {
    const cellText = fc.string({
      unit: fc.constantFrom('a', 'Z', '1', '.', '"', ',', ';', '\t', '\n', '\r\n', ' ', '=', '-', '@', '中', '文', '“'),
      maxLength: 12,
    });
    const quote = (cell: string): string => (/[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const headers = ['region', 'indicator', 'year', 'value'] as const;
    const keys = ['regionName', 'subjectName', 'year', 'value'] as const;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cellText, cellText, cellText, cellText), { maxLength: 8 }), async (rows) => {
        const csv = [headers.join(','), ...rows.map((row) => row.map(quote).join(','))].join('\r\n');
        const table = await readDataTable(utf8(csv), 'random.csv');
        const expected = rows
          .map((row, i): DataTableRow => {
            const cells: Partial<Record<DataColumnKey, DataCell>> = {};
            row.forEach((cell, column) => {
              const text = cell.trim();
              const key = keys[column];
              if (text !== '' && key !== undefined) {
                cells[key] = { text, column: 'ABCD'.charAt(column), header: headers[column] ?? '' };
              }
            });
            return { row: i + 2, cells };
          })
          .filter((row) => Object.keys(row.cells).length > 0);
        expect(table.rows).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('files that are refused', () => {
  it('an old .xls, with the advice to save it as .xlsx or CSV', async () => {
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failure(xls, '数据.xls');
    expect(error.code).toBe('DATA_FILE_XLS');
    expect(error.at).toEqual({ file: '数据.xls' });
    expect(error.messages.zh).toContain('请另存为 .xlsx 或 CSV');
    expect(error.messages.en).toContain('save it as .xlsx or CSV');
  });

  it('a zip bomb, by its declared size, by its real size behind a lying header, and by its ratio', async () => {
    const declared = zip([{ name: 'xl/workbook.xml', data: utf8('<x/>'), method: 0, declaredSize: 0xfffffff0 }]);
    const zeros = (size: number): Uint8Array => new Uint8Array(deflateRawSync(Buffer.alloc(size)));
    const lying = zip([{ name: 'xl/workbook.xml', data: zeros(60 * 1024 * 1024), method: 8, declaredSize: 1000 }]);
    const ratio = zip([
      { name: 'xl/workbook.xml', data: zeros(5 * 1024 * 1024), method: 8, declaredSize: 5 * 1024 * 1024 },
    ]);
    for (const [name, bytes] of [
      ['declared.xlsx', declared],
      ['lying.xlsx', lying],
      ['ratio.xlsx', ratio],
    ] as const) {
      const error = await failure(bytes, name);
      expect(error.code, name).toBe('DATA_FILE_TOO_LARGE');
      expect(error.at, name).toEqual({ file: name });
    }
  });

  it('a Word document, a damaged archive, an empty file and binary data', async () => {
    const docx = zip([{ name: 'word/document.xml', data: utf8('<w/>'), method: 0, declaredSize: 4 }]);
    expect((await failure(docx, 'plan.docx')).messages.zh).toContain('Word 文档');
    expect((await failure(docx, 'plan.docx')).code).toBe('DATA_FILE_UNSUPPORTED');
    expect((await failure(utf8('PK\u0003\u0004 truncated'), 'cut.xlsx')).code).toBe('DATA_FILE_DAMAGED');
    expect((await failure(new Uint8Array(), 'empty.csv')).code).toBe('DATA_FILE_EMPTY');
    const png = new Uint8Array(64);
    png.set([0x89, 0x50, 0x4e, 0x47]);
    expect((await failure(png, 'photo.csv')).code).toBe('DATA_FILE_UNSUPPORTED');
  });

  it('a CSV without a value column, naming the header row below a title and the column to add', async () => {
    const error = await failure(
      utf8('忻州市2024年数据\nregion,indicator,year\n忻州市,学前教育毛入园率,2024\n'),
      'x.csv',
    );
    expect(error.code).toBe('DATA_COLUMN_MISSING');
    expect(error.at).toEqual({ file: 'x.csv', row: 2 });
    expect(error.messages.zh).toBe('文件“x.csv”第 2 行的表头缺少“本年数值”列：请在表头加上该列（列名见填报模板）');
    expect(error.messages.en).toContain('lacks the column Value: add it');
  });

  it('a CSV without any header, with two columns of one kind, or with an unpaired quote', async () => {
    expect((await failure(utf8('a,b\n1,2\n'), 'none.csv')).code).toBe('DATA_HEADER_NOT_FOUND');
    const twice = await failure(utf8('地区,指标,年份,数值,value\n'), 'twice.csv');
    expect(twice.code).toBe('DATA_COLUMN_DUPLICATE');
    expect(twice.at).toEqual({ file: 'twice.csv', row: 1, column: 'E' });
    const quote = await failure(utf8('region,indicator,year,value\n忻州市,"甲,2024,1\n'), 'quote.csv');
    expect(quote.code).toBe('DATA_CSV_INVALID');
    expect(quote.at).toEqual({ file: 'quote.csv', row: 2 });
  });
});
