/** 高等教育: participation and enrolment by level, and the 高职 block of 朔州's 高等教育 group. */
import { higherEducationGrossEnrolmentFormula } from '../formulas.ts';
import type { CatalogueEntry } from '../types.ts';
import { SANMENXIA, shuozhouShortName } from './sources.ts';

export const higherEducationEntries: readonly CatalogueEntry[] = [
  {
    id: 'higher-education-gross-enrolment-rate',
    name: '高等教育毛入学率',
    nameEn: 'higher education gross enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
    formula: higherEducationGrossEnrolmentFormula,
    mayExceed100: true,
  },
  {
    // All students in higher education (本专科, 研究生, 成人 and online), the numerator of the gross rate above.
    id: 'higher-education-total-enrolment',
    name: '高等教育在学总规模',
    nameEn: 'total higher education enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'higher-education-students-per-100k',
    name: '每十万人口高等教育平均在校生数',
    nameEn: 'higher education students per 100,000 population',
    unit: '人',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'undergraduate-enrolment',
    name: '普通本科在校生',
    nameEn: 'regular undergraduate enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [
      // 三门峡's 应用型本科 college (河南科技大学应用工程学院) and 朔州's 山西工学院 (opened 2021) are both 普通本科.
      { name: '本科教育在校生', source: SANMENXIA },
      shuozhouShortName('在校生规模', '本科教育', '山西工学院'),
    ],
  },
  {
    id: 'postgraduate-enrolment',
    name: '在学研究生',
    nameEn: 'postgraduate enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'double-first-class-disciplines',
    name: '“双一流”建设学科',
    nameEn: 'disciplines in the Double First-Class programme',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    // 朔州 only, undefined in the plan: most likely the share of local economic growth (or of the GDP) the city's
    // colleges are credited with, the "社会贡献力" its goals speak of. Treat the figures as the plan's own estimate.
    id: 'higher-education-local-economic-contribution',
    name: '服务地方经济发展贡献率',
    nameEn: 'contribution of higher education to local economic development',
    unit: '%',
    kind: 'index',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Programmes (专业) offered by 朔州's 高职 colleges; 学科专业 is the plan's wording.
    id: 'vocational-college-programme-count',
    name: '高等职业教育学科专业总量',
    nameEn: 'number of programmes offered by vocational colleges',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    // 朔州's prose: the 高职 colleges' "毕业生就业率始终在80%以上" (line 138).
    id: 'vocational-college-graduate-employment-rate',
    name: '高等职业教育毕业生就业率',
    nameEn: 'employment rate of vocational college graduates',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('就业率', '高等教育', '高职（专科）院校口径')],
  },
  {
    // Key practical-training bases of 朔州's 高职 colleges; a different count from 职业能力训练基地总量 (32 in 2020,
    // under 职业教育) although the two may overlap.
    id: 'vocational-college-key-training-base-count',
    name: '重点训练基地总量',
    nameEn: 'number of key training bases of vocational colleges',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
];
