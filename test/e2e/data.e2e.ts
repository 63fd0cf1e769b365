/**
 * The main data path in a browser: 忻府区's reporter downloads the 2024 template, fills it in with one bad
 * row, uploads it and sees that row's error with its sheet, row and column (nothing stored); fixes the row, uploads
 * again, and submits from the form. 忻州's city administrator opens the review queue, loses a race to a second tab
 * (409: told so, the queue reloaded), returns one figure with a reason and approves the rest; the reporter then sees
 * the returned figure with the reviewer’s words and its history, and a save the server refuses shows each problem
 * under its field, the typing kept.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
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

const XINFU = '140902';
/** An upload, a save and a reload each take a round trip or two; polls wait this long for the screen to follow. */
const WAIT = { timeout: 15_000, interval: 100 };
const YEAR = 2024;

/** The downloaded template with values typed into 本年数值 by indicator code; answers the bytes and each code's row. */
async function fillTemplate(
  bytes: Uint8Array,
  values: Record<string, number>,
): Promise<{ bytes: Buffer; rows: Record<string, number> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet('填报');
  if (sheet === undefined) throw new Error('the template has no 填报 sheet');
  const columnOf = (title: string): number => {
    let found = 0;
    sheet.getRow(1).eachCell((cell, column) => {
      if (cell.text.startsWith(title)) found = column;
    });
    return found;
  };
  const code = columnOf('指标代码');
  const value = columnOf('本年数值');
  const rows: Record<string, number> = {};
  sheet.eachRow((row, rowNumber) => {
    const filled = values[row.getCell(code).text];
    if (rowNumber > 1 && filled !== undefined) {
      row.getCell(value).value = filled;
      rows[row.getCell(code).text] = rowNumber;
    }
  });
  expect(Object.keys(rows).sort()).toEqual(Object.keys(values).sort());
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}

async function uploadFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
}

/** The value typed in (or shown by) the form's field for an indicator. */
const valueField = (page: Page, indicator: string) => page.locator(`input[data-indicator="${indicator}"]`);

