import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../src/ingest/extract/docx.ts';
import { normalizeLine } from '../../src/ingest/extract/pdf.ts';
import { detectFormat, docxToText, extractText, pdfToText } from '../../src/ingest/extract/index.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, root)));
const fixture = (name: string): Uint8Array => read(`test/fixtures/${name}`);
const seed = (name: string): Uint8Array => read(`samples/plans/${name}`);
const lines = (text: string): string[] => text.split('\n');

const XINZHOU = '000_cb1b58f4760fbe36';
const SHUOZHOU = '003_cc5f11e08b4c342e';
const SHANXI = '004_bb7b55e5c43c95eb';

/** A digit touching a Han character through a space: what pdf.js leaves around Latin numbers in Chinese text. */
const CJK_SPACE_DIGIT = /\p{Script=Han} +\d|\d +\p{Script=Han}/u;

/** Deterministic noise, so a failure replays. */
function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

interface ZipFile {
  name: string;
  data: Uint8Array;
  /** Overrides the uncompressed size written in the headers, to make an archive that lies. */
  declaredSize?: number;
}

/** A deflated ZIP archive. CRCs are left 0: the reader under test never checks them, and mammoth is not reached. */
function makeZip(files: readonly ZipFile[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = deflateRawSync(file.data);
    const size = file.declaredSize ?? file.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

interface PdfText {
  x: number;
  y: number;
  text: string;
  /** latin: Helvetica; cjk: STSong-Light, not embedded, read through the UniGB-UCS2-H CMap from pdfjs-dist's cmaps. */
  font: 'latin' | 'cjk';
  /** The text matrix's rotation and skew, [a b c d]; upright when left out. */
  matrix?: readonly [number, number, number, number];
}

interface PdfPage {
  /** Shown turned clockwise, as landscape table pages are. */
  rotate: 90;
  texts: readonly PdfText[];
}

/** A minimal A4 PDF placing each text at its own position, 12 pt, one array of texts (or a turned page) per page. */
function makePdf(pages: readonly (readonly PdfText[] | PdfPage)[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>';
  objects[5] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> ' +
    '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -120 1000 880] ' +
    '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>';
  pages.forEach((page, i) => {
    const texts = 'rotate' in page ? page.texts : page;
    const stream = texts
      .map(({ x, y, text, font, matrix = [1, 0, 0, 1] }) => {
        const shown =
          font === 'latin'
            ? `(${text.replace(/[()\\]/g, '\\$&')})`
            : `<${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;
        return `BT /${font === 'latin' ? 'F1' : 'F2'} 12 Tf ${matrix.join(' ')} ${x} ${y} Tm ${shown} Tj ET`;
      })
      .join('\n');
    const id = 6 + 2 * i;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${'rotate' in page ? '/Rotate 90 ' : ''}` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id] ?? ''}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

describe('docxToText', () => {
  it('reads the 忻州 .docx made from the text paragraph by paragraph, as the .txt has them', async () => {
    const text = await docxToText(fixture(`${XINZHOU}.docx`));
    const squash = (line: string): string => line.replace(/\s+/g, ' ').trim();
    const expected = new TextDecoder()
      .decode(seed(`${XINZHOU}.txt`))
      .split('\n')
      .map(squash)
      .filter(Boolean);
    expect(lines(text).map(squash)).toEqual(expected);
    expect(lines(text).some((line) => line.includes('学前教育毛入园率') && line.includes('96.5'))).toBe(true);
  });

  it('turns the rows of the 忻州 real-table .docx into tab-separated lines, keeping merged category rows aligned', async () => {
    const out = lines(await docxToText(fixture(`${XINZHOU}.table.docx`)));
    const header = out.indexOf('指标名称\t2020年\t2025年\t属性');
    expect(header).toBeGreaterThan(0);
    expect(out.slice(header + 1, header + 4)).toEqual([
      '基础教育\t\t\t',
      '学前教育毛入园率（%）\t95\t96.50\t预期性',
      '小学净入学率（%）\t99.97\t≥99.97\t预期性',
    ]);
    expect(out).toContain('劳动年龄人口平均受教育年限（年）\t10.65\t11.62\t约束性');
    // 专栏2 is a one-cell box holding two paragraphs: they stay two lines.
    const box = out.indexOf('专栏2 学校体育美育办学条件提升工程');
    expect(out[box + 1]).toMatch(/^在大中小学校设立专（兼）职教练员岗位/);
    expect(out[box + 2]).toMatch(/^把农村学校体育美育设施建设纳入/);
  });

  it('turns 朔州’s Word tables into one line per row with tab-separated cells', async () => {
    const rows = lines(await docxToText(fixture(`${SHUOZHOU}.docx`))).map((line) => line.split('\t'));
    const at = rows.findIndex((cells) => cells[0] === '学前教育' && cells[1] === '入园率 (%)');
    expect(rows[at]).toEqual(['学前教育', '入园率 (%)', '约束性', '93.56', '99']);
    expect(rows[at + 1]).toEqual(['', '普惠率 (%)', '约束性', '75', '88']);
    expect(rows[at - 1]).toEqual(['学段', '指标', '指标属性', '2020年', '“十四五” 目标']);
    expect(rows).toContainEqual(['高中阶段教育', '入学率 (%)', '约束性', '97.37', '98']);
  });

  it('refuses bytes that are not a .docx', async () => {
    await expect(docxToText(randomBytes(4096))).rejects.toThrow(/^not a readable \.docx: /);
    await expect(docxToText(new Uint8Array())).rejects.toThrow(/^not a readable \.docx: /);
    const notWord = makeZip([{ name: 'hello.txt', data: Buffer.from('hi') }]);
    await expect(docxToText(notWord)).rejects.toThrow(/^not a readable \.docx: /);
  });

  it('refuses a zip bomb before unpacking it, whether or not its headers admit the size', async () => {
    const huge = new Uint8Array(80 * 1024 * 1024).fill(0x20);
    const honest = makeZip([{ name: 'word/document.xml', data: huge }]);
    const lying = makeZip([{ name: 'word/document.xml', data: huge, declaredSize: 1000 }]);
    expect(honest.length).toBeLessThan(200_000);
    await expect(docxToText(honest)).rejects.toThrow(
      /^not a readable \.docx: word\/document\.xml unpacks to more than/,
    );
    await expect(docxToText(lying)).rejects.toThrow(/^not a readable \.docx: word\/document\.xml unpacks to more than/);
  });
});

describe('htmlToLines', () => {
  it("keeps the numbers Word gives ordered list items, which name a box's sub-projects", () => {
    const html =
      '<ol><li>增强德育实效工程。建设一体化德育体系。</li><li><p>提升体育素养工程。</p></li></ol><ul><li>要点</li></ul>';
    expect(htmlToLines(html)).toEqual(['1. 增强德育实效工程。建设一体化德育体系。', '2. 提升体育素养工程。', '要点']);
  });

  it('keeps the grid under row and column spans', () => {
    const html =
      '<table><tr><th>学段</th><th>指标</th><th>2020年</th></tr>' +
      '<tr><td rowspan="2"><p>学前</p><p>教育</p></td><td>入园率</td><td>93.56</td></tr>' +
      '<tr><td>普惠率</td><td>75</td></tr>' +
      '<tr><td colspan="3">职业教育</td></tr>' +
      '<tr><td>高中</td><td colspan="2">—</td></tr></table>';
    expect(htmlToLines(html)).toEqual([
      '学段\t指标\t2020年',
      '学前 教育\t入园率\t93.56',
      '\t普惠率\t75',
      '职业教育\t\t',
      '高中\t—\t',
    ]);
  });

  it('fills a row whose last columns are covered from above', () => {
    const html =
      '<table><tr><td>a</td><td rowspan="2">b</td><td rowspan="2">c</td></tr><tr><td>d</td></tr>' +
      '<tr><td>e</td><td>f</td><td>g</td></tr></table>';
    expect(htmlToLines(html)).toEqual(['a\tb\tc', 'd\t\t', 'e\tf\tg']);
  });

  it('drops footnote markers, splits at line breaks and list items, and flattens tabs inside text', () => {
    const html =
      '<h1>忻州市“十四五”教育事业发展规划</h1>' +
      '<p>毛入园率达到96.5%<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>。<br />第二行\t文字</p>' +
      '<ul><li>一级<ul><li>二级</li></ul></li></ul>' +
      '<ol><li id="footnote-1"><p>据统计公报。 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToLines(html)).toEqual([
      '忻州市“十四五”教育事业发展规划',
      '毛入园率达到96.5%。',
      '第二行 文字',
      '一级',
      '二级',
      '据统计公报。',
    ]);
  });

  it('reads a table nested in a cell as that cell’s text', () => {
    const html = '<table><tr><td>外</td><td><table><tr><td>内1</td><td>内2</td></tr></table></td></tr></table>';
    expect(htmlToLines(html)).toEqual(['外\t内1 内2']);
  });
});

describe('pdfToText', () => {
  it('reads the 忻州 PDF as Chinese text without spaces around the digits', async () => {
    const text = await pdfToText(fixture(`${XINZHOU}.pdf`));
    const out = lines(text);
    expect(text).toContain('学前教育毛入园率达到96.5%');
    expect(text).toContain('到2025年，基本建成');
    expect(text).not.toMatch(CJK_SPACE_DIGIT);
    // The seed's table has one cell per line, and so has its PDF.
    const row = out.indexOf('学前教育毛入园率（%）');
    expect(out.slice(row, row + 4)).toEqual(['学前教育毛入园率（%）', '95', '96.50', '预期性']);
    // Paragraphs wrapped by the page come back whole, as in the .txt.
    expect(out).toContain(
      '——学前教育更加普及普惠优质安全。学前教育毛入园率达到96.5%，普惠性幼儿园覆盖率保持在88%以上，' +
        '公办园在园幼儿占比保持在60%以上，力争通过国家县域学前教育普及普惠督导评估认定的县（市、区）达到30%以上。',
    );
  });

  it('splits the columns of the 山西 PDF’s table with tabs', async () => {
    const text = await pdfToText(fixture(`${SHANXI}.pdf`));
    const out = lines(text);
    expect(out).toContain('指标名称\t2020年\t2025年\t属性');
    expect(out).toContain('学前教育毛入园率（%）\t90.80\t96.50\t预期性');
    expect(out).toContain('职业教育专科（含高专）在校生（万人）\t31.46\t33\t预期性');
    expect(out).toContain('劳动年龄人口平均受教育年限（年）\t11.12\t11.62\t约束性');
    // The quotes are drawn after the line in another font, into gaps the Chinese run leaves for them.
    expect(out).toContain('山西省“十四五”教育事业发展规划');
    expect(text).not.toMatch(CJK_SPACE_DIGIT);
  });

  it('rebuilds lines, columns, paragraphs across pages and drops page numbers', async () => {
    const cjk = (x: number, y: number, text: string): PdfText => ({ x, y, text, font: 'cjk' });
    const latin = (x: number, y: number, text: string): PdfText => ({ x, y, text, font: 'latin' });
    // 37 full-width characters fill the 451 pt between margins of 72 pt.
    const full =
      '到二〇二五年，基本建成结构更加优化、保障更加全面、服务更加高效的高质量教育体系。'.slice(0, 31) + '学前教育毛入';
    const indented = '教育主要发展指标在全省位次前移，为实现教育现代化远景目标奠定坚实的发展';
    const pdf = makePdf([
      [
        cjk(72, 760, '一、总体要求'),
        cjk(72, 740, full),
        cjk(72, 722, '园率达到'),
        latin(123, 722, '96.5%'),
        cjk(160, 722, '，普惠性幼儿园覆盖率'),
        latin(72, 700, 'Web 2.0'),
        cjk(72, 660, '指标名称'),
        latin(300, 660, '2020'),
        cjk(329, 660, '年'),
        latin(400, 660, '2025'),
        cjk(429, 660, '年'),
        cjk(480, 660, '属性'),
        cjk(72, 642, '学前教育毛入园率（'),
        latin(180, 642, '%'),
        cjk(191, 642, '）'),
        latin(300, 642, '95'),
        latin(400, 642, '96.50'),
        cjk(480, 642, '预期性'),
        cjk(96, 100, indented),
        latin(295, 40, '1'),
      ],
      [latin(285, 800, '- 2 -'), cjk(72, 760, '基础。'), latin(295, 40, '2')],
    ]);
    const text = await pdfToText(pdf);
    expect(lines(text)).toEqual([
      '一、总体要求',
      `${full}园率达到96.5%，普惠性幼儿园覆盖率`,
      'Web 2.0',
      '指标名称\t2020年\t2025年\t属性',
      '学前教育毛入园率（%）\t95\t96.50\t预期性',
      `${indented}基础。`,
    ]);
    expect(full).toHaveLength(37);
    expect(indented).toHaveLength(35);
  });

  it('reads a landscape page as shown and skips text set at an angle', async () => {
    // On a page shown turned clockwise, text runs up the portrait sheet: shown at (X, Y) it sits at (595 - Y, X).
    const shown = (x: number, y: number, text: string, font: PdfText['font'] = 'cjk'): PdfText => ({
      x: 595 - y,
      y: x,
      text,
      font,
      matrix: [0, 1, -1, 0],
    });
    const pdf = makePdf([
      [
        { x: 72, y: 760, text: '附表', font: 'cjk' },
        { x: 150, y: 400, text: '征求意见稿', font: 'cjk', matrix: [0.7071, 0.7071, -0.7071, 0.7071] },
      ],
      {
        rotate: 90,
        texts: [shown(72, 500, '指标名称'), shown(400, 500, '2025', 'latin'), shown(600, 500, '属性')],
      },
    ]);
    expect(lines(await pdfToText(pdf))).toEqual(['附表', '指标名称\t2025\t属性']);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const bytes = makePdf([[{ x: 72, y: 760, text: '规划', font: 'cjk' }]]);
    const copy = bytes.slice();
    expect(await pdfToText(bytes)).toBe('规划');
    expect(bytes).toEqual(copy);
  });

  it('refuses a malformed PDF', async () => {
    const junk = new Uint8Array(Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n'));
    await expect(pdfToText(junk)).rejects.toThrow(/^not a readable \.pdf: /);
    await expect(pdfToText(randomBytes(2048))).rejects.toThrow(/^not a readable \.pdf: /);
  });
});

describe('normalizeLine', () => {
  it('drops the spaces between Chinese and anything else, but not between Latin words', () => {
    expect(normalizeLine('到 2025 年，毛入园率达到 96.5% 以上')).toBe('到2025年，毛入园率达到96.5%以上');
    expect(normalizeLine('建设 Web 2.0  平台')).toBe('建设Web 2.0平台');
  });

  it('trims each cell and maps look-alike radicals to the characters they stand for', () => {
    expect(normalizeLine('\u3000\u3000⽇常管理 \t 95 \t')).toBe('日常管理\t95');
  });
});

describe('detectFormat', () => {
  it('tells each fixture by its content, whatever its name says', () => {
    expect(detectFormat(fixture(`${XINZHOU}.docx`), 'plan.pdf')).toBe('docx');
    expect(detectFormat(fixture(`${SHUOZHOU}.docx`), 'plan.txt')).toBe('docx');
    expect(detectFormat(fixture(`${XINZHOU}.pdf`), 'plan.docx')).toBe('pdf');
    expect(detectFormat(fixture(`${SHANXI}.pdf`), 'plan')).toBe('pdf');
    expect(detectFormat(seed(`${XINZHOU}.txt`), 'plan.pdf')).toBe('txt');
    expect(detectFormat(seed(`${SHUOZHOU}.txt`), 'plan.md')).toBe('md');
  });

  it('reads UTF-16 with a BOM and GB18030 as text', () => {
    const utf16 = Buffer.from('fffe665b4d525965b280db6b6551ed568773be8f3052390036002e003500250002300a00', 'hex');
    const gb = Buffer.from('d1a7c7b0bdccd3fdc3abc8ebd4b0c2cab4efb5bd39362e3525a1a30a', 'hex');
    expect(detectFormat(utf16, 'plan.txt')).toBe('txt');
    expect(detectFormat(gb, 'plan.txt')).toBe('txt');
  });

  it('finds no plan format in images, archives, noise or nothing', () => {
    expect(detectFormat(new Uint8Array(), 'plan.txt')).toBeNull();
    expect(
      detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'x.txt'),
    ).toBeNull();
    expect(detectFormat(randomBytes(4096), 'plan.txt')).toBeNull();
    expect(detectFormat(makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }]), 'plan.docx')).toBeNull();
  });
});

describe('extractText', () => {
  it('extracts each format and says which it found', async () => {
    const docx = await extractText(fixture(`${SHUOZHOU}.docx`), 'upload.bin');
    expect(docx.format).toBe('docx');
    expect(docx.text).toContain('学前教育\t入园率 (%)\t约束性\t93.56\t99');
    const md = await extractText(new Uint8Array(Buffer.from('# 规划\r\n\r\n正文\r\n')), '规划.md');
    expect(md).toEqual({ format: 'md', text: '# 规划\n\n正文\n' });
    const gb = await extractText(
      Buffer.from('d1a7c7b0bdccd3fdc3abc8ebd4b0c2cab4efb5bd39362e3525a1a30a', 'hex'),
      'a.txt',
    );
    expect(gb).toEqual({ format: 'txt', text: '学前教育毛入园率达到96.5%。\n' });
    const utf16 = await extractText(Buffer.from('fffe665b4d52', 'hex'), 'b.txt');
    expect(utf16.text).toBe('学前');
  });

  it('says what a file is when it is not a plan document', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expect(extractText(png, 'scan.png')).rejects.toThrow(
      'scan.png is a PNG image, not a plan document (EduPlan reads .txt, .md, .docx and .pdf).',
    );
    await expect(extractText(randomBytes(4096), 'plan.docx')).rejects.toThrow(
      /^plan\.docx is binary data \(not UTF-8, UTF-16 or GB18030 text\), not a plan document/,
    );
    await expect(extractText(new Uint8Array(), 'plan.pdf')).rejects.toThrow(/^plan\.pdf is an empty file, not a plan/);
    const xlsx = makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }]);
    await expect(extractText(xlsx, '指标.xlsx')).rejects.toThrow(
      /^指标\.xlsx is an Excel workbook \(\.xlsx\), not a plan/,
    );
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(extractText(doc, '规划.doc')).rejects.toThrow(
      /^规划\.doc is an old-style Office file .*save it as \.docx/,
    );
  });

  it('names the file when a .docx or .pdf is damaged', async () => {
    const junk = new Uint8Array(Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n'));
    await expect(extractText(junk, 'broken.pdf')).rejects.toThrow(/^broken\.pdf is not a readable \.pdf: /);
    const truncated = fixture(`${SHUOZHOU}.docx`).slice(0, 20_000);
    await expect(extractText(truncated, 'cut.docx')).rejects.toThrow(
      /^cut\.docx is a damaged or truncated ZIP archive/,
    );
  });

  it('says so when a PDF has no text layer', async () => {
    await expect(extractText(makePdf([[]]), 'scan.pdf')).rejects.toThrow(/^scan\.pdf is a PDF without a text layer/);
  });
});
