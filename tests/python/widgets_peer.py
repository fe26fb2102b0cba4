"""Real Python Bokeh in a page's session of the "widgets" app (gallery/src/widgets.rs):
reports what it sees of every widget, changes many of them, and waits for the page's
button click and menu choice to reach its `on_event` callbacks.

Usage: widgets_peer.py http://127.0.0.1:PORT/widgets SESSION_ID
Prints, one JSON object a line:
  {"pulled": {...}}   every widget's value as Python sees it (dates as ms since the epoch)
  {"changed": true}   once its own changes are sent
  {"heard": {...}}    the page's click and menu item, then exits
Exits non-zero with a message on failure (nothing heard within 30 s).
"""
import json
import sys
from datetime import date

from bokeh.client import pull_session
from bokeh.events import ButtonClick, MenuItemClick
from bokeh.models import (
    AutocompleteInput, Button, CheckboxButtonGroup, CheckboxGroup, ColorPicker,
    ColumnDataSource, DatePicker, DateRangeSlider, DateSlider, DatetimeRangeSlider, Div,
    Dropdown, FileInput, MultiChoice, MultiSelect, NumericInput, PasswordInput,
    RadioButtonGroup, RadioGroup, RangeSlider, Select, Slider, Spinner, Switch, Tabs,
    TextAreaInput, TextInput, Toggle,
)
from tornado.ioloop import IOLoop

TIMEOUT_S = 30


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def say(**line):
    print(json.dumps(line, sort_keys=True), flush=True)


def main(url, session_id):
    loop = IOLoop()
    session = pull_session(session_id=session_id, url=url, io_loop=loop)
    doc = session.document

    def one(kind, **props):
        found = [m for m in doc.select({"type": kind}) if all(getattr(m, k) == v for k, v in props.items())]
        if len(found) != 1:
            fail(f"{len(found)} {kind.__name__} with {props}")
        return found[0]

    name = one(TextInput, title="Name")
    toggle = one(Toggle)
    colour = one(Select, title="Colour")
    size = one(Select, title="Size")
    toppings = one(MultiSelect)
    tags = one(MultiChoice)
    checks = one(CheckboxGroup)
    radios = one(RadioGroup)
    check_buttons = one(CheckboxButtonGroup)
    radio_buttons = one(RadioButtonGroup)
    switch = one(Switch)
    amount = one(Slider, title="Amount")
    double = one(Spinner)
    count = one(NumericInput, title="Count")
    rng = one(RangeSlider)
    day = one(DateSlider)
    days = one(DateRangeSlider)
    hours = one(DatetimeRangeSlider)
    picked = one(DatePicker)
    tint = one(ColorPicker)
    upload = one(FileInput)
    fruit = one(AutocompleteInput)
    notes = one(TextAreaInput)
    password = one(PasswordInput)
    tabs = one(Tabs)
    button = one(Button, label="Click me")
    menu = one(Dropdown)
    people = [s for s in doc.select({"type": ColumnDataSource}) if "score" in s.data][0]

    say(pulled={
        "Name": name.value,
        "Toggle": toggle.active,
        "Colour": colour.value,
        "Size": size.value,
        "Toppings": list(toppings.value),
        "Tags": list(tags.value),
        "CheckboxGroup": list(checks.active),
        "RadioGroup": radios.active,
        "CheckboxButtonGroup": list(check_buttons.active),
        "RadioButtonGroup": radio_buttons.active,
        "Switch": switch.active,
        "Amount": [amount.value, amount.value_throttled],
        "Double": double.value,
        "Count": count.value,
        "Range": list(rng.value),
        "Day": day.value,
        "Days": list(days.value),
        "Hours": list(hours.value),
        "Date": str(picked.value),
        "Tint": tint.color,
        "Upload": [upload.value, upload.filename, upload.mime_type],
        "Fruit": fruit.value,
        "Notes": notes.value,
        "Password": password.value,
        "Tabs": tabs.active,
        "selected": list(people.selected.indices),
        "score": [float(v) for v in people.data["score"]],
    })

    heard = {}

    def clicked(event):
        heard["click"] = event.model.label
        if len(heard) == 2:
            session.close()

    def chose(event):
        heard["item"] = event.item
        if len(heard) == 2:
            session.close()

    button.on_event(ButtonClick, clicked)
    menu.on_event(MenuItemClick, chose)
    # Bokeh hands a document's events to the models it subscribed when they joined it;
    # these joined before their on_event, so they are subscribed here.
    doc.callbacks.subscribe(ButtonClick.event_name, button)
    doc.callbacks.subscribe(MenuItemClick.event_name, menu)

    # Python's changes, for the page to show (the slider's through the app's callback,
    # which the server runs for Python).
    name.value = "from python"
    toggle.active = False
    colour.value = "orange"
    tags.value = ["bokeh"]
    checks.active = [2]
    radio_buttons.active = 2
    switch.active = True
    amount.value = 4.0
    rng.value = (1, 9)
    day.value = date(2024, 6, 1)
    picked.value = date(2024, 12, 25)
    tabs.active = 1
    people.selected.indices = [4, 5]
    people.patch({"score": [(0, 1.0)]})
    loop.add_callback(lambda: say(changed=True))

    timed_out = []
    loop.call_later(TIMEOUT_S, lambda: (timed_out.append(True), session.close()))
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    if timed_out:
        fail(f"heard only {heard} from the page within {TIMEOUT_S} s")
    say(heard=heard)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: widgets_peer.py URL SESSION_ID")
    main(sys.argv[1], sys.argv[2])
