/** Organization settings (nynorsk switches the whole UI), IKS access to owner municipalities, logout. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectNoAxeViolations,
  goto,
  launchBrowser,
  login,
  newPage,
  screenshot,
  settle,
  startApp,
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

test('an IKS admin switches the IKS to nynorsk: html lang, menu and titles follow', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'iks.leder');
  await goto(page, `${app.url}/o/indre-namdal-iks/admin/innstillinger`);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
  // The owners of the IKS are listed.
  expect(await page.locator('caption', { hasText: 'Eierkommuner' }).count()).toBe(1);
  expect(await page.locator('tbody tr').count()).toBe(6);

  await page.locator('#settings-language').selectOption('nn');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await page.getByRole('status').getByText('Innstillingane er lagra.').waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
  expect(await page.locator('main h1').textContent()).toBe('Innstillingar');
  expect(await page.title()).toBe('Innstillingar – Veikart');
  expect(await page.locator('nav').getByRole('link', { name: 'Lokasjonar' }).count()).toBe(1);
  // The nynorsk main menu keeps to one row at 1 280 px, its groups in nynorsk too.
  expect(await page.$$eval('nav .main-nav__list > li', (items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size)).toBe(1);
  expect(await page.locator('nav').getByRole('button', { name: 'Året' }).count()).toBe(1);
  await screenshot(page, 'nynorsk-innstillinger');
  await expectNoAxeViolations(page, 'nynorsk-innstillinger');

  // An owner municipality is still bokmål, and the IKS staff read it through the IKS.
  await goto(page, `${app.url}/o/grong`);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
  expect(await page.locator('main').textContent()).toContain('Leser (gjennom Indre Namdal IKT IKS)');
  expect(await page.locator('nav a', { hasText: 'Medlemmer' }).count()).toBe(0);
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('a system administrator creates an IKS with owners, and a kommune from the official list', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'admin');
  await goto(page, `${app.url}/admin/organisasjoner`);

  await page.locator('#org-name').fill('Midt-Gudbrandsdal IKT IKS');
  await page.locator('#org-kind').selectOption('iks');
  await page.locator('#org-owners-filter').fill('Fron');
  await page.getByLabel('Nord-Fron kommune (3436)').check();
  await page.getByLabel('Sør-Fron kommune (3438)').check();
  await page.getByLabel('Tilgang for IKS-ansatte i Sør-Fron kommune').selectOption('editor');
  await page.getByRole('button', { name: 'Opprett organisasjon' }).click();
  await page.getByRole('status').getByText('«Midt-Gudbrandsdal IKT IKS» er opprettet.').waitFor();
  await page.getByRole('link', { name: 'Midt-Gudbrandsdal IKT IKS' }).waitFor();

  await page.locator('#org-name').fill('Vågå kommune');
  await page.locator('#org-kind').selectOption('kommune');
  await page.locator('#org-kommunenummer').selectOption('3435');
  await page.getByRole('button', { name: 'Opprett organisasjon' }).click();
  await page.getByRole('status').getByText('«Vågå kommune» er opprettet.').waitFor();

  // The new IKS is in the switcher and its settings list both owners.
  await page.getByRole('link', { name: 'Midt-Gudbrandsdal IKT IKS' }).click();
  await page.waitForURL(/\/o\/[a-z-]+$/);
  await settle(page);
  await page.getByRole('button', { name: 'Administrasjon' }).click();
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await settle(page);
  const owners = await page.locator('table.data-table tbody tr').allTextContents();
  expect(owners.join('|')).toMatch(/Nord-Fron kommune.*Lesetilgang/);
  expect(owners.join('|')).toMatch(/Sør-Fron kommune.*Redigeringstilgang/);

  // A system administrator can change the owners in the settings.
  await page.getByRole('checkbox', { name: 'Nord-Fron kommune (3436)' }).uncheck();
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await page.getByRole('status').getByText('Innstillingene er lagret.').waitFor();
  await expect.poll(() => page.locator('table.data-table tbody tr').count()).toBe(1);
  expect(await page.locator('table.data-table tbody').textContent()).toContain('Sør-Fron kommune');
  await screenshot(page, 'iks-eiere-endret');
  await expectNoAxeViolations(page, 'iks-eiere-endret');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('logging out ends the session and returns to the login page', async () => {
  const { page, context } = await newPage(browser);
  await login(page, app.url, 'ringebu.leder');
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/logg-inn/);
  await settle(page);
  await page.getByText('Du er logget ut.').waitFor();
  await page.goto(`${app.url}/o/ringebu`);
  await page.waitForURL(/\/logg-inn\?neste=%2Fo%2Fringebu/);
  await context.close();
});

test('the audit log pages back with «Vis eldre» and labels actions in Norwegian', async () => {
  const { page, context } = await newPage(browser);
  await login(page, app.url, 'admin');
  await goto(page, `${app.url}/o/ringebu/admin/endringslogg`);
  const rows = page.locator('table.data-table > tbody > tr');
  const first = await rows.count();
  expect(first).toBeGreaterThan(0);
  expect(await rows.first().locator(':scope > th').textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}:\d{2}$/);
  expect(await page.locator('tbody').first().textContent()).toMatch(/Opprettet|Endret|Slettet/);
  // A page holds the newest 50 saves, each one entry (grouped); «Vis eldre» shows when there may be more.
  const older = page.getByRole('button', { name: 'Vis eldre' });
  if ((await older.count()) > 0) {
    await older.click();
    // Older entries come below, or the page says there are none (a page of exactly 50 saves).
    const noOlder = page.getByText('Det finnes ingen eldre endringer.');
    await expect.poll(async () => (await rows.count()) > first || (await noOlder.count()) > 0).toBe(true);
  } else {
    await page.getByText('Det finnes ingen eldre endringer.').waitFor();
  }
  await context.close();
});

test('changing the password: mismatch is caught, then the new password works', async () => {
  const { page, context } = await newPage(browser);
  await login(page, app.url, 'ringebu.leser');
  await goto(page, `${app.url}/konto`);
  await page.locator('#account-current').fill('veikart-demo-2026');
  await page.locator('#account-new').fill('et-nytt-passord-2026');
  await page.locator('#account-repeat').fill('noe-annet');
  await page.getByRole('button', { name: 'Bytt passord' }).click();
  await page.locator('.ds-error-summary').getByText('Gjenta nytt passord må være likt nytt passord').waitFor();

  await page.locator('#account-repeat').fill('et-nytt-passord-2026');
  await page.getByRole('button', { name: 'Bytt passord' }).click();
  await page.getByRole('status').getByText('Passordet er endret.').waitFor();
  await context.close();

  const second = await newPage(browser);
  await login(second.page, app.url, 'ringebu.leser', 'et-nytt-passord-2026');
  expect(new URL(second.page.url()).pathname).toBe('/o/ringebu');
  await second.context.close();
});
