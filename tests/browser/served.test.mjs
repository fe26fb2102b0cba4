// The widgets app served by the real `rokeh serve`, with real Python Bokeh in the same
// session (tests/python/widgets_peer.py, widgets_push.py): what the page's user does,
// Python's bokeh.client pulls; what Python changes, the page shows; the page's click and
// menu choice reach Python's on_event; a widget document Python pushes shows every widget.
// Needs dist/ (trunk build --release), the rokeh binary (cargo build -p rokeh-gallery
// --bin rokeh; `make test` builds both) and ./.venv with Bokeh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { collectErrors, launch, python, startServer } from './support.mjs';

let browser;
let server;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.child.kill();
});

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(server.origin + path);
  await page.waitForSelector('.rk-connection[data-state=live]');
  return { context, page, errors };
}

const until = (page, key, attr, want) =>
  page.waitForFunction(
    ([k, a, w]) => JSON.stringify(window.rokeh.get(k, a)) === JSON.stringify(w),
    [key, attr, want],
    { timeout: 10000 },
  );

const utc = (y, m, d, h = 0) => Date.UTC(y, m - 1, d, h);

test('bokeh.client pulls what the page did, the page shows what Python did, Python hears the page', async () => {
  const { context, page, errors } = await open('/widgets');
  let peer;
  try {
    const session = await page.locator('meta[name=rokeh-session]').getAttribute('data-session-id');

    // The page's user, by pointer and keys.
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Name' }).press('Enter');
    await page.getByRole('button', { name: 'Toggle me' }).click();
    await page.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Blue' });
    await page.getByRole('combobox', { name: 'Size' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox', { name: 'Toppings' }).getByRole('option', { name: 'ham' }).click();
    await page.getByRole('combobox', { name: 'Tags' }).click();
    await page.keyboard.type('py');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Points' }).click();
    await page.getByRole('radio', { name: 'Log' }).click();
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.getByRole('radio', { name: 'Centre' }).click();
    await page.getByRole('switch', { name: 'Dark mode' }).click();
    await page.getByRole('slider', { name: 'Amount' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('textbox', { name: 'Count' }).fill('42');
    await page.getByRole('textbox', { name: 'Count' }).press('Enter');
    await page.getByRole('slider', { name: 'Range: start' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('slider', { name: 'Day', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('slider', { name: 'Days: end' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('slider', { name: 'Hours: start' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByLabel('Date', { exact: true }).fill('2024-07-04');
    await page.getByLabel('Tint', { exact: true }).fill('#ff8800');
    await page.getByLabel('Upload', { exact: true }).setInputFiles({
      name: 'hello.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello, python'),
    });
    await page.getByRole('combobox', { name: 'Fruit' }).click();
    await page.keyboard.type('ap');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Password', { exact: true }).fill('s3cret');
    await page.getByLabel('Password', { exact: true }).press('Tab');
    const grid = page.getByRole('grid');
    await grid.getByRole('row').filter({ hasText: 'Grace' }).click();
    await grid.getByRole('row').filter({ hasText: 'Ada' }).getByRole('gridcell').nth(2).dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('99.5');
    await page.keyboard.press('Enter');
    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.click();
    await page.keyboard.type('one');
    await notes.press('Tab');
    await until(page, 'Upload', 'filename', 'hello.txt');
    await page.waitForFunction(() => window.rokeh.settled === true);

    peer = python('widgets_peer.py', server.origin + '/widgets', session);
    const { pulled } = await peer.next('the pulled values');
    assert.deepEqual(pulled, {
      Name: 'Ada',
      Toggle: true,
      Colour: 'blue',
      Size: 'l',
      Toppings: ['ham'],
      Tags: ['rust', 'python'],
      CheckboxGroup: [0, 1],
      RadioGroup: 1,
      CheckboxButtonGroup: [0],
      RadioButtonGroup: 1,
      Switch: true,
      Amount: [1.5, 1.5],
      Double: 3,
      Count: 42,
      Range: [3, 8],
      Day: utc(2024, 3, 11),
      Days: [utc(2024, 2, 1), utc(2024, 2, 9)],
      Hours: [utc(2024, 5, 1, 7), utc(2024, 5, 1, 18)],
      Date: '2024-07-04',
      Tint: '#ff8800',
      Upload: [Buffer.from('hello, python').toString('base64'), 'hello.txt', 'text/plain'],
      Fruit: 'apricot',
      Notes: 'one',
      Password: 's3cret',
      Tabs: 0,
      selected: [0],
      score: [99.5, 88.25, 79, 95.75, 84.5, 90],
    });

    // Python's changes show at once, and the page keeps its focus.
    await notes.focus();
    assert.deepEqual(await peer.next('its changes'), { changed: true });
    // Python's last change is the patch; the server's callback answers the slider's.
    await page.waitForFunction(() => window.rokeh.column('score')[0] === 1);
    await page.waitForFunction(() => document.querySelector('input[aria-label=Amount]')?.value === '4');
    await until(page, 'Double', 'value', 8);
    assert.equal(await page.getByRole('spinbutton', { name: 'Double' }).inputValue(), '8', 'the server ran the callback');
    assert.equal(await page.getByRole('textbox', { name: 'Name' }).inputValue(), 'from python');
    assert.equal(await page.getByRole('button', { name: 'Toggle me' }).getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByRole('combobox', { name: 'Colour' }).inputValue(), '1', 'orange, the second option');
    assert.deepEqual(await page.locator('.rk-multi-choice .rk-chip > span').allTextContents(), ['bokeh']);
    for (const [label, checked] of [['Lines', false], ['Points', false], ['Legend', true]]) {
      assert.equal(await page.getByRole('checkbox', { name: label }).isChecked(), checked, label);
    }
    assert.equal(await page.getByRole('radio', { name: 'Right' }).getAttribute('aria-checked'), 'true');
    assert.equal(await page.getByRole('switch', { name: 'Dark mode' }).isChecked(), true);
    assert.equal(await page.getByRole('slider', { name: 'Range: start' }).inputValue(), '1');
    assert.equal(await page.getByRole('slider', { name: 'Range: end' }).inputValue(), '9');
    assert.equal(await page.getByRole('slider', { name: 'Day', exact: true }).getAttribute('aria-valuetext'), '01 Jun 2024');
    assert.equal(await page.getByLabel('Date', { exact: true }).inputValue(), '2024-12-25');
    assert.equal(await page.getByRole('tab', { name: 'Plot' }).getAttribute('aria-selected'), 'true');
    assert.deepEqual(
      await page.locator('.rk-table-row[aria-selected=true] > :nth-child(2)').allTextContents(),
      ['Barbara', 'Donald'],
    );
    assert.equal(await page.locator('.rk-table-row').first().locator('[role=gridcell]').nth(2).textContent(), '1.00');
    assert.ok(await notes.evaluate((el) => el === document.activeElement), 'the focus stayed in Notes');

    // The page's click and menu choice reach Python's on_event callbacks.
    await page.getByRole('button', { name: 'Click me' }).click();
    await page.getByRole('button', { name: 'Pick a fruit' }).click();
    await page.getByRole('menuitem', { name: 'cherry' }).click();
    assert.deepEqual(await peer.next('the click'), { heard: { click: 'Click me', item: 'cherry' } });
    await peer.finished();
    await page.getByText('clicks: 1', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    peer?.kill();
    await context.close();
  }
});

test('a widget document pushed by Python Bokeh shows every widget', async () => {
  const push = python('widgets_push.py', server.origin + '/widgets', 'pushed-widgets');
  const { pushed } = await push.next('the push');
  assert.ok(pushed > 50, `${pushed} models pushed`);
  await push.finished();
  const { context, page, errors } = await open('/widgets?bokeh-session-id=pushed-widgets');
  try {
    await page.waitForFunction(() => document.title === "Python's widgets");
    const named = [
      ['button', 'py button'],
      ['button', 'py icon button'],
      ['button', 'py html button'],
      ['button', 'py toggle'],
      ['button', 'py menu'],
      ['button', 'py split'],
      ['button', 'py split: more'],
      ['textbox', 'py text'],
      ['textbox', 'py area'],
      ['textbox', 'py html title'],
      ['combobox', 'py complete'],
      ['textbox', 'py numeric'],
      ['spinbutton', 'py spinner'],
      ['combobox', 'py select'],
      ['listbox', 'py multiselect'],
      ['combobox', 'py multichoice'],
      ['checkbox', 'py check a'],
      ['radio', 'py radio b'],
      ['button', 'py cb a'],
      ['radio', 'py rb b'],
      ['switch', 'py switch'],
      ['checkbox', 'py checkbox'],
      ['slider', 'py slider'],
      ['slider', 'py range: start'],
      ['slider', 'py range: end'],
      ['slider', 'py dateslider'],
      ['slider', 'py daterange: end'],
      ['slider', 'py datetimerange: start'],
      ['tab', 'py table tab'],
      ['tab', 'py grid tab'],
      ['grid', undefined],
    ];
    for (const [role, name] of named) {
      const found = page.getByRole(role, name ? { name, exact: true } : {});
      assert.equal(await found.count(), 1, `one ${role} named ${name}`);
    }
    for (const label of ['py password', 'py date', 'py time', 'py date range: start', 'py dates', 'py color', 'py file']) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, label);
    }
    assert.equal(await page.getByRole('button', { name: 'py toggle' }).getAttribute('aria-pressed'), 'true');
    // A title and a label that are Bokeh's dom.HTML: their markup, as BokehJS shows it.
    assert.equal(await page.locator('label', { hasText: 'py html title' }).locator('i').textContent(), 'html');
    assert.equal(await page.getByRole('button', { name: 'py html button' }).locator('b').textContent(), 'html');
    // Buttons' icons before their labels, sized and coloured as Bokeh's icon models say.
    const iconButton = page.getByRole('button', { name: 'py icon button' });
    const icon = await iconButton.locator('svg').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const fontSize = parseFloat(getComputedStyle(svg).fontSize);
      const em = (px) => Math.round((100 * px) / fontSize) / 100;
      return { first: svg === svg.parentElement.firstElementChild, width: em(box.width), height: em(box.height), stroke: svg.getAttribute('stroke') };
    });
    assert.deepEqual(icon, { first: true, width: 1.2, height: 1.2, stroke: 'white' });
    const svgIcon = page.getByRole('button', { name: 'py menu' }).locator('.rk-icon svg path');
    assert.equal(await svgIcon.getAttribute('d'), 'M15 3h5v5');
    const svgBox = await svgIcon.locator('..').boundingBox();
    assert.deepEqual([svgBox.width, svgBox.height], [16, 16]);
    assert.equal(await page.getByRole('textbox', { name: 'py text' }).inputValue(), 'hello');
    assert.equal(await page.getByRole('spinbutton', { name: 'py spinner' }).inputValue(), '1.5');
    assert.equal(await page.getByRole('checkbox', { name: 'py check b' }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'py checkbox' }).isChecked(), true);
    await page.getByRole('button', { name: 'Help' }).first().hover();
    assert.equal(await page.getByRole('tooltip').textContent(), 'py help');
    // A tooltip whose content is Bokeh's dom.HTML: its markup, as BokehJS shows it.
    await page.getByRole('button', { name: 'Help' }).nth(1).hover();
    assert.equal(await page.getByRole('tooltip').locator('b').textContent(), 'bold');
    assert.equal(await page.getByRole('tooltip').textContent(), 'py bold help');
    // Inputs' descriptions, beside their titles: text as the help icon's tooltip, a
    // Tooltip shown as the HelpButton's, while the icon is hovered.
    assert.equal(await page.getByRole('img', { name: 'py text description' }).getAttribute('title'), 'py text description');
    await page.getByRole('button', { name: 'Description' }).hover();
    const described = page.getByRole('tooltip').filter({ hasText: 'py secret' });
    assert.equal(await described.locator('b').textContent(), 'py');
    assert.equal(await described.isVisible(), true);
    assert.equal((await page.getByRole('combobox', { name: 'py palette' }).textContent()).trim(), 'Greys');
    assert.equal(await page.getByRole('radio', { name: 'py rb b' }).getAttribute('aria-checked'), 'true');
    assert.equal(await page.getByLabel('py date', { exact: true }).inputValue(), '2024-03-01');
    // Python's time (milliseconds since midnight), range and list of days.
    assert.equal(await page.getByLabel('py time', { exact: true }).inputValue(), '10:30');
    assert.equal(await page.getByLabel('py date range: end', { exact: true }).inputValue(), '2024-01-09');
    assert.equal(await page.getByRole('button', { name: 'Remove 2024-01-05' }).count(), 1);
    assert.equal(await page.getByLabel('py color', { exact: true }).inputValue(), '#000080');
    assert.equal(await page.getByRole('slider', { name: 'py dateslider' }).getAttribute('aria-valuetext'), '01 Jun 2024');
    const select = page.getByRole('combobox', { name: 'py select' });
    assert.deepEqual(await select.locator('optgroup').evaluateAll((g) => g.map((x) => x.label)), ['first', 'second']);
    await page.getByText('py div').waitFor();
    // A dom.Div root lays its children out as its style says: a grid of two columns.
    const [a, b] = [await page.getByText('py cell a').boundingBox(), await page.getByText('py cell b').boundingBox()];
    assert.ok(Math.abs(a.y - b.y) < 1 && b.x > a.x + a.width, JSON.stringify([a, b]));
    await page.getByText('py dom text').waitFor();
    // A model's stylesheets, scoped to it as BokehJS's shadow root scopes them.
    const styled = page.locator('.rk-box.boxed');
    assert.equal(await styled.evaluate((e) => getComputedStyle(e).borderTopColor), 'rgb(1, 2, 3)');
    assert.equal(await styled.locator('b').evaluate((e) => getComputedStyle(e).color), 'rgb(4, 5, 6)');
    const elsewhere = page.getByRole('button', { name: 'py html button' }).locator('b');
    assert.notEqual(await elsewhere.evaluate((e) => getComputedStyle(e).color), 'rgb(4, 5, 6)');
    const dictStyled = page.locator('.rk-box', { has: page.getByText('py dict styled', { exact: true }) }).last();
    assert.equal(await dictStyled.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(7, 8, 9)');
    // A sheet given to a model after its box was built applies too.
    assert.equal(await page.evaluate(() => window.rokeh.set('py button', 'stylesheets', [':host { outline: 4px solid rgb(10, 11, 12); }'])), undefined);
    const restyled = page.locator('.rk-box', { has: page.getByRole('button', { name: 'py button', exact: true }) }).last();
    await page.waitForFunction((e) => getComputedStyle(e).outlineColor === 'rgb(10, 11, 12)', await restyled.elementHandle());
    await page.getByText('py paragraph').waitFor();
    const cells = await page.getByRole('grid').locator('.rk-table-row').first().locator('[role=gridcell]').allTextContents();
    assert.deepEqual(cells, ['0', 'Oslo', '3.5', '05/01/2024']);
    assert.equal(await page.getByRole('grid').locator('.rk-table-row i').first().textContent(), 'Oslo');
    await page.getByRole('tab', { name: 'py grid tab' }).click();
    for (const title of ['py left', 'py right']) {
      await page.getByRole('img', { name: title }).waitFor();
    }
    // A closable tab's button removes its panel from the Tabs.
    await page.getByRole('button', { name: 'Close py grid tab' }).click();
    await page.waitForFunction(() => window.rokeh.get('Tabs', 'tabs').length === 1);
    assert.equal(await page.getByRole('tab').count(), 1);
    assert.equal(await page.getByRole('tab', { name: 'py table tab' }).getAttribute('aria-selected'), 'true');
    // OpenDialog shows its Dialog over the page, BokehJS's place and size; CloseDialog
    // and the close button let it go, as its close_action "destroy" says.
    const dialog = page.getByRole('dialog', { name: 'py dialog' });
    assert.equal(await dialog.count(), 0);
    await page.getByRole('button', { name: 'py open dialog' }).click();
    await dialog.getByText('py dialog body').waitFor();
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize();
    assert.deepEqual([box.x, box.y], [200, 200]);
    assert.ok(Math.abs(box.width - 0.8 * viewport.width) <= 1 && Math.abs(box.height - 0.6 * viewport.height) <= 1, JSON.stringify(box));
    await dialog.getByRole('button', { name: 'py close dialog' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'py open dialog' }).click();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // A Dialog that is a root opens when a callback sets its `visible`, as BokehJS's.
    const rootDialog = page.getByRole('dialog', { name: 'py root dialog' });
    assert.equal(await rootDialog.count(), 0);
    await page.getByRole('button', { name: 'py show root dialog' }).click();
    await rootDialog.getByText('py root dialog body').waitFor();
    await rootDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await rootDialog.waitFor({ state: 'detached' });
    // An open dialog goes with its document when Python pushes another in its place.
    await page.getByRole('button', { name: 'py open dialog' }).click();
    await dialog.getByText('py dialog body').waitFor();
    const replace = python('widgets_push.py', server.origin + '/widgets', 'pushed-widgets', '--replace');
    await replace.next('the replacing push');
    await replace.finished();
    await page.waitForFunction(() => document.title === "Python's replacement");
    await page.getByText('py replaced').waitFor();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Bokeh\'s DataCube example pushed by Python shows its groups and sums; a toggle opens one', async () => {
  const push = python('datacube_push.py', server.origin + '/widgets', 'pushed-cube');
  const { pushed } = await push.next('the push');
  assert.ok(pushed >= 10, `${pushed} models pushed`);
  await push.finished();
  const { context, page, errors } = await open('/widgets?bokeh-session-id=pushed-cube');
  try {
    await page.waitForFunction(() => document.title === "Python's cube");
    const cube = page.getByRole('treegrid');
    const rows = cube.locator('.rk-table-row');
    const shown = () => rows.evaluateAll((r) => r.map((x) => [...x.children].map((c) => c.textContent).join('|')));
    const target = () => page.evaluate(() => {
      const { row_indices, labels } = window.rokeh.get(window.rokeh.get('DataCube', 'target'), 'data');
      return [row_indices, labels];
    });
    const labelsShown = (n) => page.waitForFunction((n) => window.rokeh.get(window.rokeh.get('DataCube', 'target'), 'data').labels.length === n, n);
    assert.deepEqual(await cube.getByRole('columnheader').allTextContents(), ['py name', 'py price']);
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'J|50', 'L|60', 'M|70']);
    await rows.filter({ hasText: /^E/ }).locator('.rk-group-toggle').click();
    await rows.filter({ hasText: /^H/ }).locator('.rk-group-toggle').click();
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'D|50', 'H|40', 'H|40', 'J|50', 'L|60', 'M|70']);
    assert.equal(await rows.nth(4).locator('span[style*="bold"]').textContent(), 'H');
    await labelsShown(8);
    assert.deepEqual((await target())[1], ['A', 'E', 'D', 'H', 'H', 'J', 'L', 'M']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('tools: a pan on the served page reaches bokeh.client; Python moving the range moves the plot', async () => {
  const { context, page, errors } = await open('/sliders');
  try {
    const session = await page.locator('meta[name=rokeh-session]').getAttribute('data-session-id');
    const ranges = () =>
      page.evaluate(() => {
        const r = window.rokeh;
        const range = (attr) => {
          const id = r.get('Figure', attr);
          return [r.get(id, 'start'), r.get(id, 'end')];
        };
        return { x: range('x_range'), y: range('y_range'), frame: r.frame };
      });
    await page.waitForFunction(() => window.rokeh.frame && window.rokeh.get(window.rokeh.get('Figure', 'x_range'), 'start') != null);
    await page.waitForFunction(() => window.rokeh.settled === true);
    // The figure's ranges (Bokeh's demo fixes them), as Python pulls them.
    const first = await ranges();
    let peer = python('tools_peer.py', server.origin + '/sliders', session);
    assert.deepEqual(await peer.next('the pulled ranges'), { x: first.x, y: first.y });
    await peer.finished();

    // A drag of 80 px right with the pan tool.
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = first.frame;
    const at = { x: canvas.x + (l + r) / 2, y: canvas.y + (t + b) / 2 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 80, at.y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((x0) => window.rokeh.get(window.rokeh.get('Figure', 'x_range'), 'start') !== x0, first.x[0]);
    await page.waitForFunction(() => window.rokeh.settled === true);
    const panned = await ranges();
    const shift = (80 / (r - l)) * (first.x[1] - first.x[0]);
    assert.ok(Math.abs(panned.x[0] - (first.x[0] - shift)) < 1e-6 * shift + 1e-9, JSON.stringify(panned));
    peer = python('tools_peer.py', server.origin + '/sliders', session);
    assert.deepEqual(await peer.next('the panned ranges'), { x: panned.x, y: panned.y });
    await peer.finished();

    // Python sets the x range: the page's document follows, and it is painted again.
    const paintsBefore = await page.evaluate(() => window.rokeh.paints);
    peer = python('tools_peer.py', server.origin + '/sliders', session, 'set', '2', '5');
    await peer.next('the ranges before');
    assert.deepEqual(await peer.next('the change sent'), { set: true });
    await peer.finished();
    await page.waitForFunction(() => {
      const id = window.rokeh.get('Figure', 'x_range');
      return window.rokeh.get(id, 'start') === 2 && window.rokeh.get(id, 'end') === 5;
    });
    await page.waitForFunction((n) => window.rokeh.paints > n, paintsBefore);
    // The range as drawn: the frame's edges are x 2 and 5 now.
    const drawn = await page.evaluate(() => window.rokeh.drawnX);
    assert.deepEqual(drawn, [2, 5]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('UI events: a plot nobody subscribes to sends no MouseMove (the page says document_ready, once); once Python\'s on_event subscribes, its moves, pans, taps and wheel reach Python', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  // Every websocket frame the page sends, as text.
  const sent = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
  let peer;
  try {
    await page.goto(server.origin + '/sliders');
    await page.waitForSelector('.rk-connection[data-state=live]');
    await page.waitForFunction(() => window.rokeh.frame && window.rokeh.settled === true);
    const session = await page.locator('meta[name=rokeh-session]').getAttribute('data-session-id');
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = await page.evaluate(() => window.rokeh.frame);
    const at = { x: canvas.x + (l + r) / 2, y: canvas.y + (t + b) / 2 };
    const named = (kind) => sent.filter((p) => p.includes(`"name":"${kind}"`)).length;

    // Nobody listens: moving across the plot (and panning it) sends no UI event.
    await page.mouse.move(at.x - 100, at.y - 50);
    await page.mouse.move(at.x + 100, at.y + 50, { steps: 20 });
    await page.waitForTimeout(300);
    assert.equal(named('mousemove'), 0, 'no MouseMove went out');
    // The document's own event alone, once: the page shows the session's document, as
    // BokehJS tells its server.
    assert.equal(named('document_ready'), 1, 'document_ready went out once');
    const uiEvents = sent.filter((p) => p.includes('"bokeh_event"') && !p.includes('"name":"document_ready"'));
    assert.deepEqual(uiEvents, [], 'no UI event went out');

    const kinds = ['mousemove', 'panstart', 'pan', 'panend', 'tap', 'wheel'];
    peer = python('events_peer.py', server.origin + '/sliders', session, ...kinds);
    assert.deepEqual(await peer.next('the subscription'), { subscribed: [...kinds].sort() });
    await page.waitForFunction(
      (want) => JSON.stringify([...(window.rokeh.get('Figure', 'subscribed_events') ?? [])].sort()) === JSON.stringify(want),
      [...kinds].sort(),
    );

    // Moves: each reaches Python with where it was, on the screen and in data.
    const movesBefore = named('mousemove');
    await page.mouse.move(at.x, at.y);
    await page.mouse.move(at.x + 40, at.y, { steps: 10 });
    const moves = [];
    while (moves.length < 5) {
      const line = await peer.next('the mouse moves');
      if (line.event === 'mousemove') moves.push(line);
    }
    const frame = await page.evaluate(() => ({ f: window.rokeh.frame, x: window.rokeh.drawnX }));
    for (const m of moves) {
      assert.ok(m.sx >= l - 1 && m.sx <= r + 1 && m.sy >= t - 1 && m.sy <= b + 1, JSON.stringify(m));
      const [fl, , fr] = frame.f;
      const x = frame.x[0] + ((m.sx - fl) / (fr - fl)) * (frame.x[1] - frame.x[0]);
      assert.ok(Math.abs(m.x - x) < 1e-6 * Math.abs(frame.x[1] - frame.x[0]), `x ${m.x} is the data x at sx ${m.sx}`);
    }
    // One event per pointer move at most (Chromium delivers moves once a frame at most).
    await page.waitForTimeout(200);
    const movesSent = named('mousemove') - movesBefore;
    assert.ok(movesSent >= 5 && movesSent <= 11, `${movesSent} MouseMoves for 11 moves`);

    // A drag: PanStart, Pans by the distance from the press, PanEnd.
    await page.mouse.down();
    await page.mouse.move(at.x + 100, at.y, { steps: 6 });
    await page.mouse.up();
    // A click: Tap; the wheel: MouseWheel.
    await page.mouse.click(at.x - 30, at.y - 20);
    await page.mouse.wheel(0, -100);
    const seen = [];
    while (!seen.some((e) => e.event === 'wheel')) {
      const line = await peer.next('the pan, tap and wheel');
      if (line.event !== 'mousemove') seen.push(line);
    }
    const order = seen.map((e) => e.event);
    assert.equal(order[0], 'panstart', order.join());
    assert.ok(order.indexOf('panend') > order.lastIndexOf('pan') && order.lastIndexOf('pan') > 0, order.join());
    const pans = seen.filter((e) => e.event === 'pan');
    const last = pans.at(-1);
    assert.ok(Math.abs(last.delta_x - 60) < 1 && Math.abs(last.delta_y) < 1, JSON.stringify(last));
    assert.ok(pans.every((p, i) => i === 0 || p.delta_x > pans[i - 1].delta_x), 'each pan is measured from the press');
    assert.ok(order.indexOf('tap') > order.indexOf('panend'), 'the click after the drag is a tap; the drag was none');
    assert.equal(order.filter((e) => e === 'tap').length, 1, order.join());
    const wheel = seen.find((e) => e.event === 'wheel');
    assert.equal(wheel.delta, 100);
    assert.deepEqual(errors, []);
  } finally {
    peer?.kill();
    await context.close();
  }
});
