//! Axes: where a plot's ticks and their labels are drawn.

use crate::core::{AnyId, Color};

models! {
    /// A numeric axis; `ticker` places its ticks and `formatter` writes their labels.
    pub struct LinearAxis("LinearAxis") {
        ticker: Option<AnyId> = None,
        formatter: Option<AnyId> = None,
        axis_label: Option<String> = None,
        axis_line_color: Option<Color> = Some("black".into()),
        major_label_text_color: Option<Color> = Some("#444444".into()),
    }
}
