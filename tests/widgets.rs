//! The widget and layout models: their values as Bokeh writes them, the checks they
//! make, the models Bokeh makes for them by default, and the "widgets" gallery app's
//! document read whole by real Python Bokeh (./.venv).

use std::path::Path;
use std::process::Command;

use rokeh::core::{AnyId, Date, Datetime, PropType, Value};
use rokeh::document::json::{to_json, BufferMode};
use rokeh::document::{Document, DocumentError};
use rokeh::models::{
    gridplot, ColumnDataSource, DataTable, GridChild, GridPlot, MenuItem, RangeSlider, Select,
    SelectOption, SelectOptions, TableColumn,
};

#[test]
fn select_options_plain_labelled_and_grouped_read_as_bokeh_writes_them() {
    let doc = Document::new();
    let plain = Value::List(vec![
        Value::str("a"),
        Value::List(vec![Value::str("b"), Value::str("Bee")]),
    ]);
    let options = SelectOptions::from_value(&plain, &doc).unwrap();
    let SelectOptions::List(list) = &options else {
        panic!("{options:?}")
    };
    assert_eq!(list[1], SelectOption::from(("b", "Bee")));
    assert_eq!(
        options.clone().to_value(&doc),
        plain,
        "written back as read"
    );
    // Python writes a dict as a map; a plain object reads the same.
    let grouped = Value::Map(vec![(Value::str("g"), Value::List(vec![Value::str("x")]))]);
    let groups = SelectOptions::from_value(&grouped, &doc).unwrap();
    assert_eq!(groups.all().len(), 1);
    let object = Value::Object(vec![("g".into(), Value::List(vec![Value::str("x")]))]);
    assert_eq!(SelectOptions::from_value(&object, &doc), Some(groups));
    assert_eq!(SelectOptions::from_value(&Value::Int(3), &doc), None);

    let menu = Value::List(vec![
        Value::str("x"),
        Value::Null,
        Value::List(vec![Value::str("Y"), Value::str("y")]),
    ]);
    let items = Vec::<Option<MenuItem>>::from_value(&menu, &doc).unwrap();
    assert_eq!(items[2].as_ref().and_then(MenuItem::item), Some("y"));
    assert_eq!(items[2].as_ref().map(MenuItem::label), Some("Y"));
    assert!(items[1].is_none(), "null is a divider");
}

#[test]
fn a_select_takes_a_value_of_any_kind_and_refuses_bad_options() {
    let mut doc = Document::new();
    let select = doc.add(Select::default());
    doc.set(select, Select::VALUE, Value::Int(3)).unwrap();
    let bad = doc.set_attr(select.any(), "options", Value::List(vec![Value::Int(1)]));
    assert!(
        matches!(bad, Err(DocumentError::WrongType { .. })),
        "{bad:?}"
    );
}

#[test]
fn range_sliders_keep_both_values_within_their_range() {
    let mut doc = Document::new();
    let range = doc.add(RangeSlider::new("r", (2.0, 8.0), 0.0, 10.0, 1.0));
    doc.set(range, RangeSlider::VALUE, (1.0, 9.0)).unwrap();
    let out = doc.set(range, RangeSlider::VALUE, (1.0, 11.0));
    assert!(
        matches!(out, Err(DocumentError::OutOfDomain { .. })),
        "{out:?}"
    );
    assert_eq!(doc.get(range, RangeSlider::VALUE), (1.0, 9.0));
}

#[test]
fn dates_read_from_python_strings_and_milliseconds() {
    let doc = Document::new();
    let from_string = Date::from_value(&Value::str("2024-07-04"), &doc).unwrap();
    let from_ms = Date::from_value(&Value::Float(1_720_051_200_000.0), &doc).unwrap();
    assert_eq!(from_string, from_ms);
    assert_eq!(from_string.to_value(&doc), Value::str("2024-07-04"));
    let instant = Datetime::from_value(&Value::str("2024-07-04T12:00:00"), &doc).unwrap();
    assert_eq!(instant.0, 1_720_051_200_000.0 + 43_200_000.0);
}

