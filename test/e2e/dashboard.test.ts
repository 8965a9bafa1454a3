/**
 * Browser tests of the dashboard: the built web/dist served by the real server (in this process, on
 * 127.0.0.1 and a port the system chose) over a temporary database of data/sample, driven in the
 * system's Chromium through playwright-core (never a downloaded browser). Each view is opened, checked
 * and photographed into docs/screenshots/<view>.png, and the page must log no console error.
 * Skips when /usr/bin/chromium or web/dist (npm run build:web) is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ingest } from '../../src/batch.js';
import { packageRoot } from '../../src/model/paths.js';
import { buildServer } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = packageRoot();
const DASHBOARD = path.join(ROOT, 'web', 'dist');
/** Where the pictures go: the README's docs/screenshots, or PARLEY_SCREENSHOTS (e.g. a scratch folder in CI). */
const SCREENSHOTS = process.env.PARLEY_SCREENSHOTS
  ? path.resolve(process.env.PARLEY_SCREENSHOTS)
  : path.join(ROOT, 'docs', 'screenshots');
const EXAMPLE = path.join(ROOT, 'test', 'fixtures', 'xi-blinken-beijing.txt');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
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

interface Session {
  base: string;
  app: FastifyInstance;
  store: Store;
  context: BrowserContext;
  page: Page;
  errors: string[];
  dirs: string[];
}

