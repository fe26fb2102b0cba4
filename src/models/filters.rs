//! Views and filters: which rows of its source a renderer draws.

use crate::core::{AnyId, Dict, Value};

use super::callbacks::Arg;

models! {
    /// The rows a renderer draws: those its filter keeps (every row by default).
    pub struct CDSView("CDSView") {
        filter: Option<AnyId> = None,
    }

    /// Keeps every row.
    pub struct AllIndices("AllIndices") {}

    /// Keeps the rows at these indices.
    pub struct IndexFilter("IndexFilter") {
        indices: Option<Vec<i64>> = None,
    }

    /// Keeps the rows whose boolean is true.
    pub struct BooleanFilter("BooleanFilter") {
        booleans: Option<Vec<bool>> = None,
    }

    /// Keeps the rows whose `column_name` column equals `group`.
    pub struct GroupFilter("GroupFilter") {
        column_name: String,
        group: Value,
    }

    /// Keeps the rows every operand keeps (Bokeh's `f1 & f2`).
    pub struct IntersectionFilter("IntersectionFilter") {
        operands: Vec<AnyId>,
    }

    /// Keeps the rows any operand keeps (Bokeh's `f1 | f2`).
    pub struct UnionFilter("UnionFilter") {
        operands: Vec<AnyId>,
    }

    /// Keeps the rows its operand drops (Bokeh's `~f`).
    pub struct InversionFilter("InversionFilter") {
        operand: AnyId,
    }

    /// Keeps the rows JavaScript run in the page chooses: `code` is the body of a function
    /// of `args`' names and `source`, returning null (every row), the indices kept or a
    /// boolean per row (Bokeh's `CustomJSFilter`; `views::CUSTOM_JS_FILTER`).
    pub struct CustomJSFilter("CustomJSFilter") {
        args: Dict<Arg> = Dict::default(),
        code: String = "",
    }
}
