// Opens each session tests/python/examples_push.py pushed and records what the page said
// of it: console warnings and errors, page errors, and a screenshot; and, where Bokeh
// wrote the same document (OUT_DIR/bokeh/SESSION.html), a screenshot of what BokehJS
// shows beside it (OUT_DIR/bokeh/SESSION.png). Run by scripts/examples-sweep.sh (not by
// `make test`: it needs Bokeh's examples).
//
//   node examples_sweep.mjs PUSHED.json ORIGIN OUT_DIR
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './support.mjs';

const [pushedPath, origin, outDir] = process.argv.slice(2);
const pushed = JSON.parse(readFileSync(pushedPath, 'utf8'));
const browser = await launch();
const said = {};
for (const [script, result] of Object.entries(pushed)) {
  if (!result.session) {
    said[script] = [`not pushed: ${result.error}`];
    continue;
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  try {
    await page.goto(`${origin}/sliders?bokeh-session-id=${result.session}`);
    // The session's document replaced the app's when the page shows its title.
    await page.waitForFunction((title) => document.title === title, result.title, { timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, `${result.session}.png`) });
  } catch (e) {
    messages.push(`not shown: ${e.message.split('\n')[0]}`);
  }
  const reference = join(outDir, 'bokeh', `${result.session}.html`);
  if (existsSync(reference)) {
    const bokeh = await context.newPage();
    await bokeh.goto(`file://${reference}`);
    await bokeh.waitForTimeout(1500);
    await bokeh.screenshot({ path: join(outDir, 'bokeh', `${result.session}.png`) });
  }
  said[script] = [...new Set(messages)];
  await context.close();
}
await browser.close();
writeFileSync(join(outDir, 'said.json'), JSON.stringify(said, null, 1));
const quiet = Object.values(said).filter((m) => m.length === 0).length;
console.log(`${quiet} of ${Object.keys(said).length} examples shown with nothing said; the rest:`);
for (const [script, messages] of Object.entries(said)) {
  for (const m of messages) console.log(`${script}: ${m.slice(0, 200)}`);
}
