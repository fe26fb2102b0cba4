"""Real Python Bokeh pushes a document holding every widget rokeh shows, in Bokeh's
layouts, into a `rokeh serve` session (bokeh.client.push_session), for a page to join.
Each input's title (or label) starts with "py ", so the page can find it by name.

Usage: widgets_push.py http://127.0.0.1:PORT/APP SESSION_ID [--replace]
Prints {"pushed": N} (N models) once the session holds the document; exits non-zero with
a message on failure. With --replace, pushes a document of one Div ("py replaced") instead.
"""
import json
import sys
from datetime import date, datetime, time

from bokeh.client import push_session
from bokeh.document import Document
from bokeh.layouts import column, gridplot, row
from bokeh.models import (
    AutocompleteInput, BuiltinIcon, Button, Checkbox, CheckboxButtonGroup, CheckboxGroup, CloseDialog, ColorPicker,
    Column, ColumnDataSource, DataTable, DateFormatter, Dialog, OpenDialog, DatePicker, DateRangePicker,
    DateRangeSlider, DateSlider, DatetimeRangeSlider, Div, Dropdown, FileInput,
    HTMLTemplateFormatter, HelpButton, InlineStyleSheet, MultiChoice, MultiSelect, MultipleDatePicker,
    NumberEditor, NumberFormatter, NumericInput, PaletteSelect, Paragraph, PasswordInput, PreText,
    RadioButtonGroup, RadioGroup, RangeSlider, Select, SetValue, Slider, Spacer, Spinner, SVGIcon, Switch,
    TabPanel, TableColumn, Tabs, TextAreaInput, TextInput, TimePicker, Toggle, Tooltip,
)
from bokeh.models import dom
from bokeh.models.dom import HTML
from bokeh.plotting import figure
from tornado.ioloop import IOLoop


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def dialog_button():
    """A button that opens a Dialog whose own button closes it (basic/ui/dialog.py)."""
    close = Button(label="py close dialog")
    dialog = Dialog(title="py dialog", content=Column(children=[Div(text="py dialog body"), close]))
    open_button = Button(label="py open dialog")
    open_button.js_on_click(OpenDialog(dialog=dialog))
    close.js_on_click(CloseDialog(dialog=dialog))
    return open_button


