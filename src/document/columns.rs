//! A ColumnDataSource's columns: read them, replace some, stream rows in, patch cells,
//! as Bokeh's `source.data[…] = …`, `source.stream(…)` and `source.patch(…)`.
//!
//! Every operation checks all of its input before it writes anything, so bad input (a
//! ragged stream, an index past the end, a string for a float column) changes nothing.

use std::sync::Arc;

use super::journal::Undo;
use super::{AnyId, ArrayData, Document, DocumentError, Event, Id, NdArray, Origin, Value};
use crate::models::ColumnDataSource;

/// Which cells of a column a patch replaces: one row, or a slice of rows as Python's
/// `start:stop:step` (missing bounds mean the whole column; a step must be positive).
#[derive(Clone, Debug, PartialEq)]
pub enum PatchIndex {
    Row(usize),
    Slice {
        start: Option<usize>,
        stop: Option<usize>,
        step: Option<usize>,
    },
}

impl PatchIndex {
    /// The rows it names in a column of `len` rows, or why it cannot.
    fn rows(&self, len: usize) -> Result<Vec<usize>, String> {
        match *self {
            PatchIndex::Row(i) if i < len => Ok(vec![i]),
            PatchIndex::Row(i) => Err(format!("index {i} is past the end ({len} rows)")),
            PatchIndex::Slice { start, stop, step } => {
                let (start, stop, step) =
                    (start.unwrap_or(0), stop.unwrap_or(len), step.unwrap_or(1));
                if stop > len {
                    return Err(format!("slice stop {stop} is past the end ({len} rows)"));
                }
                if step == 0 {
                    return Err("slice step must be positive".into());
                }
                Ok((start..stop).step_by(step).collect())
            }
        }
    }

    fn to_value(&self) -> Value {
        let opt = |v: Option<usize>| v.map(|v| v as i64);
        match *self {
            PatchIndex::Row(i) => Value::Int(i as i64),
            PatchIndex::Slice { start, stop, step } => Value::Slice {
                start: opt(start),
                stop: opt(stop),
                step: opt(step),
            },
        }
    }
}

/// The cell patches of one column: where, and the new value (a list or array for a slice).
pub type ColumnPatches = Vec<(PatchIndex, Value)>;

impl Document {
    /// Column `name` of a source: a typed array or a list (strings, say).
    pub fn column(&self, source: Id<ColumnDataSource>, name: &str) -> Option<&Value> {
        self.model(source.any).attrs.get("data")?.map_get(name)
    }

    /// Column `name` as f64s, when that is how it is stored.
    pub fn column_f64(&self, source: Id<ColumnDataSource>, name: &str) -> Option<&[f64]> {
        match self.column(source, name)? {
            Value::Array(a) => a.as_f64(),
            _ => None,
        }
    }

    /// Replaces (or adds) one column, as `source.data['y'] = …` does in Bokeh.
    pub fn set_column(
        &mut self,
        source: Id<ColumnDataSource>,
        name: &str,
        values: impl Into<NdArray>,
    ) -> Result<(), DocumentError> {
        let column = Value::Array(values.into());
        self.set_columns_from(
            source.any,
            vec![(name.to_owned(), column)],
            Origin::Local,
            true,
        )
    }

