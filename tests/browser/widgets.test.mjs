// Every widget of the "widgets" gallery app (gallery/src/widgets.rs) as a person uses it,
// in headless Chromium, with the page running alone: each is found by its ARIA role and
// accessible name, operated by pointer and by keyboard, and its new value is read back
// from the page's document (window.rokeh). Needs `trunk build --release` (dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { collectErrors, launch, serveDist } from './support.mjs';

let browser;
let site;

before(async () => {
  site = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The widgets app in a fresh context; `run(page)` operates it. No console errors. */
async function withWidgets(run, viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(site.url + '?app=widgets');
    await page.getByRole('button', { name: 'Click me' }).waitFor();
    await run(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

/** Attribute `attr` of the model `key` names (id, name, type, title or label). */
const get = (page, key, attr) =>
  page.evaluate(([k, a]) => window.rokeh.get(k, a), [key, attr]);

/** Waits until `get(key, attr)` deep-equals `want`, then returns it. */
/** The text a date or time picker shows beside (under) its input. */
const shownAs = (input) => input.evaluate((i) => i.parentElement.querySelector('.rk-picker-text').value);

async function until(page, key, attr, want) {
  try {
    await page.waitForFunction(
      ([k, a, w]) => JSON.stringify(window.rokeh.get(k, a)) === JSON.stringify(w),
      [key, attr, want],
      { timeout: 5000 },
    );
  } catch {
    assert.deepEqual(await get(page, key, attr), want, `${key}.${attr}`);
  }
}

const DAY = 86_400_000;
const utc = (y, m, d, h = 0) => Date.UTC(y, m - 1, d, h);

test('every control has its role and a name, and the page has no unnamed inputs', async () => {
  await withWidgets(async (page) => {
    const named = [
      ['button', 'Click me'],
      ['button', 'Toggle me'],
      ['button', 'Pick a fruit'],
      ['textbox', 'Name'],
      ['textbox', 'Shout'],
      ['textbox', 'Notes'],
      ['combobox', 'Fruit'],
      ['textbox', 'Count'],
      ['spinbutton', 'Double'],
      ['combobox', 'Colour'],
      ['combobox', 'Size'],
      ['combobox', 'Palette'],
      ['listbox', 'Toppings'],
      ['combobox', 'Tags'],
      ['checkbox', 'Lines'],
      ['checkbox', 'Points'],
      ['radio', 'Linear'],
      ['radio', 'Log'],
      ['button', 'Bold'],
      ['radio', 'Centre'],
      ['switch', 'Dark mode'],
      ['checkbox', 'Autosave'],
      ['checkbox', 'Settings'],
      ['slider', 'Amount'],
      ['button', 'Help'],
      ['slider', 'Range: start'],
      ['slider', 'Range: end'],
      ['slider', 'Day'],
      ['slider', 'Days: start'],
      ['slider', 'Days: end'],
      ['slider', 'Hours: start'],
      ['slider', 'Hours: end'],
      ['slider', 'Fit'],
      ['tab', 'Table'],
      ['tab', 'Plot'],
      ['grid', undefined],
    ];
    for (const [role, name] of named) {
      const found = page.getByRole(role, name ? { name, exact: true } : {});
      assert.equal(await found.count(), 1, `one ${role} named ${name}`);
    }
    for (const label of [
      'Password', 'Date', 'Meeting', 'Alarm', 'Trip: start', 'Trip: end', 'Window: start',
      'Window: end', 'Holidays', 'Reminders', 'Tint', 'Upload',
    ]) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, label);
    }
    // No control of the page lacks an accessible name.
    const tree = await page.locator('main').ariaSnapshot();
    const roles = /^\s*- (textbox|combobox|listbox|spinbutton|slider|checkbox|radio|switch|button|tab)\b(.*)$/;
    for (const line of tree.split('\n')) {
      const m = line.match(roles);
      if (m) assert.match(m[2], /^ "[^"]+"/, `unnamed control: ${line.trim()}`);
    }
  });
});

test('Button: a click, Enter and Space each reach the app\'s on_event callback', async () => {
  await withWidgets(async (page) => {
    const button = page.getByRole('button', { name: 'Click me' });
    await button.click();
    await page.getByText('clicks: 1', { exact: true }).waitFor();
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByText('clicks: 2', { exact: true }).waitFor();
    await page.keyboard.press('Space');
    await page.getByText('clicks: 3', { exact: true }).waitFor();
  });
});

test('Toggle: aria-pressed follows active, by click and by Space; its icon before its label', async () => {
  await withWidgets(async (page) => {
    const toggle = page.getByRole('button', { name: 'Toggle me' });
    // The BuiltinIcon the app gave it: rokeh's gear, drawn in its colour.
    const icon = toggle.locator('svg.rk-icon');
    assert.equal(await icon.getAttribute('stroke'), 'gray');
    assert.equal(await icon.evaluate((svg) => svg === svg.parentElement.firstChild), true);
    assert.equal(await toggle.textContent(), '\u00a0Toggle me');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await until(page, 'Toggle me', 'active', true);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Space');
    await until(page, 'Toggle me', 'active', false);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  });
});

test('Dropdown: a menu whose items send menu_item_click, by pointer and by keys', async () => {
  await withWidgets(async (page) => {
    // The document's document_ready callback ran once the page showed it.
    await page.getByText('shown: nothing chosen yet', { exact: true }).waitFor();
    const opener = page.getByRole('button', { name: 'Pick a fruit' });
    assert.equal(await opener.getAttribute('aria-haspopup'), 'menu');
    await opener.click();
    assert.equal(await opener.getAttribute('aria-expanded'), 'true');
    const menu = page.getByRole('menu', { name: 'Pick a fruit' });
    const items = await menu.getByRole('menuitem').allTextContents();
    assert.deepEqual(items, ['apple', 'Banana', 'cherry']);
    await menu.getByRole('menuitem', { name: 'Banana' }).click();
    await page.getByText('menu: banana', { exact: true }).waitFor();
    assert.equal(await menu.isVisible(), false, 'choosing closes the menu');

    await opener.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.textContent === 'apple');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('menu: cherry', { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Pick a fruit');
    // Escape closes without choosing; Space opens as Enter does.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    assert.equal(await opener.getAttribute('aria-expanded'), 'false');
    await page.getByText('menu: cherry', { exact: true }).waitFor();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement?.textContent === 'apple');
    assert.equal(await opener.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Space');
    await page.getByText('menu: apple', { exact: true }).waitFor();
  });
});

test('TextInput: value_input per keystroke, value and value_submit on Enter', async () => {
  await withWidgets(async (page) => {
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.click();
    await page.keyboard.type('Ada');
    await until(page, 'Name', 'value_input', 'Ada');
    assert.equal(await get(page, 'Name', 'value'), '', 'not committed yet');
    await page.keyboard.press('Enter');
    await until(page, 'Name', 'value', 'Ada');
    await page.getByText('submitted: Ada', { exact: true }).waitFor();
    // Leaving the input commits too.
    await page.keyboard.type(' L');
    await page.keyboard.press('Tab');
    await until(page, 'Name', 'value', 'Ada L');
  });
});

test('a callback rewriting the committed value shows at once; focus and caret stay', async () => {
  await withWidgets(async (page) => {
    const shout = page.getByRole('textbox', { name: 'Shout' });
    await shout.click();
    await page.keyboard.type('hello there');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await until(page, 'Shout', 'value', 'HELLO THERE');
    assert.equal(await shout.inputValue(), 'HELLO THERE');
    assert.ok(await shout.evaluate((el) => el === document.activeElement), 'still focused');
    assert.equal(await shout.evaluate((el) => el.selectionStart), 1, 'caret where it was');
  });
});

test('PasswordInput and TextAreaInput: committed on leaving; Enter is a new line', async () => {
  await withWidgets(async (page) => {
    const password = page.getByLabel('Password', { exact: true });
    assert.equal(await password.getAttribute('type'), 'password');
    await password.fill('s3cret');
    await password.press('Tab');
    await until(page, 'Password', 'value', 's3cret');

    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.click();
    await page.keyboard.type('one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('two');
    await until(page, 'Notes', 'value_input', 'one\ntwo');
    assert.equal(await get(page, 'Notes', 'value'), '');
    await page.keyboard.press('Tab');
    await until(page, 'Notes', 'value', 'one\ntwo');
  });
});

test('AutocompleteInput: completions listed as typed, chosen by keys or pointer', async () => {
  await withWidgets(async (page) => {
    const fruit = page.getByRole('combobox', { name: 'Fruit' });
    await fruit.click();
    await page.keyboard.type('ap');
    const list = page.getByRole('listbox', { name: 'Fruit' });
    assert.deepEqual(await list.getByRole('option').allTextContents(), ['apple', 'apricot']);
    assert.equal(await fruit.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('ArrowDown');
    assert.equal(
      await fruit.getAttribute('aria-activedescendant'),
      await list.getByRole('option', { name: 'apricot' }).getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    await until(page, 'Fruit', 'value', 'apricot');
    assert.equal(await fruit.inputValue(), 'apricot');

    await fruit.fill('');
    await page.keyboard.type('B');
    await until(page, 'Fruit', 'value_input', 'B');
    // Case-sensitive, as Bokeh's default: "B" matches nothing, so nothing is listed.
    assert.equal(await list.isVisible(), false);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('bl');
    await list.getByRole('option', { name: 'blueberry' }).click();
    await until(page, 'Fruit', 'value', 'blueberry');
    // Restricted: text that is no completion never becomes the value.
    await fruit.fill('kiwi');
    await fruit.press('Enter');
    await fruit.press('Tab');
    await until(page, 'Fruit', 'value_input', 'kiwi');
    assert.equal(await get(page, 'Fruit', 'value'), 'blueberry');
  });
});

test('NumericInput: only numbers, bounded by low and high, set on commit', async () => {
  await withWidgets(async (page) => {
    const count = page.getByRole('textbox', { name: 'Count' });
    await count.click();
    await count.press('End');
    await page.keyboard.type('7x');
    assert.equal(await count.inputValue(), '37', 'an int input refuses letters');
    await page.keyboard.press('Enter');
    await until(page, 'Count', 'value', 37);
    await count.fill('500');
    await count.press('Enter');
    await until(page, 'Count', 'value', 100);
    assert.equal(await count.inputValue(), '100');
  });
});

test('Spinner: arrows and PageUp step it, its buttons too; value_throttled when a run ends', async () => {
  await withWidgets(async (page) => {
    const spinner = page.getByRole('spinbutton', { name: 'Double' });
    await spinner.focus();
    await page.keyboard.press('ArrowUp');
    await until(page, 'Double', 'value', 2.5);
    await until(page, 'Double', 'value_throttled', 2.5);
    await page.keyboard.press('PageUp');
    await until(page, 'Double', 'value', 7.5);
    assert.equal(await spinner.getAttribute('aria-valuenow'), '7.5');
    await page.getByRole('button', { name: 'Decrease Double' }).click();
    await until(page, 'Double', 'value', 7);
    await until(page, 'Double', 'value_throttled', 7);
    await spinner.fill('1.25');
    await spinner.press('Enter');
    await until(page, 'Double', 'value', 1.25);
  });
});

test('Select: grouped and labelled options, by pointer and by keys', async () => {
  await withWidgets(async (page) => {
    const colour = page.getByRole('combobox', { name: 'Colour' });
    const groups = await colour.locator('optgroup').evaluateAll((g) => g.map((x) => x.label));
    assert.deepEqual(groups, ['Warm', 'Cool']);
    await colour.selectOption({ label: 'Blue' });
    await until(page, 'Colour', 'value', 'blue');
    const size = page.getByRole('combobox', { name: 'Size' });
    assert.equal(await size.evaluate((s) => s.selectedOptions[0].textContent.trim()), 'Medium');
    await size.focus();
    await page.keyboard.press('ArrowDown');
    await until(page, 'Size', 'value', 'l');
  });
});

test('MultiSelect: several options by pointer, more with Shift and the arrows', async () => {
  await withWidgets(async (page) => {
    const toppings = page.getByRole('listbox', { name: 'Toppings' });
    await toppings.getByRole('option', { name: 'ham' }).click();
    await until(page, 'Toppings', 'value', ['ham']);
    await toppings.getByRole('option', { name: 'peppers' }).click({ modifiers: ['Shift'] });
    await until(page, 'Toppings', 'value', ['ham', 'olives', 'peppers']);
    await page.keyboard.press('Shift+ArrowUp');
    await until(page, 'Toppings', 'value', ['ham', 'olives']);
  });
});

test('MultiChoice: chips added from the filtered list and removed, by keys and pointer', async () => {
  await withWidgets(async (page) => {
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.click();
    await page.keyboard.type('py');
    const list = page.getByRole('listbox', { name: 'Tags' });
    assert.deepEqual(await list.getByRole('option').allTextContents(), ['python']);
    await page.keyboard.press('Enter');
    await until(page, 'Tags', 'value', ['rust', 'python']);
    await page.keyboard.press('Backspace');
    await until(page, 'Tags', 'value', ['rust']);
    await list.getByRole('option', { name: 'wasm' }).click();
    await until(page, 'Tags', 'value', ['rust', 'wasm']);
    await page.getByRole('button', { name: 'Remove rust' }).click();
    await until(page, 'Tags', 'value', ['wasm']);
  });
});

test('CheckboxGroup, RadioGroup, button groups, Switch and Checkbox, by pointer and keys', async () => {
  await withWidgets(async (page) => {
    await page.getByRole('checkbox', { name: 'Points' }).click();
    await until(page, 'CheckboxGroup', 'active', [0, 1]);
    await page.getByRole('checkbox', { name: 'Lines' }).focus();
    await page.keyboard.press('Space');
    await until(page, 'CheckboxGroup', 'active', [1]);

    await page.getByRole('radio', { name: 'Log' }).click();
    await until(page, 'RadioGroup', 'active', 1);
    await page.keyboard.press('ArrowLeft');
    await until(page, 'RadioGroup', 'active', 0);

    const bold = page.getByRole('button', { name: 'Bold' });
    await bold.click();
    await until(page, 'CheckboxButtonGroup', 'active', [0]);
    assert.equal(await bold.getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Underline' }).focus();
    await page.keyboard.press('Space');
    await until(page, 'CheckboxButtonGroup', 'active', [0, 2]);

    const centre = page.getByRole('radio', { name: 'Centre' });
    await centre.click();
    await until(page, 'RadioButtonGroup', 'active', 1);
    assert.equal(await centre.getAttribute('aria-checked'), 'true');
    await page.keyboard.press('ArrowRight');
    await until(page, 'RadioButtonGroup', 'active', 2);
    assert.ok(await page.getByRole('radio', { name: 'Right' }).evaluate((b) => b === document.activeElement));

    const dark = page.getByRole('switch', { name: 'Dark mode' });
    await dark.click();
    await until(page, 'Switch', 'active', true);
    await page.keyboard.press('Space');
    await until(page, 'Switch', 'active', false);

    const autosave = page.getByRole('checkbox', { name: 'Autosave' });
    await autosave.click();
    await until(page, 'Checkbox', 'active', true);
    assert.equal(await autosave.isChecked(), true);
    await page.keyboard.press('Space');
    await until(page, 'Checkbox', 'active', false);

    // Their GroupBox's check box disables and enables both, writing its `disabled`.
    const settings = page.getByRole('checkbox', { name: 'Settings' });
    assert.equal(await settings.isChecked(), true);
    await settings.click();
    await until(page, 'GroupBox', 'disabled', true);
    assert.equal(await dark.isDisabled(), true);
    assert.equal(await autosave.isDisabled(), true);
    await settings.click();
    await until(page, 'GroupBox', 'disabled', false);
    assert.equal(await autosave.isDisabled(), false);
    await page.locator('fieldset', { has: dark }).getByText('Settings', { exact: true }).waitFor();
  });
});

/** Drags the thumb of a range input (16 px thumbs) from `from` to `to`. */
async function drag(page, slider, from, to) {
  const [min, max] = await slider.evaluate((s) => [Number(s.min), Number(s.max)]);
  const box = await slider.boundingBox();
  const thumb = 16;
  const x = (v) => box.x + thumb / 2 + ((v - min) / (max - min)) * (box.width - thumb);
  const y = box.y + box.height / 2;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  await page.mouse.move((x(from) + x(to)) / 2, y, { steps: 3 });
  await page.mouse.move(x(to), y, { steps: 3 });
  await page.mouse.up();
}

test('Slider: value while moving, value_throttled when released; its callback drives the spinner', async () => {
  await withWidgets(async (page) => {
    const amount = page.getByRole('slider', { name: 'Amount' });
    await amount.focus();
    await page.keyboard.press('ArrowRight');
    await until(page, 'Amount', 'value', 1.5);
    await until(page, 'Amount', 'value_throttled', 1.5);
    await until(page, 'Double', 'value', 3);
    assert.equal(await page.getByRole('spinbutton', { name: 'Double' }).inputValue(), '3');

    // While the pointer is down, value follows and value_throttled waits.
    const box = await amount.boundingBox();
    const y = box.y + box.height / 2;
    const at = (v) => box.x + 8 + (v / 10) * (box.width - 16);
    await page.mouse.move(at(1.5), y);
    await page.mouse.down();
    await page.mouse.move(at(6), y, { steps: 4 });
    await until(page, 'Amount', 'value', 6);
    assert.equal(await get(page, 'Amount', 'value_throttled'), 1.5);
    await page.mouse.up();
    await until(page, 'Amount', 'value_throttled', 6);
    await page.getByText('Amount: 6', { exact: true }).waitFor();
  });
});

test('RangeSlider: two named handles that stop at each other', async () => {
  await withWidgets(async (page) => {
    const start = page.getByRole('slider', { name: 'Range: start' });
    const end = page.getByRole('slider', { name: 'Range: end' });
    await start.focus();
    await page.keyboard.press('ArrowRight');
    await until(page, 'Range', 'value', [3, 8]);
    await until(page, 'Range', 'value_throttled', [3, 8]);
    await page.keyboard.press('End');
    await until(page, 'Range', 'value', [8, 8]);
    assert.equal(await start.inputValue(), '8', 'the start handle stopped at the end one');
    await drag(page, end, 8, 10);
    await until(page, 'Range', 'value', [8, 10]);
    await until(page, 'Range', 'value_throttled', [8, 10]);
    await page.getByText('Range: 8 .. 10', { exact: true }).waitFor();
  });
});

test('Date sliders: a day (or an hour) a step, shown as dates', async () => {
  await withWidgets(async (page) => {
    const day = page.getByRole('slider', { name: 'Day', exact: true });
    await day.focus();
    await page.keyboard.press('ArrowRight');
    await until(page, 'Day', 'value', utc(2024, 3, 11));
    assert.equal(await day.getAttribute('aria-valuetext'), '11 Mar 2024');

    await page.getByRole('slider', { name: 'Days: end' }).focus();
    await page.keyboard.press('ArrowLeft');
    await until(page, 'Days', 'value', [utc(2024, 2, 1), utc(2024, 2, 9)]);
    await page.getByText('Days: 01 Feb 2024 .. 09 Feb 2024', { exact: true }).waitFor();

    await page.getByRole('slider', { name: 'Hours: start' }).focus();
    await page.keyboard.press('ArrowRight');
    await until(page, 'Hours', 'value', [utc(2024, 5, 1, 7), utc(2024, 5, 1, 18)]);
    assert.equal(utc(2024, 5, 1, 7) - utc(2024, 5, 1, 6), DAY / 24);
  });
});

test('CategoricalSlider: a category a step, written and shown as the category', async () => {
  await withWidgets(async (page) => {
    const fit = page.getByRole('slider', { name: 'Fit' });
    assert.equal(await fit.getAttribute('aria-valuetext'), 'M');
    await fit.focus();
    await page.keyboard.press('ArrowRight');
    await until(page, 'Fit', 'value', 'L');
    await until(page, 'Fit', 'value_throttled', 'L');
    await page.getByText('Fit: L', { exact: true }).waitFor();
    await page.keyboard.press('End');
    await until(page, 'Fit', 'value', 'XL');
    await page.keyboard.press('Home');
    await until(page, 'Fit', 'value', 'S');
    assert.equal(await fit.getAttribute('aria-valuetext'), 'S');
  });
});

test('DatePicker, ColorPicker and FileInput (base64 value, filename, mime type)', async () => {
  await withWidgets(async (page) => {
    const date = page.getByLabel('Date', { exact: true });
    assert.equal(await date.inputValue(), '2024-03-10');
    await date.fill('2024-07-04');
    await until(page, 'Date', 'value', '2024-07-04');
    // The keyboard steps the focused part of the date (here the month).
    await date.focus();
    await page.keyboard.press('ArrowUp');
    await until(page, 'Date', 'value', '2024-08-04');
    // Shown as BokehJS's picker shows it, in its date_format (flatpickr's tokens), the
    // input over that text taking the clicks.
    assert.equal(await shownAs(date), '2024-08-04');
    await page.evaluate(() => window.rokeh.set('Date', 'date_format', 'D, d M Y'));
    await page.waitForFunction(() => document.querySelector('.rk-date-picker .rk-picker-text').value === 'Sun, 04 Aug 2024');
    const atCentre = await date.evaluate((input) => {
      const r = input.parentElement.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === input;
    });
    assert.ok(atCentre, 'a click on the text reaches the input');

    await page.getByLabel('Tint', { exact: true }).fill('#ff8800');
    await until(page, 'Tint', 'color', '#ff8800');

    await page.getByLabel('Upload', { exact: true }).setInputFiles({
      name: 'hello.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello, rokeh'),
    });
    await until(page, 'Upload', 'value', Buffer.from('hello, rokeh').toString('base64'));
    assert.equal(await get(page, 'Upload', 'filename'), 'hello.txt');
    assert.equal(await get(page, 'Upload', 'mime_type'), 'text/plain');
  });
});

test('PaletteSelect: a box showing the chosen swatch, a menu of palettes in columns, by pointer and keys', async () => {
  await withWidgets(async (page) => {
    const box = page.getByRole('combobox', { name: 'Palette' });
    const menu = page.locator('.rk-palette-select').getByRole('listbox');
    const option = (name) => menu.getByRole('option', { name, exact: true });
    const boxSwatch = box.locator('.rk-palette-swatch');
    assert.equal((await box.textContent()).trim(), 'Viridis256');
    assert.match(await boxSwatch.getAttribute('style'), /#440154/i, "Viridis' first color");
    assert.equal(await menu.isVisible(), false);

    // A click opens the menu: every palette, the chosen one selected and focused.
    await box.click();
    await menu.waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.equal(await menu.getByRole('option').count(), 3);
    assert.equal(await option('Viridis256').getAttribute('aria-selected'), 'true');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Viridis256');
    await option('Magma256').click();
    await until(page, 'Palette', 'value', 'Magma256');
    await menu.waitFor({ state: 'hidden' });
    assert.match(await boxSwatch.getAttribute('style'), /#000003/i, "Magma's first color");

    // On the box, the arrows choose the next palette (round the end) at once.
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await until(page, 'Palette', 'value', 'Category10_10');
    await page.keyboard.press('ArrowDown');
    await until(page, 'Palette', 'value', 'Viridis256');

    // In two columns: Enter opens on the chosen one, the arrows move a column or a row,
    // Enter chooses and gives the box the focus back.
    await page.evaluate(() => window.rokeh.set('Palette', 'ncols', 2));
    await page.keyboard.press('Enter');
    await menu.waitFor();
    const columns = await menu.evaluate((m) => getComputedStyle(m).gridTemplateColumns.split(' ').length);
    assert.equal(columns, 2);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Category10_10');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Viridis256');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await until(page, 'Palette', 'value', 'Magma256');
    await menu.waitFor({ state: 'hidden' });
    assert.ok(await box.evaluate((b) => b === document.activeElement), 'the box has the focus');

    // Escape and a click elsewhere close it; the swatches take the model's size.
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await box.click();
    await menu.waitFor();
    await page.mouse.click(5, 5);
    await menu.waitFor({ state: 'hidden' });
    await page.evaluate(() => window.rokeh.set('Palette', 'swatch_width', 40));
    await page.waitForFunction(() => document.querySelector('.rk-palette-box .rk-palette-swatch')?.getBoundingClientRect().width === 40);

    // At the window's bottom the menu opens above the box, as BokehJS's drop-down panes
    // do; with room below, below it. (A short window, so that the box can be scrolled to
    // its bottom.)
    await page.setViewportSize({ width: 1400, height: 400 });
    const opened = async (block) => {
      await box.evaluate((b, block) => b.scrollIntoView({ block }), block);
      await box.click();
      await menu.waitFor();
      const at = { box: await box.boundingBox(), menu: await menu.boundingBox() };
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      return at;
    };
    const low = await opened('end');
    assert.ok(low.menu.y + low.menu.height <= low.box.y + 1, `above the box: ${JSON.stringify(low)}`);
    const high = await opened('start');
    assert.ok(high.menu.y >= high.box.y + high.box.height - 1, `below the box: ${JSON.stringify(high)}`);
  });
});

test('HelpButton: its tooltip shows while hovered or focused, a click keeps it, Escape closes it', async () => {
  await withWidgets(async (page) => {
    const help = page.getByRole('button', { name: 'Help' });
    const tip = page.getByRole('tooltip');
    assert.equal(await tip.isVisible(), false);
    await help.hover();
    await tip.waitFor({ state: 'visible' });
    assert.equal(await tip.textContent(), 'Amount doubles into the spinner');
    assert.equal(await help.getAttribute('aria-describedby'), await tip.getAttribute('id'));
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });
    await help.click();
    await page.mouse.move(0, 0);
    assert.equal(await tip.isVisible(), true, 'a click keeps it open');
    await help.press('Escape');
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });
  });
});

test('Datetime, time, range and multiple pickers write what BokehJS\'s pickers write', async () => {
  await withWidgets(async (page) => {
    // A datetime (milliseconds from the app) shown to the minute; written as
    // "Y-m-dTH:i:S", as BokehJS's DatetimePicker writes it.
    const meeting = page.getByLabel('Meeting', { exact: true });
    assert.equal(await meeting.inputValue(), '2024-03-10T09:30');
    await meeting.fill('2024-04-01T14:45');
    await until(page, 'Meeting', 'value', '2024-04-01T14:45:00');
    assert.equal(await shownAs(meeting), '2024-04-01 14:45', 'DatetimePicker\'s date_format, "Y-m-d H:i"');

    const alarm = page.getByLabel('Alarm', { exact: true });
    assert.equal(await alarm.inputValue(), '07:00');
    await alarm.fill('06:15');
    await until(page, 'Alarm', 'value', '06:15:00');
    await page.evaluate(() => window.rokeh.set('Alarm', 'time_format', 'h:i K'));
    await alarm.evaluate((i) => new Promise((done) => {
      const shows = () => i.parentElement.querySelector('.rk-picker-text').value === '6:15 AM';
      const look = () => (shows() ? done() : requestAnimationFrame(look));
      look();
    }));

    // A range is written once both ends are whole, earlier first.
    const [tripStart, tripEnd] = [page.getByLabel('Trip: start'), page.getByLabel('Trip: end')];
    assert.deepEqual([await tripStart.inputValue(), await tripEnd.inputValue()], ['2024-07-01', '2024-07-14']);
    await tripEnd.fill('2024-06-20');
    await until(page, 'Trip', 'value', ['2024-06-20', '2024-07-01']);
    const [windowStart, windowEnd] = [page.getByLabel('Window: start'), page.getByLabel('Window: end')];
    await windowStart.fill('2024-01-01T06:00');
    // The change event is handled before fill() returns: nothing was written.
    assert.equal(await get(page, 'Window', 'value'), null, 'one end alone is a choice in progress');
    await windowEnd.fill('2024-01-01T12:00');
    await until(page, 'Window', 'value', ['2024-01-01T06:00:00', '2024-01-01T12:00:00']);
    await windowStart.fill('');
    await windowEnd.fill('');
    await until(page, 'Window', 'value', null);

    // Several: each day chosen is added once, in order; a chip's button removes it.
    const holidays = page.getByLabel('Holidays', { exact: true });
    await holidays.fill('2024-01-01');
    await until(page, 'Holidays', 'value', ['2024-12-25', '2024-01-01']);
    assert.equal(await holidays.inputValue(), '', 'the input is ready for the next day');
    await holidays.fill('2024-12-25');
    assert.deepEqual(await get(page, 'Holidays', 'value'), ['2024-12-25', '2024-01-01']);
    await page.getByRole('button', { name: 'Remove 2024-12-25' }).click();
    await until(page, 'Holidays', 'value', ['2024-01-01']);
    await page.getByLabel('Reminders', { exact: true }).fill('2024-05-01T08:00:30');
    await until(page, 'Reminders', 'value', ['2024-05-01T08:00:30']);
  });
});

test('Date pickers refuse the days they withhold (disabled_dates) or do not offer (enabled_dates)', async () => {
  await withWidgets(async (page) => {
    // The browser's calendar cannot grey a day out as flatpickr does: a day withheld is
    // refused when chosen, and the input shows the model's value again.
    const date = page.getByLabel('Date', { exact: true });
    await page.evaluate(() => window.rokeh.set('Date', 'disabled_dates', ['2024-07-04', ['2024-07-10', '2024-07-12']]));
    const message = (input) => input.evaluate((el) => el.validationMessage);
    for (const day of ['2024-07-04', '2024-07-11']) {
      await date.fill(day);
      assert.equal(await get(page, 'Date', 'value'), '2024-03-10', `${day} is withheld`);
      assert.equal(await date.inputValue(), '2024-03-10');
      // It says why, as the input's own validity (announced, and shown beside it).
      assert.equal(await message(date), `${day} is not offered`);
    }
    await date.fill('2024-07-13');
    await until(page, 'Date', 'value', '2024-07-13');
    assert.equal(await message(date), '', 'a day taken clears the message');
    await page.evaluate(() => window.rokeh.set('Date', 'enabled_dates', [['2024-07-01', '2024-07-31']]));
    await date.fill('2024-08-01');
    assert.equal(await get(page, 'Date', 'value'), '2024-07-13', 'only July is offered');
    await date.fill('2024-07-20');
    await until(page, 'Date', 'value', '2024-07-20');

    // A range whose end is withheld is refused whole; so is a withheld day of several.
    const tripEnd = page.getByLabel('Trip: end');
    await page.evaluate(() => window.rokeh.set('Trip', 'disabled_dates', ['2024-07-20']));
    await tripEnd.fill('2024-07-20');
    assert.deepEqual(await get(page, 'Trip', 'value'), ['2024-07-01', '2024-07-14']);
    assert.equal(await tripEnd.inputValue(), '2024-07-14');
    assert.equal(await message(tripEnd), '2024-07-20 is not offered');
    assert.equal(await message(page.getByLabel('Trip: start')), '', 'the start was offered');
    const holidays = page.getByLabel('Holidays', { exact: true });
    await page.evaluate(() => window.rokeh.set('Holidays', 'disabled_dates', ['2024-01-01']));
    await holidays.fill('2024-01-01');
    assert.deepEqual(await get(page, 'Holidays', 'value'), ['2024-12-25']);
    assert.equal(await message(holidays), '2024-01-01 is not offered');
    await holidays.fill('2024-01-02');
    await until(page, 'Holidays', 'value', ['2024-12-25', '2024-01-02']);
    assert.equal(await message(holidays), '');
  });
});

test('Markup: Div HTML or text, Paragraph, PreText', async () => {
  await withWidgets(async (page) => {
    assert.equal(await page.getByRole('heading', { name: 'Widgets' }).count(), 1, 'a Div renders HTML');
    await page.getByText('<b>not bold</b>', { exact: true }).waitFor();
    assert.equal(await page.locator('.rk-div b').count(), 0, 'render_as_text shows the tags as text');
    assert.equal(await page.locator('p.rk-paragraph').textContent(), 'A paragraph of text.');
    assert.equal(await page.locator('pre.rk-pre-text').textContent(), 'pre\n  formatted');
    // TeX between delimiters is MathML, as BokehJS typesets it; disable_math shows it as written.
    const paragraph = page.locator('p.rk-paragraph');
    await page.evaluate(() => window.rokeh.set('Paragraph', 'text', 'area \\(\\pi r^2\\) <here>'));
    await paragraph.locator('math msup').waitFor();
    assert.equal(await paragraph.locator('math mi').first().textContent(), 'π');
    await page.evaluate(() => window.rokeh.set('Paragraph', 'disable_math', true));
    await page.waitForFunction(() => document.querySelector('p.rk-paragraph math') === null);
    assert.equal(await paragraph.textContent(), 'area \\(\\pi r^2\\) <here>');
  });
});

test('Tabs: a tab list by pointer and arrows; a button swaps the plot in a row', async () => {
  await withWidgets(async (page) => {
    const table = page.getByRole('tab', { name: 'Table' });
    const plot = page.getByRole('tab', { name: 'Plot' });
    assert.equal(await table.getAttribute('aria-selected'), 'true');
    await plot.click();
    await until(page, 'Tabs', 'active', 1);
    assert.equal(await page.getByRole('tabpanel', { name: 'Plot' }).isVisible(), true);
    assert.equal(await page.getByRole('grid').isVisible(), false, 'the table tab is hidden');
    await page.keyboard.press('ArrowLeft');
    await until(page, 'Tabs', 'active', 0);
    assert.ok(await table.evaluate((t) => t === document.activeElement));

    await plot.click();
    const panel = page.getByRole('tabpanel', { name: 'Plot' });
    assert.equal(await panel.getByRole('img').getAttribute('aria-label'), 'sine');
    const untouched = await page.locator('canvas[aria-label=wide]').elementHandle();
    await panel.getByRole('button', { name: 'Swap plot' }).click();
    await page.waitForFunction(
      () => document.querySelector('.rk-tabpanel:not([hidden]) canvas')?.getAttribute('aria-label') === 'cosine',
    );
    assert.ok(await untouched.evaluate((c) => c.isConnected), 'the rest of the page was not rebuilt');
  });
});

test('DataTable: selection both ways with the source, sorting, keyboard, editing', async () => {
  await withWidgets(async (page) => {
    const grid = page.getByRole('grid');
    const rows = grid.getByRole('row');
    assert.equal(await grid.getAttribute('aria-rowcount'), '7');
    const names = () => grid.locator('.rk-table-row').evaluateAll((r) => r.map((x) => x.children[1].textContent));
    assert.deepEqual(await names(), ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald']);
    assert.equal(await grid.locator('.rk-table-row b').count(), 6, 'the name template makes bold');
    assert.equal(await rows.nth(2).getByRole('gridcell').nth(2).textContent(), '88.25');
    // Scores shaded by their formatter's linear_cmap (80 → white, 95 → green).
    const shade = (row) => row.getByRole('gridcell').nth(2).getAttribute('style');
    assert.match(await shade(rows.filter({ hasText: 'Ada' })), /background-color: rgba\(116,196,118,1\)/);
    assert.match(await shade(rows.filter({ hasText: 'Alan' })), /background-color: rgba\(255,255,255,1\)/);
    assert.equal(await rows.nth(1).getByRole('gridcell').nth(3).textContent(), '1815-12-10');

    await rows.filter({ hasText: 'Grace' }).click();
    await until(page, 'Selection', 'indices', [1]);
    await rows.filter({ hasText: 'Alan' }).click({ modifiers: ['Control'] });
    await until(page, 'Selection', 'indices', [1, 2]);
    assert.equal(await rows.filter({ hasText: 'Alan' }).getAttribute('aria-selected'), 'true');
    // The grid keeps the focus: arrows move and select, Shift extends.
    await page.keyboard.press('ArrowDown');
    await until(page, 'Selection', 'indices', [3]);
    await page.keyboard.press('Shift+ArrowDown');
    await until(page, 'Selection', 'indices', [3, 4]);

    // Sorting reorders the rows shown, not the source; the selection keeps its rows.
    const score = page.getByRole('columnheader', { name: 'Score' });
    await score.getByRole('button').click();
    assert.equal(await score.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await names(), ['Alan', 'Barbara', 'Grace', 'Donald', 'Ada', 'Edsger']);
    await score.getByRole('button').click();
    assert.deepEqual(await names(), ['Edsger', 'Ada', 'Donald', 'Grace', 'Barbara', 'Alan']);
    assert.deepEqual(await get(page, 'Selection', 'indices'), [3, 4]);
    assert.deepEqual(Array.from(await page.evaluate(() => window.rokeh.column('score'))), [91.5, 88.25, 79, 95.75, 84.5, 90]);

    // Editing: a double click, or Enter on the active cell; Enter writes the source.
    await rows.filter({ hasText: 'Ada' }).getByRole('gridcell').nth(2).dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('99.5');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.rokeh.column('score')[0] === 99.5);
    // The sort follows the new score: Ada is first now.
    assert.deepEqual((await names()).slice(0, 2), ['Ada', 'Edsger']);
    await page.keyboard.press('Home');
    await until(page, 'Selection', 'indices', [0]);
    await page.keyboard.press('ArrowDown');
    await until(page, 'Selection', 'indices', [3]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Dijkstra');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.rokeh.column('name')[3] === 'Dijkstra');
    await grid.getByText('Dijkstra').waitFor();
    // Escape leaves a cell as it was.
    await page.keyboard.press('Enter');
    await page.keyboard.type('nobody');
    await page.keyboard.press('Escape');
    assert.equal((await page.evaluate(() => window.rokeh.column('name')))[3], 'Dijkstra');

    // index_position -1 puts the row numbers last, as BokehJS's (header and rows).
    const left = (l) => l.evaluate((e) => e.getBoundingClientRect().left);
    const indexHeader = grid.locator('.rk-table-header .rk-table-index');
    assert.ok((await left(indexHeader)) < (await left(score)), 'first by default');
    await page.evaluate(() => window.rokeh.set('DataTable', 'index_position', -1));
    await page.waitForFunction(() => {
      const [index, last] = ['.rk-table-header .rk-table-index', '.rk-table-header [role=columnheader]:last-child']
        .map((q) => document.querySelector(q).getBoundingClientRect().left);
      return index > last;
    });
    const firstRow = grid.locator('.rk-table-row').first();
    assert.ok((await left(firstRow.locator('.rk-table-index'))) > (await left(firstRow.getByRole('gridcell').last())));
  });
});

test('DataCube: Bokeh\'s example as BokehJS shows it; toggles and keys open and close groups, writing the target', async () => {
  await withWidgets(async (page) => {
    const cube = page.getByRole('treegrid');
    const rows = cube.locator('.rk-table-row');
    const shown = () => rows.evaluateAll((r) => r.map((x) => [...x.children].map((c) => c.textContent).join('|')));
    // The cube's target source, as the page's document holds it.
    const target = () => page.evaluate(() => {
      const { row_indices, labels } = window.rokeh.get(window.rokeh.get('DataCube', 'target'), 'data');
      return [row_indices, labels];
    });
    const labelsShown = (n) => page.waitForFunction((n) => window.rokeh.get(window.rokeh.get('DataCube', 'target'), 'data').labels.length === n, n);
    // As BokehJS shows Bokeh's example: every group closed, each with its sum.
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'J|50', 'L|60', 'M|70']);
    assert.deepEqual(await cube.getByRole('columnheader').allTextContents(), ['Name', 'Price']);
    assert.equal(await cube.getByRole('columnheader').getByRole('button').count(), 0, 'no sorting');
    await labelsShown(5);
    assert.deepEqual(await target(), [[[0], [1, 2, 3], [4], [5], [6]], ['A', 'E', 'J', 'L', 'M']]);

    // E's toggle opens it: its groups D and H with their sums, indented.
    const e = rows.filter({ hasText: /^E/ });
    assert.equal(await e.getAttribute('aria-expanded'), 'false');
    await e.locator('.rk-group-toggle').click();
    assert.equal(await e.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'D|50', 'H|40', 'J|50', 'L|60', 'M|70']);
    await rows.filter({ hasText: /^D/ }).locator('.rk-group-toggle').click();
    // D's rows: their names bold (the column's StringFormatter), their prices.
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'D|50', 'F|20', 'G|30', 'H|40', 'J|50', 'L|60', 'M|70']);
    const f = rows.filter({ hasText: /^F/ });
    assert.equal(await f.getAttribute('aria-level'), '3');
    assert.equal(await f.locator('[role=gridcell] span[style*="bold"]').count(), 1);
    const indent = (row) => row.locator('.rk-group-toggle, .rk-group-indent').evaluate((t) => t.getBoundingClientRect().left);
    const [eLeft, dLeft, fLeft] = [await indent(e), await indent(rows.filter({ hasText: /^D/ })), await indent(f)];
    assert.deepEqual([dLeft - eLeft, fLeft - eLeft], [15, 30]);
    await labelsShown(9);
    assert.deepEqual(await target(), [
      [[0], [1, 2, 3], [1, 2], 1, 2, [3], [4], [5], [6]],
      ['A', 'E', 'D', 'F', 'G', 'H', 'J', 'L', 'M'],
    ]);
    // No row is selected by a click: BokehJS's DataCube has no selection.
    await f.click();
    assert.equal(await cube.locator('[aria-selected=true]').count(), 0);

    // Closing E hides D and its rows; keys: ↑ to E, → opens it again, ← closes it.
    await e.locator('.rk-group-toggle').click();
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'J|50', 'L|60', 'M|70']);
    await labelsShown(5);
    await cube.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual((await shown()).length, 9, 'E opens as it was left, D open');
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await shown(), ['A|10', 'E|90', 'J|50', 'L|60', 'M|70']);
    await page.keyboard.press('Enter');
    assert.equal(await e.getAttribute('aria-expanded'), 'true');
  });
});

