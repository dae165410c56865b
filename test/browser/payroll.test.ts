import { createHmac, randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { idNumberCheckChar, luhnCheckDigit } from '../../src/server/platform/validators';
import { choose, login } from './page';
import { DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const contexts: APIRequestContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.dispose();
  await browser?.close();
  await server?.stop();
});

/** A logged-in API session (cookie and CSRF token), for the setup a browser test does not need to click through. */
async function apiSession(username: string) {
  const ctx = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  contexts.push(ctx);
  const res = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown, expected = method === 'GET' ? 200 : [200, 201, 204]) => {
    const r = await ctx.fetch(url, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken } });
    const ok = Array.isArray(expected) ? expected.includes(r.status()) : r.status() === expected;
    expect(ok, `${method} ${url} → ${r.status()} ${await r.text()}`).toBe(true);
    return r.status() === 204 ? null : r.json();
  };
  const upload = async (url: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
    const r = await ctx.post(url, { multipart: { file }, headers: { 'x-csrf-token': csrfToken } });
    expect(r.status(), `POST ${url} → ${r.status()} ${await r.text()}`).toBe(200);
    return r.json();
  };
  return { get: (url: string) => call('GET', url), post: (url: string, data: unknown) => call('POST', url, data), upload };
}

/** The bank's signed machine call: HMAC-SHA256 of `${timestamp}\n${nonce}\n${rawBody}` with the key's signing secret. */
async function bankCall(key: { secret: string; signingSecret: string }, url: string, body: unknown) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(12).toString('base64url');
  const signature = createHmac('sha256', key.signingSecret).update(`${timestamp}\n${nonce}\n${raw}`).digest('hex');
  const res = await fetch(`${server.url}${url}`, {
    method: 'POST',
    body: raw,
    headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json', 'x-xd-timestamp': timestamp, 'x-xd-nonce': nonce, 'x-xd-signature': signature },
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text);
}

type Claimed = { batchNo: string; payouts: { ref: string; workerName: string; amountFen: number }[] };

/** The bank takes its open batches (the demo's own may be among them) until it has the one paying these workers. */
async function claimOwn(key: { secret: string; signingSecret: string }, workerNames: string[]): Promise<Claimed> {
  for (let round = 0; round < 20; round++) {
    const batches = (await bankCall(key, '/api/bank/payout-batches/claim', { limit: 50 })) as Claimed[];
    const own = batches.find((b) => b.payouts.some((o) => workerNames.includes(o.workerName)));
    if (own) return own;
    if (batches.length === 0) break;
  }
  throw new Error('the batch was not offered to the bank');
}

const shanghaiToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const monthBefore = (today: string) => {
  const [y, mo] = today.split('-').map(Number);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};
const nowIso = () => new Date().toISOString();

/** Clicks the OK button of the popconfirm that is open. */
async function confirmPopover(page: Page) {
  const ok = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor();
  await ok.click();
}

const row = (page: Page, worker: string) => page.locator(`[data-testid=payroll-lines] tr[data-worker="${worker}"]`);
const statusOf = (page: Page) => page.locator('[data-testid=payroll-summary] [data-testid=payroll-status]');

