// Takes the README's pictures of the page: docs/screenshot.png (the sliders app),
// docs/widgets.png (the widgets app), and one per gallery demo in docs/screenshots/<app>.png,
// which are also the index page's thumbnails: `make screenshot`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, paintedAfter, serveDist } from './support.mjs';

const shots = [
  { file: 'screenshot.png', query: '', viewport: { width: 760, height: 440 } },
  { file: 'widgets.png', query: '?app=widgets', viewport: { width: 1400, height: 1560 } },
  ...[
    // [app, viewport width, height, ms to let it run (streams and animations) before the
    // shot, whether it has a plot to wait for]
    ['sliders', 760, 440, 0],
    ['movies', 1200, 900, 0],
    ['ohlc', 1070, 860, 6000],
    ['gapminder', 1000, 560, 0],
    ['stocks', 1300, 820, 0],
    ['selection_histogram', 860, 880, 0],
    ['crossfilter', 1060, 660, 0],
    ['fourier_animated', 860, 830, 1500],
    ['contour_animated', 700, 480, 0],
    ['patch_app', 1260, 440, 1500],
    ['events_app', 1200, 680, 0],
    ['duffing_oscillator', 1700, 700, 3000],
    ['line_on_off', 760, 620, 0],
    ['apply_theme', 840, 620, 0],
    ['hold_app', 1280, 620, 0],
    ['export_csv', 1200, 420, 0, false],
    ['weather', 1100, 640, 0],
    ['taylor', 860, 640, 0],
    ['population', 960, 760, 0],
    ['image_blur', 640, 700, 0],
    ['dash', 1200, 900, 0],
    ['spectrogram', 1040, 900, 8000],
    ['clustering', 840, 430, 0],
    ['surface3d', 640, 640, 500, false],
    ['server_auth', 760, 480, 0],
  ].map(([app, width, height, wait, plot = true]) => ({
    file: `screenshots/${app}.png`, query: `?app=${app}`, viewport: { width, height }, wait, plot,
  })),
];
const site = await serveDist();
const browser = await launch();
try {
  mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  for (const { file, query, viewport, wait = 0, plot = true } of shots) {
    const page = await browser.newPage({ viewport });
    await page.goto(site.url + query);
    if (plot) {
      await paintedAfter(page, 0);
    } else {
      await page.waitForFunction(() => document.querySelector('.rk-document')?.childElementCount > 0);
      await page.waitForTimeout(300);
    }
    if (wait) await page.waitForTimeout(wait);
    const out = join(ROOT, 'docs', file);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
