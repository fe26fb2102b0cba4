//! Data sources: the columns glyphs draw.

use crate::core::{ColumnData, NdArray, Value};

models! {
    /// A table of named columns of equal length, like Bokeh's
    /// `ColumnDataSource(data=dict(x=x, y=y))`.
    pub struct ColumnDataSource("ColumnDataSource") {
        data: ColumnData = ColumnData::default(),
    }
    check = |_, attr, new| match attr {
        "data" => check_rectangular(new),
        _ => Ok(()),
    };
}

impl ColumnDataSource {
    /// A source of numeric columns: `ColumnDataSource::new([("x", x), ("y", y)])`.
    pub fn new<A: Into<NdArray>>(columns: impl IntoIterator<Item = (&'static str, A)>) -> Self {
        let columns = columns
            .into_iter()
            .map(|(name, col)| (name.to_owned(), Value::Array(col.into())))
            .collect();
        ColumnDataSource {
            data: ColumnData(columns),
        }
    }
}

/// Every column must have as many rows as the first.
fn check_rectangular(data: &Value) -> Result<(), String> {
    let Value::Map(entries) = data else {
        return Ok(());
    };
    let mut expected: Option<(&str, usize)> = None;
    for (name, col) in entries {
        let (name, len) = (name.as_str().unwrap_or("?"), col.rows().unwrap_or(0));
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

impl crate::core::Id<ColumnDataSource> {
    /// The source's Selection (Python's `source.selected`): `Document::add` makes it with
    /// the source, as Bokeh does.
    pub fn selected(self, doc: &crate::document::Document) -> crate::core::Id<super::Selection> {
        let selection = doc.get_attr(self.any(), "selected").ok();
        selection
            .as_ref()
            .and_then(|v| match v {
                Value::Ref(id) => doc.typed_id(id),
                _ => None,
            })
            .expect("a source in a document has its Selection")
    }
}
