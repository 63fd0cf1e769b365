import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/ingest/parse.ts';
import { readValue } from '../../src/ingest/values.ts';

const seed = readFileSync(new URL('../../samples/plans/003_cc5f11e08b4c342e.txt', import.meta.url), 'utf8');
const seedLines = seed.split('\n');

/** Characters plans are made of, so that generated text reaches the table, heading and box readers. */
const planChar = fc.constantFrom(
  ...Array.from(
    '一二三四五六七八九十（）、。，；：%“”《》—|\t 0123456789.专栏第章节指标属性约束性预期性年万人所个左右以上≥>',
  ),
  '\n',
  '教',
  '育',
);

describe('the reader on arbitrary or mangled text', () => {
  it('never throws on arbitrary text, and every line it cites exists', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const plan = parsePlanText(text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const item of [...plan.sections, ...plan.indicators, ...plan.projects, ...plan.commitments]) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on text made of plan characters, tables and boxes included', () => {
    fc.assert(
      fc.property(fc.string({ unit: planChar, maxLength: 600 }), (text) => {
        expect(() => parsePlanText(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('survives a real plan with lines deleted, duplicated and shuffled, and says where it could not read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(seedLines.length - 1), op: fc.constantFrom('drop', 'dup', 'cut', 'swap') }), {
          maxLength: 40,
        }),
        (edits) => {
          const lines = [...seedLines];
          for (const { at, op } of edits) {
            const line = lines[at] ?? '';
            if (op === 'drop') lines.splice(at, 1);
            if (op === 'dup') lines.splice(at, 0, line);
            if (op === 'cut') lines[at] = line.slice(0, Math.floor(line.length / 2));
            if (op === 'swap') lines.splice(at, 2, lines[at + 1] ?? '', line);
          }
          const plan = parsePlanText(lines.join('\n'));
          for (const warning of plan.warnings) expect(warning.message.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('reading a printed value', () => {
  it('reads back any number printed with a comparator, unit or 以上', () => {
    const prefixes: [string, string | null][] = [
      ['', null],
      ['≥', '>='],
      ['>', '>'],
      ['≤', '<='],
      ['<', '<'],
      ['保持在', '>='],
      ['不低于', '>='],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...prefixes),
        fc.constantFrom('', '%', '年', '万人'),
        (whole, fraction, [prefix, comparator], unit) => {
          const printed = `${whole}.${String(fraction).padStart(2, '0')}`;
          const read = readValue(`${prefix}${printed}${unit}`);
          expect(read.value).toBeCloseTo(Number(printed), 6);
          expect(read.comparator).toBe(comparator);
          expect(read.unit).toBe(unit === '' ? null : unit);
        },
      ),
    );
  });

  it('reads 以上 as at least and 以内 as at most, and a dash as no value', () => {
    expect(readValue('90%以上')).toEqual({ value: 90, comparator: '>=', unit: '%' });
    expect(readValue('12.3年以上')).toEqual({ value: 12.3, comparator: '>=', unit: '年' });
    expect(readValue('5%以内')).toEqual({ value: 5, comparator: '<=', unit: '%' });
    expect(readValue('—').value).toBeNull();
    expect(readValue('--').value).toBeNull();
    expect(readValue('').value).toBeNull();
  });
});

describe('warnings that say where', () => {
  const xinzhou = readFileSync(new URL('../../samples/plans/000_cb1b58f4760fbe36.txt', import.meta.url), 'utf8');

  it('keeps an indicator whose target is not a number and warns at its line', () => {
    const lines = xinzhou.split('\n');
    lines[45] = '\t九十六点五'; // line 46: the 2025 target of 学前教育毛入园率
    const plan = parsePlanText(lines.join('\n'));
    const row = plan.indicators.find((i) => i.name === '学前教育毛入园率');
    expect(row?.target).toMatchObject({ raw: '九十六点五', value: null });
    expect(plan.warnings.some((w) => w.line === 44 && w.message.includes('学前教育毛入园率'))).toBe(true);
  });

  it('warns when a document has no indicator table', () => {
    const withoutTable = xinzhou
      .split('\n')
      .filter((_, index) => index < 34 || index > 97)
      .join('\n');
    const plan = parsePlanText(withoutTable);
    expect(plan.indicators).toEqual([]);
    expect(plan.warnings.some((w) => w.message.includes('未找到指标表'))).toBe(true);
  });
});
