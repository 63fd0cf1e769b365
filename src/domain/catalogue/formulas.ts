/**
 * The published formulas and the data elements they are built from. Every formula is transcribed from
 * shared/data/indicator-definitions.md, whose figures come from public and mostly secondary sources: the Ministry's
 * 《教育统计报表制度》 and 《教育统计指标解释》 win where they disagree, so each source says so, with the caveat the
 * definitions file notes beside the formula.
 */
import type { DataElement, Formula } from './types.ts';

const DEFINITIONS =
  '据 indicator-definitions.md 所录公开资料（多为二手来源）；与教育部《教育统计报表制度》《教育统计指标解释》不一致时以后者为准';

function source(note?: string): string {
  return note === undefined ? DEFINITIONS : `${DEFINITIONS}。${note}`;
}

function element(id: string, name: string, nameEn: string, unit = '人'): DataElement {
  return { id, name, nameEn, unit };
}

// Population by single year of age comes from statistics or public-security data, not from schools: these elements
// are reported by their own, versioned source and shared by every rate that divides by them.
const population3to5 = element('population-aged-3-5', '3-5周岁适龄人口', 'population aged 3-5');
const population15to17 = element('population-aged-15-17', '15-17周岁人口', 'population aged 15-17');
const population18to22 = element('population-aged-18-22', '18-22周岁人口', 'population aged 18-22');
const population16to59 = element('population-aged-16-59', '16-59周岁人口', 'population aged 16-59');

const kindergartenChildren = element('kindergarten-children', '在园幼儿数', 'children enrolled in kindergartens');

export const preschoolGrossEnrolmentFormula: Formula = {
  numerator: kindergartenChildren,
  denominator: population3to5,
  factor: 100,
  text: '在园幼儿数 ÷ 3-5周岁适龄人口（学前三年） × 100',
  source: source('学前一年、学前两年毛入园率分别以5周岁、4-5周岁人口为分母，是另外的指标'),
};

export const inclusiveKindergartenCoverageFormula: Formula = {
  numerator: element(
    'inclusive-kindergarten-children',
    '普惠性幼儿园在园幼儿数',
    'children in inclusive kindergartens (public and inclusive private)',
  ),
  denominator: kindergartenChildren,
  factor: 100,
  text: '普惠性幼儿园在园幼儿数（公办园 + 普惠性民办园） ÷ 在园幼儿数 × 100',
  source: source('核对：2022年全国 4144.05万 ÷ 4627.55万 = 89.55%'),
};

export const compulsoryRetentionFormula: Formula = {
  numerator: element(
    'junior-secondary-graduating-class',
    '初中毕业班学生数',
    'pupils in the final junior-secondary grade',
  ),
  denominator: element(
    'cohort-primary-grade-1-intake',
    '该年级9年前（小学一年级）入学时学生数',
    "the same cohort's primary grade 1 intake nine years earlier",
  ),
  factor: 100,
  text: '初中毕业班学生数 ÷ 该年级9年前（小学一年级）入学时学生数 × 100（按转入、转出和死亡人数调整）',
  source: source('队列指标：需要9年前的入学数据'),
};

function netEnrolmentFormula(level: string, levelEn: string, slug: string): Formula {
  return {
    numerator: element(`${slug}-age-enrolled`, `${level}适龄人口中的在校生数`, `${levelEn}-age children enrolled`),
    denominator: element(`${slug}-age-population`, `${level}适龄人口数`, `${levelEn}-age population`),
    factor: 100,
    text: `${level}适龄人口中的在校生数 ÷ ${level}适龄人口数 × 100`,
    source: source('分子计入在本学段及更高学段就读的适龄人口'),
  };
}

export const primaryNetEnrolmentFormula = netEnrolmentFormula('小学', 'primary-school', 'primary');
export const juniorSecondaryNetEnrolmentFormula = netEnrolmentFormula(
  '初中',
  'junior-secondary-school',
  'junior-secondary',
);

export const upperSecondaryGrossEnrolmentFormula: Formula = {
  numerator: element(
    'upper-secondary-enrolment-all-types',
    '高中阶段各类学校在校生数',
    'upper-secondary enrolment in all school types',
  ),
  denominator: population15to17,
  factor: 100,
  text: '高中阶段各类学校在校生数（普通高中、职业高中、中等专业学校、技工学校） ÷ 15-17周岁人口 × 100',
  source: source('毛入学率，可超过100'),
};

export const higherEducationGrossEnrolmentFormula: Formula = {
  numerator: element('higher-education-total-enrolment', '高等教育在学总规模', 'total higher-education enrolment'),
  denominator: population18to22,
  factor: 100,
  text: '高等教育在学总规模 ÷ 18-22周岁人口 × 100',
  source: source('省级口径之一：本省生源在学人数 ÷ 本省籍18-22周岁人口'),
};

export const yearsOfSchoolingFormula: Formula = {
  numerator: element(
    'working-age-schooling-years-total',
    '16-59周岁人口受教育年数总和',
    'total years of schooling of the population aged 16-59',
    '人·年',
  ),
  denominator: population16to59,
  factor: 1,
  text: '16-59周岁人口受教育年数总和（Σ 各学历层次人数 × 学制年数） ÷ 16-59周岁人口',
  source: source('学制年数常用：文盲0、小学6、初中9、高中/中专12、大专15、本科16、研究生19-22'),
};

export const dualQualifiedTeacherFormula: Formula = {
  numerator: element('dual-qualified-teachers', '“双师型”专任教师数', 'dual-qualified full-time teachers'),
  denominator: element(
    'vocational-subject-teachers',
    '专业（技能）课程专任教师数',
    'full-time teachers of vocational (skills) subjects',
  ),
  factor: 100,
  text: '“双师型”专任教师数 ÷ 专业（技能）课程专任教师数 × 100',
  source: source('2021年起的口径；此前全国数据以全部专任教师为分母'),
};
