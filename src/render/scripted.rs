//! Models whose behaviour is code the page runs: Bokeh's `CustomJSTransform`,
//! `CustomJSFilter` and `CustomJSExpr`, JavaScript that BokehJS calls as it draws,
//! `CustomJSHover`, as it fills a tooltip, and `CustomJSCompare`, as it sorts a table.
//! Their views (`views::CUSTOM_JS_TRANSFORM`, …) bring how the page runs them; natively,
//! and in a page without the view, what uses one is left out of the picture with a
//! message, as any model rokeh cannot read (a tooltip's value is written as a number, a
//! table sorted as without a sorter).

use crate::document::{AnyId, Value};

use super::read::Reader;

/// What code gave, one value per row, or why it gave nothing usable (it threw, or returned
/// something else).
pub(crate) type Ran<T> = Result<Vec<T>, String>;

/// How a page runs models of one type whose behaviour is JavaScript.
// Natively no code runs, so nothing makes one.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Clone, Copy, Debug)]
pub(crate) enum Script {
    /// A transform's numbers for a column's `xs` (BokehJS's `v_compute`).
    Transform(fn(Reader<'_>, AnyId, &[f64]) -> Ran<f64>),
    /// Which rows of a source a filter keeps, as a mask of its length (`compute_indices`).
    Filter(fn(Reader<'_>, AnyId, Option<AnyId>, usize) -> Ran<bool>),
    /// An expression's numbers, one per row of the source (`v_compute`).
    Expr(fn(Reader<'_>, AnyId, Option<AnyId>) -> Ran<f64>),
    /// A hover tooltip's value written in a named format, told the tooltip's specials
    /// (`$x`, `$index`, …); `None` if the code failed (said in the console).
    Hover(fn(AnyId, &Value, &str, Specials<'_>) -> Option<String>),
    /// A table column's sorter: sorts rows (`order`) by their `values` as it compares two
    /// of them (`compute(x, y)`); whether it did (`false`: the code failed, said in the
    /// console).
    Compare(fn(AnyId, &[Value], &mut [u32]) -> bool),
}

/// A hover tooltip's specials by name, as a CustomJSHover's `special_vars`.
pub(crate) type Specials<'a> = &'a [(&'static str, Value)];

/// How this process runs models of type `type_name`, if it does.
pub(crate) fn find(type_name: &str) -> Option<Script> {
    #[cfg(target_arch = "wasm32")]
    return super::shown::script(type_name);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = type_name;
        None
    }
}

/// Why a model of type `type_name` is not run, for the message of what is left out.
pub(crate) fn not_run(type_name: &str, view: &str) -> String {
    format!("{type_name} is JavaScript, which only a page built with views::{view} runs")
}
