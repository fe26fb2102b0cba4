//! Grids: lines across the frame at an axis' ticks, and bands between them.

use crate::core::{AnyId, Color, Value};

use super::enums::{LineCap, LineJoin};
use super::props::DashPattern;

models! {
    /// Grid lines at an axis' ticks; `dimension` 0 draws vertical lines (x ticks), 1
    /// horizontal ones. Bands fill every other interval between major ticks.
    pub struct Grid("Grid") {
        dimension: i64 = 0,
        axis: Option<AnyId> = None,
        ticker: Option<AnyId> = None,
        bounds: Value = Value::str("auto"),
        band_fill_alpha: f64 = 0.0,
        band_fill_color: Option<Color> = None,
        grid_line_alpha: f64 = 1.0,
        grid_line_cap: LineCap = LineCap::Butt,
        grid_line_color: Option<Color> = Some("#e5e5e5".into()),
        grid_line_dash: DashPattern = DashPattern::SOLID,
        grid_line_dash_offset: i64 = 0,
        grid_line_join: LineJoin = LineJoin::Bevel,
        grid_line_width: f64 = 1.0,
        minor_grid_line_alpha: f64 = 1.0,
        minor_grid_line_cap: LineCap = LineCap::Butt,
        minor_grid_line_color: Option<Color> = None,
        minor_grid_line_dash: DashPattern = DashPattern::SOLID,
        minor_grid_line_dash_offset: i64 = 0,
        minor_grid_line_join: LineJoin = LineJoin::Bevel,
        minor_grid_line_width: f64 = 1.0,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }
}