test('a Dialog built in Rust: OpenDialog shows it over the page, dragging its title moves it, CloseDialog closes it', async () => {
  await withWidgets(async (page) => {
    const dialog = page.getByRole('dialog', { name: 'A dialog' });
    assert.equal(await dialog.count(), 0, 'built only once opened');
    await page.getByRole('button', { name: 'Open a dialog' }).click();
    await dialog.getByText('Said in a dialog').waitFor();
    assert.equal(await dialog.locator('b').textContent(), 'dialog');
    const before = await dialog.boundingBox();
    assert.deepEqual([before.x, before.y], [200, 200]);
    // Its title bar moves it (Bokeh's movable "both").
    const title = dialog.getByText('A dialog', { exact: true });
    const at = await title.boundingBox();
    await page.mouse.move(at.x + 5, at.y + 5);
    await page.mouse.down();
    await page.mouse.move(at.x + 45, at.y + 25, { steps: 4 });
    await page.mouse.up();
    const after = await dialog.boundingBox();
    assert.deepEqual([after.x - before.x, after.y - before.y], [40, 20]);
    await dialog.getByRole('button', { name: 'Close the dialog' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Opened again, built anew (close_action "destroy"), where it first was.
    await page.getByRole('button', { name: 'Open a dialog' }).click();
    assert.deepEqual(Object.values(await dialog.boundingBox()).slice(0, 2), [200, 200]);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

test('a plot with sizing_mode="stretch_width" follows the window', async () => {
  await withWidgets(async (page) => {
    const wide = page.locator('canvas[aria-label=wide]');
    const width = async () => (await wide.boundingBox()).width;
    // Laid out across the whole canvas: its toolbar, right of the frame, at the right edge.
    const toolbarAtEdge = () => page.waitForFunction(() => {
      const c = document.querySelector('canvas[aria-label=wide]');
      const bar = c.parentElement.querySelector('.rk-toolbar');
      return Math.abs(c.getBoundingClientRect().right - bar.getBoundingClientRect().right) <= 2;
    }, null, { timeout: 5000 });
    const first = await width();
    assert.ok(first > 1200, `the plot fills the window's width (${first} px)`);
    await toolbarAtEdge();
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.waitForFunction(() => document.querySelector('canvas[aria-label=wide]').getBoundingClientRect().width <= 900);
    const narrow = await width();
    assert.ok(narrow < first - 400, `narrower with the window (${narrow} px)`);
    // Its backing store follows (the plot is repainted at the new size), laid out anew.
    await page.waitForFunction(
      () => {
        const c = document.querySelector('canvas[aria-label=wide]');
        return Math.abs(c.width / devicePixelRatio - c.getBoundingClientRect().width) < 1;
      },
    );
    await toolbarAtEdge();
  });
});

test('DataTable of 100,000 rows: only the rows in view are in the page, wherever it scrolls', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(site.url + '?app=table');
    const grid = page.getByRole('grid');
    await grid.waitFor();
    assert.equal(await grid.getAttribute('aria-rowcount'), '100001');
    const inPage = () => page.locator('.rk-table-row').count();
    assert.ok((await inPage()) < 50, `${await inPage()} rows in the page`);

    // Scrolled to the end: the last row is there, and still only a window of rows.
    await page.locator('.rk-table-viewport').evaluate((v) => (v.scrollTop = v.scrollHeight));
    await grid.getByRole('gridcell', { name: '99999', exact: true }).first().waitFor();
    const last = grid.getByRole('row').filter({ hasText: /^99999/ });
    assert.ok(await last.first().isVisible(), 'the last row is in view');
    assert.ok((await inPage()) < 50, `${await inPage()} rows in the page at the end`);

    // The keyboard goes there too: Home selects and shows the first row.
    await grid.focus();
    await page.keyboard.press('Home');
    await until(page, 'Selection', 'indices', [0]);
    // The rows follow the scroll in the frame after it.
    await page.waitForFunction(
      () => document.querySelector('.rk-table-row')?.getAttribute('aria-rowindex') === '2',
    );
    assert.equal(await page.locator('.rk-table-viewport').evaluate((v) => v.scrollTop), 0);
    await page.keyboard.press('End');
    await until(page, 'Selection', 'indices', [99999]);

    // Sorting 100,000 rows: the largest value first.
    await page.getByRole('columnheader', { name: 'Value' }).getByRole('button').click();
    await page.getByRole('columnheader', { name: 'Value' }).getByRole('button').click();
    await page.locator('.rk-table-viewport').evaluate((v) => (v.scrollTop = 0));
    const top = await page.evaluate(() => {
      const values = window.rokeh.column('value');
      let best = 0;
      for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
      return best;
    });
    await page.waitForFunction(
      (row) => document.querySelector('.rk-table-row')?.children[1].textContent === String(row),
      top,
    );
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
