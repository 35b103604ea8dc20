import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, type LocalPipelineOptions, startLocalPipeline } from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
/** Bound of every wait on the page; the pipeline itself answers within a second or two. */
const UI_TIMEOUT_MS = 10_000;
/** Dead-lettering takes maxReceiveCount visibility timeouts, and a redrive starts within a second. */
const DLQ_TIMEOUT_MS = 20_000;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the local console browser test: ${CHROMIUM} is missing. Install it with ` +
      '`apt-get install chromium` (or run scripts/ensure-chromium.sh as root).',
  );
}

describe.skipIf(!hasChromium)('the local console', () => {
  let profile: string;
  let browser: BrowserContext;
  let pipeline: LocalPipeline | undefined;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'signup-console-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1360, height: 1000 },
      timeout: 30_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const page of browser.pages()) await page.close();
    await pipeline?.stop();
    pipeline = undefined;
  });

  async function openConsole(options: LocalPipelineOptions = {}): Promise<Page> {
    pipeline = await startLocalPipeline({ port: 0, onLogLine: () => {}, ...options });
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    const response = await page.goto(`${pipeline.url}/_local/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.locator('#live.on').waitFor();
    return page;
  }

  /** Fills and submits the page's form; returns the request id the page shows. */
  async function signUpThroughPage(page: Page, name: string, email: string): Promise<string> {
    await page.locator('#signup-form input[name="name"]').fill(name);
    await page.locator('#signup-form input[name="email"]').fill(email);
    await page.locator('#signup-submit').click();
    const result = page.locator('#signup-result[data-request-id]');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^200 Signup received and queued/);
    return (await result.getAttribute('data-request-id')) ?? '';
  }

  const requestRow = (page: Page, requestId: string) =>
    page.locator('#requests tbody tr', { has: page.locator('td', { hasText: requestId }) });
  const email = (page: Page, message: string) => page.locator('#outbox .email', { hasText: message });

  it('shows a signup sent from its form as a 200 request and as the rendered welcome email', async () => {
    // Prepare
    const page = await openConsole();

    // Act
    const requestId = await signUpThroughPage(page, 'Ada', 'ada@example.com');

    // Assess
    const row = requestRow(page, requestId);
    await row.locator('.status.s2xx', { hasText: '200' }).waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('/signup');
    const card = email(page, 'Hello Ada, welcome to our platform!');
    await card.waitFor();
    expect(await card.textContent()).toContain(requestId);
    expect(await card.textContent()).toContain('Welcome to Our Platform');
    await page.locator('#trail li.done', { hasText: 'Welcome email delivered' }).waitFor();
  });

  it('renders markup in a name as text and runs none of it', async () => {
    // Prepare
    const page = await openConsole();
    const name = '<img src=x onerror=window.__injected=1>';

    // Act
    await signUpThroughPage(page, name, 'mallory@example.com');

    // Assess
    await email(page, `Hello ${name}, welcome to our platform!`).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.__injected')).toBeUndefined();
  });

  it('shows a dead-lettered signup, and its email once Redrive DLQ is clicked', async () => {
    // Prepare: every publish fails, so the signup is dead-lettered after two receives
    const page = await openConsole({ visibilityTimeoutSeconds: 1, maxReceiveCount: 2 });
    pipeline?.faults.update({ snsFailureRate: 1 });
    await page.locator('#fault-banner', { hasText: 'SNS publish fails 100%' }).waitFor();
    const requestId = await signUpThroughPage(page, 'Grace', 'grace@example.com');
    await page.locator('#dlq-depth', { hasText: /^1$/ }).waitFor({ timeout: DLQ_TIMEOUT_MS });
    await page.locator('#dlq-messages tr', { hasText: requestId }).waitFor();
    await page.locator('#trail li.failed', { hasText: 'dead-letter queue' }).waitFor();
    await page.screenshot({ path: await screenshotPath(profile), fullPage: true });
    pipeline?.faults.update({ snsFailureRate: 0 });

    // Act
    await page.locator('#redrive:enabled').click();

    // Assess
    await email(page, 'Hello Grace, welcome to our platform!').waitFor({ timeout: DLQ_TIMEOUT_MS });
    await page.locator('#dlq-depth', { hasText: /^0$/ }).waitFor();
    expect(await page.locator('#redrive-result').textContent()).toContain('Redrive started');
    expect(pipeline?.outbox.list().map((sent) => sent.requestId)).toEqual([requestId]);
  });
});

/** Where the screenshot goes: CONSOLE_SCREENSHOT_DIR to keep it, else the (deleted) browser profile. */
async function screenshotPath(profile: string): Promise<string> {
  const directory = process.env.CONSOLE_SCREENSHOT_DIR ?? profile;
  return join(directory, 'console-dead-letter.png');
}
