//! Ranges: the data interval an axis of a plot shows.

use crate::core::{AnyId, Value};

use super::enums::{PaddingUnits, StartEnd};
use super::props::{AutoOr, Factor};

models! {
    /// A fixed range.
    pub struct Range1d("Range1d") {
        start: f64 = 0.0,
        end: f64 = 1.0,
        bounds: Option<Value> = None,
    }

    /// A range that follows the data of the plot's renderers (or of `renderers`), with
    /// padding. Its `start` and `end` are null until set (Bokeh computes them in the
    /// browser).
    pub struct DataRange1d("DataRange1d") {
        start: Option<f64> = None,
        end: Option<f64> = None,
        range_padding: f64 = 0.1,
        range_padding_units: PaddingUnits = PaddingUnits::Percent,
        /// The renderers whose data it follows: "auto" (every one of the plot's) or a list.
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Value(Vec::new()),
        /// Keep this end where the data is and the span within `follow_interval`.
        follow: Option<StartEnd> = None,
        follow_interval: Option<f64> = None,
        /// The span when all the data sits on one value.
        default_span: f64 = 2.0,
        flipped: bool = false,
        only_visible: bool = false,
        /// "auto" or (min, max) the range may not leave.
        bounds: Option<Value> = None,
        min_interval: Option<f64> = None,
        max_interval: Option<f64> = None,
    }

    /// A range of factors (categories), each taking one unit, nested up to two levels of
    /// groups deep, with padding between factors, subgroups and groups.
    pub struct FactorRange("FactorRange") {
        factors: Vec<Factor> = Vec::new(),
        factor_padding: f64 = 0.0,
        subgroup_padding: f64 = 0.8,
        group_padding: f64 = 1.4,
        range_padding: f64 = 0.0,
        range_padding_units: PaddingUnits = PaddingUnits::Percent,
        start: f64 = 0.0,
        end: f64 = 0.0,
        bounds: Option<Value> = None,
    }
}
