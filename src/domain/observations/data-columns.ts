/**
 * The columns of a data-entry sheet (填报表), shared by the template writer (src/reports/data-template.ts) and the
 * reader (src/ingest/data/read-table.ts), so that what one prints the other recognises. A header is matched after
 * normalisation (trimmed, NFKC, case ignored, brackets and what they hold dropped, spaces, `_`, `-` and `*` ignored),
 * so `本年数值（%）`, `* 本年数值`, `region_code` and `Region Code` all resolve.
 */

/** The sheet the template fills and the reader looks for first. */
export const DATA_SHEET = '填报';

/** The stable key of a column, as code and error locations name it. */
export type DataColumnKey =
  | 'regionCode'
  | 'regionName'
  | 'subjectId'
  | 'subjectName'
  | 'subjectKind'
  | 'unit'
  | 'year'
  | 'previousValue'
  | 'value'
  | 'qualifier'
  | 'source'
  | 'note'
  | 'comment'
  | 'quote';

export interface DataColumn {
  readonly key: DataColumnKey;
  /** The header the template prints. */
  readonly zh: string;
  readonly en: string;
  /** Other headers the reader accepts for this column, Chinese and English. */
  readonly aliases: readonly string[];
  /** Printed in the template (in DATA_COLUMNS order). */
  readonly template: boolean;
  /** Returned by the reader; false for a column that is only there for the person filling the sheet. */
  readonly read: boolean;
}

/**
 * The columns in template order (A to M), then `quote`, which only the reader knows: real-stats.csv and similar
 * files carry the phrase a figure was read from, and it is provenance worth keeping, not a column to print.
 */
export const DATA_COLUMNS: readonly DataColumn[] = [
  {
    key: 'regionCode',
    zh: '区划代码',
    en: 'Region code',
    aliases: [
      '行政区划代码',
      '地区代码',
      '区域代码',
      '行政区代码',
      '区划编码',
      'region_code',
      'division code',
      'adcode',
    ],
    template: true,
    read: true,
  },
  {
    key: 'regionName',
    zh: '区划名称',
    en: 'Region',
    aliases: ['地区', '地区名称', '行政区划', '行政区划名称', '区域', '区域名称', '行政区', 'region', 'region_name'],
    template: true,
    read: true,
  },
  {
    key: 'subjectId',
    zh: '指标代码',
    en: 'Indicator code',
    aliases: [
      '指标编码',
      '数据项代码',
      '指标或数据项代码',
      'subject_id',
      'indicator_id',
      'indicator_code',
      'element_id',
    ],
    template: true,
    read: true,
  },
  {
    key: 'subjectName',
    zh: '指标或数据项',
    en: 'Indicator or data element',
    aliases: [
      '指标名称',
      '指标',
      '数据项',
      '数据项名称',
      '统计指标',
      'subject',
      'subject_name',
      'indicator',
      'element',
    ],
    template: true,
    read: true,
  },
  {
    key: 'subjectKind',
    zh: '类型',
    en: 'Kind',
    aliases: ['subject_kind', 'kind', 'type'],
    template: true,
    read: true,
  },
  { key: 'unit', zh: '单位', en: 'Unit', aliases: ['计量单位', 'unit'], template: true, read: true },
  {
    key: 'year',
    zh: '年份',
    en: 'Year',
    aliases: ['年度', '统计年度', '统计年份', '年', 'year'],
    template: true,
    read: true,
  },
  {
    key: 'previousValue',
    zh: '上年数值',
    en: 'Last year',
    aliases: ['上年值', '上年', '上年度数值', 'previous_value', 'previous', 'last_year'],
    template: true,
    // For reference only: the stored figure, not what the sheet says it was, is what a jump is measured from.
    read: false,
  },
  {
    key: 'value',
    zh: '本年数值',
    en: 'Value',
    aliases: ['数值', '本年值', '本年度数值', '填报值', '填报数值', '指标值', '统计值', 'value', 'current_value'],
    template: true,
    read: true,
  },
  {
    key: 'qualifier',
    zh: '数值性质',
    en: 'Qualifier',
    aliases: ['性质', '数值类型', 'qualifier', 'value_qualifier'],
    template: true,
    read: true,
  },
  {
    key: 'source',
    zh: '数据来源',
    en: 'Source',
    aliases: ['来源', '资料来源', '出处', 'source', 'data_source'],
    template: true,
    read: true,
  },
  {
    key: 'note',
    zh: '备注',
    en: 'Note',
    aliases: ['说明', '附注', 'note', 'notes', 'remark', 'remarks'],
    template: true,
    read: true,
  },
  {
    key: 'comment',
    zh: '变动说明',
    en: 'Explanation of change',
    aliases: ['变化说明', '增减说明', '变动原因', '差异说明', 'comment', 'change_note', 'explanation'],
    template: true,
    read: true,
  },
  {
    key: 'quote',
    zh: '原文摘录',
    en: 'Quote',
    aliases: ['原文', '引文', 'quote'],
    template: false,
    read: true,
  },
];

