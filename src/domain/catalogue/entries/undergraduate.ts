/**
 * 本科教育 in 朔州's table: the build-up of 山西工学院, which opened in 2021 (every baseline is 0). Its courses are
 * counted in 个, the unit the table prints for 基础性课程量, also where a row prints none.
 */
import type { CatalogueEntry } from '../types.ts';
import { shuozhouShortName } from './sources.ts';

export const undergraduateEntries: readonly CatalogueEntry[] = [
  {
    id: 'undergraduate-programme-course-count',
    name: '本科教育专业课程规模',
    nameEn: 'number of undergraduate programme courses',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [shuozhouShortName('专业课程规模', '本科教育')],
  },
  {
    id: 'undergraduate-teacher-count',
    name: '本科教育专业教师规模',
    nameEn: 'number of undergraduate programme teachers',
    unit: '人',
    kind: 'count',
    direction: 'increase',
    synonyms: [shuozhouShortName('专业教师规模', '本科教育')],
  },
  {
    id: 'advanced-applied-course-count',
    name: '高层次应用型课程量',
    nameEn: 'number of advanced applied courses',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'foundation-course-count',
    name: '基础性课程量',
    nameEn: 'number of foundation courses',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    id: 'key-laboratory-count',
    name: '重点实验室建设量',
    nameEn: 'number of key laboratories built',
    unit: '个',
    kind: 'count',
    direction: 'increase',
    synonyms: [],
  },
  {
    // Share of courses rated 优质 (excellent); 0 in 2020 because the college had not opened.
    id: 'quality-course-rate',
    name: '优质课程率',
    nameEn: 'share of quality-rated courses',
    unit: '%',
    kind: 'ratio',
    direction: 'increase',
    synonyms: [],
  },
];
