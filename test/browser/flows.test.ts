import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, login } from './page';
import { creditCodeCheckChar } from '../../src/server/modules/orgs/orgs.rules';
import { ADMIN_PASSWORD, DEMO_PASSWORD, type RunningServer, launchChromium, startServer } from './server';

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

const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

describe('main flows in Chromium', () => {
  it('logs in, rejects an invalid credit code, saves the corrected one, lists it, logs out', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'admin', ADMIN_PASSWORD);
    expect(await page.textContent('[data-testid=current-user]')).toContain('系统管理员');

    await page.click('text=企业');
    await page.click('[data-testid=enterprise-create]');
    const valid = creditCode('91450102MA1234569');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    await page.fill('#enterprise_creditCode', wrongCheck);
    await page.fill('#enterprise_name', '浏览器测试建设工程有限公司');
    await choose(page, '#enterprise_type', '.ant-select-item-option[title="施工总承包"]');
    await choose(page, '#enterprise_industry', '.ant-select-item-option[title="住建"]');
    await choose(page, '#enterprise_regionCode', '.ant-select-tree-node-content-wrapper[title^="云溪区"]');
    await page.fill('#enterprise_legalRepName', '周建华');
    const rejected = page.waitForResponse((r) => r.url().endsWith('/api/enterprises') && r.request().method() === 'POST');
    await page.click('[data-testid=enterprise-save]');
    expect((await rejected).status()).toBe(422);

    // The server's checksum message lands on the credit-code field and nothing is saved.
    const fieldError = page.locator('#enterprise_creditCode_help');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('校验位错误');
    await page.screenshot({ path: 'test-results/enterprise-invalid-credit-code.png' });

    await page.fill('#enterprise_creditCode', valid);
    const accepted = page.waitForResponse((r) => r.url().endsWith('/api/enterprises') && r.request().method() === 'POST');
    await page.click('[data-testid=enterprise-save]');
    expect((await accepted).status()).toBe(201);
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    await page.locator('[data-testid=enterprise-search] input').fill('浏览器测试');
    // The new enterprise is on the unfiltered first page too: wait for the search's own answer.
    const searched = page.waitForResponse((r) => r.url().includes('/api/enterprises?') && decodeURIComponent(r.url()).includes('q=浏览器测试'));
    await page.keyboard.press('Enter');
    await searched;
    await page.locator('td', { hasText: valid }).waitFor();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: 'test-results/enterprise-listed.png' });

    await page.click('[data-testid=logout]');
    await page.waitForURL('**/login');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await page.close();
  });

  it('a township official does not see another township’s records', async () => {
    // town1 and town2 are officials of the two demo townships; each enterprise list is theirs alone.
    const lists: Record<string, string[]> = {};
    for (const user of ['town1', 'town2']) {
      const page = await browser.newPage();
      await login(page, server.url, user, DEMO_PASSWORD);
      await page.click('text=企业');
      await page.locator('tbody tr.ant-table-row').first().waitFor();
      lists[user] = await page.locator('tbody tr.ant-table-row td:nth-child(1)').allTextContents();
      const regions = await page.locator('tbody tr.ant-table-row td:nth-child(5)').allTextContents();
      expect(new Set(regions).size).toBe(1);
      await page.screenshot({ path: `test-results/enterprises-${user}.png` });
      // Opening the other township's record by id answers as if it did not exist.
      const other = user === 'town1' ? 'town2' : 'town1';
      if (lists[other]) {
        const status = await page.evaluate(async (code) => {
          const list = await (await fetch(`/api/enterprises?q=${code}`)).json();
          return list.total;
        }, lists[other][0]);
        expect(status).toBe(0);
      }
      await page.close();
    }
    expect(lists.town1.length).toBeGreaterThan(0);
    expect(lists.town2.length).toBeGreaterThan(0);
    expect(lists.town1.filter((c) => lists.town2.includes(c))).toEqual([]);
  });
});
