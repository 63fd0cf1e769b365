/**
 * One figure's way through EduPlan, across three roles, as the issue asks the browser tests to show: 忻府区's
 * reporter types the two figures its 2024 学前教育毛入园率 divides into the form and submits them; 忻州's administrator approves it in the review
 * queue; the city's indicator page and overview then show it (the regions below reporting, the value beside its
 * county), where before they showed a gap; the public portal still does not, because nobody has published it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, offSiteRequests, screenshot, signIn, startApp } from './harness.ts';
import type { E2eApp } from './harness.ts';

let app: E2eApp;
let browser: Browser;
let xinzhouPlan: number;

/** A rate of a county is computed from its own elements (9,312 of 9,600 children: 97%), which also makes it count. */
const CHILDREN = 'kindergarten-children';
const POPULATION = 'population-aged-3-5';
const WAIT = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const { plans } = (await (await fetch(`${app.url}/api/plans`)).json()) as {
    plans: { id: number; region: { code: string } }[];
  };
  const plan = plans.find((one) => one.region.code === '140900');
  if (plan === undefined) throw new Error('忻州’s sample plan is not loaded');
  xinzhouPlan = plan.id;
});

afterAll(async () => {
  await browser.close();
  await app.close();
});

/** 忻州's 学前教育毛入园率 (row 1 of its plan) for 忻州 in 2024, as the city sees it. */
async function openIndicator(page: Page): Promise<void> {
  await page.goto(`${app.url}/plans/${String(xinzhouPlan)}/indicators/1?region=140900&year=2024`);
  await page.getByTestId('aggregate-summary').waitFor();
}

describe('a county’s figure, approved by its city, on the city’s screens', () => {
  it('shows a gap before, the county’s value after approval, and nothing new to the public', async () => {
    const city = await newPage(browser);
    await signIn(city.page, app, 'demo-city');
    await openIndicator(city.page);
    const summary = city.page.getByTestId('aggregate-summary');
    expect(await summary.textContent()).toMatch(/0\/14 个下级地区已报/);
    const xinfuRow = () => city.page.getByTestId('sub-region-table').locator('tr').filter({ hasText: '忻府区' });
    expect(await xinfuRow().textContent()).not.toMatch(/97/);
    await city.page.goto(`${app.url}/?plan=${String(xinzhouPlan)}&region=140900&year=2024`);
    await city.page.getByTestId('sub-regions-no-data').waitFor();

    // The county types its figure and submits it.
    const county = await newPage(browser);
    await signIn(county.page, app, 'demo-county');
    await county.page.goto(`${app.url}/data?year=2024`);
    await county.page.getByTestId('entry-counts').waitFor();
    await county.page.locator(`input[data-indicator="${CHILDREN}"]`).fill('9312');
    await county.page.locator(`input[data-indicator="${POPULATION}"]`).fill('9600');
    await county.page.getByLabel('在园幼儿数 数据来源').fill('忻府区2024年教育事业统计年报');
    await county.page.getByRole('button', { name: '提交审核' }).click();
    await county.page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => county.page.getByTestId(`status-${CHILDREN}`).textContent(), WAIT).toBe('已提交');

    // Submitted is not yet approved: the city's figures do not move.
    await openIndicator(city.page);
    expect(await summary.textContent()).toMatch(/0\/14 个下级地区已报/);

    // The city approves them.
    await city.page.getByRole('menuitem', { name: '审核' }).click();
    await city.page.getByRole('button', { name: '审核通过：在园幼儿数' }).click();
    await city.page.getByText('已审核通过 1 项').waitFor();
    await city.page.getByRole('button', { name: '审核通过：3-5周岁适龄人口' }).click();
    await city.page.getByText('没有待审核的数据').waitFor();

    // The indicator page now counts 忻府区 and shows its value.
    await openIndicator(city.page);
    await expect.poll(() => summary.textContent(), WAIT).toMatch(/1\/14 个下级地区已报/);
    expect(await xinfuRow().textContent()).toMatch(/97/);
    await screenshot(city.page, 'journey-indicator-after-approval');

    // The overview's regions below show it too.
    await city.page.goto(`${app.url}/?plan=${String(xinzhouPlan)}&region=140900&year=2024`);
    const listed = city.page.locator('ol[aria-label*="学前教育毛入园率"] li').filter({ hasText: '忻府区' });
    await expect.poll(() => listed.textContent(), WAIT).toMatch(/97%/);
    // The city's own card shows the computed 97% and says it stands on one county of fourteen.
    const card = city.page.getByTestId('indicator-card').filter({ hasText: '学前教育毛入园率' });
    expect(await card.textContent()).toMatch(/97%.*14 个中 1 个已报/);
    await screenshot(city.page, 'journey-overview-after-approval');

    // The public reads published figures only: approved is not published.
    const visitor = await newPage(browser);
    const published = (await (
      await fetch(`${app.url}/api/observations?region=140902&indicator=${CHILDREN}&year=2024`)
    ).json()) as { items: unknown[] };
    expect(published.items).toEqual([]);
    await visitor.page.goto(`${app.url}/public/plans/${String(xinzhouPlan)}`);
    await visitor.page.getByText('学前教育毛入园率').first().waitFor();
    expect(await visitor.page.locator('body').textContent()).not.toMatch(/9312|9,312/);

    for (const { context } of [city, county, visitor]) {
      expect(offSiteRequests(context)).toEqual([]);
      await context.close();
    }
  });
});
