import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, login } from './page';
import { idNumberCheckChar } from '../../src/server/platform/validators';
import { DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A resident ID number with a correct check character; `serial` keeps the people of one run apart. */
const idNumber = (birth: string, serial: number) => {
  const first17 = `450102${birth}${String(serial).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/**
 * The roster file a user would send: the header row of the server's own export (which is also the
 * template), then one good row and one whose ID number fails the checksum.
 */
async function rosterFile(template: Buffer, rows: Record<string, string>[]): Promise<Buffer> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = source.worksheets[0];
  let headerRow = 0;
  for (let r = 1; r <= 10 && !headerRow; r++) {
    sheet.getRow(r).eachCell((cell) => {
      if (String(cell.value).trim() === '序号') headerRow = r;
    });
  }
  expect(headerRow).toBeGreaterThan(0);
  const headers: string[] = [];
  sheet.getRow(headerRow).eachCell((cell, col) => (headers[col - 1] = String(cell.value).trim()));

  const out = new ExcelJS.Workbook();
  const target = out.addWorksheet('花名册');
  target.addRow(['花名册导入（浏览器测试）']);
  target.addRow(headers);
  for (const row of rows) {
    // Text cells throughout: Excel would turn a long digit run into a float.
    const r = target.addRow(headers.map((h) => row[h] ?? null));
    r.eachCell((cell) => (cell.numFmt = '@'));
  }
  return Buffer.from(await out.xlsx.writeBuffer());
}

describe('roster import in Chromium', () => {
  it('imports a roster with one bad row: shows the row error, imports the valid rows, shows the worker masked', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      // A refused request is logged by Chromium itself ("Failed to load resource"); the app's own errors are what count.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(msg.text());
    });
    await login(page, server.url, 'zhiqianban', DEMO_PASSWORD);

    // The ledger, filtered to projects under construction (a roster is kept only while works go on).
    await page.click('[data-testid=side-menu] >> text=在建项目台账');
    await page.locator('[data-testid=project-link]').first().waitFor();
    await choose(page, '[data-testid=project-filter-status]', '.ant-select-item-option[title="在建"]');
    await page.waitForFunction(() => {
      const tags = [...document.querySelectorAll('[data-testid=project-table] tbody tr.ant-table-row td:nth-child(6)')].map((td) => td.textContent);
      return tags.length > 0 && tags.every((text) => text === '在建');
    });
    await page.screenshot({ path: 'test-results/roster-ledger.png' });
    await page.locator('[data-testid=project-link]').first().click();
    await page.waitForSelector('[data-testid=project-info]');
    const projectId = new URL(page.url()).pathname.split('/').pop()!;

    // The template is the roster export; the employer is the project's general contractor.
    const templateRes = await page.request.get(`${server.url}/api/projects/${projectId}/roster/export`);
    expect(templateRes.status()).toBe(200);
    const project = await (await page.request.get(`${server.url}/api/projects/${projectId}`)).json();
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const serial = Date.now() % 900;
    const good = idNumber('19770707', serial);
    const bad = wrongCheck(idNumber('19770708', serial));
    const row = (name: string, id: string) => ({
      序号: '1',
      姓名: name,
      身份证号: id,
      手机号码: '',
      工种: '钢筋工',
      用工单位统一社会信用代码: project.generalContractorCreditCode,
      班组: '浏览器测试班组',
      进场日期: today,
      工资形式: '日薪',
      '工资标准（元）': '380.00',
      合同类型: '劳动合同',
      合同签订日期: today,
      安全培训日期: today,
    });
    const file = await rosterFile(await templateRes.body(), [row('测试甲', good), row('测试乙', bad)]);

    await page.click('[data-testid=project-tabs] [role=tab]:has-text("花名册")');
    await page.click('[data-testid=roster-import]');
    await page.setInputFiles('[data-testid=import-upload] input[type=file]', {
      name: '花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });

    // All or nothing first: the bad row is reported by its Excel row number and column, nothing is written.
    const strict = page.waitForResponse((r) => r.url().includes('/roster/import?mode=strict'));
    await page.click('[data-testid=import-submit]');
    expect((await strict).status()).toBe(200);
    await page.waitForSelector('[data-testid=import-rejected]');
    const problemRows = page.locator('[data-testid=import-problems] tbody tr.ant-table-row');
    await problemRows.first().waitFor();
    expect(await problemRows.count()).toBe(1);
    const cells = await problemRows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('身份证号');
    expect(cells[2]).toMatch(/身份证|校验/);
    await page.screenshot({ path: 'test-results/roster-import-problems.png' });

    // Then the valid rows only, from the same file.
    const valid = page.waitForResponse((r) => r.url().includes('/roster/import?mode=valid'));
    await page.click('[data-testid=import-valid-only]');
    const report = await (await valid).json();
    expect(report).toMatchObject({ mode: 'valid', total: 2, valid: 1, imported: 1, committed: true });
    const success = page.locator('[data-testid=import-success]');
    await success.waitFor();
    expect(await success.textContent()).toContain('已导入');
    await page.screenshot({ path: 'test-results/roster-import-success.png' });
    await page.click('[data-testid=import-close]');

    // The imported worker is on the roster; the profile shows the ID number masked.
    await page.locator('[data-testid=roster-search] input').fill('测试甲');
    await page.keyboard.press('Enter');
    const link = page.locator('[data-testid=roster-worker-link]', { hasText: '测试甲' });
    await link.waitFor();
    expect(await page.locator('[data-testid=roster-worker-link]', { hasText: '测试乙' }).count()).toBe(0);
    await link.click();
    const masked = page.locator('[data-testid=worker-idNumber]');
    await masked.waitFor();
    const shown = (await masked.textContent())!.trim();
    expect(shown).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(shown.slice(0, 6) + shown.slice(-4)).toBe(good.slice(0, 6) + good.slice(-4));
    expect(await page.content()).not.toContain(good);
    await page.screenshot({ path: 'test-results/roster-worker-profile.png' });

    expect(problems).toEqual([]);
    await page.close();
  });
});
