//! A ColumnDataSource's columns: read them, replace some, as Bokeh's
//! `source.data[…] = …`. Streams and patches are in `stream.rs` and `patch.rs`.
//!
//! Every operation checks all of its input before it writes anything, so bad input (a
//! ragged update, an index past the end, a string for a float column) changes nothing.

use super::journal::Undo;
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
        self.columns(source)?.map_get(name)
    }

    /// The cells of column `name` of a source, one value each, whatever kind of column
    /// it is (none without the column): a graph's node `index` and edge `start`/`end`.
    pub fn cells(&self, source: impl Into<AnyId>, name: &str) -> Vec<Value> {
        match self.column(source, name) {
            Some(Value::Array(a)) => (0..a.len()).filter_map(|i| a.data.get(i)).collect(),
            Some(Value::List(items)) => items.clone(),
            _ => Vec::new(),
        }
    }

    /// Row `row` of column `name` of a source (null past its end or without the column).
    pub fn cell(&self, source: impl Into<AnyId>, name: &str, row: usize) -> Value {
        match self.column(source, name) {
            Some(Value::Array(array)) => array.data.get(row).unwrap_or(Value::Null),
            Some(Value::List(items)) => items.get(row).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    /// How many rows a source has: its first column's length (none without columns).
    pub fn row_count(&self, source: impl Into<AnyId>) -> usize {
        match self.columns(source) {
            Some(Value::Map(entries)) => entries.first().and_then(|(_, c)| c.rows()).unwrap_or(0),
            _ => 0,
        }
    }

    /// A source's columns, a map of name to column: a ColumnDataSource's `data`, or
    /// those another source derives from its properties (a GeoJSONDataSource's, from its
    /// `geojson`, as BokehJS computes them).
    pub fn columns(&self, source: impl Into<AnyId>) -> Option<&Value> {
        let any = source.into();
        match self.try_model(any)?.attrs.get("data") {
            Some(data) => Some(data),
            None => self.derived.get(&any),
        }
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
    /// `cols`. The result must still be rectangular, or nothing changes. The other columns
    /// are neither copied nor journaled (a batch keeps only the columns replaced), so a
    /// patch of many such events costs what it changes, whatever the source holds.
    pub fn set_columns(
        &mut self,
        source: impl Into<AnyId>,
        columns: Vec<(String, Value)>,
    ) -> Result<(), DocumentError> {
        let any = source.into();
        self.data_entries(any)?;
        // Callbacks are told the old data; without any, no copy of it is kept.
        let old = self
            .has_callbacks(any, "data")
            .then(|| self.get_attr(any, "data"))
            .transpose()?;
        // The columns move out of the model while the new ones go in beside them.
        let was_set = self.model(any).attrs.contains_key("data");
        let mut entries = match self.model_mut(any).attrs.remove("data") {
            Some(Value::Map(entries)) => entries,
            _ => Vec::new(),
        };
        let mut replaced = Vec::with_capacity(columns.len());
        for (name, column) in &columns {
            match entries.iter_mut().find(|(k, _)| k.as_str() == Some(name)) {
                Some((_, slot)) => {
                    replaced.push((name.clone(), Some(std::mem::replace(slot, column.clone()))))
                }
                None => {
                    entries.push((Value::str(name.as_str()), column.clone()));
                    replaced.push((name.clone(), None));
                }
            }
        }
        let new = Value::Map(entries);
        if let Err(e) = self.validate(any, "data", &new) {
            self.model_mut(any).attrs.insert("data".into(), new);
            self.unset_columns(any, replaced, was_set);
            return Err(e);
        }
        self.atomically(|doc| {
            doc.model_mut(any).attrs.insert("data".into(), new);
            doc.journal(|| Undo::ColumnsSet {
                any,
                replaced,
                was_set,
            });
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
            match old {
                Some(old) => {
                    let new = doc.get_attr(any, "data")?;
                    doc.fire(any, "data", &old, &new)
                }
                None => Ok(()),
            }
        })
    }

    /// Puts back the columns `set_columns` replaced (`None`: it added the column), last
    /// first; `was_set`: whether the source had a `data` at all.
    pub(crate) fn unset_columns(
        &mut self,
        any: AnyId,
        replaced: Vec<(String, Option<Value>)>,
        was_set: bool,
    ) {
        let attrs = &mut self.model_mut(any).attrs;
        if let Some(Value::Map(entries)) = attrs.get_mut("data") {
            for (name, old) in replaced.into_iter().rev() {
                let at = entries.iter().position(|(k, _)| k.as_str() == Some(&name));
                match (at, old) {
                    (Some(at), Some(old)) => entries[at].1 = old,
                    (Some(at), None) => {
                        entries.remove(at);
                    }
                    (None, _) => {}
                }
            }
        }
        if !was_set {
            attrs.remove("data");
        }
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
