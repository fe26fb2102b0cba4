//! Selections: which rows of a data source are selected (a table's chosen rows, a plot's
//! selected points).

models! {
    /// The selected rows of a ColumnDataSource (its `selected`).
    pub struct Selection("Selection") {
        indices: Vec<i64> = Vec::new(),
    }
}
