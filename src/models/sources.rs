//! ColumnDataSource: named columns of equal length.

use super::{prop, DefaultValue as D, Kind, ModelType, Prop, Schema};
use crate::document::{Document, NdArray, Value};

pub(super) static COLUMN_DATA_SOURCE: Schema = Schema {
    name: "ColumnDataSource",
    props: &[prop("data", Kind::ColumnData, D::EmptyMap)],
    check: Some(|_, attr, new| match attr {
        "data" => check_rectangular(new),
        _ => Ok(()),
    }),
};

/// Every column must have as many rows as the first.
fn check_rectangular(data: &Value) -> Result<(), String> {
    let Value::Map(entries) = data else {
        return Ok(());
    };
    let lens = entries.iter().map(|(name, col)| {
        let len = crate::document::column_len(col).unwrap_or(0);
        (name.as_str().unwrap_or("?"), len)
    });
    let mut expected = None;
    for (name, len) in lens {
        match expected {
            None => expected = Some((name, len)),
            Some((first, n)) if n != len => {
                return Err(format!(
                    "column '{name}' has {len} rows where column '{first}' has {n}"
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// A table of named columns, like Bokeh's `ColumnDataSource(data=dict(x=x, y=y))`.
#[derive(Default)]
pub struct ColumnDataSource {
    pub data: Vec<(String, Value)>,
}

impl ColumnDataSource {
    pub const DATA: Prop<ColumnDataSource, Value> = Prop::new("data");

    /// A source of numeric columns: `ColumnDataSource::new([("x", x), ("y", y)])`.
    pub fn new<A: Into<NdArray>>(columns: impl IntoIterator<Item = (&'static str, A)>) -> Self {
        ColumnDataSource {
            data: columns
                .into_iter()
                .map(|(name, col)| (name.to_owned(), Value::Array(col.into())))
                .collect(),
        }
    }
}

impl ModelType for ColumnDataSource {
    const NAME: &'static str = "ColumnDataSource";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        let entries = self
            .data
            .into_iter()
            .map(|(name, col)| (Value::Str(name), col))
            .collect();
        vec![("data", Value::Map(entries))]
    }
}
