/**
 * Issue 18 in the browser: a benefit added with the keyboard only (baseline and targets), a measured
 * value and a status report with actual spend; the plan overview's planned-against-actual and
 * expected-against-realised update; publish, and the politicians' dashboard on innsyn without
 * login. Axe is clean on each page touched.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, goto, launchBrowser, login, newPage, settle, startApp, tabTo, unexpectedErrors, type TestApp, type TestPage } from './browser.ts';

let app: TestApp;
let browser: Browser;
let leader: TestPage;
let base = '';
let headers: Record<string, string> = {};
let revisionId = '';
let measureId = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  leader = await newPage(browser);
  await login(leader.page, app.url, 'ringebu.leder');
  const session = (await (await leader.context.request.get(`${app.url}/api/v1/session`)).json()) as { data: { csrfToken: string; organizations: { id: string; slug: string }[] } };
  const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
  headers = { 'x-csrf-token': session.data.csrfToken, 'content-type': 'application/json' };
  base = `${app.url}/api/v1/organizations/${orgId}`;
  const plan = (await (await leader.context.request.post(`${base}/plans`, { headers, data: { name: 'Oppfølging 2026–2029', startYear: 2026, endYear: 2029 } })).json()) as { data: { id: string } };
  revisionId = plan.data.id;
  const withMeasure = (await (
    await leader.context.request.post(`${base}/revisions/${revisionId}/measures`, {
      headers,
      data: { number: '1', title: 'SvarUt for all utgående post', status: 'in_progress', lines: [{ kind: 'drift', year: 2026, amount: 100000 }] },
    })
  ).json()) as { data: { measures: { id: string }[] } };
  measureId = withMeasure.data.measures[0]?.id ?? '';
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('follow-up', () => {
  test('benefit form by keyboard only, a measured value and a status report with actual spend', async () => {
    const page = leader.page;
    await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}/tiltak/${measureId}`);
    await page.locator('#benefit-indicator').waitFor();
    await tabTo(page, '#benefit-indicator', { max: 300 });
    await page.keyboard.type('Sparte porto- og papirkostnader');
    await tabTo(page, '#benefit-baseline');
    await page.keyboard.type('0');
    await tabTo(page, '#benefit-target-2026');
    await page.keyboard.type('250 000');
    await tabTo(page, '#benefit-target-2027');
    await page.keyboard.type('500 000');
    await tabTo(page, '#benefit-owner');
    await page.keyboard.type('Økonomisjef');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sparte porto- og papirkostnader (Økonomisk (kroner))' }).waitFor();

    await tabTo(page, 'input[id^="result-"][id$="-value"]', { max: 300, reverse: true });
    await page.keyboard.type('180 000');
    await page.keyboard.press('Enter');
    await page.getByText('Målt verdi for «Sparte porto- og papirkostnader» er lagret.').waitFor();

    await tabTo(page, '#report-reportDate', { max: 300 });
    await page.keyboard.type('31.08.2026');
    await tabTo(page, '#report-summary');
    await page.keyboard.type('Innført i alle sektorer unntatt helse.');
    await tabTo(page, '#report-spend-drift-2026');
    await page.keyboard.type('120 000');
    await page.keyboard.press('Enter');
    await page.getByText('Statusrapporten er lagret.').waitFor();
    await expect.poll(() => page.locator('.report-list').textContent()).toContain('Innført i alle sektorer unntatt helse.');
    await settle(page);
    await expectNoAxeViolations(page, 'tiltak-oppfolging');
  }, 120_000);

  test('the plan overview shows planned against actual and expected against realised', async () => {
    const page = leader.page;
    await goto(page, `${app.url}/o/ringebu/plan`);
    const money = page.locator('#followup-money');
    await money.waitFor();
    await expect.poll(() => money.textContent()).toContain('120\u00a0000\u00a0kr');
    await expect.poll(() => page.locator('#followup-benefit-sums').textContent()).toContain('180\u00a0000\u00a0kr');
    await expect.poll(() => page.locator('#followup-flagged').textContent()).toContain('Over budsjett');
    await settle(page);
    await expectNoAxeViolations(page, 'plan-oppfolging');
  }, 120_000);

  test('by keyboard: change a benefit, correct and delete a measured value, correct and delete a status report, each delete confirmed', async () => {
    const page = leader.page;
    await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}/tiltak/${measureId}`);
    await page.locator('#benefit-indicator').waitFor();
    const benefitId = ((await page.locator('[id^="benefit-"][id$="-edit"]').first().getAttribute('id')) ?? '').replace(/^benefit-|-edit$/g, '');

    // Change the benefit: its form opens in place, focused on its heading.
    await tabTo(page, `#benefit-${benefitId}-edit`, { max: 300 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('benefit-form-heading');
    await tabTo(page, '#benefit-owner');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Rådmann');
    await tabTo(page, 'button[type="submit"]', { text: 'Lagre endringer' });
    await page.keyboard.press('Enter');
    await page.getByText('«Sparte porto- og papirkostnader» er lagret.').waitFor();
    await expect.poll(() => page.locator('.benefit').first().textContent()).toContain('Gevinstansvarlig: Rådmann');

    // Record 2027, correct it from its row, then delete it (cancel first, then confirm).
    await page.locator(`#result-${benefitId}-year`).selectOption('2027');
    await page.locator(`#result-${benefitId}-value`).fill('90 000');
    await page.locator(`#result-${benefitId}-value`).press('Enter');
    await page.getByText('Målt verdi for «Sparte porto- og papirkostnader» er lagret.').waitFor();
    await page.getByRole('button', { name: 'Endre målt verdi 2027 for Sparte porto- og papirkostnader' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#result-${benefitId}-value`).inputValue()).toBe('90000');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`result-${benefitId}-value`);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('95 000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.benefit').first().textContent()).toContain('95\u00a0000\u00a0kr');
    await page.locator(`#result-${benefitId}-2027-delete`).focus();
    await page.keyboard.press('Enter');
    const confirm = page.locator('.confirm');
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`result-${benefitId}-2027-delete`);
    await page.keyboard.press('Enter');
    await tabTo(page, 'button', { text: 'Ja, slett' });
    await page.keyboard.press('Enter');
    await page.getByText('Målt verdi for 2027 («Sparte porto- og papirkostnader») er slettet.').waitFor();
    await expect.poll(() => page.locator('.benefit').first().textContent()).not.toContain('95\u00a0000\u00a0kr');

    // A second report, corrected and then deleted; the first stays.
    await page.locator('#report-reportDate').fill('15.09.2026');
    await page.locator('#report-summary').fill('Feilført rapport.');
    await page.locator('#report-summary').press('Tab');
    await page.getByRole('button', { name: 'Legg til statusrapport' }).press('Enter');
    await page.getByText('Statusrapporten er lagret.').waitFor();
    await page.getByRole('button', { name: 'Endre statusrapporten fra 15.09.2026' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#report-summary').inputValue()).toBe('Feilført rapport.');
    await tabTo(page, '#report-status', { max: 80, reverse: true });
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button[type="submit"]', { text: 'Lagre endringer', max: 80 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.report-list').textContent()).toContain('15.09.2026 – Risiko for avvik');
    await settle(page);
    await expectNoAxeViolations(page, 'tiltak-oppfolging-rediger');
    await page.getByRole('button', { name: 'Slett statusrapporten fra 15.09.2026' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Vil du slette statusrapporten fra 15.09.2026?', { exact: false }).waitFor();
    await tabTo(page, 'button', { text: 'Ja, slett' });
    await page.keyboard.press('Enter');
    await page.getByText('Statusrapporten fra 15.09.2026 er slettet.').waitFor();
    await expect.poll(() => page.locator('.report-list').textContent()).not.toContain('Feilført');
    await expect.poll(() => page.locator('.report-list').textContent()).toContain('Innført i alle sektorer unntatt helse.');
  }, 180_000);

  test('publish with benefits and spend; the dashboard on innsyn without login', async () => {
    const adopt = await leader.context.request.post(`${base}/revisions/${revisionId}/adopt`, { headers, data: { version: 1, adoptedDate: '2026-01-15', decisionRef: 'K-sak 4/26' } });
    expect(adopt.status()).toBe(200);
    expect((await leader.context.request.post(`${base}/revisions/${revisionId}/publish`, { headers, data: { replace: true } })).status()).toBe(200);
    const page = leader.page;
    await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}`);
    await page.locator('#publish-show-benefits').check();
    await page.locator('#publish-show-actuals').check();
    await page.getByRole('button', { name: 'Lagre valgene for innsyn' }).click();
    await page.getByText('Valgene for innsyn er lagret.').waitFor();
    await expectNoAxeViolations(page, 'revisjon-publiseringsvalg');

    const visitor = await newPage(browser);
    const response = await visitor.page.goto(`${app.url}/innsyn/ringebu/oppfolging`);
    expect(response?.status()).toBe(200);
    await visitor.page.locator('h1').waitFor();
    const body = (await visitor.page.locator('main').textContent()) ?? '';
    expect(body).toContain('Innført i alle sektorer unntatt helse.');
    expect(body).toContain('Sparte porto- og papirkostnader');
    expect(body).not.toContain('Økonomisjef');
    await expectNoAxeViolations(visitor.page, 'innsyn-oppfolging');
    expect(unexpectedErrors(visitor.errors)).toEqual([]);
  }, 120_000);

  test('"Hvem andre bruker dette systemet?": the demo links Visma Enterprise in Ringebu and the IKS, both opted in; keyboard to «Mest brukte systemer»', async () => {
    const systems = (await (await leader.context.request.get(`${base}/systems?q=${encodeURIComponent('Visma enterprise')}`)).json()) as { data: { items?: { id: string; name: string }[] } | { id: string; name: string }[] };
    const items = Array.isArray(systems.data) ? systems.data : (systems.data.items ?? []);
    const visma = items.find((s) => s.name === 'Visma enterprise (øk/pers/lønn)');
    expect(visma).toBeDefined();
    const page = leader.page;
    await goto(page, `${app.url}/o/ringebu/systemer/${visma?.id}`);
    const section = page.locator('section[aria-labelledby="system-peers"]');
    await section.getByRole('heading', { name: 'Hvem andre bruker dette systemet?' }).waitFor();
    await section.locator('#peers-product').waitFor();
    expect(await section.textContent()).toContain('Systemet er Visma Enterprise');
    const peers = (await section.locator('#peers-product tbody').textContent()) ?? '';
    expect(peers).toContain('Indre Namdal IKT IKS');
    expect(peers).toContain('Visma Enterprise økonomi og lønn');
    await expectNoAxeViolations(page, 'system-hvem-andre');
    // By keyboard from the peers to the usage page.
    await section.getByRole('link', { name: 'Se mest brukte systemer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Mest brukte systemer/ }).waitFor();
    await settle(page);
    expect((await page.locator('main').textContent()) ?? '').toContain('Visma Enterprise');
    await expectNoAxeViolations(page, 'mest-brukte-systemer');
  }, 120_000);

  test('no console errors along the way', () => {
    expect(unexpectedErrors(leader.errors)).toEqual([]);
  });
});
