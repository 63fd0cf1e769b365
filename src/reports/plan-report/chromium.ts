/**
 * The Chromium that prints PDFs and turns charts into PNG for Word: Debian's package (never a downloaded browser),
 * found at /usr/lib/chromium/chromium (the binary; /usr/bin/chromium is a shell wrapper around it) or wherever
 * EDUPLAN_CHROMIUM points. One browser per report, always closed, with a time limit; at most two at once, so a burst
 * of report requests cannot start a browser each and exhaust the server's memory.
 */
import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { ServiceError } from '../../services/errors.ts';

/** Where Debian installs Chromium, binary first. */
export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'] as const;

/** How long one report may keep a browser, launch included. */
export const BROWSER_TIMEOUT_MS = 60_000;

const MAX_BROWSERS = 2;

/** Where to find Chromium and how long to give it. */
export interface ChromiumOptions {
  /** The executable; default: EDUPLAN_CHROMIUM, else the first of CHROMIUM_CANDIDATES that exists. */
  executablePath?: string;
  timeoutMs?: number;
}

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The Chromium executable to use, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.EDUPLAN_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return executable(chosen) ? chosen : null;
  return CHROMIUM_CANDIDATES.find(executable) ?? null;
}

/** No Chromium (or `path` is not one that starts): the operator is told what to install, in both languages. */
export function chromiumUnavailable(path?: string, cause?: unknown): ServiceError {
  const why = path === undefined ? '' : `（${path} 不存在、不可执行或无法启动）`;
  const whyEn = path === undefined ? '' : ` (${path} is missing, not executable or fails to start)`;
  return new ServiceError(
    'PDF_UNAVAILABLE',
    'unavailable',
    {
      zh: `服务器上没有可用的 Chromium 浏览器，无法生成 PDF${why}。请管理员安装 Debian 的 chromium 和中文字体（apt-get install chromium fonts-noto-cjk），或用环境变量 EDUPLAN_CHROMIUM 指定浏览器路径。Word 和 HTML 格式的报告不受影响。`,
      en: `No usable Chromium on the server, so no PDF can be made${whyEn}. Ask the operator to install Debian's chromium and CJK fonts (apt-get install chromium fonts-noto-cjk), or to set EDUPLAN_CHROMIUM to the browser's path. Word and HTML reports still work.`,
    },
    {},
    cause === undefined ? undefined : { cause },
  );
}

function timedOut(ms: number): ServiceError {
  return new ServiceError('REPORT_TIMEOUT', 'unavailable', {
    zh: `生成报告超过 ${String(Math.round(ms / 1000))} 秒仍未完成，已中止；请稍后再试`,
    en: `The report took more than ${String(Math.round(ms / 1000))} s and was stopped; try again later`,
  });
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_BROWSERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * Runs `work` in a fresh browser context that cannot reach the network or run scripts (a report needs neither), and
 * closes the browser whatever happens, within the time limit.
 * @example const pdf = await withBrowser((context) => printPdf(context, html));
 */
export async function withBrowser<T>(
  work: (context: BrowserContext) => Promise<T>,
  options: ChromiumOptions = {},
): Promise<T> {
  const executablePath = options.executablePath ?? findChromium();
  if (executablePath === null) throw chromiumUnavailable(process.env.EDUPLAN_CHROMIUM || undefined);
  const timeoutMs = options.timeoutMs ?? BROWSER_TIMEOUT_MS;
  const release = await slot();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(timedOut(timeoutMs));
    }, timeoutMs);
  });
  const launching = launch(executablePath, timeoutMs);
  try {
    const browser = await Promise.race([launching, deadline]);
    // Twice the pixels of the CSS size, so a chart's PNG stays sharp when Word scales it to the page.
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false, deviceScaleFactor: 2 });
    return await Promise.race([work(context), deadline]);
  } finally {
    clearTimeout(timer);
    // A launch the deadline overtook still ends in a browser, which must be closed too.
    const browser = await launching.catch(() => undefined);
    await browser?.close().catch(() => undefined);
    release();
  }
}

async function launch(executablePath: string, timeoutMs: number): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, timeout: timeoutMs });
  } catch (error) {
    throw chromiumUnavailable(executablePath, error);
  }
}
