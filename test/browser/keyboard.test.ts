/** Keyboard only: Tab, Shift+Tab, Enter, typing. No clicks and no fill(). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  activeElementMatches,
  expectNoAxeViolations,
  keyboardLogin,
  launchBrowser,
  newPage,
  screenshot,
  settle,
  startApp,
  tabTo,
  unexpectedErrors,
  type TestApp,
} from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const h1 = (page: import('playwright-core').Page) => page.locator('main h1').textContent();

test('the main menu by keyboard: a group opens with Enter, Escape closes it, a link in it is followed; one row at 1 280 px, folded at 768 and 375', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'admin');
  const rows = () => page.$$eval('nav .main-nav__list > li', (items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size);
  expect(await rows()).toBe(1);
  const group = page.locator('nav .main-nav__system > button');
  await tabTo(page, 'nav .main-nav__system > button');
  expect(await group.getAttribute('aria-expanded')).toBe('false');
  await page.keyboard.press('Enter');
  expect(await group.getAttribute('aria-expanded')).toBe('true');
  await page.keyboard.press('Tab');
  expect(await activeElementMatches(page, 'nav .main-nav__menu a', 'Medlemmer')).toBe(true);
  await screenshot(page, 'nav-1280-admin-open');
  await page.keyboard.press('Escape');
  expect(await group.getAttribute('aria-expanded')).toBe('false');
  expect(await activeElementMatches(page, 'nav .main-nav__system > button')).toBe(true);
  await page.keyboard.press('Enter');
  await tabTo(page, 'nav .main-nav__menu a', { text: 'Innstillinger', max: 5 });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/innstillinger$/);
  await settle(page);
  expect(await h1(page)).toBe('Innstillinger');
  // The group has closed, and its button shows that it holds the page.
  expect(await group.getAttribute('aria-expanded')).toBe('false');
  expect(await group.getAttribute('class')).toContain('main-nav__toggle--current');
  await screenshot(page, 'nav-1280');

  // Tablet and phone: the list folds behind «Meny»; opened, its groups open in place.
  for (const width of [768, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const menu = page.locator('nav .main-nav__fold');
    await menu.focus();
    expect(await page.locator('nav .main-nav__list').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await tabTo(page, 'nav .main-nav__list > li > button', { text: 'Året▾', max: 15 });
    await page.keyboard.press('Enter');
    await screenshot(page, `nav-${width}-open`);
    // Nothing sticks out sideways: no horizontal scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expectNoAxeViolations(page, `nav-${width}-open`);
    await page.keyboard.press('Tab');
    expect(await activeElementMatches(page, 'nav .main-nav__menu a', 'Årstall og kostnadsdeling')).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await activeElementMatches(page, 'nav .main-nav__fold')).toBe(true);
  }
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('log in and switch organization with the keyboard', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'admin');
  expect(new URL(page.url()).pathname).toMatch(/^\/o\/[a-z0-9-]+$/);

  // Choose Ringebu in the switcher by typing; choosing alone must not navigate (WCAG 3.2.2).
  const before = page.url();
  await tabTo(page, '#org-switcher');
  await page.keyboard.type('Ringebu');
  expect(await page.locator('#org-switcher').inputValue()).toBe('ringebu');
  expect(page.url()).toBe(before);
  await page.keyboard.press('Tab');
  expect(await activeElementMatches(page, 'button[type="submit"]', 'Bytt')).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/ringebu$/);
  await settle(page);
  expect(await h1(page)).toBe('Ringebu kommune');
  expect(await page.title()).toBe('Oversikt – Ringebu kommune – Veikart');
  // Focus moved to the new page's heading.
  expect(await activeElementMatches(page, 'main h1')).toBe(true);

  // From a sub-page the switcher keeps the sub-page: Lokasjoner in Ringebu → Lokasjoner in Sør-Fron.
  await tabTo(page, 'nav a[href="/o/ringebu/lokasjoner"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/ringebu\/lokasjoner$/);
  await settle(page);
  await tabTo(page, '#org-switcher', { reverse: true });
  // Arrow keys move through the options of a closed select without opening it.
  for (let i = 0; i < 20 && (await page.locator('#org-switcher').inputValue()) !== 'sor-fron'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await page.locator('#org-switcher').inputValue()).toBe('sor-fron');
  expect(page.url()).toMatch(/\/o\/ringebu\/lokasjoner$/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/sor-fron\/lokasjoner$/);
  await settle(page);
  expect(await h1(page)).toBe('Lokasjoner');
  expect(await page.locator('#org-switcher').inputValue()).toBe('sor-fron');
  expect(await page.locator('nav a[aria-current="page"]').getAttribute('href')).toBe('/o/sor-fron/lokasjoner');
  expect(await page.locator('main').textContent()).toMatch(/Lokasjoner i Sør-Fron kommune|Ingen lokasjoner er registrert/);
  await screenshot(page, 'keyboard-switched');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('skip link, then add and delete a site with the keyboard, through the error summary', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'ringebu.leder');
  await page.goto(`${app.url}/o/ringebu/lokasjoner`);
  await settle(page);

  // The first Tab stop is the skip link; it moves focus to <main>.
  await page.keyboard.press('Tab');
  expect(await activeElementMatches(page, 'a.ds-skip-link')).toBe(true);
  await page.keyboard.press('Enter');
  expect(await activeElementMatches(page, 'main#main')).toBe(true);

  // Past the register table's filter field and sort buttons.
  await tabTo(page, '#site-name', { max: 80 });
  await page.keyboard.type('Tastaturhuset');
  await page.keyboard.press('Tab');
  expect(await activeElementMatches(page, '#site-users')).toBe(true);
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');

  // The error summary gets focus; its link takes us to the field.
  const summary = page.locator('.ds-error-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('Antall brukere kan ikke være negativt');
  expect(await activeElementMatches(page, '.ds-error-summary')).toBe(true);
  await page.keyboard.press('Tab');
  expect(await activeElementMatches(page, '.ds-error-summary a')).toBe(true);
  await page.keyboard.press('Enter');
  expect(await activeElementMatches(page, '#site-users')).toBe(true);
  await screenshot(page, 'keyboard-site-error');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  const row = page.locator('tbody tr', { has: page.locator('th', { hasText: /^Tastaturhuset$/ }) });
  await row.waitFor();
  expect(await row.locator('td').first().textContent()).toBe('12');
  await page.getByRole('status').getByText('«Tastaturhuset» er lagt til.').waitFor();

  // Delete it: Shift+Tab back to its delete button, confirm with Enter.
  await tabTo(page, 'button', { text: 'Slett Tastaturhuset', reverse: true });
  await page.keyboard.press('Enter');
  const confirm = page.locator('.confirm');
  await confirm.waitFor();
  expect(await activeElementMatches(page, '.confirm')).toBe(true);
  await tabTo(page, 'button', { text: 'Ja, slett' });
  await page.keyboard.press('Enter');
  await row.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText('«Tastaturhuset» er slettet.').waitFor();
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('edit a budget cell and save, then sort the handlingsplan, with the keyboard', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'ringebu.redaktor');
  const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as {
    data: { organizations: { id: string; slug: string }[] };
  };
  const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
  const base = `${app.url}/api/v1/organizations/${orgId}`;
  const plans = (await (await context.request.get(`${base}/plans`)).json()) as {
    data: { revisions: { id: string; status: string }[] }[];
  };
  const draftId = plans.data[0]?.revisions.find((r) => r.status === 'draft')?.id ?? '';
  type Rev = { measures: { id: string; number: string | null; title: string }[]; totals: { perMeasure: Record<string, { byKind: { drift: number } }> } };
  const revision = async () => ((await (await context.request.get(`${base}/revisions/${draftId}`)).json()) as { data: Rev }).data;
  const measure = (await revision()).measures.find((m) => m.number === '1');
  expect(measure?.title).toBe('Operativ brukerstøtte med kort responstid');

  await page.goto(`${app.url}/o/ringebu/plan/r/${draftId}/tiltak/${measure?.id ?? ''}`);
  await settle(page);
  await tabTo(page, '#budget-drift-2026-amount', { max: 80 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50 000');
  // The row total follows the typing: 45 000 × 3 + 50 000.
  expect(await page.locator('[data-testid="total-drift"]').textContent()).toBe('185\u00a0000\u00a0kr');
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText('«Operativ brukerstøtte med kort responstid» er lagret.').waitFor();
  expect((await revision()).totals.perMeasure[measure?.id ?? '']?.byKind.drift).toBe(185_000);
  await screenshot(page, 'keyboard-budget-saved');

  // The handlingsplan sorts by Totalt from the keyboard: Enter on the header button, twice for descending.
  await page.goto(`${app.url}/o/ringebu/plan/r/${draftId}/handlingsplan`);
  await settle(page);
  await tabTo(page, 'th[aria-sort] > button', { text: 'Totalt', max: 40 });
  const totalHeader = page.locator('th[aria-sort]', { hasText: 'Totalt' });
  await page.keyboard.press('Enter');
  expect(await totalHeader.getAttribute('aria-sort')).toBe('ascending');
  await page.keyboard.press('Enter');
  expect(await totalHeader.getAttribute('aria-sort')).toBe('descending');
  expect(await activeElementMatches(page, 'th[aria-sort="descending"] > button')).toBe(true);
  // First group (Brukeropplevelse …): Utskifting av PC-er (865 000 kr) comes first when sorted by total, descending.
  const firstTitle = page.locator('tbody.plan-table__group').first().locator('th.plan-table__title a').first();
  expect(await firstTitle.textContent()).toBe('Utskifting av PC-er');
  await page.getByText('Sortert etter Totalt, synkende.').waitFor();
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
