// Takes docs/screenshot.png of the page (for the README): `make screenshot`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, paintedAfter, serveDist } from './support.mjs';

const out = join(ROOT, 'docs', 'screenshot.png');
const site = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 440 } });
  await page.goto(site.url);
  await paintedAfter(page, 0);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await site.close();
}
