/**
 * The public portal as a visitor on a phone and at the office sees it: the five published plans (never a draft),
 * 山西's indicators with their published figures and sources, an indicator's trend, and a comment sent through the
 * form; then 山西's administrator answers it in the 意见建议 inbox, and the answer appears on the public page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, offSiteRequests, OFFICE, PHONE, screenshot, signIn, startApp } from './harness.ts';
import type { E2eApp } from './harness.ts';

let app: E2eApp;
let browser: Browser;
let draftId: number;
let shanxiId: number;

const MESSAGE = '建议在门户公布各市学前教育毛入园率的年度数据，便于家长了解。';
const REPLY = '感谢建议：各市数据经审核发布后将在本平台公开。';

/** A county plan in the seeds' layout, imported as a draft by 山西's administrator through the API. */
const DRAFT_PLAN = [
  '阳曲县“十四五”教育事业发展规划',
  '',
  '一、主要目标',
  '',
  '“十四五”时期教育发展主要指标',
  '',
  '指标名称\t2020年\t2025年\t属性',
  '学前教育毛入园率（%）\t90.0\t95.0\t预期性',
  '九年义务教育巩固率（%）\t96.5\t97.0\t约束性',
  '',
  '二、保障措施',
  '',
  '组织开展规划的年度监测、中期评估和总结评估。',
  '',
].join('\n');

async function importDraft(): Promise<number> {
  const login = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-province', password: app.passwords['demo-province'] }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const form = new FormData();
  form.append('file', new Blob([DRAFT_PLAN], { type: 'text/plain' }), '阳曲县教育规划（征求意见稿）.txt');
  const response = await fetch(`${app.url}/api/plans/import`, { method: 'POST', headers: { cookie }, body: form });
  expect(response.status).toBe(201);
  const { plan } = (await response.json()) as { plan: { id: number; status: string } };
  expect(plan.status).toBe('draft');
  return plan.id;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  draftId = await importDraft();
  const { plans } = (await (await fetch(`${app.url}/api/plans`)).json()) as {
    plans: { id: number; region: { code: string } }[];
  };
  shanxiId = plans.find((plan) => plan.region.code === '140000')?.id ?? Number.NaN;
});

afterAll(async () => {
  await browser.close();
  await app.close();
});

