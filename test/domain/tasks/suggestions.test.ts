/** Task suggestions on the five real plans: the task chapters' headings, never the background, goals or implementation. */
import { describe, expect, it } from 'vitest';
import { suggestTasks } from '../../../src/domain/tasks/suggestions.ts';
import type { TaskSuggestion } from '../../../src/domain/tasks/suggestions.ts';
import { parsePlanText } from '../../../src/ingest/parse.ts';
import { SAMPLES, sampleText } from '../../services/plan.samples.ts';

const suggestionsOf = (file: string): TaskSuggestion[] =>
  suggestTasks(
    parsePlanText(sampleText(file), 'txt').sections.map((section, index) => ({ ...section, position: index + 1 })),
  );

const titles = (file: string) => suggestionsOf(file).map((suggestion) => suggestion.section.title);

describe.each(SAMPLES)('task suggestions for $name', ({ file }) => {
  it('leave out the background, the goals and how the plan is carried out', () => {
    const found = titles(file);
    expect(found.length).toBeGreaterThan(25);
    for (const title of found) {
      expect(title).not.toMatch(/^(发展基础|面临形势|指导思想|主要目标|发展目标|基本原则)$|规划实施|监测评估/);
    }
  });
});

describe('task suggestions, sample by sample', () => {
  it('start 山西省’s with party leadership (line 127) and end before 完善规划实施机制', () => {
    const [first] = suggestionsOf('004_bb7b55e5c43c95eb.txt');
    expect(first?.section).toMatchObject({ title: '牢牢掌握党对教育工作的领导权', line: 127, level: 2 });
    expect(first?.chapter.title).toBe('切实加强党对教育工作的全面领导');
    expect(titles('004_bb7b55e5c43c95eb.txt').at(-1)).toBe('健全教育领域风险防控机制');
  });

  it('take 朔州’s third-level headings under a section that has them', () => {
    const found = suggestionsOf('003_cc5f11e08b4c342e.txt');
    const preschool = found.filter((suggestion) => suggestion.parent?.title === '实现学前教育普及普惠安全优质发展');
    expect(preschool.map((suggestion) => suggestion.section.title)).toEqual([
      '持续扩大普惠幼儿园规模',
      '有效提高幼儿园保教质量',
      '适度发展品牌特色幼儿园',
      '落实每个县（市、区）至少办好1所托幼机构',
      '创新优质学前教育资源共享机制',
    ]);
    expect(found.some((suggestion) => suggestion.chapter.title === '完善实施保障机制')).toBe(false);
  });

  it('start 三门峡’s after its first chapter, which holds the goals, and leave out 细化规划落实方案', () => {
    const found = suggestionsOf('002_31094d66b8551873.txt');
    expect(found[0]?.chapter.title).toBe('全面落实立德树人根本任务');
    expect(found.some((suggestion) => suggestion.chapter.title === '细化规划落实方案')).toBe(false);
  });

  it('leave out 阳泉’s 保障措施 chapter', () => {
    expect(titles('001_491b52ef50c39cde.txt')).not.toContain('加大经费保障力度');
  });

  it('make a chapter without sub-headings a task itself', () => {
    const sections = [
      { position: 1, level: 1, number: '一、', title: '总体要求', line: 1 },
      { position: 2, level: 1, number: '二、', title: '扩大普惠性学前教育资源', line: 5 },
      { position: 3, level: 1, number: '三、', title: '组织实施', line: 9 },
    ];
    expect(suggestTasks(sections).map((suggestion) => suggestion.section.title)).toEqual(['扩大普惠性学前教育资源']);
  });
});
