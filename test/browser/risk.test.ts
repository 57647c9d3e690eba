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