describe('the public portal', () => {
  it('shows a visitor on a phone the five published plans, never the draft, and 山西’s figures with their sources', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/public`);
    const plans = page.getByTestId('public-plan');
    await expect.poll(() => plans.count()).toBe(5);
    const listed = await plans.allTextContents();
    expect(listed.join('\n')).not.toContain('阳曲县');
    expect(await page.locator(`a[href="/public/plans/${draftId}"]`).count()).toBe(0);
    // Province first, then its cities; 三门峡 under 河南省.
    expect(listed[0]).toContain('山西省“十四五”教育事业发展规划');
    expect(await page.getByRole('heading', { name: '河南省' }).count()).toBe(1);
    await screenshot(page, 'public-home-phone');

    await page.getByText('山西省“十四五”教育事业发展规划').click();
    await page.getByTestId('plan-title').waitFor();
    await page.getByTestId('figure-source').first().waitFor();
    const rows = page.getByTestId('indicator-row');
    expect(await rows.count()).toBe(15);
    // 学前教育毛入园率: baseline and target from the plan's line 93, 96% published for 2024 with its source.
    const preschool = rows.filter({ hasText: '学前教育毛入园率' });
    const preschoolText = (await preschool.textContent()) ?? '';
    expect(preschoolText).toContain('规划第 93 行');
    expect(preschoolText).toMatch(/96%\s*2024 年/);
    expect(await preschool.getByTestId('figure-source').getByRole('link').getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await preschool.locator('[data-status]').getAttribute('data-status')).toBe('ahead');
    // A row without a published figure says so rather than showing 0.
    expect(await rows.filter({ hasText: '在学研究生' }).getByTestId('no-data').count()).toBe(1);
    await screenshot(page, 'public-plan-phone');

    await page.getByLabel('意见建议').fill(MESSAGE);
    await page.getByLabel('涉及的指标').click();
    await page.getByTitle('学前教育毛入园率').first().click();
    await page.getByLabel('称呼').fill('赵老师');
    await page.getByLabel('联系方式（仅管理员可见）').fill('zhao@example.cn');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('feedback-sent').waitFor();
    expect(await page.getByTestId('feedback-sent').textContent()).toContain('已收到您的意见建议');
    expect(await page.getByLabel('意见建议').inputValue()).toBe('');

    // The draft's own address is a 404 to the public.
    await page.goto(`${app.url}/public/plans/${draftId}`);
    await page.getByText('没有找到这份规划').waitFor();
    expect(offSiteRequests(context)).toEqual([]);
    await context.close();
  });

  it('keeps what a visitor typed when the server refuses it, with the reason at the field', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/public/plans/${shanxiId}`);
    const typed = '请看 http://a.cn http://b.cn http://c.cn 三个链接';
    await page.getByLabel('意见建议').fill(typed);
    await page.getByLabel('称呼').fill('钱女士');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('意见中的链接过多（3 个，最多 2 个）').waitFor();
    expect(await page.getByLabel('意见建议').inputValue()).toBe(typed);
    expect(await page.getByLabel('称呼').inputValue()).toBe('钱女士');
    expect(await page.getByTestId('feedback-error').textContent()).toContain('您填写的内容仍在表单中');
    await context.close();
  });

  it('shows an indicator’s published figures by year with the plan’s baseline and target, and each source', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/public/plans/${shanxiId}/indicators/1`);
    await page.getByTestId('indicator-title').waitFor();
    expect(await page.getByTestId('indicator-title').textContent()).toBe('学前教育毛入园率');
    await page
      .getByRole('img', { name: /学前教育毛入园率历年公布数据的折线图/ })
      .locator('svg')
      .waitFor();
    const table = page.getByTestId('trend-figures');
    await table.getByTestId('figure-source').first().waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/2020\s*基期值\s*90\.8%\s*规划第 93 行/);
    expect(text).toMatch(/2024\s*公布值\s*96%/);
    expect(text).toMatch(/2025\s*目标值\s*96\.5%/);
    await screenshot(page, 'public-indicator-phone');
    await context.close();
  });

  it('fits 山西’s plan at 1366×768 as a table, with the report links', async () => {
    const { context, page } = await newPage(browser, OFFICE);
    await page.goto(`${app.url}/public/plans/${shanxiId}`);
    await page.getByTestId('figure-source').first().waitFor();
    expect(await page.locator('table').first().isVisible()).toBe(true);
    // No sideways scrolling at the office screen's width (the tests compile without the DOM's types: a string).
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(OFFICE.width);
    const word = await page.getByTestId('report-final-docx').getAttribute('href');
    expect(word).toBe(`/api/plans/${shanxiId}/report?kind=final&format=docx`);
    expect(await page.getByTestId('report-annual-pdf').getAttribute('href')).toContain('year=2025');
    const html = await page.request.get(`${app.url}/api/plans/${shanxiId}/report?kind=final&format=html`);
    expect(html.status()).toBe(200);
    await screenshot(page, 'public-plan-desktop');
    expect(offSiteRequests(context)).toEqual([]);
    await context.close();
  });

  it('lets 山西’s administrator answer the comment in the inbox, and the public page then shows the answer', async () => {
    const { context, page } = await newPage(browser, OFFICE);
    await signIn(page, app, 'demo-province');
    await page.getByRole('menuitem', { name: '意见建议' }).click();
    const row = page.locator('tr', { hasText: MESSAGE });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('赵老师');
    expect(rowText).toContain('zhao@example.cn');
    expect(rowText).toContain('学前教育毛入园率');
    expect(rowText).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('new');
    await screenshot(page, 'feedback-inbox');

    await row.getByRole('button', { name: /^答\s*复$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '答复并公开' }).click();
    await dialog.getByText('请填写答复内容').waitFor();
    await dialog.getByLabel('答复').fill(REPLY);
    await dialog.getByRole('button', { name: '答复并公开' }).click();
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('answered');
    expect(await row.textContent()).toContain(REPLY);
    await screenshot(page, 'feedback-inbox-answered');
    // Signed in, the administrator's own plan list has the draft; the portal still shows what the public sees.
    await page.goto(`${app.url}/public`);
    await expect.poll(() => page.getByTestId('public-plan').count()).toBe(5);
    expect((await page.getByTestId('public-plan').allTextContents()).join('\n')).not.toContain('阳曲县');
    await context.close();

    const visitor = await newPage(browser, PHONE);
    await visitor.page.goto(`${app.url}/public/plans/${shanxiId}#feedback`);
    const answer = visitor.page.getByTestId('answered-feedback').filter({ hasText: MESSAGE });
    await answer.waitFor();
    expect(await answer.getByTestId('feedback-reply').textContent()).toBe(REPLY);
    // The sender's name and contact stay private.
    const section = (await visitor.page.getByTestId('answered-section').textContent()) ?? '';
    expect(section).not.toContain('赵老师');
    expect(section).not.toContain('zhao@example.cn');
    await visitor.context.close();
  });
});
