/**
 * The counts and amounts the statistical bulletins (教育事业发展统计公报, 教育经费统计公告) report on their own: schools,
 * pupils, teachers and money. They are data elements, not indicators: no plan sets a target for 普通小学数, but they
 * are the context a plan's rates are read in, and the numerators and denominators of some of them.
 *
 * A count a catalogue entry already is (普通高中在校生, 中等职业教育在校生, 在学研究生 …) is not repeated here: its figures
 * go to the entry. Units follow what the bulletins print, so that the national series is stored as published: pupils
 * and teachers in 万人, schools in 所 (converted from 万所), money in 亿元; children in kindergartens in 人, like the
 * 在园幼儿数 they are divided by.
 */
import type { DataElement } from './types.ts';

function element(id: string, name: string, nameEn: string, unit: string): DataElement {
  return { id, name, nameEn, unit };
}

/** Kindergartens, their children and teachers. */
export const preschoolElements: readonly DataElement[] = [
  element('kindergartens', '幼儿园数', 'number of kindergartens', '所'),
  // Public kindergartens plus private ones recognised as 普惠性 (fees capped, subsidised).
  element('inclusive-kindergartens', '普惠性幼儿园数', 'number of inclusive kindergartens', '所'),
  element('public-kindergartens', '公办幼儿园数', 'number of public kindergartens', '所'),
  element('public-kindergarten-children', '公办园在园幼儿数', 'children enrolled in public kindergartens', '人'),
  // Two counts, both printed by 河南 for 2023 (23.29万 and 21.75万): 学前教育 adds the teachers of preschool classes
  // attached to primary schools to those of kindergartens. The national bulletin moved from one to the other in 2021.
  element('preschool-teachers', '学前教育专任教师数', 'full-time preschool teachers', '万人'),
  element('kindergarten-teachers', '幼儿园专任教师数', 'full-time kindergarten teachers', '万人'),
];

/** Primary, junior secondary and the compulsory stage as a whole. */
export const compulsoryElements: readonly DataElement[] = [
  element('primary-schools', '普通小学数', 'number of primary schools', '所'),
  element('junior-secondary-schools', '初中学校数', 'number of junior secondary schools', '所'),
  element('compulsory-education-schools', '义务教育阶段学校数', 'number of compulsory education schools', '所'),
  element('primary-pupils', '小学在校生', 'primary school enrolment', '万人'),
  element('junior-secondary-pupils', '初中在校生', 'junior secondary enrolment', '万人'),
  element('compulsory-education-pupils', '义务教育阶段在校生', 'compulsory education enrolment', '万人'),
  element('primary-teachers', '小学专任教师数', 'full-time primary teachers', '万人'),
  element('junior-secondary-teachers', '初中专任教师数', 'full-time junior secondary teachers', '万人'),
  element('compulsory-education-teachers', '义务教育阶段专任教师数', 'full-time compulsory education teachers', '万人'),
];

/** 普通高中 and 中等职业教育; their enrolment is in the catalogue (general-high-school-enrolment and the like). */
export const upperSecondaryElements: readonly DataElement[] = [
  element('general-high-schools', '普通高中学校数', 'number of general high schools', '所'),
  element('general-high-school-teachers', '普通高中专任教师数', 'full-time general high school teachers', '万人'),
  // Two elements, not one series: the national bulletin counted 技工学校 (run by human resources, not education)
  // until 2020 and stopped in 2021: 9896 schools with them in 2020, 7473 without (2021's 7294, 同口径比上年减少179所).
  element(
    'secondary-vocational-schools',
    '中等职业学校数（不含技工学校）',
    'number of secondary vocational schools (excluding technician schools)',
    '所',
  ),
  element(
    'secondary-vocational-schools-incl-technical',
    '中等职业教育学校数（含技工学校）',
    'number of secondary vocational schools (including technician schools)',
    '所',
  ),
  element('secondary-vocational-teachers', '中等职业教育专任教师数', 'full-time secondary vocational teachers', '万人'),
];

/** Higher education institutions, their students and teachers. */
export const higherElements: readonly DataElement[] = [
  // 高等学校 counts adult institutions (成人高等学校) too, 普通高校 does not: 2738 普通高校 in 2020, 3012 高等学校 in
  // 2021, the year the national bulletin switched.
  element(
    'higher-education-institutions',
    '高等学校数（含成人高校）',
    'number of higher education institutions (including adult institutions)',
    '所',
  ),
  element(
    'regular-higher-education-institutions',
    '普通高校数',
    'number of regular higher education institutions',
    '所',
  ),
  // The same switch for teachers: 2024's 216.35万 is 普通本科 138.76 + 职业本科 4.53 + 高职（专科）71.70 + 成人高校 1.35.
  element('higher-education-teachers', '高等教育专任教师数', 'full-time higher education teachers', '万人'),
  element(
    'regular-higher-education-teachers',
    '普通高校专任教师数',
    'full-time teachers of regular higher education institutions',
    '万人',
  ),
  // 本科 and 专科 students of regular institutions, academic and vocational alike: the catalogue's 普通本科在校生,
  // 职业教育本科在校生 and 职业教育专科在校生 together (2024: 2085.91 + 40.68 + 1764.66 = 3891.25 ≈ 3891.26万).
  element(
    'regular-undergraduate-and-junior-college-enrolment',
    '普通、职业本专科在校生',
    'regular and vocational undergraduate and junior college enrolment',
    '万人',
  ),
];

/** The whole system: all schools, all students in degree or diploma education, all teachers. */
export const systemElements: readonly DataElement[] = [
  element('schools-all-levels', '各级各类学校数', 'number of schools of all levels and types', '所'),
  element('students-all-levels', '各级各类学历教育在校生', 'students in formal education at all levels', '万人'),
  element('teachers-all-levels', '专任教师总数', 'full-time teachers at all levels', '万人'),
];

/**
 * Education funding. 一般公共预算教育支出 is the finance accounts' spending on the 教育 function of the budget;
 * 一般公共预算教育经费 is the education statistics' figure (教育事业费, 基建经费 and 教育费附加). Their national figures
 * differ (2020: 支出 36310.47亿元; 经费 about 35620亿元, since 2021's 37463.36亿元 is 5.17% above it), so they are
 * two elements.
 */
export const financeElements: readonly DataElement[] = [
  element('total-education-expenditure', '教育经费总投入', 'total education expenditure', '亿元'),
  element('public-education-expenditure', '国家财政性教育经费', 'government expenditure on education', '亿元'),
  element(
    'general-budget-education-spending',
    '一般公共预算教育支出',
    'general public budget expenditure on education (finance accounts)',
    '亿元',
  ),
  element(
    'general-budget-education-funding',
    '一般公共预算教育经费',
    'education funding from the general public budget (education statistics)',
    '亿元',
  ),
];

/** Every statistical element, by stage (学前 → 义务 → 高中 → 高等 → 全系统 → 经费). */
export const statisticalElements: readonly DataElement[] = [
  ...preschoolElements,
  ...compulsoryElements,
  ...upperSecondaryElements,
  ...higherElements,
  ...systemElements,
  ...financeElements,
];
