// Takes the README's pictures of the page: docs/screenshot.png (the sliders app) and
// docs/widgets.png (the widgets app): `make screenshot`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, paintedAfter, serveDist } from './support.mjs';

const shots = [
  { file: 'screenshot.png', query: '', viewport: { width: 760, height: 440 } },
  { file: 'widgets.png', query: '?app=widgets', viewport: { width: 1400, height: 1070 } },
];
const site = await serveDist();
const browser = await launch();
try {
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  for (const { file, query, viewport } of shots) {
    const page = await browser.newPage({ viewport });
    await page.goto(site.url + query);
    await paintedAfter(page, 0);
    const out = join(ROOT, 'docs', file);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
