/**
 * What every browser test needs: EduPlan started as `npm start` starts it (embedded database in a fresh directory,
 * the five sample plans, the real statistics, the demo accounts and their printed passwords, the built web app),
 * Debian's chromium through playwright-core, sign-in as a demo account, and screenshots under test/e2e/artifacts/.
 * Always the embedded database: the demo accounts exist only there, as for a newcomer's `npm start`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findChromium } from '../../src/reports/plan-report/chromium.ts';
import { startServer, WEB_DIST } from '../../src/server.ts';
import type { RunningServer } from '../../src/server.ts';

/** Where screenshots go (ignored by git). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** The demo accounts of `npm start`. */
export type DemoAccount = 'demo-province' | 'demo-city' | 'demo-county' | 'demo-evaluator' | 'admin';

/** A running EduPlan with the passwords it printed. */
export interface E2eApp {
  url: string;
  server: RunningServer;
  passwords: Readonly<Record<DemoAccount, string>>;
  close(): Promise<void>;
}

/** Starts EduPlan on a fresh embedded database at a free port. */
export async function startApp(): Promise<E2eApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'eduplan-e2e-'));
  const lines: string[] = [];
  const server = await startServer(
    { databaseUrl: undefined, dataDir, port: 0, nodeEnv: 'test' },
    (line) => {
      lines.push(line);
    },
    { webRoot: process.env.EDUPLAN_WEB_DIST ?? WEB_DIST },
  );
  const passwords: Partial<Record<DemoAccount, string>> = {};
  for (const line of lines) {
    const match = /^\s+(admin|demo-[a-z]+)\s+(\S+)\s/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) passwords[match[1] as DemoAccount] = match[2];
  }
  return {
    url: server.url,
    server,
    passwords: passwords as Record<DemoAccount, string>,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('chromium is not installed: apt-get install chromium fonts-noto-cjk');
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The common office screen, and a phone for the public portal. */
export const OFFICE = { width: 1366, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const offSite = new WeakMap<BrowserContext, string[]>();

/** The requests a context made to anywhere but this machine: an intranet has no internet, so this must stay empty. */
export function offSiteRequests(context: BrowserContext): readonly string[] {
  return offSite.get(context) ?? [];
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

/**
 * A fresh browser context (its own cookies) at a viewport, with Chinese as the browser's language. Requests off this
 * machine are refused and recorded (offSiteRequests), as an intranet would refuse them.
 */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = OFFICE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  const refused: string[] = [];
  offSite.set(context, refused);
  await context.route(
    (url) => !isLocal(url.href),
    async (route) => {
      refused.push(route.request().url());
      await route.abort();
    },
  );
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the sign-in page as a person would, and waits for the workspace. */
export async function signIn(page: Page, app: E2eApp, account: DemoAccount): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.getByLabel('用户名').fill(account);
  await page.getByLabel('密码').fill(app.passwords[account]);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('header-role').waitFor();
}

/** Saves a full-page screenshot as test/e2e/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
