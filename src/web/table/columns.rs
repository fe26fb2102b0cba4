//! A DataTable's columns as the table shows them: each TableColumn's field, title, width,
//! whether it sorts, and its cell formatter and editor, read from their models; and a
//! cell's value written as the formatter says (Bokeh's StringFormatter, NumberFormatter,
//! DateFormatter, HTMLTemplateFormatter).

use std::cmp::Ordering;

use crate::core::{AnyId, Datetime, Value};
use crate::document::Document;
use crate::format::{
    date_format_pattern, escape_html, js_number, numbro, plain, render_template, strftime,
};
use crate::render::mappers::map_colors;
use crate::render::read::Reader;

use leptos::prelude::*;

use super::super::page::Page;
use super::super::widgets::control::Attrs;

/// The models `model`'s property `attr` refers to (one, or a list of them).
pub fn refs(doc: &Document, model: AnyId, attr: &str) -> Vec<AnyId> {
    match doc.get_attr(model, attr) {
        Ok(Value::List(items)) => items
            .iter()
            .filter_map(|v| doc.lookup(v.as_ref_id()?))
            .collect(),
        Ok(Value::Ref(id)) => doc.lookup(&id).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The models a table's look depends on: its columns, their formatters and editors.
fn shown_models(doc: &Document, table: AnyId) -> Vec<AnyId> {
    let columns = refs(doc, table, "columns");
    let parts = columns
        .iter()
        .flat_map(|c| [refs(doc, *c, "formatter"), refs(doc, *c, "editor")].concat());
    columns.iter().copied().chain(parts).collect()
}

/// A table's visible columns, read again when the table, a column, or a column's
/// formatter or editor changes.
pub fn watch(page: Page, table: AnyId) -> Memo<Vec<ColumnSpec>> {
    Memo::new(move |_| {
        page.track(table);
        for shown in page.read(|d| shown_models(d, table)) {
            page.track(shown);
        }
        page.read(|d| ColumnSpec::read_all(d, table))
    })
}

/// How a column writes its cells.
#[derive(Clone, Debug, PartialEq)]
pub enum Formatter {
    Text {
        nan: String,
        null: String,
        style: TextStyle,
    },
    Number {
        format: String,
        nan: String,
        null: String,
        style: TextStyle,
    },
    Date {
        /// `None`: the milliseconds as they are ("TIMESTAMP").
        pattern: Option<String>,
        nan: String,
        null: String,
        style: TextStyle,
    },
    Template(String),
}

/// A StringFormatter's look: each a value for every cell, or the name of the row's
/// column that holds it (a color's through its spec's color mapper, if it has one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextStyle {
    font_style: Option<Value>,
    text_align: Option<Value>,
    text_color: Option<Value>,
    background_color: Option<Value>,
}

/// How a column's cells are edited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Editor {
    Text,
    Number { step: f64 },
    Int { step: f64 },
}

/// One column, as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnSpec {
    pub field: String,
    pub title: String,
    pub width: f64,
    pub sortable: bool,
    pub descending_first: bool,
    /// A NanCompare or CustomJSCompare: how its values compare when sorted.
    pub sorter: Option<AnyId>,
    pub formatter: Formatter,
    pub editor: Editor,
}

impl ColumnSpec {
    /// The visible columns of a table.
    pub fn read_all(doc: &Document, table: AnyId) -> Vec<ColumnSpec> {
        let columns = doc
            .get_attr(table, "columns")
            .ok()
            .and_then(|v| v.as_list().map(<[Value]>::to_vec))
            .unwrap_or_default();
        columns
            .iter()
            .filter_map(|c| doc.lookup(c.as_ref_id()?))
            .filter(|c| doc.get_attr(*c, "visible").ok().and_then(|v| v.as_bool()) != Some(false))
            .map(|c| ColumnSpec::read(doc, c))
            .collect()
    }

