/**
 * Synthetic plans in other regions' layouts (test/fixtures/genre, see its README): each varies one or two things the
 * five seeds do not have. The expected rows were written from reading each file; the figures in them are invented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/ingest/parse.ts';

type Row = [
  line: number,
  category: string | null,
  name: string,
  unit: string | null,
  baseline: number | null,
  target: number | null,
  comparator: string | null,
  attribute: string | null,
  ...reference: (string | number | null)[],
];

const EXPECTED: Record<string, { region: string | null; rows: Row[]; warnings: number }> = {
  '01_county_spaces_seq_unit.txt': {
    region: '330523',
    rows: [
      [28, null, '学前教育毛入园率', '%', 98.6, 99, '>=', 'expected'],
      [29, null, '普惠性幼儿园在园幼儿占比', '%', 92.3, 95, null, 'binding'],
      [30, null, '义务教育巩固率', '%', 100, 100, null, 'binding'],
      [31, null, '高中段教育毛入学率', '%', 99.2, 99.5, '>=', 'expected'],
      [32, null, '每千人口拥有3岁以下婴幼儿托位数', '个', 2.1, 4.5, null, 'expected'],
      [33, null, '中等职业学校“双师型”教师比例', '%', 78, 85, null, 'expected'],
      [34, null, '义务教育标准化学校达标率', '%', 96.5, 100, null, 'binding'],
      [35, null, '劳动年龄人口平均受教育年限', '年', 10.8, 11.5, null, 'binding'],
    ],
    warnings: 0,
  },
  '02_province_2035_tabs_merged_category.txt': {
    region: '360000',
    rows: [
      [28, '普及水平', '学前教育毛入园率', '%', 90.1, 92, null, 'expected'],
      [29, '普及水平', '九年义务教育巩固率', '%', 96.5, 97, null, 'binding'],
      [30, '普及水平', '高中阶段教育毛入学率', '%', 93.2, 95, null, 'expected'],
      [31, '普及水平', '高等教育毛入学率', '%', 55.3, 60, null, 'expected'],
      [32, '普及水平', '特殊教育适龄残疾儿童少年入学率', '%', 95.6, 97, null, 'binding'],
      [33, '教育质量', '义务教育优质均衡发展县（市、区）占比', '%', null, 15, null, 'expected'],
      [34, '教育质量', '国家学生体质健康标准达标率', '%', 91.2, 92, '>=', 'binding'],
      [35, '教育质量', '中等职业学校“双师型”教师占比', '%', 45, 55, null, 'expected'],
      [36, '教育质量', '新增“双一流”建设学科', '个', null, 3, null, 'expected'],
      [37, '服务贡献', '劳动年龄人口平均受教育年限', '年', 10.5, 11.2, null, 'binding'],
      [38, '服务贡献', '新增劳动力平均受教育年限', '年', 13.8, 14.5, null, 'expected'],
      [39, '服务贡献', '高校科技成果转化合同金额', '亿元', 8.6, 12, null, 'expected'],
    ],
    warnings: 0,
  },
  '04_word_cells_header_wrapped.txt': {
    region: '430300',
    rows: [
      [24, '学前教育', '学前教育毛入园率', '%', 91.5, 95, null, 'expected'],
      [29, '学前教育', '普惠性幼儿园覆盖率', '%', 86.2, 90, '>=', 'binding'],
      [36, '义务教育', '九年义务教育巩固率', '%', 98.7, 99, null, 'binding'],
      [41, '义务教育', '小学净入学率', '%', 99.99, 100, null, 'expected'],
      [41, '义务教育', '初中净入学率', '%', 99.9, 100, null, 'expected'],
      [46, '义务教育', '城乡义务教育学校专任教师本科以上学历比例', '%', 72.4, 85, null, 'expected'],
      [53, '高中阶段教育', '高中阶段教育毛入学率', '%', 93.6, 96, null, 'expected'],
      [58, '高中阶段教育', '普通高中与中职招生比', null, null, null, null, 'expected'],
      [65, '人力资源开发', '劳动年龄人口平均受教育年限', '年', 10.9, 11.5, null, 'binding'],
    ],
    warnings: 0,
  },
  '05_word_cells_header_second_paragraph_tabbed.txt': {
    region: '430300',
    rows: [
      [24, '学前教育', '学前教育毛入园率', '%', 91.5, 95, null, 'expected'],
      [29, '学前教育', '普惠性幼儿园覆盖率', '%', 86.2, 90, '>=', 'binding'],
      [36, '义务教育', '九年义务教育巩固率', '%', 98.7, 99, null, 'binding'],
      [41, '义务教育', '小学净入学率', '%', 99.99, 100, null, 'expected'],
      [41, '义务教育', '初中净入学率', '%', 99.9, 100, null, 'expected'],
      [46, '义务教育', '城乡义务教育学校专任教师本科以上学历比例', '%', 72.4, 85, null, 'expected'],
      [53, '高中阶段教育', '高中阶段教育毛入学率', '%', 93.6, 96, null, 'expected'],
      [58, '高中阶段教育', '普通高中与中职招生比', null, null, null, null, 'expected'],
      [65, '人力资源开发', '劳动年龄人口平均受教育年限', '年', 10.9, 11.5, null, 'binding'],
    ],
    warnings: 0,
  },
  '06_pdf_stacked_seq_star.txt': {
    region: '520300',
    rows: [
      [13, null, '学前教育毛入园率', '%', 89.2, 92, null, 'binding'],
      [17, null, '普惠性幼儿园覆盖率', '%', 85.1, 88, null, 'expected'],
      [21, null, '九年义务教育巩固率', '%', 95.2, 96, null, 'binding'],
      [25, null, '小学净入学率', '%', 99.8, 99.9, null, 'expected'],
      [25, null, '初中净入学率', '%', 98.9, 99.5, null, 'expected'],
      [29, null, '高中阶段教育毛入学率', '%', 91.6, 93, null, 'binding'],
      [33, null, '中等职业教育在校生', '万人', 5.6, 6.5, null, 'expected'],
      [37, null, '每十万人口高等教育在校生数', '人', 2150, 2600, null, 'expected'],
      [41, null, '劳动年龄人口平均受教育年限', '年', 9.8, 10.5, null, 'binding'],
    ],
    warnings: 0,
  },
  '09b_pdf_stacked_no_attribute_then_box.txt': {
    region: '520400',
    rows: [
      [13, null, '学前教育毛入园率', '%', 89.2, 92, null, null],
      [17, null, '普惠性幼儿园覆盖率', '%', 85.1, 88, null, null],
      [21, null, '九年义务教育巩固率', '%', 95.2, 96, null, null],
      [25, null, '小学净入学率', '%', 99.8, 99.9, null, null],
      [25, null, '初中净入学率', '%', 98.9, 99.5, null, null],
      [29, null, '高中阶段教育毛入学率', '%', 91.6, 93, null, null],
      [33, null, '中等职业教育在校生', '万人', 5.6, 6.5, null, null],
      [37, null, '每十万人口高等教育在校生数', '人', 2150, 2600, null, null],
      [41, null, '劳动年龄人口平均受教育年限', '年', 9.8, 10.5, null, null],
    ],
    warnings: 0,
  },
  '10_15th_spaces_two_line_header.txt': {
    region: '330200',
    rows: [
      [17, null, '学前教育毛入园率', '%', 98.5, 99, '>=', 'expected'],
      [18, null, '普惠性幼儿园在园幼儿占比', '%', 93.2, 95, null, 'binding'],
      [19, null, '义务教育优质均衡发展县（市、区）比例', '%', 40, 100, null, 'binding'],
      [20, null, '高中阶段教育毛入学率', '%', 99.3, 99.5, '>=', 'expected'],
      [21, null, '高等教育毛入学率', '%', 72, 78, null, 'expected'],
      [22, null, '劳动年龄人口平均受教育年限', '年', 12.1, 12.8, null, 'binding'],
    ],
    warnings: 0,
  },
  '12_spaces_group_rows.txt': {
    region: '340100',
    rows: [
      [17, '教育普及', '学前教育毛入园率', '%', 92.1, 95, null, 'expected'],
      [18, '教育普及', '九年义务教育巩固率', '%', 98.6, 99, null, 'binding'],
      [19, '教育普及', '高中阶段教育毛入学率', '%', 95.3, 97, null, 'expected'],
      [21, '教育质量', '义务教育学校体质健康达标率', '%', 90.2, 92, null, 'expected'],
      [22, '教育质量', '普通高中专任教师研究生学历比例', '%', 18.5, 25, null, 'expected'],
      [24, '教育保障', '一般公共预算教育支出', '亿元', 156, null, null, 'binding'],
      [25, '教育保障', '生均一般公共预算教育经费', null, null, null, null, 'binding'],
    ],
    warnings: 0,
  },
  '13_tabs_numbered_group_rows.txt': {
    region: '340100',
    rows: [
      [17, '教育普及', '学前教育毛入园率', '%', 92.1, 95, null, 'expected'],
      [18, '教育普及', '九年义务教育巩固率', '%', 98.6, 99, null, 'binding'],
      [19, '教育普及', '高中阶段教育毛入学率', '%', 95.3, 97, null, 'expected'],
      [21, '教育质量', '义务教育学校体质健康达标率', '%', 90.2, 92, null, 'expected'],
      [22, '教育质量', '普通高中专任教师研究生学历比例', '%', 18.5, 25, null, 'expected'],
      [24, '教育保障', '一般公共预算教育支出', '亿元', 156, null, null, 'binding'],
      [25, '教育保障', '生均一般公共预算教育经费', null, null, null, null, 'binding'],
    ],
    warnings: 0,
  },
  '14_redhead_toc_parts.txt': {
    region: '520000',
    rows: [
      [60, '学前教育', '学前教育毛入园率', '%', 90.3, 93, null, 'expected'],
      [61, '学前教育', '普惠性幼儿园覆盖率', '%', 86.7, 90, null, 'binding'],
      [62, '义务教育', '九年义务教育巩固率', '%', 94.5, 96, null, 'binding'],
      [63, '高中阶段教育', '高中阶段教育毛入学率', '%', 90.1, 93, null, 'expected'],
      [64, '高等教育', '高等教育毛入学率', '%', 41.6, 50, null, 'expected'],
      [65, '人力资源开发', '劳动年龄人口平均受教育年限', '年', 9.5, 10.3, null, 'binding'],
    ],
    warnings: 0,
  },
  '17_zhuanlan_variants.txt': { region: '440600', rows: [], warnings: 1 },
  '19_reference_columns_own_first.txt': {
    region: '420000',
    rows: [
      [17, null, '学前教育毛入园率', '%', 90.5, 92, null, 'expected', '全国', 85.2, 90],
      [18, null, '九年义务教育巩固率', '%', 98.2, 98.5, '>', 'binding', '全国', 95.2, 96],
      [19, null, '高中阶段教育毛入学率', '%', 95.6, 96, '>', 'expected', '全国', 91.2, 92],
      [20, null, '高等教育毛入学率', '%', 58.9, 65, null, 'expected', '全国', 54.4, 60],
      [21, null, '劳动年龄人口平均受教育年限', '年', 11.2, 11.8, null, 'binding', '全国', 10.8, 11.3],
    ],
    warnings: 0,
  },
  '20_reference_columns_national_first.txt': {
    region: '420000',
    rows: [
      [17, null, '学前教育毛入园率', '%', 90.5, 92, null, 'expected', '全国', 85.2, 90],
      [18, null, '九年义务教育巩固率', '%', 98.2, 98.5, '>', 'binding', '全国', 95.2, 96],
      [19, null, '高中阶段教育毛入学率', '%', 95.6, 96, '>', 'expected', '全国', 91.2, 92],
      [20, null, '高等教育毛入学率', '%', 58.9, 65, null, 'expected', '全国', 54.4, 60],
      [21, null, '劳动年龄人口平均受教育年限', '年', 11.2, 11.8, null, 'binding', '全国', 10.8, 11.3],
    ],
    warnings: 0,
  },
  '21_md_header_variants_extra_column.md': {
    region: '520382',
    rows: [
      [17, null, '学前教育毛入园率', '%', 91.2, 93, null, 'expected'],
      [18, null, '九年义务教育巩固率', '%', 95.8, 97, null, 'binding'],
      [19, null, '高中阶段教育毛入学率', '%', 90.5, 93, null, 'expected'],
      [20, null, '普通高中在校生', '人', 12600, 14500, null, 'expected'],
      [21, null, '中职学校在校生', '人', 5200, 6000, null, 'expected'],
      [22, null, '劳动年龄人口平均受教育年限', '年', 9.6, 10.3, null, 'binding'],
    ],
    warnings: 0,
  },
  '24_pdf_extracted_wrapped_name_centred_values.txt': {
    region: '410100',
    rows: [
      [9, null, '学前教育毛入园率', '%', 90.6, 93, null, 'expected'],
      [10, null, '普惠性幼儿园覆盖率', '%', 85.2, 90, null, 'binding'],
      [11, null, '公办园在园幼儿占比', '%', 48.3, 55, null, 'binding'],
      [12, null, '九年义务教育巩固率', '%', 96.8, 97.5, null, 'binding'],
      [13, null, '通过国家义务教育优质均衡发展督导评估认定的县（市、区）比例', '%', null, 30, null, 'expected'],
      [16, null, '义务教育学校大班额比例', '%', 3.2, 2, '<=', 'binding'],
      [17, null, '高中阶段教育毛入学率', '%', 92.1, 95, null, 'expected'],
      [18, null, '普通高中在校生', '万人', 12.4, 14, null, 'expected'],
      [19, null, '劳动年龄人口平均受教育年限', '年', 11.2, 11.8, null, 'binding'],
    ],
    warnings: 0,
  },
  '25_district_redhead_two_line_title.txt': {
    region: '110105',
    rows: [
      [30, null, '学前教育三年毛入园率', '%', 90, 92, '>', 'expected'],
      [31, null, '普惠性幼儿园覆盖率', '%', 87, 88, '>', 'binding'],
      [32, null, '义务教育阶段适龄儿童少年入学率', '%', 99.9, 99.9, '>', 'binding'],
      [33, null, '高中阶段教育毛入学率', '%', 99, 99, '>', 'expected'],
      [34, null, '新增劳动力平均受教育年限', '年', 15.6, 15.8, '>', 'expected'],
    ],
    warnings: 0,
  },
  '26_tabs_qizhong_subrows.txt': {
    region: '370100',
    rows: [
      [16, null, '学前教育毛入园率', '%', 91.2, 95, null, 'expected'],
      [17, null, '九年义务教育巩固率', '%', 98.6, 99, null, 'binding'],
      [18, null, '九年义务教育巩固率（小学）', '%', 99.9, 100, null, 'binding'],
      [19, null, '九年义务教育巩固率（初中）', '%', 97.3, 98, null, 'binding'],
      [20, null, '高中阶段教育毛入学率', '%', 97.1, 98, null, 'expected'],
      [22, null, '专任教师本科及以上学历比例（幼儿园）', '%', 62, 75, null, 'expected'],
      [22, null, '专任教师本科及以上学历比例（小学）', '%', 85, 92, null, 'expected'],
      [22, null, '专任教师本科及以上学历比例（初中）', '%', 93, 98, null, 'expected'],
      [23, null, '普惠性幼儿园覆盖率', '%', 86.5, 90, null, 'binding'],
      [24, null, '公办园在园幼儿占比', '%', 45.2, 55, null, 'binding'],
    ],
    warnings: 0,
  },
  '30_box_followed_by_prose.txt': { region: '330300', rows: [], warnings: 1 },
  '31_spaces_distributed_header.txt': {
    region: '430200',
    rows: [
      [16, '教育普及', '学前教育毛入园率', '%', 90.6, 93, null, 'expected'],
      [17, '教育普及', '九年义务教育巩固率', '%', 96.8, 97.5, null, 'binding'],
      [18, '教育普及', '高中阶段教育毛入学率', '%', 93.5, 95, null, 'expected'],
      [19, '教育质量', '国家学生体质健康标准达标率', '%', 91.2, 93, null, 'binding'],
      [20, '人力资源', '劳动年龄人口平均受教育年限', '年', 10.6, 11.2, null, 'binding'],
    ],
    warnings: 0,
  },
  '32_pdf_extracted_spaced_header_cells.txt': {
    region: '410100',
    rows: [
      [9, null, '学前教育毛入园率', '%', 90.6, 93, null, 'expected'],
      [10, null, '普惠性幼儿园覆盖率', '%', 85.2, 90, null, 'binding'],
      [11, null, '公办园在园幼儿占比', '%', 48.3, 55, null, 'binding'],
      [12, null, '九年义务教育巩固率', '%', 96.8, 97.5, null, 'binding'],
      [13, null, '通过国家义务教育优质均衡发展督导评估认定的县（市、区）比例', '%', null, 30, null, 'expected'],
      [16, null, '义务教育学校大班额比例', '%', 3.2, 2, '<=', 'binding'],
      [17, null, '高中阶段教育毛入学率', '%', 92.1, 95, null, 'expected'],
      [18, null, '普通高中在校生', '万人', 12.4, 14, null, 'expected'],
      [19, null, '劳动年龄人口平均受教育年限', '年', 11.2, 11.8, null, 'binding'],
    ],
    warnings: 0,
  },
  '33_tabs_header_words_shisanwu_type.txt': {
    region: '330400',
    rows: [
      [16, null, '学前教育毛入园率', '%', 98.9, 99, '>=', 'expected'],
      [17, null, '普惠性幼儿园在园幼儿占比', '%', 91.5, 95, null, 'binding'],
      [18, null, '九年义务教育巩固率', '%', 100, 100, null, 'binding'],
      [19, null, '高中段教育毛入学率', '%', 98.6, 99, null, 'expected'],
      [20, null, '劳动年龄人口平均受教育年限', '年', 10.9, 11.5, null, 'binding'],
    ],
    warnings: 0,
  },
};

describe.each(Object.entries(EXPECTED))('the layout of %s', (file, expected) => {
  const plan = parsePlanText(readFileSync(new URL(`../fixtures/genre/${file}`, import.meta.url), 'utf8'));

  it('reads every indicator row with its group, unit, values, comparator and attribute', () => {
    const rows = plan.indicators.map((i): Row => [
      i.line,
      i.category,
      i.name,
      i.unit,
      i.baseline.value,
      i.target.value,
      i.target.comparator,
      i.attribute,
      ...(i.reference ? [i.reference.region, i.reference.baseline.value, i.reference.target.value] : []),
    ]);
    expect(rows).toEqual(expected.rows);
  });

  it('finds the plan region and raises no false warning', () => {
    expect(plan.region?.code ?? null).toBe(expected.region);
    expect(plan.warnings).toHaveLength(expected.warnings);
  });
});

/** 专栏 boxes in other layouts: [number, title, sub-projects, commitments as [quantity, unit, object part, sub-project, deadline]]. */
type Box = [number, string, string[], [number, string, string, string | null, number | null][]];

