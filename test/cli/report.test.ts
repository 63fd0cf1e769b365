/**
 * `eduplan report` as an operator runs it: 山西's final evaluation written as Word, opened and converted to PDF by
 * LibreOffice (what a planning office would do with it), its text read back with every indicator row in it; and
 * the same report as PDF printed by chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { pdfToText } from '../../src/ingest/extract/pdf.ts';
import { findChromium } from '../../src/reports/plan-report/chromium.ts';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import { createPlanService } from '../../src/services/plan.service.ts';

const root = new URL('../../', import.meta.url).pathname;
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(
  (path) => spawnSync(path, ['--version']).status === 0,
);

describe('eduplan report', () => {
  let dir: string;
  let shanxi = 0;
  let rows: string[] = [];
  const dataDir = (): string => join(dir, 'data');

  // The embedded database only: the child must never see the suite's DATABASE_URL.
  const eduplan = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, EDUPLAN_DATA: dataDir() };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, [join(root, 'bin/eduplan.js'), ...args], { cwd: root, encoding: 'utf8', env });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-report-'));
    const database = await openDatabase({ databaseUrl: undefined, dataDir: dataDir() });
    try {
      const plans = createPlanService(database.db);
      await seedSamplePlans(plans);
      await seedSampleStatistics(database.db);
      const plan = (await plans.listPlans({ regionCode: '140000' }, null))[0];
      shanxi = plan?.id ?? 0;
      rows = (await plans.getPlan(shanxi, null)).indicators.map((row) => row.name);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the final evaluation as Word with every indicator row, and LibreOffice opens it', async () => {
    const file = join(dir, 'final.docx');
    const run = eduplan('report', '--plan', String(shanxi), '--kind', 'final', '--format', 'docx', '-o', file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { value: text } = await mammoth.extractRawText({ path: file });
    expect(text).toContain('山西省“十四五”教育事业发展规划');
    expect(text).toContain('总结评估报告');
    expect(text).toContain('评估年度：2025年');
    expect(rows).toHaveLength(15);
    for (const name of rows) expect(text, name).toContain(name);

    if (SOFFICE === undefined)
      throw new Error('LibreOffice is needed for this test: apt-get install libreoffice-writer-nogui');
    const converted = spawnSync(SOFFICE, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
      timeout: 120_000,
    });
    expect(converted.status, converted.stderr).toBe(0);
    const pdfText = (await pdfToText(readFileSync(join(dir, 'final.pdf')))).replace(/\s+/g, '');
    expect(pdfText).toContain('总结评估报告');
    expect(pdfText).toContain('学前教育毛入园率');
  }, 180_000);

  it.skipIf(findChromium(process.env) === null)(
    'writes the same report as PDF',
    async () => {
      const file = join(dir, 'final.pdf');
      const run = eduplan('report', '--plan', String(shanxi), '--kind', 'final', '--format', 'pdf', '-o', file);
      expect(run.status, run.stderr).toBe(0);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await pdfToText(bytes)).replace(/\s+/g, '')).toContain('学前教育毛入园率');
    },
    120_000,
  );
});
