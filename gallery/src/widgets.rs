//! Every Bokeh widget rokeh shows, in Bokeh's layouts, wired as an app would wire them:
//! a button whose clicks a callback counts, a menu and a text input whose events a
//! callback reports, a slider driving a spinner, a text input a callback rewrites in
//! capitals, a button that swaps the plot in a row (as Bokeh's crossfilter example
//! changes `layout.children`), an editable, sortable table, Bokeh's DataCube example, a
//! plot that follows the window's width, a button that opens a dialog. The browser tests and Python's bokeh.client use it, by role and name.

use rokeh::core::{ColumnData, Date, Datetime, PropType, Time, Value, DAY_MS};
use rokeh::document::{Document, EventKind, Id};
use rokeh::models::{
    column, row, AutocompleteInput, BuiltinIcon, Button, CategoricalSlider, Checkbox,
    CheckboxButtonGroup, CheckboxGroup, CloseAction, CloseDialog, ColorPicker, Column,
    ColumnDataSource, DataCube, DataTable, DateFormatter, DatePicker, DateRangePicker,
    DateRangeSlider, DateSlider, DatetimePicker, DatetimeRangePicker, DatetimeRangeSlider, Dialog,
    Div, Dropdown, FileInput, GridBox, GridChild, GroupBox, GroupingInfo, HTMLTemplateFormatter,
    HelpButton, Line, MenuItem, MultiChoice, MultiSelect, MultipleDatePicker,
    MultipleDatetimePicker, NumberEditor, NumberFormatter, NumericInput, OpenDialog, PaletteSelect,
    Paragraph, PasswordInput, PreText, RadioButtonGroup, RadioGroup, RangeSlider, Row, Select,
    SelectOption, SelectOptions, SizingMode, Slider, Spacer, Spinner, StringEditor,
    StringFormatter, SumAggregator, Switch, TabPanel, TableColumn, Tabs, TextAreaInput, TextInput,
    TimePicker, Toggle, Tooltip,
};
use rokeh::plotting::{figure, linear_cmap, FigureArgs};

fn day(year: i32, month: u32, d: u32) -> Datetime {
    Date::new(year, month, d).expect("a real day").to_datetime()
}

