/**
 * Hostile files (all SYNTHETIC, made here in memory): zip bombs, XML entity tricks, programs and PDFs under other
 * names, broken and oversized PDFs, formula injection in data files, and uploads over the limits. Each goes through
 * the path a person's upload takes (readPlanDocument, readDataTable, the import and evidence routes) and is refused
 * with a message that says what and where, in both languages, or read as harmless text; nothing is stored, nothing
 * is expanded, nothing is evaluated.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError, readDataTable } from '../../src/ingest/data/read-table.ts';
import { extractText } from '../../src/ingest/extract/index.ts';
import { NotAPlanError, readPlanDocument } from '../../src/ingest/read.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { checkEvidence } from '../../src/services/evidence.service.ts';
import { ServiceError } from '../../src/services/errors.ts';
import type { ErrorBody } from '../../src/http/errors.ts';
import { testDialects } from '../db/dialects.ts';
import { windowsProgram } from '../http/evidence.files.ts';
import { multipart, openApi } from '../http/fixture.ts';
import type { ApiFixture } from '../http/fixture.ts';

const MB = 1024 * 1024;
/** Tried files by kind, printed once at the end for docs/security.md. */
const tried = new Map<string, number>();
const count = (kind: string): void => {
  tried.set(kind, (tried.get(kind) ?? 0) + 1);
};

/** A hang bound, not a speed test: 30 s per MB with a 5 s floor, generous because CI machines are shared. */
async function bounded<T>(bytes: Uint8Array, run: () => Promise<T>): Promise<T> {
  const limit = Math.max(5_000, (30_000 * bytes.length) / MB);
  const started = performance.now();
  const result = await run();
  expect(performance.now() - started).toBeLessThan(limit);
  return result;
}

async function planRefusal(bytes: Uint8Array, name: string, kind: string): Promise<NotAPlanError> {
  count(kind);
  const outcome = await bounded(bytes, () => readPlanDocument(bytes, name).catch((error: unknown) => error));
  if (!(outcome instanceof NotAPlanError)) throw new Error(`${name} was not refused: ${String(outcome)}`);
  // The file is named in both languages, and the Chinese says as much as the English.
  expect(outcome.zh).toContain(name);
  expect(outcome.en).toContain(name);
  expect(outcome.zh).toMatch(/\p{Script=Han}{4}/u);
  return outcome;
}

async function dataRefusal(bytes: Uint8Array, name: string, kind: string): Promise<DataFileError> {
  count(kind);
  const outcome = await bounded(bytes, () => readDataTable(bytes, name).catch((error: unknown) => error));
  if (!(outcome instanceof DataFileError)) throw new Error(`${name} was not refused: ${String(outcome)}`);
  expect(outcome.at.file).toBe(name);
  expect(outcome.messages.zh).toContain(name);
  expect(outcome.messages.en).toContain(name);
  return outcome;
}

// ---- Makers ----

