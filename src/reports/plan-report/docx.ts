/**
 * The report as a Word document laid out like an official one (GB/T 9704 in spirit): A4, margins 3.7/3.5/2.8/2.6 cm,
 * title in 方正小标宋简体 二号, headings in 黑体 and 楷体, body in 仿宋_GB2312 三号 at a fixed 28 pt line, page numbers
 * "— 1 —" in the footer. Word takes one font name per script, so the East Asian and Latin fonts are set apart; where
 * a font is missing Word and LibreOffice substitute their own. Tables repeat their header row on every page. Charts
 * go in as SVG with a PNG fallback; without PNGs (no Chromium) each chart's data goes in as a table, and the document
 * says so.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import { chartTable } from './charts.ts';
import type { RenderedChart } from './charts.ts';
import type { Block, ChartSpec, PlanReportModel, TableCell as CellText, TableColumn } from './types.ts';

/** A chart drawn for Word: its SVG and, when Chromium could draw it, a PNG of it. */
export interface ChartImage extends RenderedChart {
  png: Uint8Array;
}

const LATIN = 'Times New Roman';
const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  kai: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
} as const;

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt; tables at 10pt as in the HTML. */
const SIZE = { title: 44, body: 32, subtitle: 28, caption: 24, note: 21, table: 20 } as const;

/** Twips (1 cm = 567). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1985, left: 1588, right: 1474, footer: 1418 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FIXED_LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
const TWO_CHARACTERS = 640;
const IMAGE_WIDTH = 580;

const STATUS_COLOUR: Readonly<Record<string, string>> = {
  achieved_early: '1B5E20',
  achieved: '1B5E20',
  ahead: '1B5E20',
  on_track: '1B5E20',
  behind: '8A4B00',
  far_behind: 'B00020',
  deteriorating: 'B00020',
  insufficient_data: '555555',
};

const font = (eastAsia: string) => ({ eastAsia, ascii: LATIN, hAnsi: LATIN, cs: LATIN });

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ text, font: font(FONTS.body), size: SIZE.body, ...options });

/**
 * The report as .docx bytes. `images`: each chart's SVG and PNG by chart id, or null when Chromium could not draw
 * them (the charts then print as tables).
 * @example await writeFile('report.docx', await planReportDocx(model, await chartImages(model)))
 */
export async function planReportDocx(
  model: PlanReportModel,
  images: ReadonlyMap<string, ChartImage> | null,
): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [...titleBlock(model)];
  let chartsExplained = false;
  for (const section of model.sections) {
    body.push(heading(section.heading));
    for (const block of section.blocks) {
      if (block.kind === 'chart' && images === null && !chartsExplained) {
        chartsExplained = true;
        body.push(paragraph(NO_CHART_IMAGES));
      }
      body.push(...blockContent(block, images));
    }
  }
  body.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 560 },
      children: [run('本报告由教育规划监测评估平台（EduPlan）依据平台数据生成。', { size: SIZE.note })],
    }),
  );
  return new Uint8Array(await Packer.toBuffer(reportDocument(model, body)));
}

const NO_CHART_IMAGES =
  '说明：生成本文档的服务器未安装 Chromium 浏览器，图表无法转为图片，以下各图以数据表代替；HTML 格式的报告含全部图表。';

function titleBlock(model: PlanReportModel): Paragraph[] {
  return [
    ...model.titleLines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT },
          children: [run(line, { font: font(FONTS.title), size: SIZE.title })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...FIXED_LINE, after: 280 },
      children: [run(model.subtitle, { font: font(FONTS.kai), size: SIZE.subtitle })],
    }),
  ];
}

/** The document: its styles (Word's Heading 1 and 2 in 黑体 and 楷体, for the navigation pane), A4 page and footer. */
function reportDocument(model: PlanReportModel, body: (Paragraph | Table)[]): Document {
  return new Document({
    creator: 'EduPlan',
    title: model.title,
    description: model.subtitle,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body }, paragraph: { spacing: FIXED_LINE } },
        heading1: {
          run: { font: font(FONTS.heading), size: SIZE.body, bold: false, color: '000000' },
          paragraph: { spacing: { ...FIXED_LINE, before: 280 }, indent: { firstLine: TWO_CHARACTERS }, keepNext: true },
        },
        heading2: {
          run: { font: font(FONTS.kai), size: SIZE.body, bold: false, color: '000000' },
          paragraph: { spacing: FIXED_LINE, indent: { firstLine: TWO_CHARACTERS }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer },
          },
        },
        footers: { default: pageNumberFooter() },
        children: body,
      },
    ],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.table), size: 28 })],
      }),
    ],
  });
}

