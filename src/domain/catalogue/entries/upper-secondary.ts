/** 高中阶段教育: 普通高中 and the stage as a whole. 中职 enrolment is with vocational education (vocational.ts). */
import { upperSecondaryGrossEnrolmentFormula } from '../formulas.ts';
import type { CatalogueEntry } from '../types.ts';
import { YANGQUAN, shuozhouShortName } from './sources.ts';

export const upperSecondaryEntries: readonly CatalogueEntry[] = [
  {
    id: 'upper-secondary-gross-enrolment-rate',
    name: '高中阶段教育毛入学率',
    nameEn: 'upper secondary gross enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    // 朔州's prose: "高中阶段教育毛入学率97.37%以上" (line 122), the table's 入学率 baseline.
    synonyms: [shuozhouShortName('入学率', '高中阶段教育')],
    formula: upperSecondaryGrossEnrolmentFormula,
    mayExceed100: true,
  },
  {
    id: 'upper-secondary-graduation-rate',
    name: '高中阶段教育毕业率',
    nameEn: 'upper secondary graduation rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('毕业率', '高中阶段教育')],
  },
  {
    // Graduates going on to further study; a 2025 target of 100 suggests 朔州 counts 中职 graduates entering 高职 too.
    id: 'upper-secondary-progression-rate',
    name: '高中阶段教育升学率',
    nameEn: 'upper secondary progression rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('升学率', '高中阶段教育')],
  },
  {
    // Share of 普通高中 on a diversified or specialised (多样化、特色化) track, as 朔州's chapter on them describes.
    id: 'general-high-school-diversification-rate',
    name: '普通高中多样化率',
    nameEn: 'share of general high schools with diversified programmes',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'upper-secondary-quality-rate',
    name: '高中阶段教育优质率',
    nameEn: 'share of quality-rated upper secondary schools',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('优质率', '高中阶段教育')],
  },
  {
    id: 'general-high-school-enrolment',
    name: '普通高中在校生',
    nameEn: 'general high school enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [{ name: '普通高中在校人数', source: `${YANGQUAN}（单位：人）` }],
  },
];