/** A ZIP archive written byte by byte, so that an entry can hold pre-deflated data and declare any size. */
function zip(entries: { name: string; data: Uint8Array; deflated?: boolean; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.deflated === true ? 8 : 0;
    const declared = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(declared, 24);
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

/**
 * Raw deflate data that unpacks to `mb` MB of spaces, built without holding them: one MB deflated once and flushed
 * to a byte boundary, repeated, then a final empty block. About 1 KB per MB, so 4 GB fits in 4 MB.
 */
function deflateBomb(mb: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(MB, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => chunk), deflateRawSync(Buffer.alloc(0))]);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A classic billion laughs and an external entity reading /etc/passwd, for a root element `root`. */
function entityTricks(root: string): string {
  const levels = Array.from({ length: 9 }, (_, i) => {
    const inner = i === 0 ? '&lol;' : `&lol${String(i)};`;
    return `<!ENTITY lol${String(i + 1)} "${inner.repeat(10)}">`;
  });
  return `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">${levels.join('')}]>`;
}

/** A minimal .docx, as Word would structure it, with the given body XML. */
async function docx(documentXml: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const archive = new JSZip();
  archive.file(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  archive.file(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  archive.file('word/document.xml', documentXml);
  for (const [name, text] of Object.entries(extra)) archive.file(name, text);
  return new Uint8Array(await archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

const paragraphs = (...texts: string[]): string =>
  texts.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join('');

/** A well-formed data workbook (SYNTHETIC figures) whose parts a test may then tamper with. */
async function dataWorkbook(rows: (string | number | ExcelJS.CellFormulaValue)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('填报');
  sheet.addRow(['区划代码', '指标或数据项', '年份', '本年数值', '备注']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function tamper(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const archive = await JSZip.loadAsync(bytes);
  const file = archive.file(part);
  if (file === null) throw new Error(`no ${part}`);
  archive.file(part, edit(await file.async('string')));
  return new Uint8Array(await archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** A PDF from its objects (a dictionary, or a dictionary and its stream's bytes), with a correct xref table. */
function pdf(objects: (string | [string, Uint8Array])[]): Uint8Array {
  const chunks: Buffer[] = [];
  let length = 0;
  const push = (part: string | Uint8Array): void => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part);
    chunks.push(buffer);
    length += buffer.length;
  };
  push('%PDF-1.4\n');
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') {
      push(`${String(i + 1)} 0 obj\n${object}\nendobj\n`);
    } else {
      push(`${String(i + 1)} 0 obj\n${object[0]}\nstream\n`);
      push(object[1]);
      push('\nendstream\nendobj\n');
    }
  });
  const xref = length;
  push(`xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`);
  for (const at of offsets) push(`${String(at).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';

function emptyPages(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, i) => `${String(i + 3)} 0 R`).join(' ');
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';
  return pdf([
    CATALOG,
    `<< /Type /Pages /Kids [${kids}] /Count ${String(count)} >>`,
    ...Array.from({ length: count }, () => page),
  ]);
}

/** One page at the largest size PDF allows (200 inches square) with `runs` text runs scattered over it. */
function hugePage(runs: number): Uint8Array {
  const content = Array.from(
    { length: runs },
    (_, i) => `BT /F1 9 Tf ${String((i * 37) % 14000)} ${String((i * 53) % 14000)} Td (r${String(i)}) Tj ET`,
  ).join('\n');
  return pdf([
    CATALOG,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    [`<< /Length ${String(content.length)} >>`, Buffer.from(content, 'latin1')],
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/**
 * A page whose content is FlateDecode bombs: `streams` streams of `mb` MB of spaces each, optionally followed by
 * garbage (a damaged stream, which pdf.js still decodes up to the damage).
 */
function flateBombPdf(mb: number, streams = 1, damaged = false): Uint8Array {
  const zlibHeader = deflateSync(Buffer.alloc(0)).subarray(0, 2);
  const tail = damaged ? Buffer.from('garbage, not deflate data') : Buffer.alloc(4);
  const data = Buffer.concat([zlibHeader, deflateBomb(mb).subarray(0, damaged ? -2 : undefined), tail]);
  const contents = Array.from({ length: streams }, (_, i) => `${String(i + 4)} 0 R`).join(' ');
  return pdf([
    CATALOG,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${contents}] >>`,
    ...Array.from({ length: streams }, (): [string, Uint8Array] => [
      `<< /Length ${String(data.length)} /Filter /FlateDecode >>`,
      data,
    ]),
  ]);
}

const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(56).fill(0)]);
const PDF_FIXTURE = new Uint8Array(readFileSync(new URL('../fixtures/004_bb7b55e5c43c95eb.pdf', import.meta.url)));
const XINZHOU_TEXT = readFileSync(new URL('../../samples/plans/000_cb1b58f4760fbe36.txt', import.meta.url), 'utf8');

// ---- The reader and the data-file reader, pure ----

describe('zip bombs', () => {
  // Four GB of spaces in 4 MB: what the reader must never unpack.
  const bomb = deflateBomb(4095);
  const maxRssBefore = process.resourceUsage().maxRSS;

  it('a .docx whose document.xml unpacks to 4 GB is refused, whether its header admits the size or lies', async () => {
    for (const [name, declaredSize] of [
      ['honest-bomb.docx', 0xfff00000],
      ['lying-bomb.docx', 1000],
    ] as const) {
      const bytes = zip([{ name: 'word/document.xml', data: bomb, deflated: true, declaredSize }]);
      expect(bytes.length).toBeLessThan(5 * MB);
      const error = await planRefusal(bytes, name, 'zip bomb (.docx)');
      expect(error.en).toMatch(/word\/document\.xml unpacks to more than .*zip bomb/);
      expect(error.zh).toContain('解压后超过 64 MB');
    }
  });

  it('an .xlsx whose sheet unpacks to 4 GB is refused, by the data-file reader and the plan reader alike', async () => {
    for (const [name, declaredSize] of [
      ['honest-bomb.xlsx', 0xfff00000],
      ['lying-bomb.xlsx', 1000],
    ] as const) {
      const bytes = zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: bomb, deflated: true, declaredSize },
      ]);
      const error = await dataRefusal(bytes, name, 'zip bomb (.xlsx)');
      expect(error.code).toBe('DATA_FILE_TOO_LARGE');
      expect(error.messages.zh).toContain('解压后超过 50 MB');
    }
  });

  it('a PDF whose page content unpacks to gigabytes is refused before pdf.js unpacks it', async () => {
    // One 4 GB stream; or eight damaged streams of 200 MB each, none over the limit alone.
    for (const [name, bytes] of [
      ['bomb.pdf', flateBombPdf(4095)],
      ['damaged-bombs.pdf', flateBombPdf(200, 8, true)],
    ] as const) {
      const error = await planRefusal(bytes, name, 'decompression bomb (.pdf)');
      expect(error.en).toContain('unpack to more than 256 MB');
      expect(error.zh).toContain('疑为压缩炸弹');
    }
  });

  it('none of them was unpacked: the process never held even 1.5 GB more than before', () => {
    // maxRSS is the process's high-water mark; any bomb unpacked in full would have lifted it by 4 GB.
    const grown = (process.resourceUsage().maxRSS - maxRssBefore) * 1024;
    expect(grown).toBeLessThan(1.5 * 1024 * MB);
  });
});

