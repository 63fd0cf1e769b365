import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseValue, roundSignificant, unitFactor } from '../../../src/domain/catalogue/units.ts';

const FAMILIES = [
  ['人', '万人', '亿人'],
  ['元', '万元', '亿元'],
  ['个', '万个'],
];

describe('unitFactor', () => {
  it.each([
    ['人', '万人', 0.0001],
    ['万人', '人', 10000],
    ['亿人', '万人', 10000],
    ['万元', '亿元', 0.0001],
    ['万个', '个', 10000],
    ['所', '所', 1],
    ['%', '％', 1],
    ['次数', '次', 1],
    ['（万人）', '万人', 1],
  ])('%s → %s is %d', (from, to, factor) => {
    expect(unitFactor(from, to)).toBe(factor);
  });

  it.each([
    ['%', '人'],
    ['人', '元'],
    ['个', '所'],
    ['年', '%'],
    ['门', '个'],
  ])('%s → %s is not a conversion', (from, to) => {
    expect(unitFactor(from, to)).toBeNull();
  });
});

describe('normaliseValue', () => {
  it('puts 阳泉’s 6695 人 and 忻州’s 1.72 万人 in one unit, without floating-point noise', () => {
    expect(normaliseValue(6695, '人', { unit: '万人' })).toBe(0.6695);
    expect(normaliseValue(1.72, '万人', { unit: '万人' })).toBe(1.72);
    expect(normaliseValue(0.6258, '万人', { unit: '人' })).toBe(6258);
  });

  it('takes a row without a unit to use the entry’s, and refuses an incompatible one', () => {
    expect(normaliseValue(32, null, { unit: '个' })).toBe(32);
    expect(normaliseValue(95, '%', { unit: '人' })).toBeNull();
  });

  it('returns the value when converted there and back', () => {
    // Values as plans print them: up to 10 significant digits (integers up to 10^9, or decimals of them).
    const printed = fc
      .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([digits, decimals]) => digits / 10 ** decimals);
    const pair = fc
      .constantFrom(...FAMILIES)
      .chain((family) => fc.tuple(fc.constantFrom(...family), fc.constantFrom(...family)));
    fc.assert(
      fc.property(printed, pair, (value, [from, to]) => {
        const there = normaliseValue(value, from, { unit: to });
        expect(there).not.toBeNull();
        expect(normaliseValue(there ?? Number.NaN, to, { unit: from })).toBe(roundSignificant(value));
      }),
    );
  });
});

describe('roundSignificant', () => {
  it('keeps 10 significant digits', () => {
    expect(roundSignificant(6695 * 0.0001)).toBe(0.6695);
    expect(roundSignificant(0.1 + 0.2)).toBe(0.3);
    expect(roundSignificant(0)).toBe(0);
  });
});
