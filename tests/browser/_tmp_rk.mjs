import { launch, serveDist } from './support.mjs';
const site = await serveDist();
const b = await launch();
const p = await b.newPage({viewport:{width:1100,height:900}});
p.on('console', (m) => console.log('console:', m.text()));
for (const app of process.argv.slice(2)) {
  await p.goto(`${site.url}?app=${app}`);
  await p.waitForFunction(() => (window.rokeh?.paints ?? 0) > 0);
  await p.waitForTimeout(500);
  await p.screenshot({path:`/tmp/rk_${app}.png`});
  const info = await p.evaluate(() => [...document.querySelectorAll('.rk-toolbar, canvas, .rk-gridplot, .rk-grid')].map(el => { const r = el.getBoundingClientRect(); return `${el.tagName}.${el.className} ${r.x},${r.y} ${r.width}x${r.height} ${el.children.length}`; }));
  console.log(app, info.join('\n'));
}
await b.close(); await site.close();
