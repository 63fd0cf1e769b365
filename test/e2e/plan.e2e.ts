/**
 * The plan screens in a real browser: the document beside its structure (an indicator clicked shows its source line,
 * highlighted and in view), a document imported, reviewed row by row and published, and markup in a document shown
 * as the text it is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, offSiteRequests, screenshot, signIn, startApp } from './harness.ts';
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

/**
 * A small county plan in the seeds' layout (samples/plans/): a title naming the region, a 主要目标 table with tab-
 * separated cells and a 属性 column, and the implementation chapter. `extra` goes into the last paragraph, so two
 * documents made from it differ.
 */
function countyPlan(extra: string): string {
  return [
    '阳曲县“十四五”教育事业发展规划',
    '',
    '一、主要目标',
    '',
    '到2025年，学前教育毛入园率达到95%，九年义务教育巩固率保持在97%以上。',
    '',
    '“十四五”时期教育发展主要指标',
    '',
    '指标名称\t2020年\t2025年\t属性',
    '学前教育毛入园率（%）\t90.0\t95.0\t预期性',
    '九年义务教育巩固率（%）\t96.5\t97.0\t约束性',
    '智慧校园达标指数（分）\t60\t80\t预期性',
    '',
    '二、保障措施',
    '',
    `组织开展规划的年度监测、中期评估和总结评估。${extra}`,
    '',
  ].join('\n');
}

/** Imports a document through the plan list's dialog, as a person would, and waits for the review screen. */
async function importThroughDialog(page: Page, name: string, text: string): Promise<number> {
  await page.goto(`${app.url}/plans`);
  await page.getByRole('button', { name: '导入规划' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await dialog
    .getByRole('button', { name: /导\s*入/ })
    .last()
    .click();
  await page.waitForURL(/\/plans\/\d+\/review$/);
  return Number(/\/plans\/(\d+)\/review$/.exec(page.url())?.[1]);
}

/** Whether the highlighted source line lies wholly inside the document pane, and the pane inside the window. */
async function highlightInView(page: Page): Promise<boolean> {
  const pane = await page.getByTestId('source-pane').boundingBox();
  const line = await page.getByTestId('source-pane').locator('.source-line-highlight').boundingBox();
  const window = page.viewportSize();
  if (pane === null || line === null || window === null) return false;
  const within = line.y >= pane.y && line.y + line.height <= pane.y + pane.height;
  return within && pane.y >= 0 && pane.y + pane.height <= window.height;
}

describe('the plan screens', () => {
  it('shows an indicator’s source line highlighted and in view when it is clicked in the structure', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-province');
    await page.getByRole('menuitem', { name: '规划' }).click();
    await page.getByRole('link', { name: '山西省“十四五”教育事业发展规划' }).first().click();
    await page.getByTestId('plan-title').waitFor();
    // A province plan lists the city plans below it.
    await page
      .getByTestId('plan-relatives')
      .getByRole('link', { name: /忻州市/ })
      .waitFor();

    await page
      .getByTestId('indicator-table')
      .getByRole('button', { name: /学前教育毛入园率/ })
      .click();
    const highlighted = page.getByTestId('source-pane').locator('.source-line-highlight');
    await highlighted.waitFor();
    expect(await highlighted.count()).toBe(1);
    expect(await highlighted.textContent()).toContain('学前教育毛入园率');
    const line = Number(await highlighted.getAttribute('data-line'));
    expect(await highlighted.getAttribute('aria-current')).toBe('location');
    // Announced, and kept in the address so the link opens the document at the same line.
    expect(await page.getByTestId('source-status').textContent()).toContain(`已定位到原文第 ${line} 行`);
    expect(new URL(page.url()).searchParams.get('line')).toBe(String(line));
    await expect.poll(() => highlightInView(page)).toBe(true);
    await screenshot(page, 'plan-document');

    // The address alone opens the document at that line.
    await page.goto(page.url());
    await page.getByTestId('source-pane').locator(`[data-line="${line}"].source-line-highlight`).waitFor();
    await expect.poll(() => highlightInView(page)).toBe(true);
    expect(offSiteRequests(context)).toEqual([]);
    await context.close();
  });

  it('imports a plan document, corrects a row, shows the refusal to publish in place, then publishes', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-province');
    const id = await importThroughDialog(page, '阳曲县教育规划.txt', countyPlan('每年公开规划实施情况。'));
    await page.getByText('规划文件已导入为草稿').waitFor();
    expect(await page.getByTestId('current-region').textContent()).toContain('阳曲县');

    // Correct row 1's target: the form sends it, and the row shows the corrected figure, confirmed.
    await page.getByRole('button', { name: '更正第 1 行“学前教育毛入园率”' }).click();
    const form = page.getByTestId('review-form-1');
    await form.getByLabel('目标值').fill('96');
    await form.getByRole('button', { name: '保存并确认' }).click();
    const row1 = page.getByTestId('review-row-1');
    await row1.getByText('已确认').waitFor();
    expect(await row1.textContent()).toContain('96');
    expect(await row1.textContent()).not.toContain('95.0');

    // Row 3 matches no catalogue entry: the server refuses to publish and names the row and its line.
    const row3 = page.getByTestId('review-row-3');
    expect(await row3.textContent()).toContain('须确认');
    await page.getByRole('button', { name: '发布规划' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    const refusal = page.getByTestId('publish-panel').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('原文第 12 行');

    await page.getByRole('button', { name: /确认第 3 行/ }).click();
    await row3.getByText('已确认').waitFor();
    await screenshot(page, 'plan-review');

    await page.getByRole('button', { name: '发布规划' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await page.waitForURL(new RegExp(`/plans/${id}$`));
    await page.locator('[data-plan-status="published"]').first().waitFor();
    // The published figure is the corrected one.
    const published = page.getByTestId('indicator-table').getByRole('row', { name: /学前教育毛入园率/ });
    expect(await published.textContent()).toContain('96');
    expect(await published.textContent()).not.toContain('95.0');

    // The review address of a published plan says so and leads to the plan.
    await page.goto(`${app.url}/plans/${id}/review`);
    await page.getByText('该规划已发布，不能再修改').waitFor();
    await page.getByRole('button', { name: '查看规划' }).click();
    await page.waitForURL(new RegExp(`/plans/${id}$`));
    await context.close();
  });

  it('shows markup in a plan’s text as text, never running it', async () => {
    const { context, page } = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, app, 'demo-province');
    const id = await importThroughDialog(page, '阳曲县（含标记）.txt', countyPlan('<script>alert(1)</script>'));
    await page.goto(`${app.url}/plans/${id}`);
    await page.getByTestId('source-pane').getByText('<script>alert(1)</script>').waitFor();
    expect(await page.getByTestId('source-pane').getByText('<script>alert(1)</script>').isVisible()).toBe(true);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
