/**
 * Browser-test helpers: Debian's Chromium through playwright-core, one context per test,
 * axe-core checks for WCAG 2.1 A/AA, screenshots in test-results/screenshots/.
 *
 * Speed (the browser tests are half of `npm test`): axe runs with axe.run in the page, injected once
 * per document (@axe-core/playwright re-injected it and opened a blank page for finishRun on every check,
 * about 1 s each), and settle() waits for the page's own requests to go quiet for 120 ms and the page's main thread to be
 * idle, instead of Playwright's fixed 500 ms networkidle window.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core's browser build, injected once per document (an SPA keeps it across client-side navigation). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const DEMO_PASSWORD = 'veikart-demo-2026';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export interface TestApp {
  readonly url: string;
  close(): Promise<void>;
}

/** The real server with a fresh seeded database; `VEIKART_TEST_URL` points the tests at a running one instead. */
export async function startApp(): Promise<TestApp> {
  const external = process.env.VEIKART_TEST_URL;
  if (external) return { url: external.replace(/\/$/, ''), close: async () => {} };
  const { startAppServer } = await import('../support/app-server.ts');
  return startAppServer();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far (CSP violations show up here). */
  readonly errors: string[];
}

/** A fresh context (own cookies) and page. AxeBuilder needs pages made from a context. */
export async function newPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  trackRequests(page);
  return { context, page, errors };
}

interface RequestTracker {
  inflight: number;
  lastChange: number;
}
const trackers = new WeakMap<Page, RequestTracker>();

/** Counts the page's requests in flight, so settle() knows when the network has gone quiet. */
export function trackRequests(page: Page): void {
  const tracker: RequestTracker = { inflight: 0, lastChange: Date.now() };
  trackers.set(page, tracker);
  const done = () => {
    tracker.inflight = Math.max(0, tracker.inflight - 1);
    tracker.lastChange = Date.now();
  };
  page.on('request', () => {
    tracker.inflight++;
    tracker.lastChange = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * No request in flight for `quietMs`, and still none after a round trip through the page's main thread
 * (a script being parsed or a render in progress may be about to fetch). Pages made elsewhere use
 * Playwright's networkidle.
 */
async function networkQuiet(page: Page, quietMs = 120, timeoutMs = 30_000): Promise<void> {
  const tracker = trackers.get(page);
  if (!tracker) return page.waitForLoadState('networkidle');
  await page.waitForLoadState('load');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    while (tracker.inflight > 0 || Date.now() - tracker.lastChange < quietMs) {
      if (Date.now() > deadline) throw new Error(`${tracker.inflight} request(s) still in flight on ${page.url()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const before = tracker.lastChange;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (tracker.inflight === 0 && tracker.lastChange === before) return;
  }
}

/** Errors that are not expected API answers (e.g. a 400 the test provoked shows as a failed resource). */
export function unexpectedErrors(errors: readonly string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409)/.test(e));
}

/** Waits until the page has loaded its data: no pending requests and no loading indicator. */
export async function settle(page: Page): Promise<void> {
  await networkQuiet(page);
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.locator('main h1').first().waitFor();
}

export async function goto(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

/** Logs in through the form (not keyboard-only; keyboard.test.ts does that itself). */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/logg-inn`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
  await settle(page);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A page of the axe walk: its title, exactly one h1, a screenshot, and no axe violation. */
export async function checkPage(t: TestPage, name: string, title: RegExp): Promise<void> {
  await expect.poll(() => t.page.title()).toMatch(title);
  expect(await t.page.locator('h1').count()).toBe(1);
  await screenshot(t.page, name);
  await expectNoAxeViolations(t.page, name);
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe with the WCAG 2.0/2.1 A and AA rules; throws listing each violation's id and targets. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => {
      const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
      return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    WCAG_TAGS,
  );
  // axe 4.13 no longer reports duplicate ids under these tags, but label/aria references break on them.
  const duplicateIds = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  if (duplicateIds.length > 0) throw new Error(`Duplicate ids on ${label}: ${duplicateIds.join(', ')}`);
  if (results.violations.length === 0) return;
  const lines = results.violations.map(
    (v) => `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`,
  );
  throw new Error(`axe found ${results.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector` and, if given, has exactly
 * `text` as its whitespace-normalised text content. Fails after `max` presses.
 */
export async function tabTo(
  page: Page,
  selector: string,
  options: { text?: string; max?: number; reverse?: boolean } = {},
): Promise<void> {
  const max = options.max ?? 60;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.reverse ? 'Shift+Tab' : 'Tab');
    if (await activeElementMatches(page, selector, options.text)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? 'none');
  throw new Error(`Tab did not reach ${selector} ${options.text ?? ''} in ${max} presses (focus is on ${at})`);
}

export async function activeElementMatches(page: Page, selector: string, text?: string): Promise<boolean> {
  return page.evaluate(
    ([sel, txt]) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel)) return false;
      return txt === null || (el.textContent ?? '').replace(/\s+/g, ' ').trim() === txt;
    },
    [selector, text ?? null] as const,
  );
}

/** Logs in with the keyboard only: Tab to the fields, type, submit with Enter. */
export async function keyboardLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/logg-inn`);
  await settle(page);
  await tabTo(page, '#login-username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  if (!(await activeElementMatches(page, '#login-password'))) throw new Error('Tab from Brukernavn did not reach Passord');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
  await settle(page);
}
