import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedPlan } from '../../src/ingest/types.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Runs the `eduplan` command the way `npx eduplan` does: the package's bin, no build step. */
function eduplan(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'bin/eduplan.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('eduplan parse', () => {
  it('prints the structured plan as JSON', () => {
    const run = eduplan('parse', 'samples/plans/000_cb1b58f4760fbe36.txt', '--json');
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as ParsedPlan;
    expect(plan.title).toBe('忻州市“十四五”教育事业发展规划');
    expect(plan.region).toEqual({ name: '忻州市', level: 'city', code: '140900' });
    expect(plan.indicators).toHaveLength(10);
    expect(plan.projects).toHaveLength(10);
  });

  it('prints the extracted text with the line numbers the plan cites', () => {
    const run = eduplan('parse', 'test/fixtures/004_bb7b55e5c43c95eb.pdf', '--text');
    expect(run.status).toBe(0);
    const json = eduplan('parse', 'test/fixtures/004_bb7b55e5c43c95eb.pdf', '--json');
    const first = (JSON.parse(json.stdout) as ParsedPlan).indicators[0];
    const cited = run.stdout.split('\n').find((line) => line.trimStart().startsWith(`${String(first?.line)} `));
    expect(cited).toContain('学前教育毛入园率');
  });

  it('says in one sentence, with exit code 2, that an empty file, a binary or a novel is not a plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eduplan-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const chapter = '第一章 风雪夜归人\n\n那天夜里，雪下得很大。他推开门，看见炉火还亮着，母亲坐在灯下缝补衣服。\n\n';
    writeFileSync(
      join(dir, 'novel.txt'),
      chapter.repeat(3).replace(/第一章/g, (_, at: number) => `第${'一二三'[at % 3] ?? '一'}章`),
    );
    for (const name of ['empty.txt', 'photo.png', 'novel.txt']) {
      const run = eduplan('parse', join(dir, name), '--json');
      expect(run.status, name).toBe(2);
      expect(run.stdout, name).toBe('');
      expect(run.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(run.stderr, name).toMatch(/not a plan document/);
    }
  });

  it('tells a missing file and a wrong command apart from a file that is not a plan', () => {
    expect(eduplan('parse', 'no/such/file.txt').status).toBe(1);
    expect(eduplan('frobnicate').status).toBe(1);
  });
});

describe('eduplan samples (the reader summary)', () => {
  it('summarises every sample plan with its region, indicators and boxes', () => {
    const run = eduplan('samples');
    expect(run.status).toBe(0);
    for (const region of [
      '忻州市 (140900)',
      '阳泉市 (140300)',
      '三门峡市 (411200)',
      '朔州市 (140600)',
      '山西省 (140000)',
    ]) {
      expect(run.stdout).toContain(region);
    }
    expect(run.stdout).toContain('第44行 学前教育毛入园率（%）: 95 → 96.50 预期性');
  });
});
