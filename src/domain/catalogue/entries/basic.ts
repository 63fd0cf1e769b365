/**
 * 学前教育 and 义务教育. Entries that only 朔州's table has are named "学段 + the short name it prints" (学前教育优质率
 * for 优质率 under 学前教育), since the short name alone would be ambiguous across groups.
 */
import {
  compulsoryRetentionFormula,
  inclusiveKindergartenCoverageFormula,
  juniorSecondaryNetEnrolmentFormula,
  preschoolGrossEnrolmentFormula,
  primaryNetEnrolmentFormula,
} from '../formulas.ts';
import type { CatalogueEntry } from '../types.ts';
import { SANMENXIA, shuozhouShortName } from './sources.ts';

export const basicEducationEntries: readonly CatalogueEntry[] = [
  {
    id: 'preschool-gross-enrolment-rate',
    name: '学前教育毛入园率',
    nameEn: 'preschool gross enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    // 朔州's prose gives the same figure as "学前三年毛入园率93.56%" (line 110).
    synonyms: [shuozhouShortName('入园率', '学前教育')],
    formula: preschoolGrossEnrolmentFormula,
    mayExceed100: true,
  },
  {
    id: 'inclusive-kindergarten-coverage',
    name: '普惠性幼儿园覆盖率',
    nameEn: 'inclusive kindergarten coverage rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [
      // The table's 2020 figure (75) is not the 85.51% its prose gives for 普惠性幼儿园覆盖率 (line 110), so 朔州 may
      // count kindergartens rather than children here: kept as this indicator, flagged for the reviewer.
      shuozhouShortName('普惠率', '学前教育', '基期值75与正文“普惠性幼儿园覆盖率85.51%”不一致，口径待核'),
    ],
    formula: inclusiveKindergartenCoverageFormula,
  },
  {
    // Share of kindergartens (or of children in them) rated 优质 (示范园 and the like); the plan gives no definition.
    id: 'preschool-quality-rate',
    name: '学前教育优质率',
    nameEn: 'share of quality-rated kindergartens',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('优质率', '学前教育')],
  },
  {
    id: 'primary-net-enrolment-rate',
    name: '小学净入学率',
    nameEn: 'primary net enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
    formula: primaryNetEnrolmentFormula,
  },
  {
    id: 'junior-secondary-net-enrolment-rate',
    name: '初中净入学率',
    nameEn: 'junior secondary net enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
    formula: juniorSecondaryNetEnrolmentFormula,
  },
  {
    // 朔州's table has one 入学率 for 小学 and 初中 together (100), where its prose gives 99.98% and 99.96% apart
    // (line 114). Not the two net rates above: a combined rate cannot be split back into them.
    id: 'compulsory-education-enrolment-rate',
    name: '义务教育入学率',
    nameEn: 'compulsory education enrolment rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('入学率', '九年义务教育')],
  },
  {
    // The national name; 三门峡 drops 九年, 朔州 prints 巩固率 under 九年义务教育.
    id: 'compulsory-education-retention-rate',
    name: '九年义务教育巩固率',
    nameEn: 'nine-year compulsory education retention rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [{ name: '义务教育巩固率', source: SANMENXIA }, shuozhouShortName('巩固率', '九年义务教育')],
    formula: compulsoryRetentionFormula,
  },
  {
    id: 'compulsory-education-graduation-rate',
    name: '义务教育毕业率',
    nameEn: 'compulsory education graduation rate',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('毕业率', '九年义务教育')],
  },
  {
    id: 'migrant-children-enrolment-rate',
    name: '随迁子女入学率',
    nameEn: 'enrolment rate of migrant workers’ children',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'left-behind-children-retention-rate',
    name: '留守儿童巩固率',
    nameEn: 'retention rate of left-behind children',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Share of compulsory schools rated 优质; 朔州 gives no definition.
    id: 'compulsory-school-quality-rate',
    name: '义务教育学校优质率',
    nameEn: 'share of quality-rated compulsory schools',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('学校优质率', '九年义务教育')],
  },
  {
    // 朔州's chapter on 义务教育城乡一体化 (same standards for building, staffing and funding in town and village)
    // suggests the share of schools or counties meeting those unified standards; the plan does not say which.
    id: 'compulsory-urban-rural-integration-rate',
    name: '义务教育城乡一体化率',
    nameEn: 'urban-rural integration rate of compulsory education',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('城乡一体化率', '九年义务教育')],
  },
  {
    // 三门峡's ">2" under (%) most likely means 2 counties (its 专栏1: 创建2个义务教育优质均衡县); the catalogue keeps
    // the printed unit, the reviewer corrects the row.
    id: 'quality-balanced-county-share',
    name: '全国义务教育优质均衡发展县（市、区）比例',
    nameEn: 'share of counties recognised for high-quality balanced compulsory education',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
];
