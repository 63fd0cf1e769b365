/** 特殊教育 (朔州's table) and the population-wide indicators of 人力资源开发 and language use. */
import { yearsOfSchoolingFormula } from '../formulas.ts';
import type { CatalogueEntry } from '../types.ts';
import { shuozhouShortName } from './sources.ts';

export const specialAndAdultEntries: readonly CatalogueEntry[] = [
  {
    // The national name (特殊教育 plans); 朔州 prints 入学率 under 特殊教育, and its prose "“三残”儿童入学率" (line 114).
    id: 'disabled-children-enrolment-rate',
    name: '适龄残疾儿童少年义务教育入学率',
    nameEn: 'compulsory education enrolment rate of school-age children with disabilities',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('入学率', '特殊教育')],
  },
  {
    // Teaching visits to children who cannot attend school. Counted in visits (次数 in the table): 朔州's prose counts
    // 42 pupils (line 114) where the table has 78. The plan sets no target.
    id: 'home-teaching-visits',
    name: '上门送教量',
    nameEn: 'home teaching visits',
    unit: '次',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Pupils taught with rehabilitation combined (康教结合); no target in the plan.
    id: 'rehabilitation-education-pupils',
    name: '康教结合教育量',
    nameEn: 'pupils in combined rehabilitation and education',
    unit: '人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Pupils with disabilities in regular classes: the prose's 192 (小学) + 58 (初中) = 250 (line 114).
    id: 'inclusive-class-pupils',
    name: '随班就读总量',
    nameEn: 'pupils with disabilities in regular classes',
    unit: '人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'special-school-enrolment',
    name: '特教学校在校生规模',
    nameEn: 'special school enrolment',
    unit: '人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'working-age-years-of-schooling',
    name: '劳动年龄人口平均受教育年限',
    nameEn: 'average years of schooling of the working-age population',
    unit: '年',
    kind: 'average',
    direction: 'increase',
    synonyms: [],
    formula: yearsOfSchoolingFormula,
  },
  {
    id: 'putonghua-prevalence-rate',
    name: '普通话普及率',
    nameEn: 'Putonghua prevalence rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
];
