/** Every page, logged out and as the system administrator, passes axe (WCAG 2.1 A/AA); a screenshot of each. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  type TestPage,
} from './browser.ts';

let app: TestApp;
let browser: Browser;
let admin: TestPage;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  admin = await newPage(browser);
  await login(admin.page, app.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function check(t: TestPage, name: string, title: RegExp): Promise<void> {
  await expect.poll(() => t.page.title()).toMatch(title);
  expect(await t.page.locator('h1').count()).toBe(1);
  await screenshot(t.page, name);
  await expectNoAxeViolations(t.page, name);
}

describe('logged out', () => {
  test('login page, empty and after a failed submit', async () => {
    const t = await newPage(browser);
    await goto(t.page, `${app.url}/logg-inn`);
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await check(t, 'login', /^Logg inn – Veikart$/);

    await t.page.locator('form button[type="submit"]').click();
    await t.page.locator('.ds-error-summary').waitFor();
    expect(await t.page.evaluate(() => document.activeElement?.classList.contains('ds-error-summary'))).toBe(true);
    await check(t, 'login-errors', /Logg inn/);

    await t.page.locator('#login-username').fill('admin');
    await t.page.locator('#login-password').fill('feil-passord');
    await t.page.locator('form button[type="submit"]').click();
    await t.page.getByText('Feil brukernavn eller passord').waitFor();
    await check(t, 'login-wrong-password', /Logg inn/);
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });

  test('a protected page sends you to login and back', async () => {
    const t = await newPage(browser);
    await t.page.goto(`${app.url}/o/ringebu/lokasjoner`);
    await t.page.waitForURL(/\/logg-inn\?neste=/);
    await t.page.locator('#login-username').fill('ringebu.leder');
    await t.page.locator('#login-password').fill('veikart-demo-2026');
    await t.page.locator('form button[type="submit"]').click();
    await t.page.waitForURL(/\/o\/ringebu\/lokasjoner$/);
    await settle(t.page);
    expect(await t.page.locator('h1').textContent()).toBe('Lokasjoner');
    await t.context.close();
  });
});

describe('as system administrator', () => {
  const pages: [name: string, path: string, title: RegExp][] = [
    ['oversikt', '/o/ringebu', /^Oversikt – Ringebu kommune – Veikart$/],
    ['lokasjoner', '/o/ringebu/lokasjoner', /^Lokasjoner – Veikart$/],
    ['samarbeid', '/o/ringebu/samarbeid', /^Samarbeid – Veikart$/],
    ['medlemmer', '/o/ringebu/admin/medlemmer', /^Medlemmer – Veikart$/],
    ['endringslogg', '/o/ringebu/admin/endringslogg', /^Endringslogg – Veikart$/],
    ['innstillinger', '/o/ringebu/admin/innstillinger', /^Innstillinger – Veikart$/],
    ['iks-oversikt', '/o/indre-namdal-iks', /Indre Namdal/],
    ['iks-innstillinger', '/o/indre-namdal-iks/admin/innstillinger', /^Innstillinger – Veikart$/],
    ['organisasjoner', '/admin/organisasjoner', /^Organisasjoner – Veikart$/],
    ['konto', '/konto', /^Min konto – Veikart$/],
    ['ukjent-side', '/finnes-ikke', /^Fant ikke siden – Veikart$/],
    ['ukjent-organisasjon', '/o/finnes-ikke', /^Fant ikke organisasjonen – Veikart$/],
  ];

  test.each(pages)('%s (%s)', async (name, path, title) => {
    await goto(admin.page, `${app.url}${path}`);
    await check(admin, name, title);
  });

  test('the front page redirects to an organization', async () => {
    await goto(admin.page, `${app.url}/`);
    expect(new URL(admin.page.url()).pathname).toMatch(/^\/o\/[a-z0-9-]+$/);
  });

  test('site form in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/lokasjoner`);
    await admin.page.getByRole('button', { name: 'Legg til lokasjon' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    expect(await admin.page.evaluate(() => document.activeElement?.classList.contains('ds-error-summary'))).toBe(true);
    await check(admin, 'lokasjoner-feil', /Lokasjoner/);
  });

  test('cooperation form in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/samarbeid`);
    await admin.page.getByRole('button', { name: 'Opprett samarbeid' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'samarbeid-feil', /Samarbeid/);
  });

  test('member form in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/admin/medlemmer`);
    await admin.page.getByRole('button', { name: 'Legg til medlem', exact: true }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'medlemmer-feil', /Medlemmer/);
  });

  test('organization form: IKS owners and error state', async () => {
    await goto(admin.page, `${app.url}/admin/organisasjoner`);
    await admin.page.locator('#org-kind').selectOption('iks');
    await admin.page.locator('#org-owners-filter').fill('Lierne');
    await admin.page.getByLabel('Lierne kommune (5042)').check();
    await check(admin, 'organisasjoner-iks', /Organisasjoner/);
    await admin.page.locator('#org-kind').selectOption('kommune');
    await admin.page.getByRole('button', { name: 'Opprett organisasjon' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'organisasjoner-feil', /Organisasjoner/);
  });

  test('account form in its error state', async () => {
    await goto(admin.page, `${app.url}/konto`);
    await admin.page.getByRole('button', { name: 'Bytt passord' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'konto-feil', /Min konto/);
  });

  test('audit details opened', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/admin/endringslogg`);
    const summary = admin.page.locator('summary').first();
    await summary.click();
    await check(admin, 'endringslogg-detaljer', /Endringslogg/);
  });

  test('no console errors or CSP violations along the way', () => {
    expect(unexpectedErrors(admin.errors)).toEqual([]);
  });
});
