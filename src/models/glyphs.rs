//! Glyphs: the shapes a renderer draws for the rows of its data source.

use crate::core::{Color, Spec};

use super::enums::{LineCap, LineJoin};

models! {
    /// A line through the points (x[i], y[i]).
    pub struct Line("Line") {
        x: Spec<f64> = Spec::field("x"),
        y: Spec<f64> = Spec::field("y"),
        line_color: Option<Color> = Some("black".into()),
        line_width: f64 = 1.0,
        line_alpha: f64 = 1.0,
        line_join: LineJoin = LineJoin::Bevel,
        line_cap: LineCap = LineCap::Butt,
    }
}
