/**
 * Issue 16 in the browser, keyboard only: an editor adds a risk with two options, chooses one,
 * makes the measure and finds it in the handlingsplan with the option's money; the page passes axe.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { activeElementMatches, expectNoAxeViolations, keyboardLogin, launchBrowser, newPage, screenshot, settle, startApp, tabTo, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const norm = (s: string | null): string => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

test('keyboard only: add a risk with two options, choose one, make the measure, see it in the handlingsplan', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'ringebu.redaktor');
  await page.goto(`${app.url}/o/ringebu/risiko`);
  await settle(page);
  // The demo risk sits in the medium cell (probability 1, consequence 5); the cell links to it.
  expect(norm(await page.locator('.risk-matrix').textContent())).toContain('1 Svært liten');
  await expectNoAxeViolations(page, 'risiko');

  await tabTo(page, 'button', { text: 'Ny risiko' });
  await page.keyboard.press('Enter');
  await tabTo(page, '#risk-title');
  await page.keyboard.type('Brann i rådhuset');
  await tabTo(page, '#risk-probability');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#risk-consequence');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, 'button', { text: 'Legg til alternativ' });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  for (const [i, text, amount] of [
    [0, 'Nytt slokkeanlegg', '130000'],
    [1, 'Brannalarm med varsling', '20000'],
  ] as const) {
    await tabTo(page, `#risk-option-${i}-description`, { reverse: i === 0, max: 80 });
    await page.keyboard.type(text);
    await tabTo(page, `#risk-option-${i}-invest`);
    await page.keyboard.type(amount);
    await tabTo(page, `#risk-option-${i}-residualProbability`);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, `#risk-option-${i}-residualConsequence`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    if (i === 1) {
      await tabTo(page, '#risk-option-1-chosen');
      await page.keyboard.press('Space');
    }
  }
  await tabTo(page, 'button[type="submit"]', { text: 'Lagre risiko' });
  await page.keyboard.press('Enter');
  await page.getByText('Risikoen «Brann i rådhuset» er lagret.').waitFor();
  await page.locator('#risk-details-heading', { hasText: 'Brann i rådhuset' }).waitFor();
  const optionRow = async (name: string) =>
    (await page.locator('tr', { has: page.locator('th', { hasText: name }) }).first().locator('th, td').allTextContents()).map(norm).join(' | ');
  expect(await optionRow('Nytt slokkeanlegg')).toBe('Nytt slokkeanlegg | 130 000 kr | 0 kr | Lav | – | –');
  expect(await optionRow('Brannalarm med varsling')).toBe('Brannalarm med varsling | 20 000 kr | 0 kr | Lav | Ja | Lag tiltak');

  await tabTo(page, 'button', { text: 'Lag tiltak' });
  await page.keyboard.press('Enter');
  await page.getByText('Tiltaket «Brannalarm med varsling» er laget i handlingsplanen.').waitFor();
  expect(norm(await page.locator('#risk-details-heading').locator('..').textContent())).toContain('Nivå etter valgt tiltak: Lav');
  await screenshot(page, 'risk-measure-made');
  await expectNoAxeViolations(page, 'risiko etter Lag tiltak');

  await tabTo(page, 'a', { text: 'Brannalarm med varsling' });
  const href = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) ?? '';
  const revisionId = /\/plan\/r\/([^/]+)\//.exec(href)?.[1];
  expect(revisionId).toBeTruthy();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/tiltak\//);
  await settle(page);
  expect(await activeElementMatches(page, 'body, h1')).toBe(true);
  // Linked both ways: the measure names the risk it treats.
  await page.locator('.measure-risks a', { hasText: 'Brann i rådhuset' }).waitFor();

  await page.goto(`${app.url}/o/ringebu/plan/r/${revisionId}/handlingsplan`);
  await settle(page);
  const row = page.locator('tr', { hasText: 'Brannalarm med varsling' }).first();
  await row.waitFor();
  expect(norm(await row.textContent())).toContain('20 000');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
}, 180_000);

test('a new editor: consequence per dimension, a hostile import previewed before it is written, a security document edited and deleted', async () => {
  const { page, context, errors } = await newPage(browser);
  await keyboardLogin(page, app.url, 'ringebu.redaktor');
  await page.goto(`${app.url}/o/ringebu/risiko`);
  await settle(page);
  expect(await page.getByRole('link', { name: 'Last ned risikoregisteret (XLSX)' }).getAttribute('href')).toMatch(/\/risks-export\?format=xlsx$/);

  // Consequence per dimension, by keyboard: the highest counts, and the form says which one.
  await tabTo(page, 'button', { text: 'Ny risiko', max: 120 });
  await page.keyboard.press('Enter');
  await tabTo(page, '#risk-title');
  await page.keyboard.type('Dataangrep mot fagsystem');
  await tabTo(page, '#risk-probability');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, '#risk-dim-service');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, '#risk-dim-privacy');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  expect(norm(await page.locator('#risk-consequence-driver').textContent())).toBe('Konsekvensen som teller: 4 – Alvorlig (fra Konsekvens for tjenesteleveranse).');
  await tabTo(page, 'button[type="submit"]', { text: 'Lagre risiko', max: 80 });
  await page.keyboard.press('Enter');
  await page.getByText('Risikoen «Dataangrep mot fagsystem» er lagret.').waitFor();
  expect(norm(await page.locator('tr', { has: page.locator('th', { hasText: 'Dataangrep mot fagsystem' }) }).first().textContent())).toContain('3 × 4 = 12');

  // A hostile file: markup as a title, a probability of 6, an unknown object, a negative cost.
  const csv = [
    'risiko;objekt;sannsynlighet;konsekvens;tiltak;investering;valgt',
    '<img src=x onerror=alert(1)>;;2;2;;;',
    'For sannsynlig;;6;3;;;',
    'Ukjent sted;Månebasen;2;2;;;',
    'Negativ kostnad;;2;2;Billig;-5;',
    'Strømbrudd;;liten;alvorlig;UPS;45 000;ja',
  ].join('\n');
  await page.locator('#risk-import-file').setInputFiles({ name: 'ros.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#risk-import-file').focus();
  await tabTo(page, 'button[type="submit"]', { text: 'Forhåndsvis' });
  await page.keyboard.press('Enter');
  await page.locator('#risk-import-preview').waitFor();
  expect(await activeElementMatches(page, '#risk-import-preview')).toBe(true);
  const problems = norm(await page.locator('table', { has: page.locator('caption', { hasText: 'Rader og celler som ikke kan brukes' }) }).textContent());
  expect(problems).toContain('Rad 3, kolonne «sannsynlighet»: «6» må være fra 1 til 5');
  expect(problems).toContain('«Månebasen» er ingen lokasjon eller noe system');
  expect(problems).toContain('Rad 5, kolonne «investering»: «-5» kan ikke være negativ');
  expect(await page.getByText('Ukjent sted', { exact: true }).count()).toBe(0);
  await screenshot(page, 'risk-import-preview');
  await expectNoAxeViolations(page, 'risiko: forhåndsvisning av import');
  await tabTo(page, 'button', { text: 'Importer 2 risikoer' });
  await page.keyboard.press('Enter');
  await page.getByText('2 risikoer med 1 tiltaksalternativer er importert.', { exact: false }).waitFor();
  await page.locator('th', { hasText: '<img src=x onerror=alert(1)>' }).first().waitFor();
  expect(await page.locator('th', { hasText: 'For sannsynlig' }).count()).toBe(0);

  // An unreadable file: refused at the field, nothing imported.
  await page.locator('#risk-import-file').setInputFiles({ name: 'ros.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 ikke et regneark') });
  await page.locator('#risk-import-file').focus();
  await tabTo(page, 'button[type="submit"]', { text: 'Forhåndsvis' });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#risk-import-file').getAttribute('aria-invalid')).toBe('true');

  // A security document: add, edit (a bad interval first), delete after a confirmation.
  await page.locator('#document-title').focus();
  await page.keyboard.type('Beredskapsplan IKT');
  await tabTo(page, 'button[type="submit"]', { text: 'Legg til dokument' });
  await page.keyboard.press('Enter');
  await page.getByText('«Beredskapsplan IKT» er lagt til.').waitFor();
  await tabTo(page, 'button', { text: 'Endre Beredskapsplan IKT', reverse: true, max: 40 });
  await page.keyboard.press('Enter');
  expect(await activeElementMatches(page, '#documents-add-heading', 'Endre dokumentet «Beredskapsplan IKT»')).toBe(true);
  await tabTo(page, '#document-title');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Beredskapsplan for IKT');
  await tabTo(page, '#document-reviewMonths');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await tabTo(page, 'button[type="submit"]', { text: 'Lagre endringene' });
  await page.keyboard.press('Enter');
  await page.getByText('Gjennomgangsintervall (måneder) må være minst 1 måned').first().waitFor();
  await page.locator('#document-reviewMonths').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('24');
  await tabTo(page, 'button[type="submit"]', { text: 'Lagre endringene' });
  await page.keyboard.press('Enter');
  await page.getByText('«Beredskapsplan for IKT» er lagret.').waitFor();
  await tabTo(page, 'button', { text: 'Slett Beredskapsplan for IKT', reverse: true, max: 40 });
  await page.keyboard.press('Enter');
  await page.getByText('Vil du slette «Beredskapsplan for IKT»? Dette kan ikke angres.').waitFor();
  await screenshot(page, 'risk-document-delete');
  await expectNoAxeViolations(page, 'risiko: slett dokument');
  await tabTo(page, 'button', { text: 'Ja, slett' });
  await page.keyboard.press('Enter');
  await page.getByText('«Beredskapsplan for IKT» er slettet.').waitFor();
  await expect.poll(() => page.locator('th', { hasText: 'Beredskapsplan for IKT' }).count()).toBe(0);
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
}, 240_000);
