// Drives Debian's chromium (through playwright-core, no browser download) against a viewer that serves a gated
// archive run. Arguments: viewer URL, screenshot path, JSON list of the object keys the run archives.
// Prints "ready" once every key shows as running, watches until all but the last are uploaded (after the last one the run
// and its viewer end), then prints one JSON line with what it saw, and exits.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, screenshot, keysJson] = process.argv.slice(2);
const keys = JSON.parse(keysJson);
const profile = mkdtempSync(join(tmpdir(), 'da-chromium-'));
// A new profile directory each run (playwright passes it to chromium as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { states: {}, rows: {}, loads: 0, dialogs: 0, errors: [] };
try {
  const page = await browser.newPage();
  page.on('load', () => { result.loads++; });
  page.on('dialog', async (dialog) => { result.dialogs++; await dialog.dismiss(); });
  page.on('pageerror', (error) => result.errors.push(String(error)));
  await page.goto(url);
  const read = () => page.evaluate(() => [...document.querySelectorAll('#objects tbody tr')].map((tr) => ({
    key: tr.dataset.key, state: tr.dataset.state, rows: tr.children[3].textContent })));
  const deadline = Date.now() + 90_000;
  let announced = false;
  // Watch the table change under the same page load until every unit is uploaded.
  while (Date.now() < deadline) {
    const rows = await read();
    for (const row of rows) {
      if (!keys.includes(row.key)) continue;
      const seen = (result.states[row.key] ??= []);
      if (seen[seen.length - 1] !== row.state) seen.push(row.state);
      const counts = (result.rows[row.key] ??= []);
      if (counts[counts.length - 1] !== row.rows) counts.push(row.rows);
    }
    const state = (key) => rows.find((r) => r.key === key)?.state;
    if (!announced && keys.every((k) => state(k) === 'running')) { announced = true; console.log('ready'); }
    if (announced && keys.slice(0, -1).every((k) => state(k) === 'uploaded')) break;
    await page.waitForTimeout(50);
  }
  result.workersAtEnd = await page.locator('#workers tbody tr').count();
  result.cards = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.card')].map((c) =>
    [c.id, c.querySelector('.value').textContent])));

  // Sorting: by partition, then the same header again for the reverse order.
  const partitions = () => page.evaluate(() => [...document.querySelectorAll('#objects tbody tr')].map((tr) => tr.children[1].textContent));
  await page.click('#objects th[data-col="partition"]');
  result.sortedAsc = await partitions();
  await page.click('#objects th[data-col="partition"]');
  result.sortedDesc = await partitions();
  await page.click('#objects th[data-col="rowCount"]');
  result.sortedByRows = await page.evaluate(() => [...document.querySelectorAll('#objects tbody tr')].map((tr) => tr.dataset.key));

  // Filtering: a search term, then a state with no rows, then all again.
  await page.fill('#search', '20240102');
  result.searched = await page.evaluate(() => [...document.querySelectorAll('#objects tbody tr')].map((tr) => tr.dataset.key));
  await page.fill('#search', '');
  await page.selectOption('#filter-state', 'failed');
  result.failedShown = await page.locator('#objects tbody tr').count();
  await page.selectOption('#filter-state', 'uploaded');
  result.uploadedShown = await page.locator('#objects tbody tr').count();
  await page.selectOption('#filter-state', '');

  // Names are text: an <img> partition name is shown literally and creates no element, runs no handler.
  result.images = await page.locator('img').count();
  result.xssFlag = await page.evaluate(() => window.__xss === undefined ? null : window.__xss);
  result.partitionTexts = await partitions();
  result.workerTexts = await page.evaluate(() => document.body.innerText.includes('<img src=x'));
  await page.screenshot({ path: screenshot, fullPage: true });
  result.screenshot = screenshot;
} catch (error) {
  result.errors.push(String(error && error.stack || error));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
