import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { login } from './page';
import { DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

/**
 * 挂图作战 end to end on the demo data: the district wage office opens the battle map, drills from the
 * red count into a red warning, records the disposal; the housing bureau verifies it and the
 * warning is closed (整改销号), on the detail and in the list of closed warnings.
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

interface Item {
  id: string;
  status: string;
  overdue: boolean;
  projectName: string | null;
}

/** The first red warning on the list the red count opens that the housing bureau can also see (and so verify). */
async function redWarningForHousing(): Promise<Item> {
  const login = await api.post('/api/auth/login', { data: { username: 'zhujian', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const housing = new Set(((await (await api.get('/api/warnings?level=red&pageSize=200')).json()).items as Item[]).map((w) => w.id));
  await api.post('/api/auth/logout', { headers: { 'x-csrf-token': (await login.json()).csrfToken } });
  const office = await api.post('/api/auth/login', { data: { username: 'zhiqianban', password: DEMO_PASSWORD } });
  expect(office.status()).toBe(200);
  const firstPage = (await (await api.get('/api/warnings?level=red&page=1&pageSize=20')).json()).items as Item[];
  const pick = firstPage.find((w) => housing.has(w.id) && w.status === 'dispatched' && !w.overdue);
  expect(pick, 'a dispatched red warning of a housing project on the first page').toBeDefined();
  return pick!;
}

async function statusOf(page: Page) {
  return page.locator('[data-testid=warning-detail] [data-testid=warning-status]').first().getAttribute('data-status');
}

describe('battle map → red warning → disposal → verified and closed', () => {
  it('drills down, disposes and closes', async () => {
    const target = await redWarningForHousing();
    const office = await browser.newContext({ locale: 'zh-CN' });
    const page = await office.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/xindun-warnings-failure.png', fullPage: true }).catch(() => {});
    });
    await login(page, server.url, 'zhiqianban', DEMO_PASSWORD);

    await page.goto(`${server.url}/battle-map`);
    await page.waitForSelector('[data-testid=battle-risk-map-chart] canvas');
    const red = page.locator('[data-testid=battle-kpi-red] .ant-statistic-content-value');
    await expect.poll(async () => Number((await red.textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThan(0);
    // The overdue warnings the demo planted are marked on the map's overdue table.
    await page.waitForSelector('[data-testid=battle-overdue-table] [data-testid=warning-overdue]');

    await page.click('[data-testid=battle-kpi-red] a');
    await page.waitForURL(/\/warnings\?.*level=red/);
    const link = page.locator(`[data-testid=warnings-table] a[href="/warnings/${target.id}"]`);
    await link.waitFor();
    await link.click();
    await page.waitForURL(new RegExp(`/warnings/${target.id}$`));
    await page.waitForSelector('[data-testid=warning-evidence]');
    expect(await page.locator('[data-testid=warning-source]').textContent()).toMatch(/《.+》/);
    expect(await page.locator('[data-testid=warning-detail] [data-testid=warning-level]').first().getAttribute('data-level')).toBe('red');

    await page.click('[data-testid=warning-actions] [data-testid=warning-dispose]');
    await page.fill('[data-testid=warning-dispose-measures]', '约谈总包单位负责人，责令三个工作日内足额支付');
    await page.click('[data-testid=warning-dispose-save]');
    await page.locator('[data-testid=warning-dispose-save]').waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(page)).toBe('disposed');
    // The official who disposed cannot verify it.
    expect(await page.locator('[data-testid=warning-actions] [data-testid=warning-verify]').count()).toBe(0);
    await office.close();

    const bureau = await browser.newContext({ locale: 'zh-CN' });
    const second = await bureau.newPage();
    await login(second, server.url, 'zhujian', DEMO_PASSWORD);
    await second.goto(`${server.url}/warnings/${target.id}`);
    await second.waitForSelector('[data-testid=warning-actions] [data-testid=warning-verify]');
    await second.click('[data-testid=warning-actions] [data-testid=warning-verify]');
    await second.fill('[data-testid=warning-verify-note]', '复查工资已足额发放，予以销号');
    await second.click('[data-testid=warning-verify-save]');
    await second.locator('[data-testid=warning-verify-save]').waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(second)).toBe('closed');
    expect(await second.locator('[data-testid=warning-timeline]').textContent()).toContain('复查工资已足额发放');

    await second.goto(`${server.url}/warnings?status=closed`);
    await second.locator(`[data-testid=warnings-table] a[href="/warnings/${target.id}"]`).waitFor();
    await bureau.close();
  });
});
