//! Expressions a spec may name instead of a column (`expr(...)`): CustomJSExpr runs
//! JavaScript, CumSum totals a column. (Stack and a PolarTransform's components are read
//! by their Bokeh schemas.)

use crate::core::Dict;

use super::callbacks::Arg;

models! {
    /// Values computed by JavaScript run in the page: `code` is the body of a generator
    /// function of `args`' names, `this` the data source, that returns the values (or
    /// yields them one per row) (Bokeh's `CustomJSExpr`; `views::CUSTOM_JS_EXPR`).
    pub struct CustomJSExpr("CustomJSExpr") {
        args: Dict<Arg> = Dict::default(),
        code: String = "",
    }

    /// A column's running total, row by row: each row's sum up to it, or up to the row
    /// before with `include_zero` (Bokeh's `CumSum`, as `cumsum(field)` makes it: a
    /// donut's wedges start where the one before ends).
    pub struct CumSum("CumSum") {
        field: String,
        include_zero: bool = false,
    }
}
