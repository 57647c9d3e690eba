/**
 * Utstyr (issue 17) end to end: an editor imports a register, opens the forecast, applies it to the
 * draft revision, and the handlingsplan's investment per year rises by exactly the forecast's
 * amounts. Axe-clean on the register and the forecast with its apply preview.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, goto, launchBrowser, login, newPage, screenshot, settle, startApp, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const REGISTER = [
  'klasse;beskrivelse;antall;innkjøpsår;levetid;enhetspris;lokasjon;system',
  'PC;Rådhuset;30;2021;;;Ringebu rådhus (LAN-interkommunalt);',
  'Bærbar;Lærere;12;2019;;9 000;Ringebu skole;',
  'Switch;Skolene;4;2018;8;20 000;;',
  'Nettbrett;Småtrinnet;20;2024;3;4 000;Fåvang skole;',
].join('\n');

/** `1 052 500 kr` → 1052500; `–` → 0. */
const kroner = (text: string | null): number => Number((text ?? '').replace(/[^\d-]/g, '') || '0');

async function draftRevision(context: BrowserContext): Promise<string> {
  const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as { data: { organizations: { id: string; slug: string }[] } };
  const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
  const plans = (await (await context.request.get(`${app.url}/api/v1/organizations/${orgId}/plans`)).json()) as {
    data: Array<{ startYear: number; endYear: number; revisions: Array<{ id: string; number: number; status: string }> }>;
  };
  const period = plans.data.find((p) => p.startYear === 2025 && p.endYear === 2028)!;
  const latest = period.revisions.at(-1)!;
  expect(latest.status).toBe('draft');
  return latest.id;
}

async function investPerYear(page: Page, revisionId: string): Promise<number[]> {
  await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}/handlingsplan`);
  // The first row of the foot is the investment of the whole plan, one cell per year, then the total.
  const cells = await page.locator('tfoot tr').first().locator('td').allTextContents();
  return cells.slice(0, 4).map(kroner);
}

test('import a register, forecast it, put it into the draft: the investment per year rises by the forecast', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'ringebu.redaktor');
  const revisionId = await draftRevision(context);
  const before = await investPerYear(page, revisionId);

  await goto(page, `${app.url}/o/ringebu/utstyr`);
  expect(await page.locator('h1').textContent()).toBe('Utstyr');
  await page.locator('#asset-import-file').setInputFiles({ name: 'utstyr.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTER) });
  await page.locator('section[aria-labelledby="asset-import-heading"] button[type="submit"]').click();
  await page.locator('#asset-import-preview').waitFor();
  await page.getByRole('button', { name: 'Importer og erstatt utstyrslisten' }).click();
  await page.getByText('Importerte 4 rader med 66 enheter i 4 klasser.').waitFor();
  await page.locator('caption', { hasText: '66 enheter' }).waitFor();
  await screenshot(page, 'assets-register');
  await expectNoAxeViolations(page, 'assets-register');
  // A class with units is not deleted: confirmed first, then the API's 409 says why, and the class stays.
  const classes = page.locator('section[aria-labelledby="asset-classes-heading"]');
  await classes.getByRole('button', { name: 'Slett Switch' }).click();
  await classes.getByRole('button', { name: 'Ja, slett' }).click();
  await page.getByRole('alert').filter({ hasText: 'har 4 enheter i registeret og kan ikke slettes' }).waitFor();
  expect(await classes.locator('tbody th', { hasText: 'Switch' }).count()).toBe(1);

  await page.getByRole('link', { name: 'Utskiftingsprognose' }).click();
  await page.locator('#forecast-from').fill('2025');
  await page.locator('#forecast-to').fill('2028');
  await page.getByRole('button', { name: 'Vis prognose' }).click();
  await page.locator('main h2', { hasText: 'Utskifting 2025–2028' }).waitFor();
  const forecast: number[] = [];
  for (const year of ['2025', '2026', '2027', '2028']) forecast.push(kroner(await page.locator(`#forecast-table tfoot td[data-year="${year}"]`).textContent()));
  // PC 30 × 8 500 in 2025; bærbar 12 × 9 000 overdue (2023) → 2025; switch 4 × 20 000 in 2026; nettbrett 20 × 4 000 in 2027.
  expect(forecast).toEqual([30 * 8500 + 12 * 9000, 4 * 20000, 20 * 4000, 0]);

  await page.getByRole('button', { name: 'Vis hva som endres' }).click();
  await page.locator('#apply-preview-heading', { hasText: 'revisjon 2' }).waitFor();
  expect(await page.locator('section[aria-labelledby="apply-preview-heading"] tbody tr').count()).toBe(4);
  await screenshot(page, 'assets-forecast-preview');
  await expectNoAxeViolations(page, 'assets-forecast');
  await page.locator('section[aria-labelledby="apply-preview-heading"]').getByRole('button', { name: 'Legg i handlingsplanen' }).click();
  await page.getByText('Utskiftingene er lagt inn i IKT-strategi 2025–2028, revisjon 2.').waitFor();

  const after = await investPerYear(page, revisionId);
  expect(after.map((a, i) => a - before[i]!)).toEqual(forecast);
  await settle(page);
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
