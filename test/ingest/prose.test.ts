import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/ingest/parse.ts';

const shanxi = parsePlanText(
  readFileSync(new URL('../../samples/plans/004_bb7b55e5c43c95eb.txt', import.meta.url), 'utf8'),
);
const sanmenxia = parsePlanText(
  readFileSync(new URL('../../samples/plans/002_31094d66b8551873.txt', import.meta.url), 'utf8'),
);

describe('what the 山西 plan promises in its prose', () => {
  it('reads the quantified targets of 主要目标 with their comparators, for the plan year', () => {
    const goals = shanxi.goals
      .filter((g) => g.line === 73)
      .map((g) => [g.name, g.target.value, g.target.comparator, g.target.year]);
    expect(goals).toEqual([
      ['学前教育毛入园率', 96.5, null, 2025],
      ['普惠性幼儿园覆盖率', 86.5, '>=', 2025],
      ['公办园在园幼儿占比', 55, '>=', 2025],
    ]);
  });

  it('lists commitments outside the boxes with their section, and none from the look back at 十三五', () => {
    const labour = shanxi.commitments
      .filter((c) => c.line === 155)
      .map((c) => [c.quantity, c.unit, c.object, c.section]);
    expect(labour).toEqual(
      expect.arrayContaining([
        [100, '个', '省级大中小学劳动教育实践基地', '全面加强新时代大中小学劳动教育'],
        [1000, '个', '县级大中小学劳动教育实践基地', '全面加强新时代大中小学劳动教育'],
        [100, '所', '省级劳动教育实验学校', '全面加强新时代大中小学劳动教育'],
      ]),
    );
    const firstChapter = shanxi.sections.find((s) => s.level === 1 && s.number === '二、')?.line ?? 0;
    expect(shanxi.commitments.filter((c) => c.line < firstChapter)).toEqual([]);
    expect(shanxi.goals.filter((g) => g.line < firstChapter)).toEqual([]);
  });

  it('finds the monitoring mechanisms of the implementation chapter', () => {
    const kinds = new Set(shanxi.mechanisms.map((m) => m.kind));
    for (const kind of [
      'task-assignment',
      'schedule',
      'annual-monitoring',
      'mid-term-evaluation',
      'final-evaluation',
      'third-party-evaluation',
      'publication',
    ] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(shanxi.mechanisms.find((m) => m.kind === 'mid-term-evaluation')).toMatchObject({
      line: 461,
      text: '组织开展规划的年度监测、中期评估和总结评估。',
    });
  });

  it('names the platforms the plan calls for', () => {
    expect(shanxi.systems.map((s) => s.name)).toContain('山西产教融合综合信息服务平台');
  });

  it('warns where it changed the text: traditional characters and a stray English word', () => {
    expect(shanxi.warnings.find((w) => w.line === 69)?.message).toContain('service');
    expect(shanxi.warnings.some((w) => w.line === 435 && w.message.includes('繁体'))).toBe(true);
  });
});

describe('a plan without a title line (三门峡)', () => {
  it('leaves the title empty, infers the region from its parent plans, and says both', () => {
    expect(sanmenxia.title).toBeNull();
    expect(sanmenxia.region).toEqual({ name: '三门峡市', level: 'city', code: '411200' });
    expect(sanmenxia.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('没有标题行'), expect.stringContaining('由正文推断')]),
    );
  });
});
