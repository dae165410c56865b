import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { choose, login } from './page';
import { DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

/**
 * 线索案件 end to end on the demo data: a worker without an account complains from the QR code on
 * a project's board (the demo returns the phone code, having no SMS gateway) and gets a case number;
 * the case is in the district wage office's queue, which accepts it, records the general
 * contractor's payment to the worker, marks it handled and closes it after the call-back; the
 * timeline shows each step.
 */

let server: RunningServer;
let browser: Browser;
let api: APIRequestContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
});
afterAll(async () => {
  await api?.dispose();
  await browser?.close();
  await server?.stop();
});

/** A project of the demo district: its code is what the QR code on its board carries. */
async function demoProject(): Promise<{ code: string; name: string; generalContractorName: string }> {
  const session = await api.post('/api/auth/login', { data: { username: 'zhiqianban', password: DEMO_PASSWORD } });
  expect(session.status()).toBe(200);
  const project = ((await (await api.get('/api/projects?pageSize=1')).json()).items as { code: string; name: string; generalContractorName: string }[])[0];
  await api.post('/api/auth/logout', { headers: { 'x-csrf-token': (await session.json()).csrfToken } });
  return project;
}

/** The worker, without an account, complains from the board's QR code; the page shows the receipt. */
async function complainFromQrCode(project: { code: string; generalContractorName: string }): Promise<string> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/complain?project=${encodeURIComponent(project.code)}`);
  await page.fill('[data-testid=public-complaint-phone]', '13912340001');
  await page.click('[data-testid=public-complaint-send-code]');
  // The demo has no SMS gateway: the code comes back and is filled in.
  await expect.poll(() => page.inputValue('[data-testid=public-complaint-code]')).toMatch(/^\d{6}$/);
  await page.fill('[data-testid=public-complaint-name]', '韩梅梅');
  await page.fill('[data-testid=public-complaint-employer]', project.generalContractorName);
  await page.fill('[data-testid=public-complaint-amount]', '5200');
  await page.fill('[data-testid=public-complaint-description]', '木工班组十月工资五千二百元未发放');
  await page.click('[data-testid=public-complaint-submit]');
  const caseNo = (await page.locator('[data-testid=public-complaint-case-no]').first().innerText()).trim();
  expect(caseNo).toMatch(/^\d{6,12}-\d{4}-\d{6}$/);
  await context.close();
  return caseNo;
}

const statusOf = (page: Page) => page.locator('[data-testid=case-header] [data-testid=case-status], [data-testid=case-detail] [data-testid=case-status]').first().getAttribute('data-status');

async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
  await page.click(`[data-testid=case-actions] [data-testid=case-${action}]`);
  await page.waitForSelector(`[data-testid=case-action-${action}-save]`);
  await fill();
  await page.click(`[data-testid=case-action-${action}-save]`);
  await page.waitForSelector(`[data-testid=case-action-${action}-save]`, { state: 'detached' });
}

describe('QR complaint → the unit’s queue → accepted → paid → handled → called back and closed', () => {
  it('a worker’s complaint becomes a case the official works to closure with a payment and a call-back', async () => {
    const project = await demoProject();
    const caseNo = await complainFromQrCode(project);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/xindun-cases-failure.png', fullPage: true }).catch(() => {});
    });
    await login(page, server.url, 'zhiqianban', DEMO_PASSWORD);

    // The queue: the demo's overdue case is marked, and the complaint is there under its number.
    await page.goto(`${server.url}/cases`);
    await page.waitForSelector('[data-testid=cases-table] [data-testid=case-due-overdue]');
    const row = page.locator('[data-testid=cases-table] tr', { hasText: caseNo });
    await row.waitFor();
    await row.locator('a[href^="/cases/"]').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    await expect.poll(() => statusOf(page)).toBe('received');
    expect(await page.locator('[data-testid=case-title]').textContent()).toMatch(/拖欠韩梅梅工资案$/);

    await act(page, 'accept');
    await expect.poll(() => statusOf(page)).toBe('accepted');

    await page.goto(`${server.url}/cases/${caseId}?tab=workers`);
    await page.click('[data-testid=case-workers] [data-testid=worker-pay]');
    await page.waitForSelector('[data-testid=case-payment-save]');
    await page.fill('#case_payment_paidOn', new Date().toISOString().slice(0, 10));
    await page.keyboard.press('Enter');
    await choose(page, '#case_payment_source', '.ant-select-item-option[title="总承包先行清偿"]');
    await page.fill('[data-testid=case-payment-reference]', '总包代付-20261201-1');
    await page.click('[data-testid=case-payment-save]');
    await page.waitForSelector('[data-testid=case-payment-save]', { state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=case-workers] [data-testid=worker-status]').first().getAttribute('data-status')).toBe('paid');

    await act(page, 'settle', () => choose(page, '#case_settle_form_conclusion', '.ant-select-item-option[title="已足额支付"]'));
    await expect.poll(() => statusOf(page)).toBe('resolved');

    await act(page, 'close', () => page.locator('[data-testid=case-action-satisfaction] label', { hasText: '满意' }).first().click());
    await expect.poll(() => statusOf(page)).toBe('closed');

    await page.goto(`${server.url}/cases/${caseId}?tab=timeline`);
    const events = page.locator('[data-testid=case-timeline] [data-testid=case-event]');
    await expect.poll(() => events.count()).toBeGreaterThanOrEqual(5);
    await context.close();
  });
});
