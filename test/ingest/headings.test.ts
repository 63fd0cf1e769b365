import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/ingest/parse.ts';

function sections(text: string): [number, string, string][] {
  return parsePlanText(text).sections.map((s) => [s.level, s.number, s.title]);
}

describe('section headings', () => {
  it('ranks heading styles by nesting, whatever style a plan starts with', () => {
    expect(
      sections('第一章 总体要求\n第一节 指导思想\n一、坚持党的领导\n（一）加强组织\n1.健全机制\n（1）明确责任'),
    ).toEqual([
      [1, '第一章', '总体要求'],
      [2, '第一节', '指导思想'],
      [3, '一、', '坚持党的领导'],
      [4, '（一）', '加强组织'],
      [5, '1.', '健全机制'],
      [6, '（1）', '明确责任'],
    ]);
    expect(sections('一、发展基础\n（一）发展成就\n二、总体要求')).toEqual([
      [1, '一、', '发展基础'],
      [2, '（一）', '发展成就'],
      [1, '二、', '总体要求'],
    ]);
  });

  it('takes a mistyped Arabic number that continues a Chinese sequence as part of it', () => {
    expect(sections('（一）指导思想\n（2）基本原则\n（三）主要目标')).toEqual([
      [1, '（一）', '指导思想'],
      [1, '（2）', '基本原则'],
      [1, '（三）', '主要目标'],
    ]);
  });

  it('does not take sentences, enumerations or table-of-contents entries for headings', () => {
    const text = [
      '目录',
      '一、发展基础……………………3',
      '二、总体要求……………………8',
      '',
      '为加快推进教育现代化，根据有关规定，制定本规划。',
      '一、发展基础',
      '一是加强领导，完善机制。',
      '1.坚持党的全面领导。把党的领导贯穿教育全过程。',
      '二、总体要求',
    ].join('\n');
    expect(sections(text)).toEqual([
      [1, '一、', '发展基础'],
      [1, '二、', '总体要求'],
    ]);
    expect(parsePlanText(text).sections.map((s) => s.line)).toEqual([6, 9]);
  });
});

describe('the title', () => {
  it('joins a title set on two lines and reads the region and period from it', () => {
    const plan = parsePlanText('太原市“十四五”\n教育事业发展规划\n\n一、发展基础\n二、总体要求\n三、保障措施');
    expect(plan.title).toBe('太原市“十四五”教育事业发展规划');
    expect(plan.region).toEqual({ name: '太原市', level: 'city', code: '140100' });
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.sections.map((s) => s.line)).toEqual([4, 5, 6]);
  });
});
