//! Rows streamed into a ColumnDataSource, as Bokeh's `source.stream(new_data, rollover)`.
//! With a rollover the oldest rows are dropped at the cost of the rows dropped (see
//! `elements.rs`), so a stream's time does not grow with the source's length.

use std::sync::Arc;

use super::columns::check_1d;
use super::journal::Undo;
use super::{AnyId, ArrayData, Document, DocumentError, Event, NdArray, Value};

impl Document {
    /// Appends rows to every column, as Bokeh's `source.stream(new_data, rollover)`:
    /// `rows` names each column of the source once, all with the same number of new rows.
    /// With a `rollover`, the oldest rows are dropped to keep at most that many.
    ///
    /// New rows may come as arrays or lists; they are converted to each column's type.
    ///
    /// ```
    /// use rokeh::core::Value;
    /// use rokeh::models::ColumnDataSource;
    ///
    /// let mut doc = rokeh::Document::new();
    /// let (t, y) = (vec![0.0, 1.0, 2.0], vec![5.0, 6.0, 7.0]);
    /// let source = doc.add(ColumnDataSource::new([("t", t), ("y", y)]));
    /// // Python: source.stream({"t": [3], "y": [8]}, rollover=3)
    /// let rows = vec![
    ///     ("t".to_owned(), Value::Array(vec![3.0].into())),
    ///     ("y".to_owned(), Value::List(vec![Value::Int(8)])),
    /// ];
    /// doc.stream(source, rows, Some(3))?;
    /// assert_eq!(doc.column_f64(source, "t"), Some(&[1.0, 2.0, 3.0][..]));
    /// assert_eq!(doc.column_f64(source, "y"), Some(&[6.0, 7.0, 8.0][..]));
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn stream(
        &mut self,
        source: impl Into<AnyId>,
        rows: Vec<(String, Value)>,
        rollover: Option<usize>,
    ) -> Result<(), DocumentError> {
        let any = source.into();
        let entries = self.data_entries(any)?;
        // Check everything and convert the new rows to each column's type first.
        if let Some((name, _)) = rows
            .iter()
            .find(|(name, _)| !entries.iter().any(|(k, _)| k.as_str() == Some(name)))
        {
            return Err(
                self.bad_column_update(any, format!("cannot stream to unknown column '{name}'"))
            );
        }
        let mut chunks = Vec::with_capacity(entries.len());
        let mut count = None;
        for (key, column) in entries {
            let name = key.as_str().unwrap_or_default();
            let Some((_, new)) = rows.iter().find(|(n, _)| n == name) else {
                return Err(
                    self.bad_column_update(any, format!("stream is missing column '{name}'"))
                );
            };
            let chunk = Chunk::for_column(column, new)
                .map_err(|m| self.bad_column_update(any, format!("column '{name}': {m}")))?;
            match count {
                None => count = Some(chunk.len()),
                Some(n) if n != chunk.len() => {
                    let message = format!(
                        "column '{name}' streams {} rows where the others stream {n}",
                        chunk.len()
                    );
                    return Err(self.bad_column_update(any, message));
                }
                Some(_) => {}
            }
            chunks.push((name.to_owned(), chunk));
        }
        // Callbacks are told the old data; without any, no copy of it is kept.
        let old = self
            .has_callbacks(any, "data")
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
            doc.record(Event::ColumnsStreamed {
                model: doc.model_id(any).clone(),
                attr: "data".into(),
                data,
                rollover,
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
                    data.prepend(&d.data);
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
