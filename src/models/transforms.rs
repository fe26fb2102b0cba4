//! Coordinate transforms a spec may name: Dodge shifts, Jitter scatters.

use crate::core::AnyId;

use super::enums::Distribution;

models! {
    /// Adds `value` to every coordinate (in a FactorRange's units when `range` is one).
    pub struct Dodge("Dodge") {
        value: f64 = 0.0,
        range: Option<AnyId> = None,
    }

    /// Adds random noise of `width` around `mean` to every coordinate.
    pub struct Jitter("Jitter") {
        mean: f64 = 0.0,
        width: f64 = 1.0,
        distribution: Distribution = Distribution::Uniform,
        range: Option<AnyId> = None,
    }
}
