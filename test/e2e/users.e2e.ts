/**
 * 用户管理 in the browser: an administrator creates a county reporter for 定襄县, reads the password shown once, and
 * the new account signs in with it and sees its role and county in the header.
 */
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

describe('user management', () => {
  // The permission matrix gives user management to the province (src/domain/access.ts): 山西's administrator
  // manages 忻州's counties.
  it('creates a county reporter for 定襄县 whose one-time password signs in', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-province');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByText('demo-county').waitFor();

    await page.getByRole('button', { name: '新建用户' }).click();
    // By its text: a build made under vitest (NODE_ENV=test) gives every dialog the same aria-labelledby id.
    const form = page.getByRole('dialog').filter({ hasText: '新建用户' });
    await form.getByLabel('用户名').fill('dingxiang-reporter');
    await form.getByLabel('名称').fill('定襄县教育局');
    await form.getByLabel('角色').click();
    await page.getByTitle('县级填报员').click();
    await form.getByLabel('地区').fill('定襄');
    await page.getByTitle('定襄县').click();
    await form.getByRole('button', { name: /创\s*建/ }).click();

    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    const password = await shown.inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expect.poll(() => page.getByText('此密码只显示这一次').count()).toBe(1);
    await screenshot(page, 'users-password');
    await page.getByRole('button', { name: /我已保存密码/ }).click();
    await shown.waitFor({ state: 'detached' }); // gone for good: it cannot be shown again
    await page.getByRole('row').filter({ hasText: 'dingxiang-reporter' }).waitFor();
    await screenshot(page, 'users');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login'); // the users screen, with its own 用户名 field, is gone
    await page.getByLabel('用户名').fill('dingxiang-reporter');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('header-role').waitFor();
    expect(await page.getByTestId('header-role').textContent()).toBe('县级填报员');
    await expect.poll(() => page.getByTestId('header-region').textContent()).toBe('定襄县 · 忻州市 · 山西省');
    expect(offSiteRequests(context)).toEqual([]);
    await context.close();
  });
});
