/** Sites as an editor (validation, add, totals, 409) and as a reader (no edit controls). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { goto, launchBrowser, login, newPage, screenshot, startApp, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** `1 052` → 1052; `–` → 0. */
const toInt = (text: string | null): number => Number((text ?? '').replace(/[^\d-]/g, '') || '0');

async function usersColumn(page: Page): Promise<number[]> {
  const cells = await page.locator('tbody tr td:nth-of-type(1)').allTextContents();
  return cells.map(toInt);
}

const siteRow = (page: Page, name: string) =>
  page.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) });

test('an editor gets a Norwegian field error, fixes it and sees the site in the table and the total', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'ringebu.redaktor');
  await goto(page, `${app.url}/o/ringebu/lokasjoner`);
  // Editors see no admin pages.
  expect(await page.locator('nav a', { hasText: 'Medlemmer' }).count()).toBe(0);
  const totalBefore = toInt(await page.locator('tfoot td').first().textContent());
  expect(totalBefore).toBe((await usersColumn(page)).reduce((a, b) => a + b, 0));

  await page.locator('#site-name').fill('Kvitfjell servicebygg');
  await page.locator('#site-users').fill('-5');
  await page.locator('#site-capacityMbps').fill('1000');
  await page.locator('#site-lineType').selectOption('fiber');
  await page.getByRole('button', { name: 'Legg til lokasjon' }).click();

  const message = 'Antall brukere kan ikke være negativt';
  await page.locator('.ds-error-summary').getByText(message).waitFor();
  const usersField = page.locator('ds-field', { has: page.locator('#site-users') });
  expect(await usersField.textContent()).toContain(message);
  expect(await page.locator('#site-users').getAttribute('aria-invalid')).toBe('true');
  // The message is tied to the input for screen readers.
  const describedBy = (await page.locator('#site-users').getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(
    describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(descriptions.join(' ')).toContain(message);
  await screenshot(page, 'sites-editor-error');

  await page.locator('#site-users').fill('25');
  await page.getByRole('button', { name: 'Legg til lokasjon' }).click();
  const row = siteRow(page, 'Kvitfjell servicebygg');
  await row.waitFor();
  expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['25', '1\u00a0000', 'Fiber']));
  expect(await page.locator('.ds-error-summary').count()).toBe(0);
  expect(await page.locator('#site-name').inputValue()).toBe('');

  const totalAfter = toInt(await page.locator('tfoot td').first().textContent());
  expect(totalAfter).toBe(totalBefore + 25);
  expect(totalAfter).toBe((await usersColumn(page)).reduce((a, b) => a + b, 0));
  await screenshot(page, 'sites-editor-added');

  // The site import (ImportPreview): a cell it cannot read is listed with row and column, then one import.
  const csv = 'Lokasjon;Ant. brukere;Linjetype\nFåvang hytte;mange;Fiber\n';
  await page.locator('#site-import-file').setInputFiles({ name: 'lokasjoner.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.locator('section[aria-labelledby="site-import-heading"] button[type="submit"]').click();
  await page.locator('#site-import-preview').waitFor();
  const problems = page.locator('table', { has: page.locator('caption', { hasText: 'Det som ikke ble importert' }) });
  expect(await problems.textContent()).toContain('Rad 2, kolonne «Ant. brukere»: «mange» er ikke et helt tall');
  await page.getByRole('button', { name: 'Importer 1 lokasjoner' }).click();
  await page.getByText('Importen er fullført: 1 nye og 0 oppdaterte lokasjoner.').waitFor();
  await siteRow(page, 'Fåvang hytte').waitFor();
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});

test('an edit on a stale version shows the conflict and offers a reload', async () => {
  const { page, context } = await newPage(browser);
  await login(page, app.url, 'ringebu.redaktor');
  await goto(page, `${app.url}/o/ringebu/lokasjoner`);
  await page.getByRole('button', { name: 'Endre Annekset' }).click();
  expect(await page.locator('#site-name').inputValue()).toBe('Annekset');

  // Someone else changes the site in the meantime (same cookies, through the API).
  const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as {
    data: { csrfToken: string; organizations: { id: string; slug: string }[] };
  };
  const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
  const sites = (await (await context.request.get(`${app.url}/api/v1/organizations/${orgId}/sites`)).json()) as {
    data: { id: string; name: string; version: number }[];
  };
  const annekset = sites.data.find((s) => s.name === 'Annekset');
  expect(annekset).toBeDefined();
  const patched = await context.request.patch(`${app.url}/api/v1/organizations/${orgId}/sites/${annekset?.id ?? ''}`, {
    headers: { 'x-csrf-token': session.data.csrfToken, 'content-type': 'application/json' },
    data: { version: annekset?.version, note: 'Endret av en annen' },
  });
  expect(patched.status()).toBe(200);

  await page.locator('#site-users').fill('3');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Noen andre har endret dette' });
  await alert.waitFor();
  await screenshot(page, 'sites-conflict');
  await alert.getByRole('button', { name: 'Last inn på nytt' }).click();
  await alert.waitFor({ state: 'detached' });
  expect(await page.locator('#site-name').inputValue()).toBe('');
  await context.close();
});

test('a reader sees the sites but no add, edit or delete controls', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'ringebu.leser');
  await goto(page, `${app.url}/o/ringebu/lokasjoner`);
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  expect(await page.getByRole('button', { name: 'Legg til lokasjon' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^Endre/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^Slett/ }).count()).toBe(0);
  expect(await page.locator('#site-name').count()).toBe(0);
  expect(await page.getByText('Du har lesetilgang').count()).toBe(1);

  await goto(page, `${app.url}/o/ringebu/samarbeid`);
  expect(await page.getByRole('button', { name: 'Opprett samarbeid' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^Endre/ }).count()).toBe(0);

  // Admin pages are not in the menu and say so when opened directly.
  expect(await page.locator('nav a', { hasText: 'Medlemmer' }).count()).toBe(0);
  await goto(page, `${app.url}/o/ringebu/admin/medlemmer`);
  expect(await page.locator('main h1').textContent()).toBe('Ingen tilgang');
  await screenshot(page, 'sites-reader');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