    fn read(doc: &Document, column: AnyId) -> ColumnSpec {
        let a = Attrs::new(doc, column);
        let field = a.text("field");
        let model_of = |name: &str| a.value(name).as_ref_id().and_then(|id| doc.lookup(id));
        ColumnSpec {
            title: a.opt_text("title").unwrap_or_else(|| field.clone()),
            field,
            width: a.number("width").unwrap_or(300.0).max(1.0),
            sortable: a.value("sortable").as_bool().unwrap_or(true),
            descending_first: a.text("default_sort") == "descending",
            sorter: model_of("sorter"),
            formatter: model_of("formatter")
                .map_or_else(Formatter::default, |f| Formatter::read(doc, f)),
            editor: model_of("editor").map_or(Editor::Text, |e| Editor::read(doc, e)),
        }
    }
}

impl Default for Formatter {
    fn default() -> Formatter {
        Formatter::Text {
            nan: "NaN".into(),
            null: "(null)".into(),
            style: TextStyle::default(),
        }
    }
}

impl Formatter {
    fn read(doc: &Document, model: AnyId) -> Formatter {
        let a = Attrs::new(doc, model);
        let type_name = doc
            .try_model(model)
            .map(|m| m.type_name.as_str())
            .unwrap_or("");
        let style = || TextStyle {
            font_style: spec(&a.value("font_style")),
            text_align: spec(&a.value("text_align")),
            text_color: spec(&a.value("text_color")),
            background_color: spec(&a.value("background_color")),
        };
        let (nan, null) = (a.text("nan_format"), a.text("null_format"));
        match type_name {
            "NumberFormatter" => Formatter::Number {
                format: a.text("format"),
                nan,
                null,
                style: style(),
            },
            "DateFormatter" => Formatter::Date {
                pattern: date_format_pattern(&a.text("format")).map(str::to_owned),
                nan,
                null,
                style: style(),
            },
            "HTMLTemplateFormatter" => Formatter::Template(a.text("template")),
            "StringFormatter" => Formatter::Text {
                nan,
                null,
                style: style(),
            },
            _ => Formatter::default(),
        }
    }

    /// The cell's HTML and inline style, in `row` (a group's row of totals has none).
    pub fn cell(&self, value: &Value, row: Option<&Row<'_>>) -> (String, String) {
        let missing = |nan: &str, null: &str| match value {
            Value::Null => Some(null.to_owned()),
            v if v.as_f64().is_some_and(f64::is_nan) => Some(nan.to_owned()),
            _ => None,
        };
        let (text, style) = match self {
            Formatter::Text { nan, null, style } => {
                (missing(nan, null).unwrap_or_else(|| plain(value)), style)
            }
            Formatter::Number {
                format,
                nan,
                null,
                style,
            } => {
                let text = missing(nan, null).unwrap_or_else(|| match value.as_f64() {
                    Some(x) => numbro(x, format),
                    None => plain(value),
                });
                (text, style)
            }
            Formatter::Date {
                pattern,
                nan,
                null,
                style,
            } => {
                let instant = match value {
                    Value::Str(s) => s
                        .parse::<f64>()
                        .ok()
                        .or_else(|| Datetime::parse(s).map(|d| d.0)),
                    v => v.as_f64(),
                };
                let text = missing(nan, null).unwrap_or_else(|| match (instant, pattern) {
                    (Some(ms), Some(pattern)) if ms.is_finite() => strftime(Datetime(ms), pattern),
                    (Some(ms), None) => js_number(ms),
                    _ => nan.clone(),
                });
                (text, style)
            }
            Formatter::Template(template) => {
                if matches!(value, Value::Null) {
                    return (String::new(), String::new());
                }
                let html = render_template(template, |name| match name {
                    "value" => Some(plain(value)),
                    other => row.map(|r| plain(&r.get(other))),
                });
                return (html, String::new());
            }
        };
        (escape_html(&text), style.css(row))
    }
}

