import type { Page } from 'playwright-core';

/** Logs in through the login form and waits for the signed-in layout. */
export async function login(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=current-user]');
}

/**
 * Opens an antd select and clicks one of its options. On a busy machine a click can land while the
 * dropdown is still animating open and be lost, so it is repeated until the dropdown closes.
 */
export async function choose(page: Page, trigger: string, option: string) {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if (!(await open.isVisible())) await page.click(trigger);
    const item = open.locator(option);
    await item.waitFor();
    await item.click();
    try {
      await open.waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}
