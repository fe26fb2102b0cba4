//! Cells of a ColumnDataSource replaced, as Bokeh's
//! `source.patch({column: [(index or slice, value), …]})`, or elements within a cell that
//! is itself an array (`(row, j)`, `(row, rows, columns)` of an image).

use std::iter::StepBy;
use std::ops::Range;
use std::sync::Arc;

use super::columns::check_1d;
use super::journal::Undo;
use super::{AnyId, Document, DocumentError, Event, Value};

/// Which cells of a column a patch replaces: one row, a slice of rows as Python's
/// `start:stop:step` (missing bounds mean the whole column; a step must be positive), or
/// elements inside one row's cell when that cell is itself an array.
#[derive(Clone, Debug, PartialEq)]
pub enum PatchIndex {
    /// One row; its patch value is the new cell.
    Row(usize),
    /// Rows `start..stop` by `step`; its patch value is a list (or array) of as many new
    /// cells.
    Slice {
        /// First row; `None`: 0.
        start: Option<usize>,
        /// End row, excluded; `None`: the column's length.
        stop: Option<usize>,
        /// `None`: 1.
        step: Option<usize>,
    },
    /// Elements of row `row`'s cell, an array (a line's points, an image), as Python's
    /// `(row, j)` or `(row, rows, columns)` index: one [`Along`] per dimension of the cell;
    /// the patch value lists the new elements in order, row by row.
    Within {
        /// The row whose cell is patched.
        row: usize,
        /// An index or a slice along each of the cell's dimensions.
        along: Vec<Along>,
    },
}

/// An index or a slice along one dimension of a cell, in [`PatchIndex::Within`].
#[derive(Clone, Debug, PartialEq)]
pub enum Along {
    /// One position.
    At(usize),
    /// Positions `start..stop` by `step`, as [`PatchIndex::Slice`].
    Slice {
        /// First; `None`: 0.
        start: Option<usize>,
        /// End, excluded; `None`: the dimension's length.
        stop: Option<usize>,
        /// `None`: 1.
        step: Option<usize>,
    },
}

impl Along {
    /// Every position (Python's `:`).
    pub const ALL: Along = Along::Slice {
        start: None,
        stop: None,
        step: None,
    };
}

/// `start..stop` by `step` of `len` positions, checked.
fn span(
    (start, stop, step): (Option<usize>, Option<usize>, Option<usize>),
    len: usize,
) -> Result<StepBy<Range<usize>>, String> {
    let (start, stop, step) = (start.unwrap_or(0), stop.unwrap_or(len), step.unwrap_or(1));
    if stop > len {
        return Err(format!("slice stop {stop} is past the end ({len} rows)"));
    }
    if step == 0 {
        return Err("slice step must be positive".into());
    }
    Ok((start.min(stop)..stop).step_by(step))
}

fn slice_value((start, stop, step): (Option<usize>, Option<usize>, Option<usize>)) -> Value {
    let opt = |v: Option<usize>| v.map(|v| v as i64);
    Value::Slice {
        start: opt(start),
        stop: opt(stop),
        step: opt(step),
    }
}

impl Along {
    /// The positions it names along a dimension of `len`.
    fn positions(&self, len: usize) -> Result<StepBy<Range<usize>>, String> {
        match *self {
            Along::At(i) if i < len => Ok((i..i + 1).step_by(1)),
            Along::At(i) => Err(format!("index {i} is past the end ({len} elements)")),
            Along::Slice { start, stop, step } => span((start, stop, step), len),
        }
    }

    fn to_value(&self) -> Value {
        match *self {
            Along::At(i) => Value::Int(i as i64),
            Along::Slice { start, stop, step } => slice_value((start, stop, step)),
        }
    }
}

impl PatchIndex {
    /// The rows it names in a column of `len` rows, or why it cannot: checked, and never
    /// listed, so a slice's size costs nothing until its values are there to write.
    fn rows(&self, len: usize) -> Result<StepBy<Range<usize>>, String> {
        match *self {
            PatchIndex::Row(i) | PatchIndex::Within { row: i, .. } if i < len => {
                Ok((i..i + 1).step_by(1))
            }
            PatchIndex::Row(i) | PatchIndex::Within { row: i, .. } => {
                Err(format!("index {i} is past the end ({len} rows)"))
            }
            PatchIndex::Slice { start, stop, step } => span((start, stop, step), len),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            PatchIndex::Row(i) => Value::Int(*i as i64),
            PatchIndex::Slice { start, stop, step } => slice_value((*start, *stop, *step)),
            PatchIndex::Within { row, along } => Value::List(
                std::iter::once(Value::Int(*row as i64))
                    .chain(along.iter().map(Along::to_value))
                    .collect(),
            ),
        }
    }
}