async function open(): Promise<Session> {
  const dirs = [
    mkdtempSync(path.join(tmpdir(), 'parley-e2e-db-')),
    mkdtempSync(path.join(tmpdir(), 'parley-e2e-chromium-')),
  ];
  const store = await openStore(path.join(dirs[0]!, 'dashboard.db'));
  await ingest([path.join(ROOT, 'data', 'sample')], store);
  const app = buildServer(store, { dashboardDir: DASHBOARD });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const context = await chromium.launchPersistentContext(dirs[1]!, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { base, app, store, context, page, errors, dirs };
}

async function close(session: Session | undefined): Promise<void> {
  if (!session) return;
  await session.context.close().catch(() => undefined);
  await session.app.close().catch(() => undefined);
  await session.store.close();
  for (const dir of session.dirs) rmSync(dir, { recursive: true, force: true });
}

/** Navigates inside the single-page app (a hash change, as a link would). */
async function go(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  // Let charts finish their layout (the force graph settles) before the picture.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

// A guard against a hung browser, not a speed test: the corpus ingest before it takes minutes on a loaded machine.
test('the dashboard in a browser', { timeout: 300_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`no Chromium at ${CHROMIUM}: install the Debian package "chromium" to run the browser tests`);
    return;
  }
  if (!existsSync(path.join(DASHBOARD, 'index.html'))) {
    t.skip('web/dist is not built: run `npm run build:web` first');
    return;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  let session: Session | undefined;
  /** The founding example's id, as the search finds it. */
  let exampleHash = '';
  try {
    session = await open();
    const { base, page, errors } = session;

    await t.test(
      'relations: the U.S.–China barometer, and the events that moved a marked period',
      async () => {
        const started = Date.now();
        await page.goto(`${base}/`);
        await page
          .locator('.chart-relations[data-state="drawn"], .chart-relations[data-state="ready"]')
          .waitFor();
        const firstView = Date.now() - started;
        const sinceNavigation = await page.evaluate<number>('Math.round(performance.now())');
        t.diagnostic(`first view drawn ${firstView} ms after navigation (page clock: ${sinceNavigation} ms)`);
        assert.ok(firstView < 3000, `the first view took ${firstView} ms`);
        // Again with the browser warm (its first page also pays for starting a renderer).
        const reloaded = Date.now();
        await page.reload();
        await page
          .locator('.chart-relations[data-state="drawn"], .chart-relations[data-state="ready"]')
          .waitFor();
        const warmView = Date.now() - reloaded;
        t.diagnostic(`first view drawn ${warmView} ms after a reload`);
        assert.ok(warmView < 1500, `the first view took ${warmView} ms on a warm browser`);

        await page.locator('.chart-relations[data-state="ready"]').waitFor();
        assert.match(
          await page.locator('.view-relations .status').first().innerText(),
          /United States \(USA\) and China \(CHN\)/,
        );
        assert.equal((await page.locator('.chart-relations canvas').count()) > 0, true);

        // A click anywhere on the plot explains the period under the pointer.
        const canvas = page.locator('.chart-relations canvas').first();
        const box = await canvas.boundingBox();
        assert.ok(box, 'the chart has a canvas');
        await canvas.click({ position: { x: box.width * 0.6, y: box.height * 0.5 } });
        await page.locator('#explanation-title', { hasText: /What moved \d{4}-\d{2}/ }).waitFor();

        // A marked period (the largest moves come first): its events, each with its evidence and trigger.
        const marked = page.locator('button.period-button').first();
        const markedPeriod = (await marked.getAttribute('data-period')) ?? '';
        await marked.click();
        await page.locator('#explanation-title', { hasText: `What moved ${markedPeriod}` }).waitFor();
        const cards = page.locator('.event-card');
        await cards.first().waitFor();
        assert.ok((await cards.count()) >= 1, `events moved ${markedPeriod}`);
        assert.ok((await cards.first().locator('.evidence').innerText()).length > 20, 'an evidence sentence');
        assert.ok(
          (await page.locator('.event-card .evidence .hl-trigger').count()) >= 1,
          'triggers are highlighted',
        );
        assert.equal(await marked.getAttribute('aria-current'), 'true');

        // June 2023, by its link: the Xi–Blinken meeting in Beijing.
        await go(page, base, '#/relations?a=USA&b=CHN&by=month&period=2023-06');
        await page.locator('#explanation-title', { hasText: 'What moved 2023-06' }).waitFor();
        const june = page.locator('.event-card', { hasText: 'held a crucial meeting' }).first();
        await june.waitFor();
        assert.match(await june.locator('.evidence').innerText(), /Xi Jinping/);
        assert.equal(await june.locator('.hl-trigger').first().innerText(), 'held a crucial meeting');
        assert.match(
          (await june.locator('a[href^="#/article/"]').getAttribute('href')) ?? '',
          /^#\/article\/[0-9a-f]{16}$/,
        );
        await page.locator('.chart-relations[data-state="ready"]').waitFor();
        await shoot(page, 'relations', true);

        // Keyboard: a shift button works with Enter.
        const shift = page.locator('button.period-button.shift').first();
        const period = (await shift.getAttribute('data-period')) ?? '';
        await shift.focus();
        await page.keyboard.press('Enter');
        await page.locator('#explanation-title', { hasText: `What moved ${period}` }).waitFor();
        assert.equal(await shift.getAttribute('aria-current'), 'true');
      },
    );

    await t.test('analyse: the example text, with Blinken and Xi as actors and a 040 meeting', async () => {
      await go(page, base, '#/analyse');
      await page.getByLabel('Text or HTML').fill(readFileSync(EXAMPLE, 'utf8'));
      await page.getByRole('button', { name: 'Analyse' }).click();
      const text = page.locator('.analysis-result .article-text');
      await text.waitFor();
      const blinken = text.locator('.hl-actor[data-keys~="actor:person:antony-blinken"]');
      const xi = text.locator('.hl-actor[data-keys~="actor:person:xi-jinping"]');
      assert.ok((await blinken.count()) >= 2, 'Blinken is highlighted as an actor');
      assert.ok((await xi.count()) >= 1, 'Xi is highlighted as an actor');
      assert.ok((await xi.allInnerTexts()).includes('Xi Jinping'));
      const events = page.locator('.analysis-result .event-list li');
      assert.ok((await events.filter({ hasText: '040' }).count()) >= 1, 'a 040 meeting is listed');
      assert.match(await events.first().innerText(), /Consult/);

      // The explanation of a name shows on keyboard focus (and stays in the picture).
      await page.evaluate('document.querySelector(".view-analyse .status").scrollIntoView()');
      // The name itself (the title before it is highlighted too, as Blinken's role phrase).
      await blinken
        .filter({ hasText: /^Antony Blinken$/ })
        .first()
        .focus();
      const tooltip = page.locator('#tooltip');
      await tooltip.waitFor({ state: 'visible' });
      assert.match(await tooltip.innerText(), /USAGOV/);
      assert.match(await tooltip.innerText(), /Secretary of State/);
      assert.match(await tooltip.innerText(), /dictionary/);
      await shoot(page, 'analyse');
      await page.keyboard.press('Escape');
      await tooltip.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Store it' }).click();
      await page.locator('.view-analyse .status', { hasText: /Stored|Already stored/ }).waitFor();
    });

    await t.test('events: filter, load more, and export the filter as CSV', async () => {
      await go(page, base, '#/events');
      const rows = page.locator('.events-table tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 100);
      await shoot(page, 'events');
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.locator('.view-events .status', { hasText: 'Showing 200 events' }).waitFor();
      assert.equal(await rows.count(), 200);

      await page.getByLabel('Actor (either side)').fill('usa');
      await page.getByLabel('Target', { exact: true }).fill('CHN');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/#\/events\?actor=USA&target=CHN/);
      await page.locator('.view-events .status', { hasText: /Showing \d+ events?/ }).waitFor();
      const filtered = await rows.count();
      assert.ok(filtered > 0 && filtered < 100, `${filtered} USA→CHN events`);
      assert.match(await rows.first().innerText(), /CHN/);

      const href = (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '';
      assert.match(href, /^api\/export\?/);
      assert.match(href, /actor=USA/);
      assert.match(href, /target=CHN/);
      assert.match(href, /format=csv/);
      const response = await fetch(`${base}/${href}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
      const csv = (await response.text()).trim().split('\n');
      assert.match(csv[0] ?? '', /^id,date,sourceCode/);
      assert.equal(csv.length - 1, filtered);
    });

    await t.test('map: places on the world map, and as a table', async () => {
      await go(page, base, '#/map');
      await page.locator('.chart-map[data-state="ready"]').waitFor();
      const rows = page.locator('.view-map tbody tr');
      await rows.first().waitFor();
      assert.ok((await rows.count()) > 5);
      assert.match(await page.locator('.view-map .status').innerText(), /events at \d+ places/);
      await shoot(page, 'map');
    });

    await t.test('network: countries and their events as a graph', async () => {
      await go(page, base, '#/network');
      await page.locator('.chart-network[data-state="ready"]').waitFor();
      assert.match(await page.locator('.view-network .status').innerText(), /actors, \d+ directed relations/);
      const rows = page.locator('.view-network tbody tr');
      assert.ok((await rows.count()) > 5);
      await page.waitForTimeout(1200);
      await shoot(page, 'network');
    });

    await t.test('search and the article reader', async () => {
      await go(page, base, '#/relations');
      await page.getByLabel('Search stored articles').fill('Xi Blinken Beijing');
      await page.getByLabel('Search stored articles').press('Enter');
      await page.waitForURL(/#\/search\?q=/);
      const results = page.locator('.search-result');
      await results.first().waitFor();
      assert.match(await results.first().innerText(), /Xi-Blinken Meeting in Beijing/);
      assert.ok((await results.first().locator('mark').count()) > 0, 'the hits are marked');
      await shoot(page, 'search');

      await results.first().getByRole('link').click();
      await page.waitForURL(/#\/article\/[0-9a-f]{16}$/);
      exampleHash = new URL(page.url()).hash;
      const text = page.locator('.view-article .article-text');
      await text.waitFor();
      assert.match(await page.locator('.view-article h1').innerText(), /Xi-Blinken Meeting/);
      assert.ok((await text.locator('.hl-trigger').count()) >= 1, 'event triggers are highlighted');
      assert.ok((await text.locator('.hl-place').count()) >= 1, 'places are highlighted');
      assert.ok((await text.locator('.hl-theme').count()) >= 1, 'themes are highlighted');
      assert.ok((await text.locator('.hl-quote').count()) >= 1, 'quotes are highlighted');
      const removed = page.locator('.view-article .boilerplate li');
      assert.equal(await removed.count(), 4);
      assert.match(await removed.first().locator('.reason').innerText(), /\w+/);
      assert.doesNotMatch(await text.innerText(), /Check out the latest news/);

      // A side-list button brings its mentions into view and focus.
      await page.locator('.actor-list').getByRole('button', { name: 'Xi Jinping' }).click();
      assert.match(
        (await page.evaluate<string>('document.activeElement?.dataset?.keys ?? ""')) ?? '',
        /person:xi-jinping/,
      );
      await page.keyboard.press('Escape');
      await page.evaluate('window.scrollTo(0, 0)');
      await shoot(page, 'article', true);
    });

    await t.test('phone width: no sideways scrolling', async () => {
      await page.setViewportSize(PHONE);
      for (const hash of [
        '#/events',
        exampleHash || '#/search?q=Blinken',
        '#/analyse',
        '#/map',
        '#/network',
      ]) {
        await go(page, base, hash);
        await page.locator('main h1').first().waitFor();
        await page.waitForTimeout(200);
        assert.ok((await pageWidth(page)) <= PHONE.width, `${hash} fits ${PHONE.width}px`);
      }
      await go(page, base, '#/relations');
      await page.locator('.chart-relations[data-state="ready"]').waitFor();
      assert.ok((await pageWidth(page)) <= PHONE.width, `#/relations fits ${PHONE.width}px`);
      await shoot(page, 'relations-phone');
      await page.setViewportSize(DESKTOP);
    });

    await t.test('no console errors', () => {
      assert.deepEqual(errors, []);
    });
  } finally {
    await close(session);
  }
});