pub fn widgets(doc: &mut Document) {
    let counter = doc.add(Div {
        text: "clicks: 0".into(),
        ..Div::default()
    });
    let status = doc.add(Div {
        text: "nothing yet".into(),
        ..Div::default()
    });
    let heading = doc.add(Div {
        text: "<h2>Widgets</h2>".into(),
        ..Div::default()
    });

    // Buttons.
    let button = doc.add(Button {
        label: "Click me".into(),
        ..Button::default()
    });
    let settings = doc.add(BuiltinIcon {
        icon_name: "settings".into(),
        size: "1.2em".into(),
        color: "gray".into(),
    });
    let toggle = doc.add(Toggle {
        label: "Toggle me".into(),
        icon: Some(settings.into()),
        ..Toggle::default()
    });
    let dropdown = doc.add(Dropdown {
        label: "Pick a fruit".into(),
        menu: vec![
            Some("apple".into()),
            Some(MenuItem::Labelled("Banana".into(), Value::str("banana"))),
            None,
            Some("cherry".into()),
        ],
        ..Dropdown::default()
    });
    // The count lives in the document, so a click undone with its callback uncounts.
    doc.on_event(button, EventKind::ButtonClick, move |doc, _| {
        let text = doc.get(counter, Div::TEXT);
        let clicks: u64 = text.trim_start_matches("clicks: ").parse().unwrap_or(0);
        doc.set(counter, Div::TEXT, format!("clicks: {}", clicks + 1))
    });
    // Once the page shows the document: run by the page alone, or by the server of its
    // session when the page tells it (Python's `curdoc().on_event(DocumentReady, ...)`).
    doc.on_document_event(EventKind::DocumentReady, move |doc, _| {
        doc.set(status, Div::TEXT, "shown: nothing chosen yet".to_owned())
    });
    doc.on_event(dropdown, EventKind::MenuItemClick, move |doc, event| {
        let item = event.value("item").and_then(Value::as_str).unwrap_or("?");
        doc.set(status, Div::TEXT, format!("menu: {item}"))
    });

    // Text.
    let name = doc.add(TextInput {
        title: "Name".into(),
        placeholder: "your name".into(),
        ..TextInput::default()
    });
    doc.on_event(name, EventKind::ValueSubmit, move |doc, event| {
        let value = event.value("value").and_then(Value::as_str).unwrap_or("");
        doc.set(status, Div::TEXT, format!("submitted: {value}"))
    });
    let shout = doc.add(TextInput {
        title: "Shout".into(),
        ..TextInput::default()
    });
    // A callback rewriting the value the user committed: the page shows it at once.
    doc.on_change(shout, TextInput::VALUE, move |doc, change| {
        doc.set(shout, TextInput::VALUE, change.new.to_uppercase())
    });
    let password = doc.add(PasswordInput {
        title: "Password".into(),
        ..PasswordInput::default()
    });
    let notes = doc.add(TextAreaInput {
        title: "Notes".into(),
        rows: 3,
        ..TextAreaInput::default()
    });
    let fruit = doc.add(AutocompleteInput {
        title: "Fruit".into(),
        completions: ["apple", "apricot", "banana", "blueberry", "cherry"]
            .map(String::from)
            .to_vec(),
        min_characters: 1,
        ..AutocompleteInput::default()
    });
    let count = doc.add(NumericInput {
        title: "Count".into(),
        value: Some(3.0),
        low: Some(0.0),
        high: Some(100.0),
        ..NumericInput::default()
    });
    let double = doc.add(Spinner {
        title: "Double".into(),
        value: Some(2.0),
        step: 0.5,
        low: Some(-100.0),
        high: Some(100.0),
        ..Spinner::default()
    });

    // Choices.
    let colour = doc.add(Select {
        title: "Colour".into(),
        value: Value::str("red"),
        options: SelectOptions::Groups(vec![
            ("Warm".into(), vec!["red".into(), "orange".into()]),
            ("Cool".into(), vec![("blue", "Blue").into(), "green".into()]),
        ]),
        ..Select::default()
    });
    let size = doc.add(Select {
        title: "Size".into(),
        value: Value::str("m"),
        options: SelectOptions::List(vec![
            ("s", "Small").into(),
            ("m", "Medium").into(),
            ("l", "Large").into(),
        ]),
        ..Select::default()
    });
    let toppings = doc.add(MultiSelect {
        title: "Toppings".into(),
        options: ["cheese", "ham", "olives", "peppers"]
            .map(SelectOption::from)
            .to_vec(),
        value: vec!["cheese".into()],
        ..MultiSelect::default()
    });
    let tags = doc.add(MultiChoice {
        title: "Tags".into(),
        options: ["rust", "python", "bokeh", "wasm"]
            .map(SelectOption::from)
            .to_vec(),
        value: vec!["rust".into()],
        placeholder: Some("add tags".into()),
        ..MultiChoice::default()
    });
    let checks = doc.add(CheckboxGroup {
        labels: ["Lines", "Points", "Legend"].map(String::from).to_vec(),
        active: vec![0],
        ..CheckboxGroup::default()
    });
    let radios = doc.add(RadioGroup {
        labels: ["Linear", "Log"].map(String::from).to_vec(),
        active: Some(0),
        inline: true,
        ..RadioGroup::default()
    });
    let check_buttons = doc.add(CheckboxButtonGroup {
        labels: ["Bold", "Italic", "Underline"].map(String::from).to_vec(),
        ..CheckboxButtonGroup::default()
    });
    let radio_buttons = doc.add(RadioButtonGroup {
        labels: ["Left", "Centre", "Right"].map(String::from).to_vec(),
        active: Some(0),
        ..RadioButtonGroup::default()
    });
    let help = doc.add(Tooltip {
        content: "Amount doubles into the spinner".into(),
    });
    let help = doc.add(HelpButton {
        label: "".into(),
        icon: None,
        tooltip: help,
        disabled: false,
    });
    let switch = doc.add(Switch {
        label: "Dark mode".into(),
        ..Switch::default()
    });
    let autosave = doc.add(Checkbox {
        label: "Autosave".into(),
        ..Checkbox::default()
    });

    // Sliders; the first drives the spinner through a callback.
    let amount = doc.add(Slider::new("Amount", 1.0, 0.0, 10.0, 0.5));
    doc.on_change(amount, Slider::VALUE, move |doc, change| {
        doc.set(double, Spinner::VALUE, Some(2.0 * change.new))
    });
    let range = doc.add(RangeSlider::new("Range", (2.0, 8.0), 0.0, 10.0, 1.0));
    let (year_start, year_end) = (day(2024, 1, 1), day(2024, 12, 31));
    let when = doc.add(DateSlider::new(
        "Day",
        day(2024, 3, 10),
        year_start,
        year_end,
    ));
    let days = doc.add(DateRangeSlider::new(
        "Days",
        (day(2024, 2, 1), day(2024, 2, 10)),
        year_start,
        year_end,
    ));
    let may_day = day(2024, 5, 1).0;
    let hour = |h: f64| Datetime(may_day + h * 3_600_000.0);
    let hours = doc.add(DatetimeRangeSlider::new(
        "Hours",
        (hour(6.0), hour(18.0)),
        hour(0.0),
        Datetime(may_day + DAY_MS),
    ));
    let fit = doc.add(CategoricalSlider::new("Fit", &["S", "M", "L", "XL"], "M"));

    // Pickers.
    let date = doc.add(DatePicker {
        title: "Date".into(),
        value: Date::new(2024, 3, 10),
        min_date: Date::new(2024, 1, 1),
        max_date: Date::new(2024, 12, 31),
        ..DatePicker::default()
    });
    let meeting = doc.add(DatetimePicker {
        title: "Meeting".into(),
        value: Some(Datetime(day(2024, 3, 10).0 + 9.5 * 3_600_000.0)),
        ..DatetimePicker::default()
    });
    let alarm = doc.add(TimePicker {
        title: "Alarm".into(),
        value: Some(Time(7.0 * 3_600_000.0)),
        ..TimePicker::default()
    });
    let trip = doc.add(DateRangePicker {
        title: "Trip".into(),
        value: Date::new(2024, 7, 1).zip(Date::new(2024, 7, 14)),
        ..DateRangePicker::default()
    });
    let window = doc.add(DatetimeRangePicker {
        title: "Window".into(),
        ..DatetimeRangePicker::default()
    });
    let holidays = doc.add(MultipleDatePicker {
        title: "Holidays".into(),
        value: Date::new(2024, 12, 25).into_iter().collect(),
        ..MultipleDatePicker::default()
    });
    let reminders = doc.add(MultipleDatetimePicker {
        title: "Reminders".into(),
        seconds: true,
        ..MultipleDatetimePicker::default()
    });
    let palette = |name: &str| {
        let colors = rokeh::models::palettes::palette(name).expect("one of Bokeh's palettes");
        (name.to_owned(), colors)
    };
    let palettes = doc.add(PaletteSelect {
        title: "Palette".into(),
        value: "Viridis256".into(),
        items: vec![
            palette("Viridis256"),
            palette("Magma256"),
            palette("Category10_10"),
        ],
        ncols: 1,
        swatch_width: 100,
        swatch_height: rokeh::models::AutoOr::Auto,
        disabled: false,
    });
    let tint = doc.add(ColorPicker {
        title: "Tint".into(),
        color: "#1f77b4".into(),
        ..ColorPicker::default()
    });
    let upload = doc.add(FileInput {
        title: "Upload".into(),
        ..FileInput::default()
    });

    // Markup.
    let paragraph = doc.add(Paragraph {
        text: "A paragraph of text.".into(),
    });
    let pre = doc.add(PreText {
        text: "pre\n  formatted".into(),
    });
    let plain = doc.add(Div {
        text: "<b>not bold</b>".into(),
        render_as_text: true,
    });

    // A table and a plot in tabs; a plot row whose child a button swaps.
    let table = people_table(doc);
    let x: Vec<f64> = (0..50).map(|i| i as f64 / 5.0).collect();
    let source = doc.add(ColumnDataSource::new([
        ("x", x.clone()),
        ("y", x.iter().map(|x| x.sin()).collect::<Vec<_>>()),
        ("z", x.iter().map(|x| x.cos()).collect::<Vec<_>>()),
    ]));
    let plot = |doc: &mut Document, title: &str, y: &str| {
        let plot = figure(
            doc,
            FigureArgs {
                title: title.into(),
                width: 400,
                height: 250,
                ..FigureArgs::default()
            },
        );
        plot.line(
            doc,
            source,
            Line {
                y: rokeh::core::Spec::field(y),
                ..Line::default()
            },
        );
        plot
    };
    let sine = plot(doc, "sine", "y");
    let cosine = plot(doc, "cosine", "z");
    let wide = plot(doc, "wide", "y");
    doc.set(
        wide,
        rokeh::models::Figure::SIZING_MODE,
        Some(SizingMode::StretchWidth),
    )
    .expect("a sizing mode");
    let swap = doc.add(Button {
        label: "Swap plot".into(),
        ..Button::default()
    });
    let swapped = doc.add(Row {
        children: vec![sine.any()],
        ..Row::default()
    });
    // Each plot comes back after being swapped out: kept while detached.
    doc.keep(sine);
    doc.keep(cosine);
    doc.on_event(swap, EventKind::ButtonClick, move |doc, _| {
        let shown = doc.get(swapped, Row::CHILDREN);
        let next = if shown.first() == Some(&sine.any()) {
            cosine
        } else {
            sine
        };
        doc.set(swapped, Row::CHILDREN, vec![next.any()])
    });
    let table_tab = doc.add(TabPanel {
        child: table.any(),
        title: "Table".into(),
        closable: false,
        disabled: false,
    });
    let swap_column = column(doc, [swap.any(), swapped.any()]);
    let plot_tab = doc.add(TabPanel {
        child: swap_column.any(),
        title: "Plot".into(),
        closable: false,
        disabled: false,
    });
    let tabs = doc.add(Tabs {
        tabs: vec![table_tab, plot_tab],
        ..Tabs::default()
    });

    // A button that opens a dialog, whose own button closes it (Bokeh's ui/dialog.py).
    let close = doc.add(Button {
        label: "Close the dialog".into(),
        ..Button::default()
    });
    let said = doc.add(Div {
        text: "Said in a <b>dialog</b>".into(),
        ..Div::default()
    });
    let inside = column(doc, [said.any(), close.any()]);
    let dialog = doc.add(Dialog {
        title: Some("A dialog".into()),
        content: inside.into(),
        closable: true,
        close_action: CloseAction::Destroy,
    });
    let opener = doc.add(Button {
        label: "Open a dialog".into(),
        ..Button::default()
    });
    let open_it = doc.add(OpenDialog { dialog });
    doc.js_on_event(opener, EventKind::ButtonClick, open_it)
        .expect("a button takes a click's callback");
    let close_it = doc.add(CloseDialog { dialog });
    doc.js_on_event(close, EventKind::ButtonClick, close_it)
        .expect("a button takes a click's callback");

    let buttons = column(
        doc,
        [
            button.any(),
            toggle.any(),
            dropdown.any(),
            opener.any(),
            counter.any(),
            status.any(),
        ],
    );
    let texts = column(
        doc,
        [
            name.any(),
            shout.any(),
            password.any(),
            notes.any(),
            fruit.any(),
            count.any(),
            double.any(),
        ],
    );
    let choices = column(
        doc,
        [
            colour.any(),
            size.any(),
            toppings.any(),
            tags.any(),
            date.any(),
            meeting.any(),
            alarm.any(),
            trip.any(),
            window.any(),
            holidays.any(),
            reminders.any(),
            palettes.any(),
            tint.any(),
            upload.any(),
        ],
    );
    // Two settings under a title whose check box enables and disables them.
    let toggles = column(doc, [switch.any(), autosave.any()]);
    let settings = doc.add(GroupBox {
        child: toggles.any(),
        title: Some("Settings".into()),
        checkable: true,
        disabled: false,
    });
    let groups = column(
        doc,
        [
            checks.any(),
            radios.any(),
            check_buttons.any(),
            radio_buttons.any(),
            settings.any(),
        ],
    );
    let sliders = column(
        doc,
        [
            amount.any(),
            help.any(),
            range.any(),
            when.any(),
            days.any(),
            hours.any(),
            fit.any(),
        ],
    );
    let markup = column(doc, [paragraph.any(), pre.any(), plain.any()]);
    let spacer = doc.add(Spacer {
        width: Some(40),
        ..Spacer::default()
    });
    let grid = doc.add(GridBox {
        children: vec![
            GridChild::at(buttons, 0, 0),
            GridChild::at(texts, 0, 1),
            GridChild::at(choices, 0, 2),
            GridChild::at(groups, 1, 0),
            GridChild::at(sliders, 1, 1),
            GridChild::at(markup, 1, 2),
        ],
        ..GridBox::default()
    });
    let cube = price_cube(doc);
    let side = column(doc, [tabs.any(), cube.any()]);
    let body = row(doc, [grid.any(), spacer.any(), side.any()]);
    let page = doc.add(Column {
        children: vec![heading.any(), body.any(), wide.any()],
        sizing_mode: Some(SizingMode::StretchWidth),
        ..Column::default()
    });
    doc.add_root(page);
    doc.set_title("Widgets");
}