const heading = (text: string) =>
  new Paragraph({ style: 'Heading1', children: [run(text, { font: font(FONTS.heading) })] });

function paragraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: FIXED_LINE,
    indent: { firstLine: TWO_CHARACTERS },
    children: [run(text)],
  });
}

function blockContent(block: Block, images: ReadonlyMap<string, ChartImage> | null): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [paragraph(block.text)];
    case 'subheading':
      return [new Paragraph({ style: 'Heading2', children: [run(block.text, { font: font(FONTS.kai) })] })];
    case 'list':
      return block.items.map((item, index) => paragraph(`${String(index + 1)}．${item}`));
    case 'table':
      return [
        caption(block.caption),
        table(block.columns, block.rows),
        ...(block.note === undefined ? [] : [note(block.note)]),
      ];
    case 'chart':
      return chartContent(block.chart, block.caption, block.note, images);
  }
}

function chartContent(
  chart: ChartSpec,
  title: string,
  explanation: string | undefined,
  images: ReadonlyMap<string, ChartImage> | null,
): (Paragraph | Table)[] {
  const after = explanation === undefined ? [] : [paragraphSmall(explanation)];
  const image = images?.get(chart.id);
  if (image === undefined) {
    const data = chartTable(chart);
    return [caption(title), table(data.columns, data.rows), ...after];
  }
  const height = Math.round((IMAGE_WIDTH * image.height) / image.width);
  const picture = new ImageRun({
    type: 'svg',
    data: Buffer.from(image.svg, 'utf8'),
    fallback: { type: 'png', data: image.png },
    transformation: { width: IMAGE_WIDTH, height },
    altText: { name: chart.id, title, description: title },
  });
  return [
    // A fixed line height would crop the picture to one line: this paragraph is sized by what it holds.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 },
      children: [picture],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: SMALL_LINE,
      children: [run(title, { font: font(FONTS.heading), size: SIZE.caption })],
    }),
    ...after,
  ];
}

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { ...SMALL_LINE, before: 120, after: 60 },
    children: [run(text, { font: font(FONTS.heading), size: SIZE.caption })],
  });
}

/** Small print at the body's fixed 28 pt line would look double-spaced: it gets a line of its own size. */
const SMALL_LINE = { line: 300, lineRule: LineRuleType.AUTO } as const;

function note(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { ...SMALL_LINE, after: 120 },
    children: [run(text, { font: font(FONTS.table), size: SIZE.note })],
  });
}

function paragraphSmall(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 480 },
    spacing: { ...SMALL_LINE, after: 120 },
    children: [run(text, { size: SIZE.caption })],
  });
}

function table(columns: readonly TableColumn[], rows: readonly (readonly CellText[])[]): Table {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => Math.floor((column.width / total) * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, index) => cell({ text: column.title }, widths[index] ?? 0, 'center', true)),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((one, index) => cell(one, widths[index] ?? 0, columns[index]?.align ?? 'left', false)),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(content: CellText, width: number, align: 'left' | 'center' | 'right', head: boolean): TableCell {
  const colour = content.status === undefined ? undefined : STATUS_COLOUR[content.status];
  const runs: ParagraphChild[] = content.text.split('\n').map((line, index) => {
    // Typed apart: given inline, the lint takes `bold` for String.prototype.bold of TextRun's `string` overload.
    const options: IRunOptions = {
      text: line,
      break: index === 0 ? undefined : 1,
      font: font(head ? FONTS.heading : FONTS.table),
      size: SIZE.table,
      color: colour,
      bold: content.redLine === true,
    };
    return new TextRun(options);
  });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    shading: head ? { fill: 'EEEEEE', type: ShadingType.CLEAR, color: 'auto' } : undefined,
    children: [
      new Paragraph({ alignment: ALIGN[align], spacing: { line: 280, lineRule: LineRuleType.AUTO }, children: runs }),
    ],
  });
}
