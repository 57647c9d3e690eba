/** The global search in the header by keyboard only: "/" focuses it, arrows choose, Escape closes, Enter opens; axe with the list open. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, keyboardLogin, launchBrowser, newPage, settle, startApp, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('search the header with the keyboard and open a hit', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'ringebu.leder');
  const input = page.getByRole('combobox', { name: 'Søk' });
  expect(await input.getAttribute('aria-expanded')).toBe('false');

  // "/" focuses the search from the page.
  await page.keyboard.press('/');
  expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await input.inputValue()).toBe('');

  // One character is too short: a status says so, no list.
  await page.keyboard.type('v');
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Skriv minst 2 tegn.' }).count()).toBe(1);
  await page.keyboard.type('isma');
  const list = page.getByRole('listbox', { name: 'Søk' });
  await list.waitFor();
  expect(await input.getAttribute('aria-expanded')).toBe('true');
  expect(await input.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
  // Grouped by type in a fixed order: systems, suppliers, contracts.
  const groups = await list.getByRole('group').evaluateAll((gs) => gs.map((g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent));
  expect(groups).toEqual(['Systemer', 'Leverandører', 'Avtaler']);
  await expectNoAxeViolations(page, 'global search open');

  // Arrow keys move the active option (focus stays in the field); Up from the first wraps to the last.
  await page.keyboard.press('ArrowDown');
  const options = list.getByRole('option');
  const first = await options.nth(0).getAttribute('id');
  expect(await input.getAttribute('aria-activedescendant')).toBe(first);
  expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('ArrowUp');
  expect(await input.getAttribute('aria-activedescendant')).toBe(await options.last().getAttribute('id'));
  await page.keyboard.press('ArrowDown');
  expect(await input.getAttribute('aria-activedescendant')).toBe(first);

  // Escape closes the list and keeps the text; arrow down opens it again.
  await page.keyboard.press('Escape');
  expect(await input.getAttribute('aria-expanded')).toBe('false');
  expect(await input.getAttribute('aria-activedescendant')).toBeNull();
  expect(await input.inputValue()).toBe('visma');
  await page.keyboard.press('ArrowDown');
  expect(await input.getAttribute('aria-expanded')).toBe('true');
  const name = (await options.nth(0).locator('.global-search__name').textContent()) ?? '';

  // Enter opens the hit: the system's page.
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/ringebu\/systemer\/[0-9a-f-]+$/);
  await settle(page);
  await expect.poll(() => page.locator('main h1').textContent()).toBe(name);
  expect(await input.inputValue()).toBe('');

  // A supplier hit opens the supplier register showing that supplier, with "Vis alle" for the whole list.
  await page.keyboard.press('/');
  await page.keyboard.type('visma');
  await list.waitFor();
  const ids = await options.evaluateAll((os) => os.map((o) => o.id));
  const supplier = list.getByRole('group', { name: 'Leverandører' }).getByRole('option').first();
  const supplierId = (await supplier.getAttribute('id')) ?? '';
  const supplierName = (await supplier.locator('.global-search__name').textContent()) ?? '';
  for (let i = 0; i <= ids.indexOf(supplierId); i++) await page.keyboard.press('ArrowDown');
  expect(await input.getAttribute('aria-activedescendant')).toBe(supplierId);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/ringebu\/leverandorer\?q=/);
  await settle(page);
  const rowNames = page.locator('main tbody th[scope="row"]');
  await expect.poll(() => rowNames.allTextContents()).toEqual([supplierName]);
  await expect.poll(() => page.locator('main .search-filter').textContent()).toContain(`Viser treff på «${supplierName}»: 1 av`);
  await expectNoAxeViolations(page, 'supplier register opened from a search hit');
  await page.getByRole('link', { name: 'Vis alle' }).press('Enter');
  await page.waitForURL(/\/o\/ringebu\/leverandorer$/);
  await expect.poll(() => rowNames.count()).toBeGreaterThan(1);
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