describe('data entry and review', () => {
  // One story in three steps, sharing the two people's pages; each step has room on a loaded 2-core machine.
  const STEP = 180_000;
  let county: Awaited<ReturnType<typeof newPage>>;

  it(
    'refuses a county’s template with one bad row, naming its sheet, row and column, and takes it fixed',
    async () => {
      county = await newPage(browser);
      const page = county.page;
      await signIn(page, app, 'demo-county');
      await page.getByRole('menuitem', { name: '数据填报' }).click();
      await page.getByRole('heading', { name: '数据填报' }).waitFor();
      await page.goto(`${app.url}/data?year=${String(YEAR)}`);
      await page.getByTestId('entry-counts').waitFor();
      expect(await page.getByTestId('entry-counts').textContent()).toMatch(/已填 0 项/);

      // The template, as the browser downloads it.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /下载 2024 年填报模板/ }).click(),
      ]);
      const template = new Uint8Array(await readFile(await download.path()));

      // One bad row: 小学净入学率 150%, which no share can be.
      const figures = {
        'kindergarten-children': 9_120,
        'population-aged-3-5': 9_600,
        'primary-age-enrolled': 3_950,
        'primary-age-population': 4_000,
        'primary-net-enrolment-rate': 150,
      };
      const bad = await fillTemplate(template, figures);
      await uploadFile(page, '忻府区2024.xlsx', bad.bytes);
      const errors = page.getByTestId('upload-errors');
      await errors.waitFor();
      const problem = errors.locator('tbody tr').filter({ hasText: '小学净入学率' });
      expect(await problem.count()).toBe(1);
      const cells = await problem.locator('td').allTextContents();
      expect(cells[0]).toBe('填报');
      expect(cells[1]).toBe(String(bad.rows['primary-net-enrolment-rate']));
      expect(cells[2]).toMatch(/本年数值/);
      expect(cells[3]).toMatch(/150/);
      expect(await errors.textContent()).toMatch(/未保存任何数据/);
      await screenshot(page, 'data-upload-error');
      // Nothing was stored: the form still shows nothing entered.
      expect(await page.getByTestId('entry-counts').textContent()).toMatch(/已填 0 项/);
      expect(await valueField(page, 'kindergarten-children').inputValue()).toBe('');

      // The row fixed, the same file again: stored, and the form shows what the server holds.
      const good = await fillTemplate(template, { ...figures, 'primary-net-enrolment-rate': 98.75 });
      await uploadFile(page, '忻府区2024.xlsx', good.bytes);
      await expect.poll(() => valueField(page, 'kindergarten-children').inputValue(), WAIT).toBe('9120');
      expect(await page.getByTestId('upload-errors').count()).toBe(0);
      expect(await valueField(page, 'primary-net-enrolment-rate').inputValue()).toBe('98.75');
      expect(await page.getByTestId('entry-counts').textContent()).toMatch(/已填 5 项/);

      // A source typed in the form travels with the submission.
      await page.getByLabel('在园幼儿数 数据来源').fill('忻府区2024年教育事业统计年报');
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(() => page.getByTestId('entry-counts').textContent(), WAIT).toMatch(/待审核 5 项/);
      expect(await page.getByTestId('status-kindergarten-children').textContent()).toBe('已提交');
      await screenshot(page, 'data-form');
    },
    STEP,
  );

  it(
    'lets the city approve, losing a race with a 409 it is told of, and return a figure with a reason',
    async () => {
      const city = await newPage(browser);
      const queue = city.page;
      await signIn(queue, app, 'demo-city');
      await queue.getByRole('menuitem', { name: '审核' }).click();
      const group = queue.getByTestId(`queue-${XINFU}`);
      await group.waitFor();
      expect(await group.locator('tbody tr.ant-table-row').count()).toBe(5);
      expect(await group.textContent()).toMatch(/忻府区2024年教育事业统计年报/);
      await screenshot(queue, 'review-queue');

      // A second tab approves 小学净入学率 first; this tab's approval names the old lock and is refused with 409.
      const other = await city.context.newPage();
      await other.goto(`${app.url}/review`);
      await other.getByRole('button', { name: '审核通过：小学净入学率' }).click();
      await other.getByText('已审核通过 1 项').waitFor();
      await queue.getByRole('button', { name: '审核通过：小学净入学率' }).click();
      const conflict = queue.getByTestId('action-error');
      await conflict.waitFor();
      expect(await conflict.textContent()).toMatch(/已被他人处理/);
      await expect.poll(() => group.locator('tbody tr.ant-table-row').count(), WAIT).toBe(4);

      // A return needs a reason.
      await queue.getByRole('button', { name: '退回：在园幼儿数' }).click();
      const dialog = queue.getByRole('dialog');
      await dialog.getByRole('button', { name: /退\s*回/ }).click();
      await dialog.getByText('请填写退回原因，以便填报单位修改').waitFor();
      await dialog.getByLabel('退回原因').fill('在园幼儿数高于3-5周岁人口的95%，请核对民办园数据');
      await dialog.getByRole('button', { name: /退\s*回/ }).click();
      await queue.getByText('已退回 1 项').waitFor();
      await expect.poll(() => group.locator('tbody tr.ant-table-row').count(), WAIT).toBe(3);

      // The rest approved together.
      await group.getByRole('checkbox', { name: 'Select all' }).check();
      await queue.getByRole('button', { name: /通过所选（3）/ }).click();
      await queue.getByText('没有待审核的数据').waitFor();
      expect(offSiteRequests(city.context)).toEqual([]);
      await city.context.close();
    },
    STEP,
  );

  it(
    'shows the reporter the returned figure with the reviewer’s words and its history, and a refused save in place',
    async () => {
      const page = county.page;
      await page.reload();
      const returned = page.getByTestId('returned-alert');
      await returned.waitFor();
      expect(await returned.textContent()).toMatch(/在园幼儿数.*请核对民办园数据/);
      expect(await page.getByTestId('status-kindergarten-children').textContent()).toMatch(/^退回/);
      expect(await page.getByTestId('status-primary-net-enrolment-rate').textContent()).toBe('已审核');
      await page.getByRole('button', { name: '历史：在园幼儿数' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByTestId('history-version').first().waitFor();
      expect(await drawer.textContent()).toMatch(/请核对民办园数据/);
      expect(await drawer.textContent()).toMatch(/忻府区2024\.xlsx/);
      await screenshot(page, 'data-returned');
      await page.keyboard.press('Escape');

      // A refusal only the server can make (more enrolled than the age group) lands under the field, typing kept.
      await page.getByLabel(/^初中适龄人口中的在校生数 2024 年数值/).fill('5000');
      await page.getByLabel(/^初中适龄人口数 2024 年数值/).fill('4000');
      await page.getByRole('button', { name: '保存草稿' }).click();
      const fieldError = page
        .locator('.ant-form-item')
        .filter({ has: valueField(page, 'junior-secondary-age-enrolled') })
        .locator('.ant-form-item-explain-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toMatch(/初中适龄人口/);
      expect(await page.getByTestId('save-error').textContent()).toMatch(/未保存任何数据/);
      expect(await valueField(page, 'junior-secondary-age-enrolled').inputValue()).toBe('5000');
      expect(await valueField(page, 'junior-secondary-age-population').inputValue()).toBe('4000');
      // From the top, so the full-page picture shows the toolbar where it stands, not where the scroll left it.
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, 'data-save-error');
      await page.getByLabel(/^初中适龄人口中的在校生数 2024 年数值/).fill('3900');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText(/已保存：新增 2 项/).waitFor();
      await expect
        .poll(() => page.getByTestId('status-junior-secondary-age-enrolled').textContent(), WAIT)
        .toBe('草稿');
      expect(offSiteRequests(county.context)).toEqual([]);
      await county.context.close();
    },
    STEP,
  );
});
