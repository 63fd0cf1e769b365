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

describe('the workspace shell', () => {
  it('switches to English and back, Ant Design’s own texts included', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Username').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your username').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('用户名').waitFor();
    await context.close();
  });

  it('sends the public to sign-in, keeps a wrong password’s typing, and shows the region and role once signed in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/plans`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('用户名').fill('demo-county');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('用户名').inputValue()).toBe('demo-county');
    await screenshot(page, 'login-error');

    await signIn(page, app, 'demo-county');
    expect(await page.getByTestId('header-role').textContent()).toBe('县级填报员');
    await expect.poll(() => page.getByTestId('header-region').textContent()).toBe('忻府区 · 忻州市 · 山西省');
    // A county reporter has no review queue or user management in the menu.
    expect(await page.getByRole('menuitem', { name: '审核' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '数据填报' }).count()).toBe(1);
    // Nothing came from the internet: fonts, icons and scripts all ship with the app.
    expect(offSiteRequests(context)).toEqual([]);
    await context.close();
  });

  it('lets a person change their own password: a wrong current one is said under its field, then sign in anew', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, 'demo-evaluator');
    await page.getByRole('button', { name: /修改密码/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill('not-my-password');
    await dialog.getByLabel('新密码', { exact: true }).fill('督导评估-新密码-2026');
    await dialog.getByLabel('再次输入新密码').fill('督导评估-新密码-2026');
    await dialog.getByRole('button', { name: /修\s*改/ }).click();
    await dialog.getByText('当前密码不正确').waitFor();
    expect(await dialog.getByLabel('新密码', { exact: true }).inputValue()).toBe('督导评估-新密码-2026');

    await dialog.getByLabel('当前密码').fill(app.passwords['demo-evaluator']);
    await dialog.getByRole('button', { name: /修\s*改/ }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('demo-evaluator');
    await page.getByLabel('密码').fill('督导评估-新密码-2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    expect(await page.getByTestId('header-role').textContent()).toBe('督导评估员');
    await screenshot(page, 'evaluator-after-password-change');
    await context.close();
  });
});