/// A small editable table of people: names in bold (a template), scores with two
/// decimals, birthdays as dates.
fn people_table(doc: &mut Document) -> Id<DataTable> {
    let names = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald"];
    let scores = [91.5, 88.25, 79.0, 95.75, 84.5, 90.0];
    let born = [
        day(1815, 12, 10),
        day(1906, 12, 9),
        day(1912, 6, 23),
        day(1930, 5, 11),
        day(1939, 11, 3),
        day(1938, 1, 10),
    ];
    let source = doc.add(ColumnDataSource {
        data: ColumnData(vec![
            (
                "name".into(),
                Value::List(names.iter().map(|n| Value::str(*n)).collect()),
            ),
            ("score".into(), Value::Array(scores.to_vec().into())),
            (
                "born".into(),
                Value::Array(born.iter().map(|d| d.0).collect::<Vec<_>>().into()),
            ),
        ]),
    });
    let template = doc.add(HTMLTemplateFormatter {
        template: "<b><%= value %></b>".into(),
    });
    let two_decimals = doc.add(NumberFormatter {
        format: "0.00".into(),
        ..NumberFormatter::default()
    });
    // Scores shaded from white (80) to green (95), as Bokeh's
    // NumberFormatter(background_color=linear_cmap(…)).
    let shade = linear_cmap(
        doc,
        "score",
        vec!["#ffffff".into(), "#74c476".into()],
        80.0,
        95.0,
    );
    let shade = shade.to_value(&*doc);
    (doc.set_attr(two_decimals.any(), "background_color", shade)).expect("a color spec");
    let iso = doc.add(DateFormatter {
        format: "%Y-%m-%d".into(),
        ..DateFormatter::default()
    });
    let text_editor = doc.add(StringEditor::default());
    let number_editor = doc.add(NumberEditor::default());
    let name = doc.add(TableColumn {
        formatter: Some(template.any()),
        editor: Some(text_editor.any()),
        ..TableColumn::new("name", "Name")
    });
    let score = doc.add(TableColumn {
        formatter: Some(two_decimals.any()),
        editor: Some(number_editor.any()),
        ..TableColumn::new("score", "Score")
    });
    let born = doc.add(TableColumn {
        formatter: Some(iso.any()),
        ..TableColumn::new("born", "Born")
    });
    doc.add(DataTable {
        source: Some(source.into()),
        columns: vec![name, score, born],
        editable: true,
        width: Some(500),
        height: Some(220),
        ..DataTable::default()
    })
}