    /// Replaces the named columns and keeps the others: Bokeh's ColumnDataChanged with
    /// `cols`. The result must still be rectangular, or nothing changes.
    pub fn set_columns_from(
        &mut self,
        any: AnyId,
        columns: Vec<(String, Value)>,
        origin: Origin,
        run_callbacks: bool,
    ) -> Result<(), DocumentError> {
        let old = self.get_attr(any, "data")?;
        let Value::Map(mut entries) = old.clone() else {
            return Err(DocumentError::NotASource(self.model_id(any).clone()));
        };
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
            doc.record(
                Event::ColumnDataChanged {
                    model: doc.model_id(any).clone(),
                    attr: "data".into(),
                    cols: Some(cols),
                    data,
                },
                origin,
            );
            if run_callbacks {
                doc.fire(any, "data", &old, &new)?;
            }
            Ok(())
        })
    }

    /// Appends rows to every column, as Bokeh's `source.stream(new_data, rollover)`:
    /// `rows` names each column of the source once, all with the same number of new rows.
    /// With a `rollover`, the oldest rows are dropped to keep at most that many.
    pub fn stream(
        &mut self,
        source: Id<ColumnDataSource>,
        rows: Vec<(String, Value)>,
        rollover: Option<usize>,
    ) -> Result<(), DocumentError> {
        self.stream_from(source.any, rows, rollover, Origin::Local, true)
    }

    /// [`Document::stream`] on behalf of `origin`.
    pub fn stream_from(
        &mut self,
        any: AnyId,
        rows: Vec<(String, Value)>,
        rollover: Option<usize>,
        origin: Origin,
        run_callbacks: bool,
    ) -> Result<(), DocumentError> {
        let fail = |doc: &Document, message: String| DocumentError::BadColumnUpdate {
            source_id: doc.model_id(any).clone(),
            message,
        };
        let entries = self.data_entries(any)?;
        // Check everything and convert the new rows to each column's type first.
        if let Some((name, _)) = rows
            .iter()
            .find(|(name, _)| !entries.iter().any(|(k, _)| k.as_str() == Some(name)))
        {
            return Err(fail(
                self,
                format!("cannot stream to unknown column '{name}'"),
            ));
        }
        let mut chunks = Vec::with_capacity(entries.len());
        let mut count = None;
        for (key, column) in entries {
            let name = key.as_str().unwrap_or_default();
            let Some((_, new)) = rows.iter().find(|(n, _)| n == name) else {
                return Err(fail(self, format!("stream is missing column '{name}'")));
            };
            let chunk = Chunk::for_column(column, new)
                .map_err(|m| fail(self, format!("column '{name}': {m}")))?;
            match count {
                None => count = Some(chunk.len()),
                Some(n) if n != chunk.len() => {
                    let message = format!(
                        "column '{name}' streams {} rows where the others stream {n}",
                        chunk.len()
                    );
                    return Err(fail(self, message));
                }
                Some(_) => {}
            }
            chunks.push((name.to_owned(), chunk));
        }
        // Callbacks are told the old data; without any, no copy of it is kept.
        let old = self
            .callbacks
            .has(any, "data")
            .then(|| self.get_attr(any, "data"))
            .transpose()?;
        self.atomically(|doc| {
            let mut undo = Vec::with_capacity(chunks.len());
            if let Some(Value::Map(entries)) = doc.model_mut(any).attrs.get_mut("data") {
                for ((_, column), (name, chunk)) in entries.iter_mut().zip(&chunks) {
                    let (appended, dropped) = chunk.append_to(column, rollover);
                    undo.push((name.clone(), appended, dropped));
                }
            }
            doc.journal(|| Undo::Streamed { any, columns: undo });
            let data = Value::Map(
                rows.into_iter()
                    .map(|(name, rows)| (Value::Str(name), rows))
                    .collect(),
            );
            doc.record(
                Event::ColumnsStreamed {
                    model: doc.model_id(any).clone(),
                    attr: "data".into(),
                    data,
                    rollover,
                },
                origin,
            );
            match old {
                Some(old) if run_callbacks => {
                    let new = doc.get_attr(any, "data")?;
                    doc.fire(any, "data", &old, &new)
                }
                _ => Ok(()),
            }
        })
    }

    /// Undoes a stream: drops the rows it appended and puts back the ones it rolled over.
    pub(crate) fn unstream(&mut self, any: AnyId, columns: Vec<(String, usize, Value)>) {
        let Some(Value::Map(entries)) = self.model_mut(any).attrs.get_mut("data") else {
            return;
        };
        for (name, appended, dropped) in columns {
            let Some((_, column)) = entries.iter_mut().find(|(k, _)| k.as_str() == Some(&name))
            else {
                continue;
            };
            match (column, dropped) {
                (Value::Array(a), Value::Array(d)) => {
                    let data = Arc::make_mut(&mut a.data);
                    data.truncate(data.len() - appended);
                    let mut restored = (*d.data).clone();
                    restored.extend(data);
                    *data = restored;
                    a.shape = vec![data.len()];
                }
                (Value::List(items), Value::List(d)) => {
                    items.truncate(items.len() - appended);
                    items.splice(0..0, d);
                }
                _ => {}
            }
        }
    }

    /// Replaces cells, as Bokeh's `source.patch({column: [(index or slice, value), …]})`.
    pub fn patch(
        &mut self,
        source: Id<ColumnDataSource>,
        patches: Vec<(String, ColumnPatches)>,
    ) -> Result<(), DocumentError> {
        self.patch_from(source.any, patches, Origin::Local, true)
    }

    /// [`Document::patch`] on behalf of `origin`.
    pub fn patch_from(
        &mut self,
        any: AnyId,
        patches: Vec<(String, ColumnPatches)>,
        origin: Origin,
        run_callbacks: bool,
    ) -> Result<(), DocumentError> {
        let fail = |doc: &Document, message: String| DocumentError::BadColumnUpdate {
            source_id: doc.model_id(any).clone(),
            message,
        };
        let old = self.get_attr(any, "data")?;
        let Value::Map(mut entries) = old.clone() else {
            return Err(DocumentError::NotASource(self.model_id(any).clone()));
        };
        for (name, cells) in &patches {
            let Some((_, column)) = entries.iter_mut().find(|(k, _)| k.as_str() == Some(name))
            else {
                return Err(fail(self, format!("cannot patch unknown column '{name}'")));
            };
            for (index, value) in cells {
                patch_column(column, index, value)
                    .map_err(|m| fail(self, format!("column '{name}': {m}")))?;
            }
        }
        let new = Value::Map(entries);
        self.atomically(|doc| {
            doc.write_attr(any, "data", new.clone());
            let patches = Value::Map(
                patches
                    .into_iter()
                    .map(|(name, cells)| {
                        let cells = cells
                            .into_iter()
                            .map(|(i, v)| Value::List(vec![i.to_value(), v]))
                            .collect();
                        (Value::Str(name), Value::List(cells))
                    })
                    .collect(),
            );
            doc.record(
                Event::ColumnsPatched {
                    model: doc.model_id(any).clone(),
                    attr: "data".into(),
                    patches,
                },
                origin,
            );
            if run_callbacks {
                doc.fire(any, "data", &old, &new)?;
            }
            Ok(())
        })
    }

    /// The entries of a source's `data` map.
    fn data_entries(&self, any: AnyId) -> Result<&[(Value, Value)], DocumentError> {
        let model = self.model(any);
        match model.attrs.get("data") {
            Some(Value::Map(entries)) => Ok(entries),
            None if model.type_name == "ColumnDataSource" => Ok(&[]),
            _ => Err(DocumentError::NotASource(model.id.clone())),
        }
    }
}

