/** The IKS year in the browser: an owner's view of its shares (axe clean), a keyboard-only statistics import, and a cooperation's pool from the host's form to the member's share. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { activeElementMatches, expectNoAxeViolations, goto, keyboardLogin, launchBrowser, login, newPage, screenshot, settle, startApp, tabTo, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('an owner kommune sees what it pays the IKS, with the key and its refund, and axe finds nothing', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'lierne.redaktor');
  await goto(page, `${app.url}/o/lierne/ar/betaling?ar=2017`);
  await page.getByRole('heading', { level: 1, name: 'Hva vi betaler IKS-et 2017' }).waitFor();
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Våre andeler i Indre Namdal IKT IKS 2017' }) });
  await table.waitFor();
  const rows = await table.locator('tbody tr').allTextContents();
  // Lisenser og avtaler: 3 100 000 kr equally among 6 owners; Lierne (5042) is second by kommunenummer.
  expect(rows.find((r) => r.includes('Lisenser og avtaler'))).toContain('516\u00a0667\u00a0kr');
  expect(rows.find((r) => r.includes('Felles arkiv'))).toContain('Faste prosenter');
  expect(await page.getByRole('link', { name: /Last ned andelene for 2017/ }).count()).toBe(1);
  expect(await page.locator('main').textContent()).not.toContain('Snåsa');
  await screenshot(page, 'iks-year-payments');
  await expectNoAxeViolations(page, 'iks-year-payments');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('the IKS leader imports statistics with the keyboard only: preview shows the wrong total, then the import', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'iks.leder');
  await goto(page, `${app.url}/o/indre-namdal-iks/ar/import/statistikk?ar=2018`);
  await page.getByRole('heading', { level: 1, name: 'Importer statistikk' }).waitFor();
  expect(await page.locator('#import-year').inputValue()).toBe('2018');

  await tabTo(page, '#year-import-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  const csv = 'kommune;Helpdesk-saker\nSnåsa;100\nLierne;50\nRøyrvik;20\n5044;30\nGrong kommune;200\nHøylandet;70\nTotalt;471\n';
  await chooser.setFiles({ name: 'statistikk-2018.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await tabTo(page, 'button[type="submit"]', { text: 'Forhåndsvis' });
  await page.keyboard.press('Enter');
  const preview = page.getByRole('heading', { level: 2, name: /statistikk-2018\.csv/ });
  await preview.waitFor();
  expect(await activeElementMatches(page, 'h2')).toBe(true);
  expect(await page.locator('main').textContent()).toContain('Helpdesk-saker: trykt 471, regnet ut 470');
  await expectNoAxeViolations(page, 'iks-year-import-preview');
  await screenshot(page, 'iks-year-import-preview');

  await tabTo(page, 'button', { text: 'Importer 6 for 2018' });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Importert: 6 for 2018.' }).waitFor();
  await tabTo(page, 'a', { text: 'Se tallene for 2018' });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Årsmelding og tall 2018' }).waitFor();
  await settle(page);
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Helpdesk-saker 2018' }) });
  expect(await table.locator('tfoot td').textContent()).toBe('470');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('the IKS leader gives a metric a unit with the keyboard only; the unit shows by the values, a used metric is not deleted, axe finds nothing', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'iks.leder');
  await goto(page, `${app.url}/o/indre-namdal-iks/ar?ar=2017`);
  await page.getByRole('heading', { level: 3, name: 'Måltall', exact: true }).waitFor();
  await settle(page);
  await tabTo(page, 'button', { text: 'Endre Feide-pålogginger', max: 200 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 4, name: 'Endre måltallet Feide-pålogginger' }).waitFor();
  expect(await activeElementMatches(page, 'h4')).toBe(true);
  await tabTo(page, '#metric-unit');
  await page.keyboard.type('pålogginger');
  await tabTo(page, 'button[type="submit"]', { text: 'Lagre måltallet' });
  await expectNoAxeViolations(page, 'iks-year-metric-form');
  await page.keyboard.press('Enter');
  await page.getByText('«Feide-pålogginger» er lagret.').waitFor();
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Feide-pålogginger (pålogginger) 2017' }) });
  await table.waitFor();
  expect(await table.locator('thead').textContent()).toContain('Verdi (pålogginger)');

  await tabTo(page, 'button', { text: 'Slett Feide-pålogginger', max: 200, reverse: true });
  await page.keyboard.press('Enter');
  // The delete is confirmed first (focus moves to the confirmation), then refused with 409.
  await page.getByText('Vil du slette «Feide-pålogginger»?', { exact: false }).waitFor();
  await tabTo(page, 'button', { text: 'Ja, slett' });
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'brukes av' }).waitFor();
  expect(await page.getByRole('alert').filter({ hasText: 'brukes av' }).textContent()).toMatch(/Måltallet «Feide-pålogginger» brukes av \d+ verdier og 1 fordeling/);
  await expectNoAxeViolations(page, 'iks-year-metrics');
  await screenshot(page, 'iks-year-metrics');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('a 2K host shares a cost among its cooperation by the cooperation\'s key, and the member sees its share; axe finds nothing', async () => {
  const host = await newPage(browser);
  await login(host.page, app.url, 'ringebu.redaktor');
  await goto(host.page, `${app.url}/o/ringebu/ar?ar=2024`);
  await host.page.locator('#pool-cooperationId').waitFor();
  await host.page.locator('#pool-cooperationId').selectOption({ label: 'samarbeidet 2K' });
  expect(await host.page.locator('#pool-key').inputValue()).toBe('equal'); // the 2K's key "like"
  await host.page.locator('#pool-basis').selectOption('amount');
  await host.page.locator('#pool-name').fill('Felles lisenser 2K');
  await host.page.locator('#pool-amount').fill('100 001');
  await expectNoAxeViolations(host.page, 'iks-year-cooperation-pool-form');
  await host.page.getByRole('button', { name: 'Lagre fordelingen' }).click();
  const table = host.page.locator('table', { has: host.page.locator('caption', { hasText: 'Felles lisenser 2K' }) });
  await table.waitFor();
  expect(await table.locator('caption').textContent()).toContain('delt i samarbeidet 2K');
  // Sør-Fron (3438) gets the odd krone before the host Ringebu (3439): ties go by kommunenummer.
  expect(await table.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Sør-Fron.*50\u00a0001\u00a0kr$/), expect.stringMatching(/^Ringebu.*50\u00a0000\u00a0kr$/)]);
  expect(unexpectedErrors(host.errors)).toEqual([]);
  await host.context.close();

  const member = await newPage(browser);
  await login(member.page, app.url, 'sorfron.leder');
  await goto(member.page, `${app.url}/o/sor-fron/ar/betaling?ar=2024`);
  const pay = member.page.locator('table', { has: member.page.locator('caption', { hasText: 'Våre andeler i Ringebu kommune 2024' }) });
  await pay.waitFor();
  const row = (await pay.locator('tbody tr').allTextContents()).find((r) => r.includes('Felles lisenser 2K'));
  expect(row).toContain('delt i samarbeidet 2K');
  expect(row).toContain('Lik fordeling');
  expect(row).toMatch(/50\u00a0001\u00a0kr$/);
  await screenshot(member.page, 'iks-year-cooperation-payments');
  await expectNoAxeViolations(member.page, 'iks-year-cooperation-payments');
  expect(unexpectedErrors(member.errors)).toEqual([]);
  await member.context.close();
});