#[test]
fn gridplot_places_rows_of_cells_and_skips_empty_ones() {
    let mut doc = Document::new();
    let a = doc.add(rokeh::models::Div::default()).any();
    let b = doc.add(rokeh::models::Div::default()).any();
    let grid = gridplot(&mut doc, [vec![Some(a), None], vec![None, Some(b)]]);
    let cells = doc.get(grid, GridPlot::CHILDREN);
    assert_eq!(cells, vec![GridChild::at(a, 0, 0), GridChild::at(b, 1, 1)]);
    let json = cells[1].to_value(&doc);
    assert_eq!(
        json.as_list().map(<[Value]>::len),
        Some(3),
        "(child, row, col)"
    );
    let spanning = Value::List(vec![
        json.as_list().unwrap()[0].clone(),
        Value::Int(0),
        Value::Int(1),
        Value::Int(2),
        Value::Int(1),
    ]);
    let read = GridChild::from_value(&spanning, &doc).unwrap();
    assert_eq!((read.row_span, read.col_span), (2, 1));
}

/// The model a reference attribute names.
fn referred(doc: &Document, model: AnyId, attr: &str) -> Option<String> {
    let id = doc.get_attr(model, attr).ok()?;
    let any = doc.lookup(id.as_ref_id()?)?;
    Some(doc.model(any).type_name.clone())
}

#[test]
fn models_get_the_instances_bokeh_makes_by_default() {
    let mut doc = Document::new();
    let source = doc.add(ColumnDataSource::new([("x", vec![1.0])]));
    let column = doc.add(TableColumn::new("x", "X"));
    let table = doc.add(DataTable {
        source: Some(source.into()),
        columns: vec![column],
        ..DataTable::default()
    });
    assert_eq!(
        referred(&doc, source.any(), "selected").as_deref(),
        Some("Selection")
    );
    assert_eq!(
        referred(&doc, source.any(), "selection_policy").as_deref(),
        Some("UnionRenderers")
    );
    assert_eq!(
        referred(&doc, column.any(), "formatter").as_deref(),
        Some("StringFormatter")
    );
    assert_eq!(
        referred(&doc, column.any(), "editor").as_deref(),
        Some("StringEditor")
    );
    assert_eq!(
        referred(&doc, table.any(), "view").as_deref(),
        Some("CDSView")
    );
    let view = doc
        .lookup(
            doc.get_attr(table.any(), "view")
                .unwrap()
                .as_ref_id()
                .unwrap(),
        )
        .unwrap();
    assert_eq!(
        referred(&doc, view, "filter").as_deref(),
        Some("AllIndices")
    );
    // What app code gives is kept.
    assert_eq!(doc.get(table, DataTable::SOURCE), Some(source.into()));
}

#[test]
fn python_bokeh_reads_the_whole_widgets_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".venv/bin/python");
    assert!(
        python.exists(),
        "no Python Bokeh at {}: run scripts/python-venv.sh first",
        python.display()
    );
    let mut doc = Document::new();
    rokeh_gallery::widgets(&mut doc);
    let json = to_json(&doc, BufferMode::Inline).json;
    let path = std::env::temp_dir().join(format!("rokeh-widgets-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    let out = Command::new(python)
        .arg(root.join("tests/python/widgets_load.py"))
        .arg(&path)
        .output()
        .expect("python runs");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{printed}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for kind in [
        "DataTable",
        "DataCube",
        "GroupingInfo",
        "SumAggregator",
        "Tabs",
        "GridBox",
        "MultiChoice",
        "DatetimeRangeSlider",
        "FileInput",
        "Spacer",
    ] {
        assert!(
            printed.split_whitespace().any(|w| w == kind),
            "{kind} missing: {printed}"
        );
    }
}