impl TextStyle {
    fn css(&self, row: Option<&Row<'_>>) -> String {
        let resolve = |spec: &Option<Value>| -> Option<String> {
            let spec = spec.as_ref()?;
            let value = match spec.object_type() {
                Some("field") => {
                    let row = row?;
                    let value = row.get(spec.object_field("field")?.as_str()?);
                    match spec.object_field("transform").and_then(Value::as_ref_id) {
                        Some(mapper) => return row.color(mapper, value),
                        None => value,
                    }
                }
                Some("value") => spec.object_field("value")?.clone(),
                _ => spec.clone(),
            };
            value
                .as_str()
                .filter(|s| !s.contains([';', '{', '}']))
                .map(str::to_owned)
        };
        let mut css = String::new();
        match resolve(&self.font_style).as_deref() {
            Some("italic") => css.push_str("font-style: italic;"),
            Some("bold") => css.push_str("font-weight: bold;"),
            Some("bold italic") => css.push_str("font-style: italic; font-weight: bold;"),
            _ => {}
        }
        if let Some(align) = resolve(&self.text_align) {
            css.push_str(&format!("text-align: {align};"));
        }
        if let Some(color) = resolve(&self.text_color) {
            css.push_str(&format!("color: {color};"));
        }
        if let Some(color) = resolve(&self.background_color) {
            css.push_str(&format!("background-color: {color};"));
        }
        css
    }
}

/// A row of a table's source, as its cells' formatters read it.
pub struct Row<'d> {
    pub doc: &'d Document,
    pub source: AnyId,
    pub index: usize,
}

impl Row<'_> {
    /// The row's value in column `name` (null where it has none).
    fn get(&self, name: &str) -> Value {
        self.doc.cell(self.source, name, self.index)
    }

    /// `value` through a color spec's `mapper` (a CategoricalColorMapper, a linear or log
    /// one), as BokehJS's cell formatters map a color field: a CSS color.
    fn color(&self, mapper: &crate::core::ModelId, value: Value) -> Option<String> {
        let mapper = self.doc.lookup(mapper)?;
        let r = Reader::new(self.doc, None, None);
        let color = map_colors(r, mapper, &[value]).ok()?.pop().flatten()?;
        Some(color.to_css())
    }
}

/// A spec property kept when set (null is Bokeh's "none").
fn spec(v: &Value) -> Option<Value> {
    match v {
        Value::Null => None,
        v if v.object_type() == Some("value") && v.object_field("value") == Some(&Value::Null) => {
            None
        }
        v => Some(v.clone()),
    }
}

impl Editor {
    fn read(doc: &Document, model: AnyId) -> Editor {
        let a = Attrs::new(doc, model);
        match doc.try_model(model).map(|m| m.type_name.as_str()) {
            Some("NumberEditor") => Editor::Number {
                step: a.number("step").unwrap_or(0.01),
            },
            Some("IntEditor") => Editor::Int {
                step: a.number("step").unwrap_or(1.0),
            },
            _ => Editor::Text,
        }
    }

    /// The value an edit's text becomes; `None` when it is not one (a word for a number).
    pub fn parse(&self, text: &str) -> Option<Value> {
        match self {
            Editor::Text => Some(Value::Str(text.to_owned())),
            Editor::Number { .. } => text.trim().parse::<f64>().ok().map(Value::Float),
            Editor::Int { .. } => text.trim().parse::<i64>().ok().map(Value::Int),
        }
    }
}

/// The order of two cells when sorting: numbers by value, text by text, nulls and NaNs
/// first, as BokehJS compares them.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    let rank = |v: &Value| match v {
        Value::Null => 0,
        v if v.as_f64().is_some_and(f64::is_nan) => 0,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => 1,
        _ => 2,
    };
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) if !x.is_nan() && !y.is_nan() => x.total_cmp(&y),
        _ => rank(a).cmp(&rank(b)).then_with(|| plain(a).cmp(&plain(b))),
    }
}