/// The cell patches of one column: where, and the new value (a list or array for a slice).
pub type ColumnPatches = Vec<(PatchIndex, Value)>;

impl Document {
    /// Replaces cells, as Bokeh's `source.patch({column: [(index or slice, value), …]})`.
    /// Every index and value is checked before a cell is written; the cells are written in
    /// place, and a batch journals only the cells replaced, so a patch costs what it
    /// changes, not a copy of the column.
    ///
    /// ```
    /// use rokeh::core::Value;
    /// use rokeh::document::PatchIndex;
    /// use rokeh::models::ColumnDataSource;
    ///
    /// let mut doc = rokeh::Document::new();
    /// let source = doc.add(ColumnDataSource::new([("y", vec![0.0, 1.0, 2.0, 3.0])]));
    /// // Python: source.patch({"y": [(0, 10.0), (slice(2, 4), [20.0, 30.0])]})
    /// let two_rows = PatchIndex::Slice { start: Some(2), stop: Some(4), step: None };
    /// let cells = vec![
    ///     (PatchIndex::Row(0), Value::Float(10.0)),
    ///     (two_rows, Value::List(vec![Value::Float(20.0), Value::Float(30.0)])),
    /// ];
    /// doc.patch(source, vec![("y".into(), cells)])?;
    /// assert_eq!(doc.column_f64(source, "y"), Some(&[10.0, 1.0, 20.0, 30.0][..]));
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn patch(
        &mut self,
        source: impl Into<AnyId>,
        patches: Vec<(String, ColumnPatches)>,
    ) -> Result<(), DocumentError> {
        let any = source.into();
        let entries = self.data_entries(any)?;
        for (name, cells) in &patches {
            let Some((_, column)) = entries.iter().find(|(k, _)| k.as_str() == Some(name)) else {
                return Err(
                    self.bad_column_update(any, format!("cannot patch unknown column '{name}'"))
                );
            };
            for (index, value) in cells {
                check_cells(column, index, value)
                    .map_err(|m| self.bad_column_update(any, format!("column '{name}': {m}")))?;
            }
        }
        // Callbacks are told the old data; without any, no copy of it is kept.
        let old = self
            .has_callbacks(any, "data")
            .then(|| self.get_attr(any, "data"))
            .transpose()?;
        self.atomically(|doc| {
            let mut replaced = Vec::new();
            if let Some(Value::Map(entries)) = doc.model_mut(any).attrs.get_mut("data") {
                for (name, cells) in &patches {
                    let (_, column) = entries
                        .iter_mut()
                        .find(|(k, _)| k.as_str() == Some(name))
                        .expect("checked above");
                    for (index, value) in cells {
                        for (row, value) in cells_of(column, index, value) {
                            replaced.push((name.clone(), row, set_cell(column, row, value)));
                        }
                    }
                }
            }
            doc.journal(|| Undo::Patched {
                any,
                cells: replaced,
            });
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
            match old {
                Some(old) => {
                    let new = doc.get_attr(any, "data")?;
                    doc.fire(any, "data", &old, &new)
                }
                None => Ok(()),
            }
        })
    }

    /// Undoes a patch: puts the replaced cells back, last first.
    pub(crate) fn unpatch(&mut self, any: AnyId, cells: Vec<(String, usize, Value)>) {
        let Some(Value::Map(entries)) = self.model_mut(any).attrs.get_mut("data") else {
            return;
        };
        for (name, row, old) in cells.into_iter().rev() {
            if let Some((_, column)) = entries.iter_mut().find(|(k, _)| k.as_str() == Some(&name)) {
                set_cell(column, row, old);
            }
        }
    }
}

/// The new values a patch gives: one for a row, a list's or an array's for a slice (a
/// patch within a cell gives its cell, once worked out).
fn patch_values(index: &PatchIndex, value: &Value) -> Result<usize, String> {
    match (index, value) {
        (PatchIndex::Row(_) | PatchIndex::Within { .. }, _) => Ok(1),
        (PatchIndex::Slice { .. }, Value::List(items)) => Ok(items.len()),
        (PatchIndex::Slice { .. }, Value::Array(a)) => {
            check_1d(a)?;
            Ok(a.len())
        }
        (PatchIndex::Slice { .. }, v) => Err(format!(
            "a slice takes a list of values, got {}",
            v.kind_name()
        )),
    }
}

/// The `i`th new value of a patch.
fn patch_value(index: &PatchIndex, value: &Value, i: usize) -> Value {
    match (index, value) {
        (PatchIndex::Slice { .. }, Value::List(items)) => items[i].clone(),
        (PatchIndex::Slice { .. }, Value::Array(a)) => a.data.get(i).expect("checked length"),
        _ => value.clone(),
    }
}

