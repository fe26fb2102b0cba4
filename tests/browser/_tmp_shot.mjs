import { launch } from './support.mjs';
const b = await launch();
const p = await b.newPage({viewport:{width:1100,height:900}});
for (const f of process.argv.slice(2)) {
  await p.goto(`file://${f}`);
  await p.waitForFunction(() => { const v = window.Bokeh?.index ? Object.values(window.Bokeh.index) : []; return v.length>0 && v.every(x=>x.is_idle); });
  await p.screenshot({path: f.replace('.html','.png')});
  const info = await p.evaluate(() => {
    const out = [];
    const walk = (root, d) => { for (const el of root.querySelectorAll('*')) { if (el.shadowRoot) walk(el.shadowRoot, d+1); const c = (el.className?.baseVal ?? el.className) || ''; if (/GridPlot|GridBox|Toolbar|bk-Canvas$/.test(c)) { const r = el.getBoundingClientRect(); out.push(`${el.tagName}.${c} ${r.x},${r.y} ${r.width}x${r.height}`);} } };
    walk(document, 0);
    return out;
  });
  console.log(f, info.join('\n'));
}
await b.close();