def widgets_document():
    source = ColumnDataSource(data=dict(
        city=["Oslo", "Lima", "Pune"],
        temp=[3.5, 19.25, 27.0],
        when=[datetime(2024, 1, 5), datetime(2024, 2, 6), datetime(2024, 3, 7)],
    ))
    table = DataTable(source=source, editable=True, width=400, height=150, columns=[
        TableColumn(field="city", title="py city", formatter=HTMLTemplateFormatter(template="<i><%= value %></i>")),
        TableColumn(field="temp", title="py temp", formatter=NumberFormatter(format="0.0"), editor=NumberEditor()),
        TableColumn(field="when", title="py when", formatter=DateFormatter(format="%d/%m/%Y")),
    ])
    plots = []
    for title in ("py left", "py right"):
        p = figure(title=title, width=200, height=150)
        p.line([1, 2, 3], [1, 4, 9])
        plots.append(p)
    widgets = column(
        Button(label="py button", button_type="primary"),
        Button(label="py icon button", button_type="success",
               icon=BuiltinIcon("settings", size="1.2em", color="white")),
        Button(label=HTML("py <b>html</b> button")),
        dialog_button(),
        Toggle(label="py toggle", active=True),
        Dropdown(label="py menu", menu=["a", ("B", "b"), None, "c"], icon=SVGIcon(size=16, svg=(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor" fill="none">'
            '<path d="M15 3h5v5"></path></svg>'))),
        Dropdown(label="py split", split=True, menu=["x", "y"]),
        TextInput(title="py text", value="hello", prefix="$", description="py text description"),
        PasswordInput(title="py password", description=Tooltip(content=HTML("<b>py</b> secret"), position="right")),
        TextAreaInput(title="py area", rows=3),
        TextInput(title=HTML("py <i>html</i> title")),
        AutocompleteInput(title="py complete", completions=["alpha", "beta"]),
        NumericInput(title="py numeric", value=3, low=0, high=10),
        Spinner(title="py spinner", value=1.5, step=0.5),
        Select(title="py select", value="b", options={"first": ["a", "b"], "second": [("c", "C")]}),
        MultiSelect(title="py multiselect", value=["x"], options=["x", "y", "z"]),
        MultiChoice(title="py multichoice", value=["y"], options=["x", "y", "z"]),
        DatePicker(title="py date", value=date(2024, 3, 1), min_date=date(2024, 1, 1)),
        TimePicker(title="py time", value=time(10, 30)),
        DateRangePicker(title="py date range", value=(date(2024, 1, 2), date(2024, 1, 9))),
        MultipleDatePicker(title="py dates", value=[date(2024, 1, 2), "2024-01-05"]),
        ColorPicker(title="py color", color="navy"),
        FileInput(title="py file", accept=".txt,.csv"),
    )
    choices = column(
        CheckboxGroup(labels=["py check a", "py check b"], active=[1]),
        RadioGroup(labels=["py radio a", "py radio b"], active=0),
        CheckboxButtonGroup(labels=["py cb a", "py cb b"], active=[0]),
        RadioButtonGroup(labels=["py rb a", "py rb b"], active=1),
        Switch(label="py switch", active=True),
        Checkbox(label="py checkbox", active=True),
        HelpButton(tooltip=Tooltip(content="py help", position="right")),
        HelpButton(tooltip=Tooltip(content=HTML("py <b>bold</b> help"), position="right")),
        PaletteSelect(title="py palette", value="Greys", items=[("Greys", ["#000000", "#ffffff"]), ("Reds", ["#ff0000"])]),
        Slider(title="py slider", start=0, end=10, value=4, step=1),
        RangeSlider(title="py range", start=0, end=10, value=(2, 6), step=1),
        DateSlider(title="py dateslider", start=date(2024, 1, 1), end=date(2024, 12, 31), value=date(2024, 6, 1)),
        DateRangeSlider(title="py daterange", start=date(2024, 1, 1), end=date(2024, 12, 31),
                        value=(date(2024, 2, 1), date(2024, 3, 1))),
        DatetimeRangeSlider(title="py datetimerange", start=datetime(2024, 1, 1), end=datetime(2024, 1, 2),
                            value=(datetime(2024, 1, 1, 6), datetime(2024, 1, 1, 12))),
        Div(text="<em>py div</em>"),
        # Bokeh 3's stylesheets: `:host` is the Div's own element, the rest inside it.
        Div(text="<b>py styled</b>", css_classes=["boxed"], stylesheets=[InlineStyleSheet(
            css=":host(.boxed) { border: 3px solid rgb(1, 2, 3); } b { color: rgb(4, 5, 6); }")]),
        Paragraph(text="py dict styled", stylesheets=[{":host": {"background-color": "rgb(7, 8, 9)"}}]),
        Paragraph(text="py paragraph"),
        PreText(text="py pre"),
    )
    tabs = Tabs(tabs=[
        TabPanel(child=table, title="py table tab"),
        TabPanel(child=gridplot([[plots[0], plots[1]]]), title="py grid tab", closable=True),
    ])
    doc = Document()
    doc.add_root(row(widgets, Spacer(width=30), choices, tabs, sizing_mode="stretch_width"))
    # A DOM element as a root, laying widgets out by CSS (basic/layouts/css_layouts.py).
    grid = dom.Div(
        style=dom.Styles(display="grid", grid_template_columns="auto auto", gap="10px"),
        children=[Paragraph(text="py cell a"), Paragraph(text="py cell b"), "py dom text"],
    )
    doc.add_root(grid)
    # A dialog that is a root, opened by setting its `visible` (models/widgets.py).
    root_dialog = Dialog(title="py root dialog", content="py root dialog body", visible=False)
    shower = Button(label="py show root dialog")
    shower.js_on_click(SetValue(obj=root_dialog, attr="visible", value=True))
    doc.add_root(shower)
    doc.add_root(root_dialog)
    doc.title = "Python's widgets"
    return doc


def replacement_document():
    """A document of one Div, pushed over the widgets one."""
    doc = Document()
    doc.add_root(Div(text="py replaced"))
    doc.title = "Python's replacement"
    return doc


def main(url, session_id, replace=False):
    doc = replacement_document() if replace else widgets_document()
    session = push_session(doc, session_id=session_id, url=url, io_loop=IOLoop())
    session.close()
    print(json.dumps({"pushed": len(doc.models)}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[3:] not in ([], ["--replace"]):
        fail("usage: widgets_push.py URL SESSION_ID [--replace]")
    main(sys.argv[1], sys.argv[2], replace=sys.argv[3:] == ["--replace"])
