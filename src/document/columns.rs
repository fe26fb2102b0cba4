//! A ColumnDataSource's columns: read them, replace some, as Bokeh's
//! `source.data[…] = …`. Streams and patches are in `stream.rs` and `patch.rs`.
//!
//! Every operation checks all of its input before it writes anything, so bad input (a
//! ragged update, an index past the end, a string for a float column) changes nothing.

use super::{AnyId, Document, DocumentError, Event, NdArray, Value};

impl Document {
    /// A stream or patch of source `any` that cannot apply, and why.
    pub(crate) fn bad_column_update(&self, any: AnyId, message: String) -> DocumentError {
        DocumentError::BadColumnUpdate {
            source_id: self.model_id(any).clone(),
            message,
        }
    }

    /// Column `name` of a source: a typed array or a list (strings, say).
    pub fn column(&self, source: impl Into<AnyId>, name: &str) -> Option<&Value> {
        self.try_model(source.into())?
            .attrs
            .get("data")?
            .map_get(name)
    }

    /// Column `name` as f64s, when that is how it is stored.
    pub fn column_f64(&self, source: impl Into<AnyId>, name: &str) -> Option<&[f64]> {
        match self.column(source, name)? {
            Value::Array(a) => a.as_f64(),
            _ => None,
        }
    }

    /// Replaces (or adds) one column, as `source.data['y'] = …` does in Bokeh.
    pub fn set_column(
        &mut self,
        source: impl Into<AnyId>,
        name: &str,
        values: impl Into<NdArray>,
    ) -> Result<(), DocumentError> {
        let column = Value::Array(values.into());
        self.set_columns(source, vec![(name.to_owned(), column)])
    }

    /// Replaces the named columns and keeps the others: Bokeh's ColumnDataChanged with
    /// `cols`. The result must still be rectangular, or nothing changes.
    pub fn set_columns(
        &mut self,
        source: impl Into<AnyId>,
        columns: Vec<(String, Value)>,
    ) -> Result<(), DocumentError> {
        let any = source.into();
        let mut entries = self.data_entries(any)?.to_vec();
        let old = Value::Map(entries.clone());
        for (name, column) in &columns {
            match entries.iter_mut().find(|(k, _)| k.as_str() == Some(name)) {
                Some((_, slot)) => *slot = column.clone(),
                None => entries.push((Value::str(name.as_str()), column.clone())),
            }
        }
        let new = Value::Map(entries);
        self.validate(any, "data", &new)?;
        self.atomically(|doc| {
            doc.write_attr(any, "data", new.clone());
            let cols = columns.iter().map(|(name, _)| name.clone()).collect();
            let data = Value::Map(
                columns
                    .into_iter()
                    .map(|(name, column)| (Value::Str(name), column))
                    .collect(),
            );
            doc.record(Event::ColumnDataChanged {
                model: doc.model_id(any).clone(),
                attr: "data".into(),
                cols: Some(cols),
                data,
            });
            doc.fire(any, "data", &old, &new)
        })
    }

    /// The entries of a source's `data` map.
    pub(super) fn data_entries(&self, any: AnyId) -> Result<&[(Value, Value)], DocumentError> {
        let model = self.existing(any)?;
        match model.attrs.get("data") {
            Some(Value::Map(entries)) => Ok(entries),
            None if self.is_column_data(any, "data") => Ok(&[]),
            _ => Err(DocumentError::NotASource(model.id.clone())),
        }
    }
}

/// Streams and patches address rows: of one-dimensional columns only.
pub(super) fn check_1d(a: &NdArray) -> Result<(), String> {
    if a.shape.len() > 1 {
        return Err(format!(
            "a {}-dimensional array has no rows to stream or patch",
            a.shape.len()
        ));
    }
    Ok(())
}
