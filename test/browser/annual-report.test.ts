/** The Årsmelding page of the demo IKS, by keyboard only: introduction, a result, the downloads; axe clean. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, goto, launchBrowser, login, newPage, screenshot, startApp, tabTo, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('the IKS leader writes the introduction and a result with the keyboard and downloads the årsmelding', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'iks.leder');
  await goto(page, `${app.url}/o/indre-namdal-iks/arsmelding?ar=2025`);
  await expect.poll(() => page.title()).toBe('Årsmelding 2025 – Veikart');
  await page.locator('#annual-introduction').waitFor();
  expect(await page.locator('#annual-introduction').inputValue()).toContain('(Demotekst, oppdiktet.)');
  expect(await page.getByText('Tiltakene er hentet fra Virksomhetsplan 2024–2027, revisjon 1 (utkast).').count()).toBe(1);
  await expectNoAxeViolations(page, 'arsmelding-leder');

  await tabTo(page, '#annual-introduction');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nSkrevet med tastaturet.');
  await tabTo(page, 'button[type=submit]', { text: 'Lagre innledningen' });
  await page.keyboard.press('Enter');
  await page.getByText('Innledningen for 2025 er lagret.').waitFor();

  const result = page.getByLabel('Resultat for 2 Felles brukerstøtte');
  await tabTo(page, `#${await result.getAttribute('id')}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Svartid én arbeidsdag.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Resultatet for «2 Felles brukerstøtte» er lagret.').waitFor();
  await screenshot(page, 'arsmelding-lagret');

  const pdf = await page.getByRole('link', { name: 'Årsmelding 2025 (PDF)' }).getAttribute('href');
  const res = await page.request.get(`${app.url}${pdf}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
