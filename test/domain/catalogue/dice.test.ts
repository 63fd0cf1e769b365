import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diceSimilarity } from '../../../src/domain/catalogue/dice.ts';

describe('diceSimilarity', () => {
  it('counts shared character bigrams', () => {
    // 6 shared bigrams (高中 中阶 阶段 毛入 入学 学率) of 7 + 9.
    expect(diceSimilarity('高中阶段毛入学率', '高中阶段教育毛入学率')).toBe(0.75);
    // 学前 毛入 入园 园率 of 7 + 7.
    expect(diceSimilarity('学前一年毛入园率', '学前教育毛入园率')).toBeCloseTo(8 / 14);
    expect(diceSimilarity('城市绿化覆盖率', '普惠性幼儿园覆盖率')).toBeCloseTo(4 / 14);
  });

  it('counts a repeated bigram only as often as both names have it', () => {
    expect(diceSimilarity('普惠普惠', '普惠')).toBeCloseTo((2 * 1) / (3 + 1));
  });

  it('is 1 for equal names and 0 for a name too short to compare', () => {
    expect(diceSimilarity('巩固率', '巩固率')).toBe(1);
    expect(diceSimilarity('率', '巩固率')).toBe(0);
    expect(diceSimilarity('', '')).toBe(1);
  });

  it('is symmetric and between 0 and 1', () => {
    const name = fc.string({
      unit: fc.constantFrom(...Array.from('学前教育毛入园率普惠性覆盖巩固在校生')),
      maxLength: 12,
    });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const similarity = diceSimilarity(a, b);
        expect(similarity).toBe(diceSimilarity(b, a));
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
      }),
    );
  });
});
