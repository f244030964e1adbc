// axe-core on one page in one theme: prints the number of serious and critical violations and lists
// them on stderr. Usage: NODE_PATH=<tools>/node_modules node bench/axe.mjs URL [light|dark]
// (bench/lighthouse.sh runs it for every page it scores). Chromium: CHROME_PATH, default /usr/bin/chromium.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_PATH ?? process.cwd(), 'noop.js'));
const puppeteer = require('puppeteer-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [url, theme = 'light'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bench/axe.mjs URL [light|dark]');
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const target = new URL(url);
  await page.setCookie({ name: 'cd-theme', value: theme, domain: target.hostname, path: '/' });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) {
    console.error(`${url} (${theme}): ${v.impact} ${v.id}: ${v.help}`);
    for (const node of v.nodes.slice(0, 5)) {
      console.error(`  ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`);
    }
  }
  console.log(serious.length);
} finally {
  await browser.close();
}
