/**
 * The reviewed tables published-statistics.ts reads with: which catalogue entry or data element each wording of the
 * bulletins stands for, and where a series' definition changed. Each mapping is a claim about meaning, so each one
 * that is not plain says why; a wording missing here leaves its figures unplaced rather than guessed.
 */
import { normaliseName } from '../catalogue/normalise.ts';

/** What a figure is a value of: a catalogue entry (学前教育毛入园率) or a data element (幼儿园数). */
export interface FigureSubject {
  readonly kind: 'indicator' | 'element';
  readonly id: string;
}

const indicator = (id: string): FigureSubject => ({ kind: 'indicator', id });
const element = (id: string): FigureSubject => ({ kind: 'element', id });

const WORDINGS: readonly (readonly [string, FigureSubject])[] = [
  // 学前教育
  ['学前教育毛入园率', indicator('preschool-gross-enrolment-rate')],
  // Children in inclusive kindergartens over all children, as the catalogue's formula (2022: 4144.05 ÷ 4627.55万).
  ['普惠性幼儿园覆盖率', indicator('inclusive-kindergarten-coverage')],
  // Kindergartens, not children: another rate than the coverage above, printed beside it every year.
  ['普惠性幼儿园数占幼儿园总数比例', indicator('inclusive-kindergarten-share')],
  ['公办园在园幼儿占比', indicator('public-kindergarten-enrolment-share')],
  // 学前教育在园幼儿 counts kindergartens and preschool classes attached to other schools (2021 bulletin, note 4):
  // the numerator of the gross enrolment rate, which is the formula's 在园幼儿数.
  ['学前教育在园幼儿', element('kindergarten-children')],
  ['公办园在园幼儿', element('public-kindergarten-children')],
  ['幼儿园数', element('kindergartens')],
  ['普惠性幼儿园数', element('inclusive-kindergartens')],
  ['公办幼儿园数', element('public-kindergartens')],
  // Two elements: 学前教育 adds the teachers of attached preschool classes (2021 bulletin, note 6) to 幼儿园's own.
  ['学前教育专任教师', element('preschool-teachers')],
  ['幼儿园专任教师', element('kindergarten-teachers')],

  // 义务教育
  ['小学学龄儿童净入学率', indicator('primary-net-enrolment-rate')],
  ['初中净入学率', indicator('junior-secondary-net-enrolment-rate')],
  // The catalogue's 义务教育入学率 is 朔州's one rate for 小学 and 初中 together, whose prose gives the two net rates
  // (99.98%, 99.96%) it rounds to 100: a net rate of the whole compulsory age group, as this is. Not either of the
  // two net rates by level, which a combined figure cannot stand for.
  ['义务教育学龄儿童净入学率', indicator('compulsory-education-enrolment-rate')],
  // Gross, not net: all pupils over the age group, 102.5% in 2020. Not junior-secondary-net-enrolment-rate.
  ['初中阶段毛入学率', indicator('junior-secondary-gross-enrolment-rate')],
  ['九年义务教育巩固率', indicator('compulsory-education-retention-rate')],
  ['普通小学数', element('primary-schools')],
  ['初中学校数', element('junior-secondary-schools')],
  ['义务教育阶段学校数', element('compulsory-education-schools')],
  ['小学在校生', element('primary-pupils')],
  ['初中在校生', element('junior-secondary-pupils')],
  ['义务教育阶段在校生', element('compulsory-education-pupils')],
  ['小学专任教师', element('primary-teachers')],
  ['初中专任教师', element('junior-secondary-teachers')],
  ['义务教育阶段专任教师', element('compulsory-education-teachers')],

  // 高中阶段
  ['高中阶段教育毛入学率', indicator('upper-secondary-gross-enrolment-rate')],
  ['普通高中在校生', indicator('general-high-school-enrolment')],
  ['普通高中学校数', element('general-high-schools')],
  ['普通高中专任教师', element('general-high-school-teachers')],

  // 职业教育
  ['中等职业教育在校生', indicator('secondary-vocational-enrolment')],
  ['“双师型”教师占专业课教师比例', indicator('dual-qualified-teacher-share')],
  // Two elements, as the wordings say: 技工学校 are in the 2020 count and in no later one.
  ['中等职业学校数（不含技工学校）', element('secondary-vocational-schools')],
  ['中等职业教育学校数（含技工学校）', element('secondary-vocational-schools-incl-technical')],
  ['中等职业教育专任教师', element('secondary-vocational-teachers')],

  // 高等教育
  ['高等教育毛入学率', indicator('higher-education-gross-enrolment-rate')],
  // The entry (万人), not the formula element of the same id (人): one quantity, stored in the entry's unit.
  ['高等教育在学总规模', indicator('higher-education-total-enrolment')],
  ['在学研究生', indicator('postgraduate-enrolment')],
  ['普通本科在校生', indicator('undergraduate-enrolment')],
  // 高职 is the 专科 level of vocational higher education: the catalogue's 职业教育专科（含高专）在校生.
  ['职业教育专科（高职）在校生', indicator('vocational-college-enrolment')],
  ['职业教育本科在校生', indicator('vocational-undergraduate-enrolment')],
  // All 本科 and 专科 students of regular institutions, academic and vocational: the sum of the three entries above,
  // not any one of them. 2024: 2085.91 + 40.68 + 1764.66 = 3891.25 ≈ 3891.26万.
  ['普通、职业本专科在校生', element('regular-undergraduate-and-junior-college-enrolment')],
  // The 2020 bulletin's name for the same total, before 职业本科 was reported apart: 2021's figures less their
  // increases give 2020's 普通本科 1818.40 + 职业本科 7.34 + 高职 1459.55 = 3285.29万, this figure exactly.
  ['普通本专科在校生', element('regular-undergraduate-and-junior-college-enrolment')],
  ['高等学校数（含成人高校）', element('higher-education-institutions')],
  ['普通高校数', element('regular-higher-education-institutions')],
  ['高等教育专任教师', element('higher-education-teachers')],
  ['普通高校专任教师', element('regular-higher-education-teachers')],

  // 全系统, 人力资源
  ['各级各类学校数', element('schools-all-levels')],
  ['各级各类学历教育在校生', element('students-all-levels')],
  ['专任教师总数', element('teachers-all-levels')],
  // Census, population aged 15 and over: not the plans' 劳动年龄人口 (16-59) indicator.
  ['15岁及以上人口平均受教育年限', indicator('population-15-plus-years-of-schooling')],
  ['新增劳动力平均受教育年限', indicator('new-labour-force-years-of-schooling')],

  // 经费: the finance accounts' 支出 and the education statistics' 经费 are different figures.
  ['教育经费总投入', element('total-education-expenditure')],
  ['国家财政性教育经费', element('public-education-expenditure')],
  ['一般公共预算教育支出', element('general-budget-education-spending')],
  ['一般公共预算教育经费', element('general-budget-education-funding')],
];

