import type { Browser } from 'playwright-core';
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

describe('the overview and the indicator screen', () => {
  it('shows 山西’s counts, red lines first, cards with their status, and opens an indicator with its chart and explanation', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-province');

    // The province's own plan and the latest year with data, without anything in the address.
    const preschool = page.getByTestId('indicator-card').filter({ hasText: '学前教育毛入园率' });
    await preschool.getByText('快于预期').waitFor();
    await page.getByText('山西省“十四五”教育事业发展规划').first().waitFor();
    expect(await page.getByTestId('count-insufficient_data').textContent()).toMatch(/数据不足\s*\d+/);
    expect(await page.getByTestId('count-ahead').textContent()).toMatch(/快于预期\s*1/);
    // The latest figure carries its year and source; the target its plan line.
    expect(await preschool.textContent()).toContain('96%（2024 年）');
    expect(await preschool.getByRole('link', { name: '规划原文第 93 行' }).count()).toBeGreaterThan(0);

    // Red-line warnings come before the cards.
    const redLines = page.getByTestId('red-lines-none');
    await redLines.waitFor();
    const redBox = await redLines.boundingBox();
    const cardBox = await page.getByTestId('indicator-card').first().boundingBox();
    expect(redBox !== null && cardBox !== null && redBox.y < cardBox.y).toBe(true);

    // The cities: 2025 figures for two of them, the others named as having none.
    await page.getByText(/暂无 2025 年数据（9）/).waitFor();

    // The year is in the address, and the back button returns to the default view.
    await page.getByLabel('年份').click();
    await page.locator('.ant-select-item-option', { hasText: /^2024 年$/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2024');
    await page.getByText('山西省“十四五”教育事业发展规划 · 山西省 · 2024 年').waitFor();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(null);
    await preschool.getByText('快于预期').waitFor();
    await screenshot(page, 'overview-province');

    await preschool.getByRole('link', { name: '学前教育毛入园率' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/plans/5/indicators/1');
    await page.getByRole('heading', { name: '学前教育毛入园率' }).waitFor();
    await page.getByText('计算过程').waitFor();
    expect(await page.getByTestId('explanation-words').textContent()).toContain('进度比 R=1.14');
    expect(await page.getByTestId('explanation-numbers').textContent()).toContain('CAGR(96, 90.8, 2024, 2020)');
    // The trend chart is drawn: a line for the observed figures inside the chart's SVG.
    const chart = page.getByRole('img', { name: /学前教育毛入园率趋势图/ });
    expect(await chart.locator('svg path').count()).toBeGreaterThan(5);
    // Each figure the chart draws is listed with its source.
    expect(await page.getByTestId('figures-table').textContent()).toContain('m.junhanjc.com');
    // The cities below: 忻州 judged 已实现 on its 2025 figure, the rest without a figure this year.
    const xinzhou = page.getByTestId('sub-region-table').getByRole('row', { name: /忻州市/ });
    await xinzhou.getByText('已实现').waitFor();
    await page.getByTestId('aggregate-summary').getByText('0/11 个下级地区已报').waitFor();
    // The cities' own plans set their targets beside the province's.
    await page.getByTestId('alignment-below').getByText('与上级目标一致', { exact: true }).waitFor();
    await screenshot(page, 'indicator-preschool');

    expect(offSiteRequests(context)).toEqual([]);
    await context.close();
  });

  it('shows a county its city’s plan, and says plainly when nothing can be judged yet', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-county');
    await page.getByText('忻州市“十四五”教育事业发展规划 · 忻府区').waitFor();
    await page.getByTestId('all-insufficient').waitFor();
    expect(await page.getByTestId('all-insufficient').textContent()).toContain('不是系统错误');
    await page.getByText('忻府区没有下级地区。').waitFor();
    await context.close();
  });
});
