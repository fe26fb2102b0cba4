//! Cells of a ColumnDataSource replaced, as Bokeh's
//! `source.patch({column: [(index or slice, value), …]})`.

use std::sync::Arc;

use super::columns::check_1d;
use super::{AnyId, Document, DocumentError, Event, Value};

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
    /// Replaces cells, as Bokeh's `source.patch({column: [(index or slice, value), …]})`.
    pub fn patch(
        &mut self,
        source: impl Into<AnyId>,
        patches: Vec<(String, ColumnPatches)>,
    ) -> Result<(), DocumentError> {
        let any = source.into();
        let mut entries = self.data_entries(any)?.to_vec();
        let old = Value::Map(entries.clone());
        for (name, cells) in &patches {
            let Some((_, column)) = entries.iter_mut().find(|(k, _)| k.as_str() == Some(name))
            else {
                return Err(
                    self.bad_column_update(any, format!("cannot patch unknown column '{name}'"))
                );
            };
            for (index, value) in cells {
                patch_column(column, index, value)
                    .map_err(|m| self.bad_column_update(any, format!("column '{name}': {m}")))?;
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
            doc.record(Event::ColumnsPatched {
                model: doc.model_id(any).clone(),
                attr: "data".into(),
                patches,
            });
            doc.fire(any, "data", &old, &new)
        })
    }
}

/// Sets the cells `index` names to `value` (one value for a row; a list or an array of
/// as many values as the slice names).
fn patch_column(column: &mut Value, index: &PatchIndex, value: &Value) -> Result<(), String> {
    let len = column.rows().unwrap_or(0);
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
