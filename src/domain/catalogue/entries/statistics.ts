/**
 * Rates and averages the statistical bulletins and census communiqués publish that no sample plan's table holds.
 * They are here so that every published figure has a home (samples/data/real-stats.csv): a rate a plan's prose cites
 * (公办园在园幼儿占比) or one that sits beside a plan indicator without being it (15岁及以上人口平均受教育年限 beside
 * 劳动年龄人口平均受教育年限). Plans are matched to the entries before these, so none of them takes a plan's row.
 */
import { preschoolGrossEnrolmentFormula } from '../formulas.ts';
import { preschoolElements } from '../statistics.ts';
import type { CatalogueEntry, DataElement, Formula } from '../types.ts';

// The denominator of the gross enrolment rate is the same 在园幼儿数 every preschool share divides by.
const kindergartenChildren = preschoolGrossEnrolmentFormula.numerator;

function preschoolElement(id: string): DataElement {
  const found = preschoolElements.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`statistics.ts has no preschool element ${id}`);
  return found;
}

const publicKindergartenShareFormula: Formula = {
  numerator: preschoolElement('public-kindergarten-children'),
  denominator: kindergartenChildren,
  factor: 100,
  text: '公办园在园幼儿数 ÷ 在园幼儿数 × 100',
  source:
    '据 indicator-definitions.md 所录公开资料（多为二手来源）；与教育部《教育统计报表制度》《教育统计指标解释》不一致时以后者为准。' +
    '核对：晋城市2025年 35410 ÷ 50467 = 70.16%',
};

export const statisticsEntries: readonly CatalogueEntry[] = [
  {
    // Counts kindergartens, where 普惠性幼儿园覆盖率 counts the children in them: the national bulletins print both
    // (2022: 84.96% of kindergartens, 89.55% of children). The bulletins' wording (普惠性幼儿园 24.57万所 "占全国幼儿园的
    // 比例") implies 普惠性幼儿园数 ÷ 幼儿园数, but indicator-definitions.md does not give it, so no formula yet.
    id: 'inclusive-kindergarten-share',
    name: '普惠性幼儿园数占幼儿园总数比例',
    nameEn: 'inclusive kindergartens as a share of all kindergartens',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    // 忻州, 阳泉 and 三门峡 cite it in their prose (公办园在园幼儿占比达到60%) but not in their tables.
    id: 'public-kindergarten-enrolment-share',
    name: '公办园在园幼儿占比',
    nameEn: 'share of kindergarten children in public kindergartens',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
    formula: publicKindergartenShareFormula,
  },
  {
    // Pupils of any age over the 初中 age group, so above 100 where over-age pupils are many (2020: 102.5%). The
    // bulletin prints 初中阶段毛入学率; named like 高中阶段教育毛入学率 (and with no synonym) because that spelling
    // would take plans' 高中阶段毛入学率 from its entry in fuzzy matching (similarity 0.86 against 0.75).
    id: 'junior-secondary-gross-enrolment-rate',
    name: '初中阶段教育毛入学率',
    nameEn: 'junior secondary gross enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
    mayExceed100: true,
  },
  {
    // The census measure (第七次全国人口普查, population aged 15 and over), not the plans' 劳动年龄人口 (16-59)
    // indicator: another age group, so another figure (山西 2020: 10.45 years at 15+).
    id: 'population-15-plus-years-of-schooling',
    name: '15岁及以上人口平均受教育年限',
    nameEn: 'average years of schooling of the population aged 15 and over',
    unit: '年',
    kind: 'average',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Those entering the labour force in the year (13.8 years nationally in 2020), not the working-age population.
    id: 'new-labour-force-years-of-schooling',
    name: '新增劳动力平均受教育年限',
    nameEn: 'average years of schooling of new entrants to the labour force',
    unit: '年',
    kind: 'average',
    direction: 'increase',
    synonyms: [],
  },
];
