//! Layouts: Row and Column of child models, and Bokeh's `row(…)` / `column(…)`.

use crate::core::{AnyId, Id};
use crate::document::Document;

models! {
    /// Children side by side.
    pub struct Row("Row") {
        children: Vec<AnyId> = Vec::new(),
        spacing: i64 = 0,
    }

    /// Children one above the other.
    pub struct Column("Column") {
        children: Vec<AnyId> = Vec::new(),
        spacing: i64 = 0,
    }
}

/// Bokeh's `row(a, b)`.
pub fn row(doc: &mut Document, children: impl IntoIterator<Item = AnyId>) -> Id<Row> {
    let children = children.into_iter().collect();
    doc.add(Row {
        children,
        ..Row::default()
    })
}

/// Bokeh's `column(a, b)`.
pub fn column(doc: &mut Document, children: impl IntoIterator<Item = AnyId>) -> Id<Column> {
    let children = children.into_iter().collect();
    doc.add(Column {
        children,
        ..Column::default()
    })
}