const BOXES: Record<string, { boxes: Box[]; outside: [number, string, string][] }> = {
  '17_zhuanlan_variants.txt': {
    boxes: [
      [
        1,
        '学前教育普惠扩容工程',
        ['公办幼儿园建设工程', '幼儿园教师素质提升计划', '城镇小区配套幼儿园治理'],
        [
          [50, '所', '幼儿园', '公办幼儿园建设工程', null],
          [1.5, '万个', '学位', '公办幼儿园建设工程', null],
          [1, '万人次', '园长和教师', '幼儿园教师素质提升计划', null],
          [40, '所', '小区配套幼儿园', '城镇小区配套幼儿园治理', 2023],
        ],
      ],
      [
        2,
        '义务教育优质均衡推进工程',
        ['学校建设', '优质均衡创建'],
        [
          [120, '所', '中小学校', '学校建设', null],
          [15, '万个', '学位', '学校建设', null],
          [3, '个', '国家义务教育优质均衡发展区', '优质均衡创建', 2023],
          [5, '个', '区', '优质均衡创建', 2025],
        ],
      ],
      [
        3,
        '教师队伍建设工程',
        ['名师名校长培养工程', '新教师补充计划'],
        [
          [100, '名', '市级名校长', '名师名校长培养工程', null],
          [300, '名', '名教师', '名师名校长培养工程', null],
          [2000, '名', '中小学教师', '新教师补充计划', null],
          [12, '亿元', '资金', '新教师补充计划', null],
        ],
      ],
      [
        4,
        '智慧教育示范工程',
        [],
        [
          [200, '所', '智慧校园示范校', null, null],
          [1, '个', '国家级智慧教育示范区', null, null],
        ],
      ],
    ],
    outside: [[30, '所', '薄弱学校']],
  },
  '30_box_followed_by_prose.txt': {
    boxes: [
      [
        1,
        '学前教育扩容提质工程',
        [],
        [
          [80, '所', '幼儿园', null, null],
          [2.4, '万个', '学位', null, null],
          [30, '所', '省一级幼儿园', null, null],
        ],
      ],
      [
        2,
        '义务教育优质均衡工程',
        [],
        [
          [60, '所', '中小学校', null, null],
          [5, '万个', '学位', null, null],
        ],
      ],
    ],
    outside: [
      [1500, '名', '公办幼儿园教师编制'],
      [200, '个', '城乡教育共同体'],
    ],
  },
  '14_redhead_toc_parts.txt': { boxes: [], outside: [[500, '所', '公办幼儿园']] },
};