describe('XML entity tricks (XXE, billion laughs)', () => {
  it('a .docx declaring entities in document.xml, or only in a relationship part, is refused and nothing leaks', async () => {
    const body = `<w:body>${paragraphs('忻州市“十四五”教育事业发展规划', '一、总体要求 &xxe;', '二、主要任务 &lol9;')}</w:body>`;
    const inDocument = await docx(
      `${XML_HEAD}${entityTricks('w:document')}<w:document xmlns:w="${W}">${body}</w:document>`,
    );
    const inRels = await docx(`${XML_HEAD}<w:document xmlns:w="${W}">${body.replace(/&\w+;/g, '')}</w:document>`, {
      'word/_rels/document.xml.rels': `${XML_HEAD}<!DOCTYPE r SYSTEM "file:///etc/passwd"><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
    });
    for (const [name, bytes, part] of [
      ['xxe.docx', inDocument, 'word/document.xml'],
      ['xxe-rels.docx', inRels, 'word/_rels/document.xml.rels'],
    ] as const) {
      const error = await planRefusal(bytes, name, 'XML entities (.docx)');
      expect(error.en).toContain(`${part} declares a DTD`);
      expect(error.zh).toContain('DTD 实体声明');
      expect(`${error.zh}${error.en}`).not.toContain('root:');
      expect(`${error.zh}${error.en}`).not.toContain('lollol');
    }
  });

  it('an .xlsx declaring entities in a sheet, the shared strings or the workbook is refused, naming the part', async () => {
    const good = await dataWorkbook([['140902', '在园幼儿数', 2024, 41250, 'NOTE']]);
    const cases = [
      ['xl/worksheets/sheet1.xml', '<worksheet'],
      ['xl/sharedStrings.xml', '<sst'],
      ['xl/workbook.xml', '<workbook'],
    ] as const;
    for (const [part, root] of cases) {
      const bytes = await tamper(good, part, (xml) =>
        xml.replace(root, `${entityTricks(root.slice(1))}${root}`).replace('NOTE', '&xxe;&lol9;'),
      );
      const name = `xxe-${part.split('/').at(-1) ?? ''}.xlsx`;
      const error = await dataRefusal(bytes, name, 'XML entities (.xlsx)');
      expect(error.code).toBe('DATA_FILE_UNSAFE');
      expect(error.messages.en).toContain(`${part} declares a DTD`);
      expect(JSON.stringify(error)).not.toContain('root:');
    }
  });

  it('an entity written as text (&amp;xxe;) is read as those characters and nothing more', async () => {
    const xml = `${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${paragraphs(
      '忻州市“十四五”教育事业发展规划',
      '一、总体要求',
      '坚持&amp;xxe;与&lt;script&gt;原样显示。',
      '二、主要任务',
    )}</w:body></w:document>`;
    count('XML entities (.docx)');
    const { text } = await extractText(await docx(xml), 'escaped.docx');
    expect(text).toContain('坚持&xxe;与<script>原样显示。');
    expect(text).not.toContain('root:');
  });
});

describe('files that are not what their names say', () => {
  it('a Linux or Windows program named .docx, or a workbook named .docx, is refused as what it is', async () => {
    const cases = [
      ['规划.docx', ELF, '可执行程序', 'a program (executable)'],
      ['规划2.docx', windowsProgram(), '可执行程序', 'a program (executable)'],
      [
        '规划3.docx',
        zip([{ name: 'xl/workbook.xml', data: Buffer.from('<w/>') }]),
        'Excel 工作簿',
        'an Excel workbook',
      ],
    ] as const;
    for (const [name, bytes, zh, en] of cases) {
      const error = await planRefusal(bytes, name, 'disguised file (plan)');
      expect(error.zh).toContain(zh);
      expect(error.en).toContain(`${name} is ${en}`);
    }
  });

  it('a PDF, a program or a Word document named .xlsx is refused by the data-file reader as what it is', async () => {
    const wordDocument = await docx(`${XML_HEAD}<w:document xmlns:w="${W}"><w:body/></w:document>`);
    const cases = [
      ['数据.xlsx', PDF_FIXTURE, 'PDF 文件', 'a PDF'],
      ['数据2.xlsx', ELF, '可执行程序', 'a program (executable)'],
      ['数据3.xlsx', windowsProgram(), '可执行程序', 'a program (executable)'],
      ['数据4.xlsx', wordDocument, 'Word 文档', 'a Word document'],
    ] as const;
    for (const [name, bytes, zh, en] of cases) {
      const error = await dataRefusal(bytes, name, 'disguised file (data)');
      expect(error.code).toBe('DATA_FILE_UNSUPPORTED');
      expect(error.messages.zh).toContain(zh);
      expect(error.messages.en).toContain(`${name} is ${en}`);
    }
  });

  it('a real plan PDF named .docx is read by its content, as a PDF', async () => {
    count('disguised file (plan)');
    const document = await readPlanDocument(PDF_FIXTURE, '规划.docx');
    expect(document.format).toBe('pdf');
  });
});

describe('broken and oversized PDFs', () => {
  it('a PDF cut short anywhere, or with its cross-reference table scrambled, is refused as an unreadable .pdf', async () => {
    const cuts = [0.01, 0.1, 0.5, 0.9, 0.999].map((share) =>
      PDF_FIXTURE.slice(0, Math.floor(PDF_FIXTURE.length * share)),
    );
    const junk = new TextEncoder().encode(
      `%PDF-1.7\n${'1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n'.repeat(50)}`,
    );
    for (const [i, bytes] of [...cuts, junk].entries()) {
      const name = `broken-${String(i)}.pdf`;
      const error = await planRefusal(bytes, name, 'broken PDF');
      expect(error.en).toMatch(new RegExp(`^${name} is (not a readable \\.pdf|a PDF without a text layer)`));
      expect(error.zh).toMatch(/无法读取|没有文字层/);
    }
  });

  it('a PDF whose cross-reference table is scrambled is rebuilt by scanning its objects, and reads as the plan', async () => {
    count('broken PDF');
    const scrambled = PDF_FIXTURE.slice();
    const xref = Buffer.from(scrambled).lastIndexOf('xref');
    scrambled.fill(0x39, xref, scrambled.length - 6);
    const document = await bounded(scrambled, () => readPlanDocument(scrambled, 'scrambled.pdf'));
    expect(document.plan.title).toBe((await readPlanDocument(PDF_FIXTURE, 'intact.pdf')).plan.title);
  });

  it('a PDF of 2,000 empty pages is refused in bounded time as having no text', async () => {
    const error = await planRefusal(emptyPages(2000), 'empty-pages.pdf', 'oversized PDF');
    expect(error.en).toContain('without a text layer');
    expect(error.zh).toContain('没有文字层');
  });

  it('one 200-inch page with 100,000 scattered runs is read in bounded time and refused as no plan', async () => {
    const bytes = hugePage(100_000);
    expect(bytes.length).toBeGreaterThan(3 * MB);
    const error = await planRefusal(bytes, 'huge-page.pdf', 'oversized PDF');
    expect(error.en).toContain('has no plan title, chapters');
  });
});

describe('formula injection in data files', () => {
  it('an XLSX formula is never evaluated: a cached result is read as it was shown, a bare formula as its text', async () => {
    count('formula injection (data)');
    const bytes = await dataWorkbook([
      ['140902', '在园幼儿数', 2024, { formula: '1+1', result: 2 }, { formula: `cmd|' /C calc'!A0`, result: '' }],
      ['140902', '幼儿园数', 2024, { formula: `cmd|' /C calc'!A0` }, '=HYPERLINK("http://example.com")'],
    ]);
    const table = await readDataTable(bytes, 'formulas.xlsx');
    // A formula whose cached result is empty is read as its own text: a note that says what was in the cell.
    expect(table.rows.map((row) => [row.row, row.cells.value?.text, row.cells.note?.text])).toEqual([
      [2, '2', `=cmd|' /C calc'!A0`],
      [3, `=cmd|' /C calc'!A0`, '=HYPERLINK("http://example.com")'],
    ]);
  });

  it('a CSV keeps =, +, - and @ cells as the characters typed', async () => {
    count('formula injection (data)');
    const csv = `区划代码,指标或数据项,年份,本年数值,备注\n140902,在园幼儿数,2024,=1+1,"=cmd|' /C calc'!A0"\n140902,幼儿园数,2024,@SUM(1+1),+1+1\n`;
    const table = await readDataTable(new TextEncoder().encode(csv), 'formulas.csv');
    expect(table.rows.map((row) => [row.cells.value?.text, row.cells.note?.text])).toEqual([
      ['=1+1', `=cmd|' /C calc'!A0`],
      ['@SUM(1+1)', '+1+1'],
    ]);
  });
});

describe('evidence over the size limit', () => {
  it('is refused by the evidence check with the file, its size and the limit, in both languages', () => {
    count('oversized evidence');
    const bytes = new Uint8Array(10 * MB + 1).fill(0x61);
    let refusal: unknown;
    try {
      checkEvidence({ kind: 'file', fileName: '扫描件.pdf', bytes });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', at: { field: 'file', file: '扫描件.pdf' } });
    expect((refusal as ServiceError).messages.zh).toContain('超过 10.0 MB 的上限');
  });
});

// ---- Through the API, on each engine ----

describe.each(testDialects())('hostile uploads through the API on $kind', (dialect) => {
  let api: ApiFixture;
  let province: string;
  let county: string;

  const post = async (url: string, cookie: string, file: { name: string; bytes: Uint8Array }) => {
    const body = multipart(file, url.includes('observations') ? { submit: 'false' } : {});
    const response = await api.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    return { status: response.statusCode, body: response.json<ErrorBody>() };
  };
  const stored = async (): Promise<Record<string, number>> => {
    const db = api.database.db;
    const rows = await Promise.all(
      (['plans', 'observations', 'observation_versions', 'evidence'] as const).map(async (table) => {
        const row = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        return [table, Number(row.n)] as const;
      }),
    );
    return Object.fromEntries(rows);
  };

  beforeAll(async () => {
    api = await openApi(dialect);
    // 忻州's published plan makes figures due from its counties (the import needs a plan that asks for them).
    const { plan } = await api.plans.importDocument(
      { bytes: new TextEncoder().encode(XINZHOU_TEXT), fileName: '000_cb1b58f4760fbe36.txt' },
      SYSTEM_CONTEXT,
    );
    await api.plans.publish(plan.id, SYSTEM_CONTEXT);
    province = await api.signedIn('shanxi-admin', 'province_admin', '140000');
    county = await api.signedIn('xinfu-reporter', 'county_reporter', '140902');
  }, 60_000);
  afterAll(() => api.close());

  it('a plan upload over 20 MB is answered 413 in the one error shape, and nothing is stored', async () => {
    count('upload over 20 MB (API)');
    const before = await stored();
    const bytes = new TextEncoder().encode(XINZHOU_TEXT.repeat(Math.ceil((21 * MB) / XINZHOU_TEXT.length)));
    const { status, body } = await post('/api/plans/import', province, { name: '忻州.txt', bytes });
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: 'UPLOAD_TOO_LARGE', at: { field: 'file' } });
    expect(body.error.message.zh).toContain('20 MB');
    expect(await stored()).toEqual(before);
  });

  it('evidence over 10 MB is refused before any task is looked up, and nothing is stored', async () => {
    count('oversized evidence (API)');
    const before = await stored();
    const bytes = new Uint8Array(11 * MB).fill(0x61);
    const { status, body } = await post('/api/tasks/1/evidence', province, { name: '扫描件.txt', bytes });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', at: { field: 'file', file: '扫描件.txt' } });
    expect(await stored()).toEqual(before);
  });

  it('a program named .docx, a zip bomb and an entity trick are refused at import with what and where', async () => {
    const before = await stored();
    count('disguised file (API)');
    const exe = await post('/api/plans/import', province, { name: '规划.docx', bytes: windowsProgram() });
    expect(exe.status).toBe(400);
    expect(exe.body.error).toMatchObject({ code: 'PLAN_NOT_A_PLAN', at: { field: 'file' } });
    expect(exe.body.error.message.zh).toContain('可执行程序');

    count('zip bomb (API)');
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: deflateBomb(1024), deflated: true, declaredSize: 1000 },
    ]);
    const data = await post('/api/observations/import', county, { name: '炸弹.xlsx', bytes: bomb });
    expect(data.status).toBe(400);
    expect(data.body.error).toMatchObject({ code: 'DATA_FILE_TOO_LARGE', at: { file: '炸弹.xlsx' } });

    count('XML entities (API)');
    const good = await dataWorkbook([['140902', '在园幼儿数', 2024, 41250, 'NOTE']]);
    const xxe = await tamper(good, 'xl/sharedStrings.xml', (xml) =>
      xml.replace('<sst', `${entityTricks('sst')}<sst`).replace('NOTE', '&xxe;'),
    );
    const entity = await post('/api/observations/import', county, { name: 'xxe.xlsx', bytes: xxe });
    expect(entity.status).toBe(400);
    expect(entity.body.error.code).toBe('DATA_FILE_UNSAFE');
    expect(JSON.stringify(entity.body)).not.toContain('root:');
    expect(await stored()).toEqual(before);
  });

  it('a CSV value =1+1 is refused at its row and column; a note =cmd|… is stored and given back as plain text', async () => {
    count('formula injection (API)');
    const before = await stored();
    const hostile = `=cmd|' /C calc'!A0`;
    const csv = (value: string) =>
      new TextEncoder().encode(
        `区划代码,指标或数据项,年份,本年数值,备注\n140902,在园幼儿数,2024,${value},"${hostile}"\n`,
      );
    const refused = await post('/api/observations/import', county, { name: '公式.csv', bytes: csv('=1+1') });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('DATA_REJECTED');
    expect(refused.body.error.details?.[0]).toMatchObject({
      code: 'VALUE_NOT_A_NUMBER',
      at: { file: '公式.csv', row: 2, column: 'D 本年数值' },
    });
    expect(await stored()).toEqual(before);

    const taken = await post('/api/observations/import', county, { name: '备注.csv', bytes: csv('41250') });
    expect(taken.status).toBe(201);
    const { body } = await api.request<{ items: { note: string | null; value: number }[] }>(
      'GET',
      '/api/observations?region=140902&indicator=kindergarten-children&year=2024',
      county,
    );
    expect(body.items.map((item) => [item.value, item.note])).toEqual([[41250, hostile]]);
  });
});

afterAll(() => {
  const total = [...tried.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `hostile files tried: ${String(total)} (${[...tried].map(([kind, n]) => `${kind} ${String(n)}`).join(', ')})`,
  );
});
