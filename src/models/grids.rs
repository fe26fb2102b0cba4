//! Grids: lines across the frame at an axis' ticks.

use crate::core::{AnyId, Color};

models! {
    /// Grid lines at an axis' ticks; `dimension` 0 draws vertical lines (x ticks), 1
    /// horizontal ones.
    pub struct Grid("Grid") {
        dimension: i64 = 0,
        axis: Option<AnyId> = None,
        ticker: Option<AnyId> = None,
        grid_line_color: Option<Color> = Some("#e5e5e5".into()),
        grid_line_alpha: f64 = 1.0,
    }
}
