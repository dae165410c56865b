import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { login } from './page';
import { DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

/**
 * 农民工端 on a phone, on the demo data: the signed-in worker complains about a project the
 * real-name registry has them on and gets a case number; 我的投诉 lists it; the worker confirms the
 * payment the demo recorded to them on an earlier case, which then no longer awaits them.
 */

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

describe('a signed-in worker complains and follows it', () => {
  it('我要投诉 gives a case number; 我的投诉 lists it; a payment is confirmed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/xindun-worker-failure.png', fullPage: true }).catch(() => {});
    });
    await login(page, server.url, 'worker1', DEMO_PASSWORD);

    await page.goto(`${server.url}/me/complaints/new`);
    await page.locator('[data-testid=my-complaint-projects] [data-testid=my-complaint-project]').first().click();
    // The employer is filled in from the registry once a project is chosen.
    await expect.poll(() => page.inputValue('[data-testid=my-complaint-employer]')).not.toBe('');
    await page.fill('[data-testid=my-complaint-amount]', '3600');
    await page.fill('[data-testid=my-complaint-description]', '十一月工资三千六百元至今未发');
    await page.click('[data-testid=my-complaint-submit]');
    const caseNo = (await page.locator('[data-testid=my-complaint-case-no]').first().innerText()).trim();
    expect(caseNo).toMatch(/^\d{6,12}-\d{4}-\d{6}$/);

    await page.goto(`${server.url}/me/complaints`);
    await page.locator(`[data-testid=my-complaint][data-case-no="${caseNo}"]`).waitFor();
    const awaiting = page.locator('[data-testid=my-payment][data-state=awaiting]');
    const before = await awaiting.count();
    expect(before).toBeGreaterThan(0);
    await awaiting.first().locator('[data-testid=my-payment-confirm]').click();
    const ok = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
    await ok.waitFor();
    await ok.click();
    await expect.poll(() => awaiting.count()).toBe(before - 1);
    await expect.poll(() => page.locator('[data-testid=my-payment][data-state=confirmed]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