/// New rows for one column, already in the column's own representation.
enum Chunk {
    Array(ArrayData),
    List(Vec<Value>),
}

impl Chunk {
    /// `new` (an array or a list) converted to append to `column`.
    fn for_column(column: &Value, new: &Value) -> Result<Chunk, String> {
        match (column, new) {
            (Value::Array(col), Value::Array(rows)) => {
                check_1d(col)?;
                check_1d(rows)?;
                Ok(Chunk::Array(rows.data.converted(col.data.dtype())?))
            }
            (Value::Array(col), Value::List(rows)) => {
                check_1d(col)?;
                Ok(Chunk::Array(ArrayData::from_values(
                    col.data.dtype(),
                    rows,
                )?))
            }
            (Value::List(_), Value::List(rows)) => Ok(Chunk::List(rows.clone())),
            (Value::List(_), Value::Array(rows)) => {
                check_1d(rows)?;
                Ok(Chunk::List(rows.data.to_values()))
            }
            (_, new) => Err(format!("cannot stream {} rows", new.kind_name())),
        }
    }

    fn len(&self) -> usize {
        match self {
            Chunk::Array(a) => a.len(),
            Chunk::List(l) => l.len(),
        }
    }

    /// Appends to `column` and rolls over; returns how many rows were appended and the
    /// rows dropped from the front. The array is changed in place when nothing else
    /// shares it, so only the rows moved by the rollover are touched.
    fn append_to(&self, column: &mut Value, rollover: Option<usize>) -> (usize, Value) {
        match (self, column) {
            (Chunk::Array(rows), Value::Array(col)) => {
                let data = Arc::make_mut(&mut col.data);
                data.extend(rows);
                let excess = rollover.map_or(0, |r| data.len().saturating_sub(r));
                let dropped = if excess > 0 {
                    data.drain_front(excess)
                } else {
                    data.empty_like()
                };
                col.shape = vec![data.len()];
                (rows.len(), Value::Array(NdArray::new(dropped)))
            }
            (Chunk::List(rows), Value::List(items)) => {
                items.extend(rows.iter().cloned());
                let excess = rollover.map_or(0, |r| items.len().saturating_sub(r));
                (rows.len(), Value::List(items.drain(..excess).collect()))
            }
            _ => unreachable!("chunks are made for their column"),
        }
    }
}

fn check_1d(a: &NdArray) -> Result<(), String> {
    if a.shape.len() > 1 {
        return Err(format!(
            "a {}-dimensional array has no rows to stream or patch",
            a.shape.len()
        ));
    }
    Ok(())
}

/// Sets the cells `index` names to `value` (one value for a row; a list or an array of
/// as many values as the slice names).
fn patch_column(column: &mut Value, index: &PatchIndex, value: &Value) -> Result<(), String> {
    let len = crate::document::column_len(column).unwrap_or(0);
    let rows = index.rows(len)?;
    let values: Vec<Value> = match (index, value) {
        (PatchIndex::Row(_), v) => vec![v.clone()],
        (PatchIndex::Slice { .. }, Value::List(items)) => items.clone(),
        (PatchIndex::Slice { .. }, Value::Array(a)) => a.data.to_values(),
        (PatchIndex::Slice { .. }, v) => {
            return Err(format!(
                "a slice takes a list of values, got {}",
                v.kind_name()
            ))
        }
    };
    if values.len() != rows.len() {
        return Err(format!(
            "the slice names {} rows but {} values were given",
            rows.len(),
            values.len()
        ));
    }
    match column {
        Value::Array(a) => {
            check_1d(a)?;
            let data = Arc::make_mut(&mut a.data);
            for (row, value) in rows.into_iter().zip(&values) {
                data.set(row, value)?;
            }
        }
        Value::List(items) => {
            for (row, value) in rows.into_iter().zip(values) {
                items[row] = value;
            }
        }
        other => return Err(format!("cannot patch a {} column", other.kind_name())),
    }
    Ok(())
}

/// The number of rows of a column value.
pub(crate) fn column_len(column: &Value) -> Option<usize> {
    match column {
        Value::Array(a) => Some(a.shape.first().copied().unwrap_or(0)),
        Value::List(items) => Some(items.len()),
        _ => None,
    }
}
