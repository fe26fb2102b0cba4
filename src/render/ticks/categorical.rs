//! CategoricalTicker: one tick per factor of the axis' FactorRange, labelled with the
//! factor and its groups (see `AxisView::compute_factors`).

use crate::document::AnyId;

use super::super::axis::AxisView;
use super::super::read::Reader;
use super::super::RenderError;
use super::{FactorLabels, Ticker, TickerView, Ticks};

struct Categorical;

impl TickerView for Categorical {
    /// Over a range without factors, none.
    fn ticks(&self, _low: f64, _high: f64) -> Ticks {
        Ticks::default()
    }

    fn factor_labels(&self) -> Option<FactorLabels> {
        Some(AxisView::compute_factors)
    }
}

/// A CategoricalTicker model (it has nothing to read), or a categorical axis' ticker when
/// it names none.
pub(crate) fn read(_r: Reader<'_>, _t: AnyId) -> Result<Ticker, RenderError> {
    Ok(standard())
}

/// A categorical axis' ticker.
pub(crate) fn standard() -> Ticker {
    Ticker::Viewed(Box::new(Categorical))
}
