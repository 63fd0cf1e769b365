import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn, startApp } from './harness.ts';
import type { E2eApp } from './harness.ts';

let app: E2eApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await app.close();
});

interface PlanRow {
  id: number;
  region: { code: string };
}

interface CommitmentRow {
  position: number;
  quantity: number;
  achieved: number | null;
  responsibleUnit: string | null;
  status: string;
  lock: number;
}

/** 山西's plan and its commitments, as the signed-in page reads them. */
async function shanxiCommitments(page: Page): Promise<{ planId: number; items: CommitmentRow[] }> {
  const { plans } = (await (await page.request.get(`${app.url}/api/plans`)).json()) as { plans: PlanRow[] };
  const plan = plans.find((one) => one.region.code === '140000');
  if (plan === undefined) throw new Error('山西’s plan is not among the samples');
  const answer = await page.request.get(`${app.url}/api/plans/${String(plan.id)}/commitments`);
  return { planId: plan.id, items: ((await answer.json()) as { items: CommitmentRow[] }).items };
}

describe('reports', () => {
  it('lets the province generate 山西’s 总结评估报告 2025, follow its progress and download the Word file', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-province');
    await page.goto(`${app.url}/reports`);
    await expect.poll(() => page.getByTestId('plan-select').textContent(), { timeout: 15_000 }).toContain('山西省');
    await page.getByText('总结评估报告').click();
    await page.getByText('总结评估默认为规划期末年（2025）').waitFor();
    // Word only: the PDF is printed by chromium on the server, which this test does not need to load.
    await page.getByLabel('PDF').uncheck();
    await page.getByRole('button', { name: '生成报告' }).click();

    const job = page.getByTestId('job-Word');
    await job.getByRole('progressbar').waitFor();
    expect(['queued', 'running']).toContain(await job.getAttribute('data-status'));
    expect(await page.getByTestId('job-Word-stage').textContent()).not.toBe('');
    await screenshot(page, 'report-progress');

    const button = job.getByText('下载 Word');
    await button.waitFor({ timeout: 90_000 });
    await screenshot(page, 'report-generate');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(10 * 1024);
    expect(download.suggestedFilename()).toBe('140000-山西省-十四五-2025年总结评估报告.docx');
    await context.close();
  });
});

describe('tasks and projects', () => {
  it('lets the province filter 山西’s overdue commitments, report one’s quantity achieved, and keeps what was typed when someone changed it first', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-province');
    const { planId, items } = await shanxiCommitments(page);
    const overdue = items.filter((item) => item.status === 'overdue');
    // One still overdue after the update (more than 1 promised), and another for the conflict.
    const [target, contested] = overdue.filter((item) => item.quantity >= 2).slice(0, 2);
    if (target === undefined || contested === undefined) throw new Error('山西 has too few overdue commitments');

    await page.goto(`${app.url}/tasks`);
    await page.getByTestId('commitment-table').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('plan')).toBe(String(planId));
    await page
      .getByRole('radio', { name: /已逾期/ })
      .locator('xpath=ancestor::label')
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('overdue');
    const rows = page.locator('[data-testid=commitment-table] tbody tr.ant-table-row');
    await expect.poll(() => rows.locator('[data-track-status=done]').count()).toBe(0);
    expect(await rows.locator('[data-track-status=overdue]').count()).toBe(await rows.count());

    const row = rows.filter({
      has: page.locator('td:first-child', { hasText: new RegExp(`^${String(target.position)}$`) }),
    });
    await row.getByRole('button', { name: /查看与更新/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(/累计完成量/).fill('1');
    await drawer.getByLabel('说明').fill('据年度统计公报');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await drawer.getByTestId('history').getByText('据年度统计公报').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden' });
    await expect.poll(() => row.getByTestId('achieved').textContent()).toMatch(/^1/);
    await screenshot(page, 'tasks');

    // Someone else (another session) changes a commitment while this page has it open.
    const contestedRow = rows.filter({
      has: page.locator('td:first-child', { hasText: new RegExp(`^${String(contested.position)}$`) }),
    });
    await contestedRow.getByRole('button', { name: /查看与更新/ }).click();
    await drawer.getByLabel(/累计完成量/).waitFor();
    const other = await newPage(browser);
    await signIn(other.page, app, 'demo-province');
    const changed = await other.page.request.patch(
      `${app.url}/api/plans/${String(planId)}/commitments/${String(contested.position)}`,
      { data: { responsibleUnit: '省教育厅发展规划处', lock: contested.lock } },
    );
    expect(changed.status()).toBe(200);
    await other.context.close();

    await drawer.getByLabel(/累计完成量/).fill('1');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText(/已被他人修改/).waitFor();
    expect(await drawer.getByLabel(/累计完成量/).inputValue()).toBe('1');
    // The field left alone shows what the other person saved; saving again keeps it.
    await expect.poll(() => drawer.getByLabel('责任单位').inputValue()).toBe('省教育厅发展规划处');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => drawer.getByText(/已被他人修改/).count()).toBe(0);
    const after = (await shanxiCommitments(page)).items.find((item) => item.position === contested.position);
    expect(after).toMatchObject({ achieved: 1, responsibleUnit: '省教育厅发展规划处' });
    await context.close();
  });
});
