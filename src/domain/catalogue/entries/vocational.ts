/** 职业教育: enrolment by level, teachers, apprenticeship, and 朔州's own course and training-base indicators. */
import { dualQualifiedTeacherFormula } from '../formulas.ts';
import type { CatalogueEntry } from '../types.ts';
import { SANMENXIA, SHUOZHOU, shuozhouShortName } from './sources.ts';

export const vocationalEntries: readonly CatalogueEntry[] = [
  {
    id: 'secondary-vocational-enrolment',
    name: '中等职业教育在校生',
    nameEn: 'secondary vocational enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'vocational-college-enrolment',
    name: '职业教育专科（含高专）在校生',
    nameEn: 'vocational college (junior college level) enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [
      // The same level; 三门峡 counts its two 技师学院 (run under human resources, not education) in the figure.
      { name: '高等职业院校（技师学院）在校生', source: `${SANMENXIA}：含技师学院在校生` },
      // 朔州's rows after "高等职业教育 学科专业总量" read as the 高职 block of its 高等教育 group, and until 山西工学院
      // opened in 2021 the city had only 专科 colleges. Its prose says "高等教育阶段在校生达20000多人" (line 136),
      // which this 0.6258万 does not match: flagged for the reviewer.
      shuozhouShortName('在校生规模', '高等教育', '高职（专科）院校口径；与正文“20000多人”不一致，待核'),
    ],
  },
  {
    id: 'vocational-undergraduate-enrolment',
    name: '职业教育本科在校生',
    nameEn: 'vocational undergraduate enrolment',
    unit: '万人',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'modern-apprenticeship-share',
    name: '现代学徒制培养比例',
    nameEn: 'share of students trained through modern apprenticeship',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    // 阳泉 prints the name without quotes, which normalisation removes: an exact match, not a synonym.
    id: 'dual-qualified-teacher-share',
    name: '“双师型”教师占专业课教师比例',
    nameEn: 'share of dual-qualified teachers among vocational subject teachers',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [
      { name: '双师型教师占专业课教师的比例', source: SANMENXIA },
      // Merged: "双师型" is a vocational-teacher qualification and its share is always taken over vocational subject
      // teachers, so 占比 says the same thing. 朔州 prints it under 高等教育, in its 高职 block: the scope is the
      // city's 高职 colleges, not all vocational schools, which a reviewer comparing it with 山西's 51% should know.
      { name: '“双师型”教师占比', source: `${SHUOZHOU}：列于高等教育（高职院校）` },
    ],
    formula: dualQualifiedTeacherFormula,
  },
  {
    // Share of courses built on occupational standards or job tasks (职业化), as far as 朔州's table lets one tell;
    // the plan gives no definition.
    id: 'vocational-course-occupational-alignment-rate',
    name: '课程职业化率',
    nameEn: 'share of vocational courses aligned with occupations',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Share of courses that train technical skills; 朔州 gives no definition.
    id: 'skills-course-rate',
    name: '技能技术培育课程率',
    nameEn: 'share of skills-training courses',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
  {
    // 朔州 prints no unit: training bases are counted in 个 (cf. 重点训练基地总量（个） in the same table).
    id: 'vocational-training-base-count',
    name: '职业能力训练基地总量',
    nameEn: 'number of vocational skills training bases',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Under 朔州's 职业教育 group, which its table sets apart from the 高职 rows under 高等教育.
    id: 'vocational-graduate-employment-rate',
    name: '职业教育毕业生就业率',
    nameEn: 'employment rate of vocational school graduates',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [shuozhouShortName('就业率', '职业教育')],
  },
];
