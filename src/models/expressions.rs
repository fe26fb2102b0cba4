//! Expressions a spec may name instead of a column (`expr(...)`): CustomJSExpr runs
//! JavaScript. (Stack, CumSum and a PolarTransform's components are read by their Bokeh
//! schemas.)

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
}