/// Bokeh's examples/interaction/widgets/data_cube.py: prices grouped by `d0`, then by
/// `d1`, each group showing its sum; the rows shown written into a target source.
fn price_cube(doc: &mut Document) -> Id<DataCube> {
    let text = |xs: [&str; 7]| Value::List(xs.iter().map(|x| Value::str(*x)).collect());
    let source = doc.add(ColumnDataSource {
        data: ColumnData(vec![
            ("d0".into(), text(["A", "E", "E", "E", "J", "L", "M"])),
            ("d1".into(), text(["B", "D", "D", "H", "K", "L", "N"])),
            ("d2".into(), text(["C", "F", "G", "H", "K", "L", "O"])),
            (
                "px".into(),
                Value::List((1..=7).map(|i| Value::Int(i * 10)).collect()),
            ),
        ]),
    });
    let target = doc.add(ColumnDataSource {
        data: ColumnData(vec![
            ("row_indices".into(), Value::List(Vec::new())),
            ("labels".into(), Value::List(Vec::new())),
        ]),
    });
    let bold = doc.add(StringFormatter::default());
    doc.set_attr(bold.any(), "font_style", Value::str("bold"))
        .expect("a font style");
    let name = doc.add(TableColumn {
        width: 80,
        sortable: false,
        formatter: Some(bold.any()),
        ..TableColumn::new("d2", "Name")
    });
    let price = doc.add(TableColumn {
        width: 40,
        sortable: false,
        ..TableColumn::new("px", "Price")
    });
    let grouping = ["d0", "d1"].map(|getter| {
        let sum = doc.add(SumAggregator {
            field_: "px".into(),
        });
        doc.add(GroupingInfo {
            getter: getter.into(),
            aggregators: vec![sum.any()],
            collapsed: false,
        })
    });
    doc.add(DataCube {
        width: Some(500),
        height: Some(260),
        ..DataCube::new(
            source.into(),
            vec![name, price],
            grouping.to_vec(),
            target.into(),
        )
    })
}

/// How many rows the big table app shows.
pub const TABLE_ROWS: usize = 100_000;

/// A table of `TABLE_ROWS` rows, for scrolling: only the rows in view are drawn.
pub fn big_table(doc: &mut Document) {
    let n = TABLE_ROWS;
    let index: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let value: Vec<f64> = (0..n).map(|i| ((i as f64) * 0.37).sin() * 1000.0).collect();
    let source = doc.add(ColumnDataSource::new([("index", index), ("value", value)]));
    let three = doc.add(NumberFormatter {
        format: "0,0.000".into(),
        ..NumberFormatter::default()
    });
    let index_column = doc.add(TableColumn::new("index", "Row"));
    let value_column = doc.add(TableColumn {
        formatter: Some(three.any()),
        ..TableColumn::new("value", "Value")
    });
    let table = doc.add(DataTable {
        source: Some(source.into()),
        columns: vec![index_column, value_column],
        width: Some(500),
        height: Some(500),
        ..DataTable::default()
    });
    doc.add_root(table);
    doc.set_title("A big table");
}