describe('payroll in Chromium', () => {
  it('prepares a payroll from attendance, confirms, approves and pays it through the bank, re-sends a failure and shows the wage slip', async () => {
    const today = shanghaiToday();
    const month = monthBefore(today);
    const monthStart = `${month}-01`;

    // ---- setup through the API: a labour subcontractor with three workers and five days each last month ----
    const office = await apiSession('zhiqianban');
    const company = await apiSession('company1');
    const projects = (await company.get('/api/projects?status=in_progress&pageSize=100')) as { items: { id: string; generalContractorId: string }[] };
    let project: { id: string; name: string; regionCode: string; generalContractorId: string; ownerId: string; subcontracts: { enterpriseId: string }[] } | undefined;
    let hasAccount = true;
    // A site under construction since before last month; one still without a wage account if there is one, to register it here.
    for (const p of projects.items) {
      const d = await company.get(`/api/projects/${p.id}`);
      if (!((d.actualStart ?? d.plannedStart) < monthStart && d.plannedEnd > today)) continue;
      const accounts = (await company.get(`/api/projects/${p.id}/wage-accounts`)) as { status: string }[];
      const open = accounts.some((a) => a.status !== 'closed');
      if (!project || (hasAccount && !open)) {
        project = d;
        hasAccount = open;
      }
      if (!hasAccount) break;
    }
    expect(project, 'a project of company1 under construction since before last month').toBeDefined();
    const p = project!;
    const taken = new Set([p.ownerId, p.generalContractorId, ...p.subcontracts.map((s) => s.enterpriseId)]);
    const enterprises = (await office.get('/api/enterprises?type=labor_subcontractor&status=active&pageSize=100')) as { items: { id: string; name: string }[] };
    const sub = enterprises.items.find((e) => !taken.has(e.id))!;
    expect(sub).toBeDefined();
    await office.post(`/api/projects/${p.id}/subcontracts`, { enterpriseId: sub.id, parentEnterpriseId: p.generalContractorId, scopeOfWork: '劳务分包（浏览器测试）', amountFen: 50_000_000 });

    const names = ['测试韦甲', '测试蒙乙', '测试覃丙'];
    const serial = 900 + (Date.now() % 90);
    const workers: { id: string; name: string; idNumber: string }[] = [];
    for (let i = 0; i < names.length; i++) {
      const first17 = `450102198${i + 1}0${i + 3}15${String(serial + i).padStart(3, '0')}`;
      const card = `622202020099${String(serial).padStart(3, '0')}${i}`;
      const idNumber = first17 + idNumberCheckChar(first17);
      const entry = await office.post(`/api/projects/${p.id}/employments`, {
        worker: { name: names[i], idNumber, bankCard: card + luhnCheckDigit(card) },
        employerId: sub.id,
        teamName: '浏览器测试班组',
        trade: '020',
        entryDate: monthStart,
        wageType: 'daily',
        wageAmountFen: 350_00,
        contractKind: 'labor_contract',
        contractSignedOn: monthStart,
        safetyTrainingOn: monthStart,
      });
      workers.push({ id: entry.workerId, name: names[i], idNumber });
    }
    // Five days each on site, as the attendance sheet of a site without gate devices.
    const sheet = ['序号,姓名,身份证号码,考勤日期,进场时间,离场时间,考勤方式'];
    workers.forEach((w) => {
      for (const day of ['03', '04', '05', '06', '07']) sheet.push(`${sheet.length},${w.name},${w.idNumber},${month}-${day},08:00,17:00,人工登记`);
    });
    const imported = await office.upload(`/api/projects/${p.id}/attendance/import?mode=strict`, { name: '考勤.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet.join('\n'), 'utf8') });
    expect(imported, JSON.stringify(imported)).toMatchObject({ committed: true, imported: 15, events: { notOnRoster: 0, unknownWorkers: 0 } });
    const banks = (await company.get('/api/banks')) as { id: string; name: string }[];
    const bank = banks[0];

    const page = await browser.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: 'test-results/payroll-failure.png', fullPage: true });
    });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(msg.text());
    });
    await login(page, server.url, 'company1', DEMO_PASSWORD);
    // One session per user: from here on company1 reads through the browser's own session.
    const pageGet = async (url: string) => {
      const r = await page.request.get(`${server.url}${url}`);
      expect(r.status(), await r.text()).toBe(200);
      return r.json();
    };

    // ---- the wage account: registered in the form when the site has none ----
    await page.goto(`${server.url}/projects/${p.id}?tab=wage-account`);
    await page.waitForSelector('[data-testid=accounts-tab]');
    let accountNo: string;
    let bankId: string;
    if (!hasAccount) {
      await page.locator('[data-testid=accounts-tab] .ant-empty', { hasText: '尚未开立工资专用账户' }).waitFor();
      accountNo = `62284800${String(Date.now()).slice(-8)}`;
      bankId = bank.id;
      await choose(page, '#wage_account_bankId', `.ant-select-item-option[title="${bank.name}"]`);
      await page.fill('#wage_account_accountNo', accountNo);
      for (const [field, date] of [['contractSignedOn', monthStart], ['openedOn', `${month}-02`]]) {
        await page.click(`#wage_account_${field}`);
        await page.fill(`#wage_account_${field}`, date);
        // Enter would submit the form; leaving the field keeps the typed date.
        await page.keyboard.press('Tab');
      }
      const opened = page.waitForResponse((r) => r.url().endsWith(`/api/projects/${p.id}/wage-accounts`) && r.request().method() === 'POST');
      await page.click('[data-testid=account-open-submit]');
      expect((await opened).status()).toBe(201);
      await page.waitForSelector('[data-testid=account-card]');
      expect(await page.textContent('[data-testid=account-status]')).toBe('已开户');
      expect(await page.getAttribute('[data-testid=account-reconciliation]', 'data-state')).toBe('no_bank_balance');
    } else {
      const [account] = ((await pageGet(`/api/projects/${p.id}/wage-accounts`)) as { accountNo: string; bankId: string; status: string }[]).filter((a) => a.status !== 'closed');
      accountNo = account.accountNo;
      bankId = account.bankId;
      await page.waitForSelector('[data-testid=account-card]');
    }
    expect(await page.textContent('[data-testid=account-no]')).toContain(accountNo);
    const balanceBefore = (await pageGet(`/api/projects/${p.id}/wage-accounts`))[0].ledgerBalanceFen as number;

    // The bank's key (issued by the security administrator) and the owner's labour-cost deposit.
    const secadmin = await apiSession('secadmin');
    const key = await secadmin.post('/api/api-keys', { name: '浏览器测试代发接口', role: 'bank_integration', scopeRegionCode: p.regionCode.slice(0, 6), scopeBankId: bankId });
    const bankKey = { secret: key.secret as string, signingSecret: key.signingSecret as string };
    const deposit = await bankCall(bankKey, '/api/bank/transactions', {
      transactions: [{ accountNo, bankTxnId: `BT-D-${Date.now()}`, kind: 'labor_cost_deposit', direction: 'credit', amountFen: 1_000_000_00, bookedAt: nowIso() }],
    });
    expect(deposit).toMatchObject({ accepted: 1 });
    await page.reload();
    const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    await page.locator('[data-testid=account-ledger-balance]', { hasText: yuan(balanceBefore + 1_000_000_00) }).waitFor();
    await page.screenshot({ path: 'test-results/payroll-account.png', fullPage: true });

    // ---- the payroll: prepared from attendance in the UI ----
    await page.click('[data-testid=project-tabs] [role=tab]:has-text("工资表")');
    await page.waitForSelector('[data-testid=payroll-tab]');
    await page.click('[data-testid=payroll-filter-month]');
    await page.fill('[data-testid=payroll-filter-month]', month);
    await page.keyboard.press('Enter');
    // That month's list: the demo may hold other employers' payrolls for it (drafts), none of the new subcontractor's.
    const monthRows = page.locator('[data-testid=payroll-list] tbody tr.ant-table-row');
    await page.locator('[data-testid=payroll-list] .ant-empty, [data-testid=payroll-list] tbody tr.ant-table-row').first().waitFor();
    await expect.poll(async () => (await monthRows.allInnerTexts()).every((text) => text.startsWith(month))).toBe(true);
    expect(await monthRows.filter({ hasText: sub.name }).count()).toBe(0);
    await page.click('[data-testid=payroll-prepare]');
    await choose(page, '#payroll_prepare_employerId', `.ant-select-item-option[title="${sub.name}"]`);
    expect(await page.inputValue('#payroll_prepare_month')).toBe(month);
    const prepared = page.waitForResponse((r) => r.url().endsWith(`/api/projects/${p.id}/payrolls`) && r.request().method() === 'POST');
    await page.click('[data-testid=payroll-prepare-submit]');
    expect((await prepared).status()).toBe(201);
    await page.waitForSelector('[data-testid=payroll-drawer] [data-testid=payroll-lines]');
    expect(await page.textContent('[data-testid=payroll-title]')).toContain(sub.name);
    expect(await statusOf(page).textContent()).toBe('编制中');
    for (const w of workers) {
      const cells = await row(page, w.name).locator('td').allTextContents();
      expect(cells.join('|')).toContain('5 / 5');
      expect(cells.join('|')).toContain('¥1,750.00');
      // The ID number and the card are masked.
      expect(cells[1]).toMatch(/\*{4,}/);
      expect(cells[2]).toMatch(/\*{4,}/);
    }

    // One line edited: a sixth day paid and a meal deduction; the check fails and is passed with a reason.
    const edited = workers[2];
    await row(page, edited.name).locator('[data-testid=line-edit]').click();
    await page.fill('[data-testid=line-edit-days]', '6');
    await page.locator('[data-testid=line-edit-gross-amount]').first().fill('2100');
    await page.click('[data-testid=line-edit-deduction-add]');
    await page.locator('[data-testid=line-edit-deduction-label]').last().fill('伙食费');
    await page.locator('[data-testid=line-edit-deduction-amount]').last().fill('100');
    await page.keyboard.press('Tab');
    await page.locator('[data-testid=line-edit-totals]', { hasText: '扣除 ¥100.00，实发 ¥2,000.00' }).waitFor();
    const saved = page.waitForResponse((r) => r.url().includes('/lines/') && r.request().method() === 'PUT');
    await page.click('[data-testid=line-edit-save]');
    expect((await saved).status()).toBe(200);
    const check = row(page, edited.name).locator('[data-testid=line-check]');
    await check.waitFor();
    expect(await check.textContent()).toBe('计薪天数多于考勤天数');
    await page.screenshot({ path: 'test-results/payroll-check-failed.png' });
    await row(page, edited.name).locator('[data-testid=line-override]').click();
    await page.fill('[data-testid=line-override-text]', '第六天为外出采购材料，经班组长证明');
    await page.click('[data-testid=line-override-save]');
    await row(page, edited.name).locator('[data-testid=line-overridden]').waitFor();
    await page.locator('[data-testid=line-override-text]').waitFor({ state: 'detached' });

    // Approval is refused while the workers have not confirmed; the refusal names them.
    await page.click('[data-testid=payroll-approve]');
    await confirmPopover(page);
    const refusal = page.locator('[data-testid=payroll-action-error]');
    await refusal.waitFor();
    for (const w of workers) expect(await refusal.textContent()).toContain(`${w.name}：尚未确认`);

    // Each worker's sign-off on the paper payroll, recorded.
    for (const w of workers) {
      await row(page, w.name).locator('[data-testid=line-confirm]').click();
      expect(await page.inputValue('[data-testid=line-confirm-text]')).toContain('签字');
      await page.click('[data-testid=line-confirm-save]');
      await row(page, w.name).locator('[data-testid=line-confirmation][data-state=confirmed]').waitFor();
      // The closing modal must be gone before the next one opens: its button would take the next click.
      await page.locator('[data-testid=line-confirm-text]').waitFor({ state: 'detached' });
    }
    expect(await page.textContent('[data-testid=payroll-confirmed-count]')).toBe('3/3');

    await page.click('[data-testid=payroll-approve]');
    await confirmPopover(page);
    // When approval does not come, say what the page shows instead.
    await page
      .locator('[data-testid=payroll-summary] [data-testid=payroll-status][data-status=approved]')
      .waitFor()
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\non the page: ${await refusal.textContent({ timeout: 1000 }).catch(() => 'no refusal shown')}`);
      });
    await page.click('[data-testid=payroll-submit]');
    await confirmPopover(page);
    await page.locator('[data-testid=payroll-summary] [data-testid=payroll-status][data-status=paying]').waitFor();
    await page.waitForSelector('[data-testid=payroll-paying]');
    expect(await page.locator('[data-testid=payroll-batches] tbody tr.ant-table-row').count()).toBe(1);
    await page.screenshot({ path: 'test-results/payroll-submitted.png', fullPage: true });

    // ---- the bank: claims the batch, pays two, one fails ----
    const claimed = await claimOwn(bankKey, names);
    expect(claimed.payouts.map((o) => o.workerName).sort()).toEqual([...names].sort());
    const failing = workers[1].name;
    const results = claimed.payouts.map((o, i) =>
      o.workerName === failing
        ? { ref: o.ref, status: 'failed', amountFen: o.amountFen, at: nowIso(), failureReason: '收款账户已销户' }
        : { ref: o.ref, status: 'paid', amountFen: o.amountFen, at: nowIso(), bankTxnId: `BT-P-${i}` },
    );
    expect(await bankCall(bankKey, '/api/bank/payout-results', { results })).toMatchObject({ applied: 3, rejected: [] });

    await page.click('[data-testid=payroll-refresh]');
    await page.locator('[data-testid=payroll-summary] [data-testid=payroll-status][data-status=partially_paid]').waitFor();
    expect(await statusOf(page).textContent()).toBe('部分失败');
    expect(await row(page, failing).locator('[data-testid=line-pay-status]').textContent()).toBe('发放失败');
    expect(await row(page, failing).locator('[data-testid=line-failure]').textContent()).toBe('收款账户已销户');
    expect(await row(page, workers[0].name).locator('[data-testid=line-pay-status]').textContent()).toBe('已到账');
    expect(await row(page, failing).locator('[data-testid=line-slip]').count()).toBe(0);
    await page.screenshot({ path: 'test-results/payroll-partly-failed.png', fullPage: true });

    // ---- the failed line re-sent from the UI, then paid by the bank ----
    await page.click('[data-testid=payroll-resend]');
    await confirmPopover(page);
    await page.locator('[data-testid=payroll-summary] [data-testid=payroll-status][data-status=paying]').waitFor();
    expect(await page.locator('[data-testid=payroll-batches] tbody tr.ant-table-row').count()).toBe(2);
    const again = await claimOwn(bankKey, [failing]);
    expect(again.payouts.map((o) => o.workerName)).toEqual([failing]);
    const voucher = 'BT-P-RESENT';
    const payout = again.payouts[0];
    expect(await bankCall(bankKey, '/api/bank/payout-results', { results: [{ ref: payout.ref, status: 'paid', amountFen: payout.amountFen, at: nowIso(), bankTxnId: voucher }] })).toMatchObject({ applied: 1 });
    await page.click('[data-testid=payroll-refresh]');
    await page.locator('[data-testid=payroll-summary] [data-testid=payroll-status][data-status=paid]').waitFor();
    expect(await statusOf(page).textContent()).toBe('已发放');
    expect(await row(page, failing).locator('[data-testid=line-pay-status]').textContent()).toBe('已到账');

    // ---- the wage slip of the re-sent line ----
    await row(page, failing).locator('[data-testid=line-slip]').click();
    const slip = page.locator('[data-testid=wage-slip]');
    await slip.waitFor();
    expect(await slip.locator('[data-testid=slip-worker]').textContent()).toBe(failing);
    expect(await slip.locator('[data-testid=slip-employer]').textContent()).toBe(sub.name);
    expect(await slip.locator('[data-testid=slip-month]').textContent()).toBe(month);
    expect(await slip.locator('[data-testid=slip-days]').textContent()).toBe('5');
    expect(await slip.locator('[data-testid=slip-net]').textContent()).toBe('¥1,750.00');
    expect(await slip.locator('[data-testid=slip-id]').textContent()).toMatch(/\*{4,}/);
    expect(await slip.locator('[data-testid=slip-no]').textContent()).toBe(payout.ref);
    expect(await slip.locator('[data-testid=slip-voucher]').allTextContents()).toEqual([voucher]);
    expect(await slip.locator('[data-testid=slip-gross-items]').textContent()).toContain('计日工资');
    expect(await page.isEnabled('[data-testid=slip-print]')).toBe(true);
    await page.screenshot({ path: 'test-results/payroll-wage-slip.png' });
    await page.click('[data-testid=slip-close]');

    // The list shows the month's payroll paid, everyone confirmed.
    await page.locator('.ant-drawer-close').click();
    const listed = page.locator('[data-testid=payroll-list] tbody tr.ant-table-row', { hasText: sub.name });
    await listed.locator('[data-testid=payroll-status][data-status=paid]').waitFor();
    expect(await listed.locator('[data-testid=payroll-confirmed]').textContent()).toBe('3/3');

    // The region page opens from the menu.
    await page.click('[data-testid=side-menu] >> text=工资发放监测');
    await page.waitForSelector('[data-testid=overdue-payrolls]');
    await page.waitForSelector('[data-testid=region-accounts]');

    expect(problems).toEqual([]);
    await page.close();
  });
});