/// Checks that the cells `index` names exist in `column` and that `value` gives one value
/// of the column's type for each, allocating nothing (but the list of elements a patch
/// within a cell names).
fn check_cells(column: &Value, index: &PatchIndex, value: &Value) -> Result<(), String> {
    let len = match column {
        Value::Array(_) if matches!(index, PatchIndex::Within { .. }) => {
            return Err("its cells are numbers, not arrays to patch within".into())
        }
        Value::Array(a) => {
            check_1d(a)?;
            a.len()
        }
        Value::List(items) => items.len(),
        other => return Err(format!("cannot patch a {} column", other.kind_name())),
    };
    let rows = index.rows(len)?;
    if let (PatchIndex::Within { row, along }, Value::List(cells)) = (index, column) {
        return within(&cells[*row], along, value).map(drop);
    }
    let given = patch_values(index, value)?;
    if given != rows.len() {
        return Err(format!(
            "the slice names {} rows but {given} values were given",
            rows.len()
        ));
    }
    if let Value::Array(a) = column {
        for i in 0..given {
            a.data.check_fits(&patch_value(index, value, i))?;
        }
    }
    Ok(())
}

/// The (row, new cell) pairs of a checked patch.
fn cells_of<'v>(
    column: &Value,
    index: &'v PatchIndex,
    value: &'v Value,
) -> Box<dyn Iterator<Item = (usize, Value)> + 'v> {
    if let (PatchIndex::Within { row, along }, Value::List(cells)) = (index, column) {
        let cell = patched_cell(&cells[*row], along, value).expect("checked");
        return Box::new(std::iter::once((*row, cell)));
    }
    let len = column.rows().unwrap_or(0);
    let rows = index.rows(len).expect("checked");
    Box::new(
        rows.enumerate()
            .map(move |(i, row)| (row, patch_value(index, value, i))),
    )
}

/// Where in `cell` (an array, or a list of values) the elements `along` names are, in
/// numpy's order, and `value`'s new elements for them, each checked to fit the cell; or
/// why they cannot be.
fn within(
    cell: &Value,
    along: &[Along],
    value: &Value,
) -> Result<(Vec<usize>, Vec<Value>), String> {
    let shape = match cell {
        Value::Array(a) => a.shape.clone(),
        Value::List(items) => vec![items.len()],
        other => {
            return Err(format!(
                "a {} cell has no elements to patch",
                other.kind_name()
            ))
        }
    };
    if along.len() != shape.len() {
        return Err(format!(
            "{} indices into a cell of {} dimensions",
            along.len(),
            shape.len()
        ));
    }
    // Flat offsets in numpy's order: the last dimension fastest.
    let mut offsets = vec![0];
    for (dim, (index, &len)) in along.iter().zip(&shape).enumerate() {
        let stride: usize = shape[dim + 1..].iter().product();
        let positions: Vec<usize> = index.positions(len)?.collect();
        offsets = offsets
            .iter()
            .flat_map(|o| positions.iter().map(move |p| o + p * stride))
            .collect();
    }
    let new: Vec<Value> = match value {
        Value::List(items) => items.clone(),
        Value::Array(a) => a.data.to_values(),
        one => vec![one.clone()],
    };
    if new.len() != offsets.len() {
        return Err(format!(
            "the index names {} elements but {} values were given",
            offsets.len(),
            new.len()
        ));
    }
    if let Value::Array(a) = cell {
        new.iter().try_for_each(|v| a.data.check_fits(v))?;
    }
    Ok((offsets, new))
}

/// `cell` with the elements `along` names replaced by `value`'s (checked by [`within`]).
fn patched_cell(cell: &Value, along: &[Along], value: &Value) -> Result<Value, String> {
    let (offsets, new) = within(cell, along, value)?;
    let mut cell = cell.clone();
    match &mut cell {
        Value::Array(a) => {
            let data = Arc::make_mut(&mut a.data);
            for (&at, v) in offsets.iter().zip(&new) {
                data.set(at, v)?;
            }
        }
        Value::List(items) => {
            for (&at, v) in offsets.iter().zip(new) {
                items[at] = v;
            }
        }
        _ => unreachable!("checked above"),
    }
    Ok(cell)
}

/// Writes one checked cell in place and returns what it held. An array shared with
/// someone else (an event, callbacks' old data) is copied first, once.
fn set_cell(column: &mut Value, row: usize, value: Value) -> Value {
    match column {
        Value::Array(a) => {
            let data = Arc::make_mut(&mut a.data);
            let old = data.get(row).expect("checked row");
            data.set(row, &value).expect("checked value");
            old
        }
        Value::List(items) => std::mem::replace(&mut items[row], value),
        _ => unreachable!("checked column"),
    }
}
