import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from './page';
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

/** A Statistic's number as shown ("1,234" → 1234). */
const statValue = async (text: Promise<string | null>) => Number((await text)?.replace(/[^\d]/g, '') ?? NaN);

describe('national platform link and export in Chromium', () => {
  it('sets the code, secret and a team number, keeps them over a reload, exports a period as a JSON file', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(msg.text());
    });
    // The district wage office: may export for any project in the district (actions include 'national').
    await login(page, server.url, 'zhiqianban', DEMO_PASSWORD);

    // A project under construction with people on its roster (and so teams and attendance).
    const list = await (await page.request.get(`${server.url}/api/projects?status=in_progress&pageSize=50`)).json();
    const project = (list.items as { id: string; openEmployments: number }[]).find((p) => p.openEmployments > 0);
    expect(project).toBeDefined();
    await page.goto(`${server.url}/projects/${project!.id}`);
    await page.waitForSelector('[data-testid=project-info]');
    await page.click('[data-testid=project-tabs] [role=tab]:has-text("全国平台对接")');
    await page.waitForSelector('[data-testid=national-tab]');

    // No secret yet: the export is refused up front.
    expect(await page.getAttribute('[data-testid=national-secret-status]', 'data-secret-set')).toBe('false');
    await page.waitForSelector('[data-testid=national-export-needs-secret]');
    expect(await page.isDisabled('[data-testid=national-export-submit]')).toBe(true);

    const teamInputs = page.locator('[data-testid=national-teams] [data-testid=national-team-sysno]');
    await teamInputs.first().waitFor();
    const teamCount = await teamInputs.count();
    expect(teamCount).toBeGreaterThan(0);

    const code = `BT${Date.now()}`;
    const secret = 'Br0wserTestSecret0123456789abcde'.slice(0, 32);
    expect(secret).toHaveLength(32);
    const teamSysNo = '4501020260001';
    await page.fill('[data-testid=national-project-code]', code);
    await page.fill('[data-testid=national-secret]', secret);
    await teamInputs.first().fill(teamSysNo);
    const saved = page.waitForResponse((r) => r.url().endsWith('/national-link') && r.request().method() === 'PUT');
    await page.click('[data-testid=national-link-save]');
    const savedRes = await saved;
    expect(savedRes.status()).toBe(200);
    const sent = savedRes.request().postDataJSON();
    expect(sent).toMatchObject({ projectCode: code, secret, teams: [{ teamSysNo: Number(teamSysNo) }] });
    // The secret never comes back.
    expect(await savedRes.text()).not.toContain(secret);

    // After a reload (the tab is in the address): the secret is held, not shown; the team number is kept.
    await page.reload();
    await page.waitForSelector('[data-testid=national-tab]');
    await page.waitForSelector('[data-testid=national-secret-status][data-secret-set=true]');
    expect(await page.inputValue('[data-testid=national-project-code]')).toBe(code);
    expect(await page.inputValue('[data-testid=national-secret]')).toBe('');
    expect(await teamInputs.first().inputValue()).toBe(teamSysNo);
    expect(await page.content()).not.toContain(secret);
    await page.screenshot({ path: 'test-results/national-link.png', fullPage: true });

    // Export the default period (the previous month) with a reason: a JSON file under the platform's code.
    expect(await page.isDisabled('[data-testid=national-export-submit]')).toBe(false);
    await page.fill('[data-testid=national-export-reason]', '浏览器测试：按月向全国平台报送');
    const exported = page.waitForResponse((r) => r.url().endsWith('/national-export'));
    const downloaded = page.waitForEvent('download');
    await page.click('[data-testid=national-export-submit]');
    expect((await exported).status()).toBe(200);
    const download = await downloaded;
    const body = (await exported).request().postDataJSON() as { from: string; to: string; reason: string };
    expect(body.reason).toBe('浏览器测试：按月向全国平台报送');
    expect(body.from.slice(8)).toBe('01');
    expect(body.from.slice(0, 7)).toBe(body.to.slice(0, 7));
    expect(download.suggestedFilename()).toBe(`${code}-全国平台数据-${body.from}至${body.to}.json`);
    const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(file).toMatchObject({ projectCode: code, from: body.from, to: body.to });
    expect(JSON.stringify(file)).not.toContain(secret);

    const summary = page.locator('[data-testid=national-export-summary]');
    await summary.waitFor();
    const workers = await statValue(page.locator('[data-testid=national-summary-workers] .ant-statistic-content-value').textContent());
    const entryExits = await statValue(page.locator('[data-testid=national-summary-entry-exits] .ant-statistic-content-value').textContent());
    const teams = await statValue(page.locator('[data-testid=national-summary-teams] .ant-statistic-content-value').textContent());
    expect(workers).toBeGreaterThan(0);
    expect(workers).toBe(file.projectWorkers.reduce((n: number, b: { workerList: unknown[] }) => n + b.workerList.length, 0));
    expect(entryExits).toBeGreaterThanOrEqual(workers);
    expect(teams).toBe(teamCount);
    // Every team but the one numbered above is still unknown to the platform.
    const warning = page.locator('[data-testid=national-teams-without-sysno]');
    if (teamCount > 1) expect(await warning.textContent()).toContain(`${teamCount - 1} 个班组尚未登记全国平台班组编号`);
    else expect(await warning.count()).toBe(0);
    await page.screenshot({ path: 'test-results/national-export.png', fullPage: true });

    expect(problems).toEqual([]);
    await page.close();
  });
});