/** Brackets and what they hold: `（%）`, `[万人]`, `【必填】`; NFKC has already made full-width ( ) [ ] half-width. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/gu;
/** What people put around or inside a header without changing its meaning. */
const IGNORED = /[\s_\-*:.]/gu;

function headerForm(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(BRACKETED, '').replace(IGNORED, '');
}

const BY_HEADER: ReadonlyMap<string, DataColumnKey> = new Map(
  DATA_COLUMNS.flatMap((column) =>
    [column.zh, column.en, column.key, ...column.aliases].map((header) => [headerForm(header), column.key] as const),
  ),
);

/**
 * The column a header names, or null when it names none of them.
 *
 * @example dataColumnOf('本年数值（%）') // 'value'; dataColumnOf('Region_Code') // 'regionCode'
 */
export function dataColumnOf(header: string): DataColumnKey | null {
  const form = headerForm(header);
  return form === '' ? null : (BY_HEADER.get(form) ?? null);
}

/** The column of a key (every key has one). */
export function dataColumn(key: DataColumnKey): DataColumn {
  const column = DATA_COLUMNS.find((candidate) => candidate.key === key);
  if (column === undefined) throw new Error(`no data column ${key}`);
  return column;
}

/** Whether a figure is exact or a lower bound ("95%以上": at least 95). */
export type DataQualifier = 'exact' | 'at_least';

/** The words the template's 数值性质 list offers. */
export const QUALIFIER_LABELS: Readonly<Record<DataQualifier, string>> = {
  exact: '准确值',
  at_least: '下限（不少于）',
};

/** The words for 指标 / 数据项 the template prints in 类型. */
export const SUBJECT_KIND_LABELS: Readonly<Record<'indicator' | 'element', string>> = {
  indicator: '指标',
  element: '数据项',
};

// 超过 and 突破 are strictly "more than", but sources use them for a rounded floor ("突破95%"), as real-stats.csv does.
const QUALIFIERS: ReadonlyMap<string, DataQualifier> = new Map(
  [
    ...['准确值', '准确', '精确值', '精确', '实际值', 'exact', '='].map((word) => [word, 'exact'] as const),
    ...['下限（不少于）', '下限', '不少于', '以上', '至少', '不低于', '超过', '突破', '≥', '>=', 'at_least'].map(
      (word) => [word, 'at_least'] as const,
    ),
  ].map(([word, qualifier]) => [qualifierForm(word), qualifier]),
);

function qualifierForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()]/gu, '');
}

/**
 * Reads a 数值性质 cell. Blank means exact, as the template says; null when the text is no qualifier it knows.
 *
 * @example qualifierOf('下限（不少于）') // 'at_least'; qualifierOf('') // 'exact'; qualifierOf('约') // null
 */
export function qualifierOf(text: string): DataQualifier | null {
  const form = qualifierForm(text);
  return form === '' ? 'exact' : (QUALIFIERS.get(form) ?? null);
}
