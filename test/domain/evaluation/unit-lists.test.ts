/** 红黑榜 of responsible units from the statuses of what they answer for. */
import { describe, expect, it } from 'vitest';
import { unitLists } from '../../../src/domain/evaluation/unit-lists.ts';

describe('unitLists', () => {
  const lists = unitLists([
    { unit: '学前教育科', status: 'done' },
    { unit: '学前教育科', status: 'done' },
    { unit: '职业教育科', status: 'overdue' },
    { unit: '职业教育科', status: 'done' },
    { unit: '发展规划科', status: 'in_progress' },
    { unit: '基础教育科', status: 'overdue' },
    { unit: '基础教育科', status: 'overdue' },
    { unit: ' ', status: 'overdue' },
  ]);

  it('puts every unit with an overdue item on the black list, most overdue first', () => {
    expect(lists.lagging.map((unit) => [unit.unit, unit.overdue])).toEqual([
      ['基础教育科', 2],
      ['职业教育科', 1],
    ]);
  });

  it('puts a unit with work done and nothing overdue on the red list, and one with neither on no list', () => {
    expect(lists.leading.map((unit) => [unit.unit, unit.done])).toEqual([['学前教育科', 2]]);
    expect(lists.others.map((unit) => unit.unit)).toEqual(['发展规划科']);
  });
});
