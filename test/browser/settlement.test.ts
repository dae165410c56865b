import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { login } from './page';
import { DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

/**
 * 和解协议 and 行政处理决定 on the case page (文书 tab), on the demo data: the wage office signs a
 * settlement for a case in mediation with a two-installment plan typed in yuan (the running total
 * says when it adds up), sees it among the documents with its installments; and issues a handling
 * decision on a filed case, its amount computed and shown, not typed.
 */

let server: RunningServer;
let browser: Browser;
let api: APIRequestContext;
let csrf = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  const session = await api.post('/api/auth/login', { data: { username: 'zhiqianban', password: DEMO_PASSWORD } });
  expect(session.status()).toBe(200);
  csrf = (await session.json()).csrfToken;
});
afterAll(async () => {
  await api?.dispose();
  await browser?.close();
  await server?.stop();
});

async function post(url: string, data: unknown) {
  const res = await api.post(url, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/** A hotline complaint on a demo project (two workers, ¥5,000 and ¥3,000), accepted, then moved by `step`. */
async function caseIn(step: 'mediate' | 'file', externalId: string): Promise<string> {
  const project = ((await (await api.get('/api/projects?pageSize=1')).json()).items as { id: string; generalContractorName: string }[])[0];
  const received = await post('/api/clues', {
    channel: 'hotline_12345',
    externalId,
    projectId: project.id,
    employerName: project.generalContractorName,
    complainant: { name: '李雷', phone: '13912340002' },
    workers: [
      { name: '李雷', claimedFen: 500_000 },
      { name: '王芳', claimedFen: 300_000 },
    ],
    description: '钢筋班组两人工资未发放',
  });
  const id = received.caseId as string;
  let c = await (await api.get(`/api/cases/${id}`)).json();
  c = await post(`/api/cases/${id}/accept`, { version: c.rowVersion });
  await post(`/api/cases/${id}/${step}`, step === 'file' ? { version: c.rowVersion, inspectors: ['王监察', '陈监察'] } : { version: c.rowVersion });
  return id;
}

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function pickDate(page: Page, selector: string, value: string) {
  await page.fill(selector, value);
  await page.keyboard.press('Enter');
}

describe('和解协议 and 行政处理决定 on the 文书 tab', () => {
  it('signs a settlement with a payment plan in mediation, and issues a handling decision on a filed case', async () => {
    const mediating = await caseIn('mediate', `browser-settle-${Date.now()}`);
    const filed = await caseIn('file', `browser-handling-${Date.now()}`);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/xindun-settlement-failure.png', fullPage: true }).catch(() => {});
    });
    await login(page, server.url, 'zhiqianban', DEMO_PASSWORD);

    await page.goto(`${server.url}/cases/${mediating}?tab=documents`);
    await page.click('[data-testid=case-agreements] [data-testid=case-settlement]');
    await page.waitForSelector('[data-testid=case-settlement-save]');
    expect(await page.locator('[data-testid=case-settlement-owed-total]').innerText()).toBe('¥8,000.00');
    await page.fill('[data-testid=case-settlement-doc-no]', '浏览器调〔2026〕1号');
    // The first row starts at the whole amount: make it ¥3,000, and add a second row for the rest.
    await pickDate(page, '#case_settlement_installments_0_dueOn', day(7));
    await page.fill('#case_settlement_installments_0_amount', '3000');
    await expect.poll(() => page.locator('[data-testid=case-settlement-running]').innerText()).toContain('还差 ¥5,000.00');
    await page.click('[data-testid=case-settlement-add]');
    await pickDate(page, '#case_settlement_installments_1_dueOn', day(37));
    await expect.poll(() => page.inputValue('#case_settlement_installments_1_amount')).toBe('5000.00');
    await expect.poll(() => page.locator('[data-testid=case-settlement-running]').innerText()).toContain('合计与尚欠工资相符');
    await page.click('[data-testid=case-settlement-save]');
    await page.waitForSelector('[data-testid=case-settlement-save]', { state: 'detached' });

    const documents = page.locator('[data-testid=case-documents]');
    await expect.poll(() => documents.innerText()).toContain('浏览器调〔2026〕1号');
    expect(await documents.innerText()).toContain('和解协议');
    const states = page.locator('[data-testid=case-settlement-installments] [data-testid=case-installment-state]');
    await expect.poll(() => states.count()).toBe(2);
    expect(await states.first().innerText()).toBe('未到期');
    // One agreement per case: the button now says why it is closed.
    expect(await page.locator('[data-testid=case-agreements] [data-testid=case-settlement]').isDisabled()).toBe(true);

    await page.goto(`${server.url}/cases/${filed}?tab=documents`);
    await page.click('[data-testid=case-agreements] [data-testid=case-handling]');
    await page.waitForSelector('[data-testid=case-handling-save]');
    expect(await page.locator('[data-testid=case-handling-amount]').innerText()).toBe('¥8,000.00');
    await page.fill('[data-testid=case-handling-doc-no]', '浏览器处〔2026〕1号');
    await pickDate(page, '#case_handling_dueOn', day(14));
    await page.click('[data-testid=case-handling-save]');
    await page.waitForSelector('[data-testid=case-handling-save]', { state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=case-documents]').innerText()).toContain('浏览器处〔2026〕1号');
    expect(await page.locator('[data-testid=case-handling-issued]').innerText()).toContain('¥8,000.00');
    await context.close();
  });
});
