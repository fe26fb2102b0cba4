//! Coordinate transforms a spec may name: Dodge shifts, Jitter scatters, CustomJSTransform
//! runs JavaScript.

use crate::core::{AnyId, Dict};

use super::callbacks::Arg;

use super::enums::Distribution;

models! {
    /// Adds `value` to every coordinate (in a FactorRange's units when `range` is one).
    pub struct Dodge("Dodge") {
        value: f64 = 0.0,
        range: Option<AnyId> = None,
    }

    /// Numbers transformed by JavaScript run in the page: `v_func` is the body of a
    /// function of `args`' names and `xs`, a column's numbers, returning theirs (`func`, the
    /// same for one number, is kept for BokehJS; Bokeh's `CustomJSTransform`;
    /// `views::CUSTOM_JS_TRANSFORM`).
    pub struct CustomJSTransform("CustomJSTransform") {
        args: Dict<Arg> = Dict::default(),
        func: String = "",
        v_func: String = "",
    }

    /// Adds random noise of `width` around `mean` to every coordinate.
    pub struct Jitter("Jitter") {
        mean: f64 = 0.0,
        width: f64 = 1.0,
        distribution: Distribution = Distribution::Uniform,
        range: Option<AnyId> = None,
    }
}