describe.each(Object.entries(BOXES))('the 专栏 boxes of %s', (file, expected) => {
  const plan = parsePlanText(readFileSync(new URL(`../fixtures/genre/${file}`, import.meta.url), 'utf8'));

  it('finds each box, its sub-projects and its commitments, and only those', () => {
    expect(plan.projects.map((p) => [p.number, p.title, p.subprojects.map((s) => s.title)])).toEqual(
      expected.boxes.map(([number, title, subprojects]) => [number, title, subprojects]),
    );
    for (const [number, , , commitments] of expected.boxes) {
      const actual = plan.projects.find((p) => p.number === number)?.commitments ?? [];
      expect(actual.map((c) => [c.quantity, c.unit, c.subproject, c.deadline])).toEqual(
        commitments.map(([quantity, unit, , subproject, deadline]) => [quantity, unit, subproject, deadline]),
      );
      commitments.forEach(([, , object], k) => {
        expect(actual[k]?.object).toContain(object);
      });
    }
  });

  it('keeps the prose after a box out of it', () => {
    expect(plan.commitments.map((c) => [c.quantity, c.unit])).toEqual(expected.outside.map(([q, u]) => [q, u]));
    expected.outside.forEach(([, , object], k) => {
      expect(plan.commitments[k]?.object).toContain(object);
    });
  });
});