/** The subject of each wording, keyed by normaliseName (quotes, brackets and spaces as the catalogue compares them). */
export const SOURCE_WORDINGS: ReadonlyMap<string, FigureSubject> = new Map(
  WORDINGS.map(([wording, subject]) => [normaliseName(wording), subject]),
);

/**
 * A change of definition: from `from`, figures of `subjectId` are not comparable with the years before, whether those
 * were reported under the same subject or, where the bulletins switched what they report, under `predecessorId`.
 */
export interface SeriesBreakRule {
  readonly subjectId: string;
  readonly from: number;
  readonly predecessorId?: string;
  readonly zh: string;
  readonly en: string;
}

const WITHOUT_TECHNICAL_SCHOOLS = {
  zh: '2021年起不含人社部门管理的技工学校，2020年含：与上年不可比（公报按“同口径”比较增减）',
  en: 'From 2021 excluding technician schools (run by human resources), which 2020 included: not comparable with the year before (the bulletin compares on the same basis)',
};

/**
 * The national bulletins' changes between 2020 and 2021, from the data README and the file's notes; each is flagged
 * on a region's first figure of the new definition when the region also has one of the old.
 */
export const SERIES_BREAK_RULES: readonly SeriesBreakRule[] = [
  {
    subjectId: 'dual-qualified-teacher-share',
    from: 2021,
    zh: '2021年起分母为专业（技能）课程专任教师；2020年为全部专任教师：与上年不可比',
    en: 'From 2021 the denominator is teachers of vocational (skills) subjects, until 2020 all full-time teachers: not comparable with the year before',
  },
  { subjectId: 'secondary-vocational-enrolment', from: 2021, ...WITHOUT_TECHNICAL_SCHOOLS },
  { subjectId: 'secondary-vocational-teachers', from: 2021, ...WITHOUT_TECHNICAL_SCHOOLS },
  {
    subjectId: 'secondary-vocational-schools',
    predecessorId: 'secondary-vocational-schools-incl-technical',
    from: 2021,
    ...WITHOUT_TECHNICAL_SCHOOLS,
  },
  {
    subjectId: 'preschool-teachers',
    predecessorId: 'kindergarten-teachers',
    from: 2021,
    zh: '2021年起公报报告学前教育专任教师（含其他学校附设幼儿班），2020年为幼儿园专任教师：与上年不可比',
    en: 'From 2021 the bulletin reports preschool teachers (including attached preschool classes), in 2020 kindergarten teachers: not comparable with the year before',
  },
  {
    subjectId: 'higher-education-institutions',
    predecessorId: 'regular-higher-education-institutions',
    from: 2021,
    zh: '2021年起公报报告高等学校数（含成人高等学校），2020年为普通高校数：与上年不可比',
    en: 'From 2021 the bulletin counts all higher education institutions (including adult ones), in 2020 regular ones only: not comparable with the year before',
  },
  // The same switch for teachers, though the data README names only the school count: 2021 bulletin, note 27, counts
  // the teachers of 成人高等学校, which 2020's 普通高校专任教师 leaves out.
  {
    subjectId: 'higher-education-teachers',
    predecessorId: 'regular-higher-education-teachers',
    from: 2021,
    zh: '2021年起公报报告高等教育专任教师（含成人高等学校），2020年为普通高校专任教师：与上年不可比',
    en: 'From 2021 the bulletin reports higher education teachers (including adult institutions), in 2020 those of regular institutions: not comparable with the year before',
  },
];
