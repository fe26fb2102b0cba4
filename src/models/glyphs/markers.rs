//! Marker glyphs: Scatter (every Bokeh marker type) and Circle.

use crate::core::{ColorSpec, NumberSpec, Spec};
use crate::models::enums::{LineCap, LineJoin, MarkerType, RadiusDimension};
use crate::models::props::DashPattern;

models! {
    /// Markers of a shape, size and angle (in screen units) at (x, y): Bokeh's `p.scatter(...)`.
    pub struct Scatter("Scatter") {
        angle: NumberSpec = Spec::Value(0.0),
        hit_dilation: f64 = 1.0,
        marker: Spec<MarkerType> = Spec::Value(MarkerType::Circle),
        size: NumberSpec = Spec::Value(4.0),
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        fill_alpha: NumberSpec = Spec::Value(1.0),
        fill_color: ColorSpec = Spec::Value(Some("gray".into())),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// Circles whose radius is in data units (or screen units, with `Spec::screen`).
    pub struct Circle("Circle") {
        hit_dilation: f64 = 1.0,
        radius: NumberSpec,
        radius_dimension: RadiusDimension = RadiusDimension::X,
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        fill_alpha: NumberSpec = Spec::Value(1.0),
        fill_color: ColorSpec = Spec::Value(Some("gray".into())),
        hatch_alpha: NumberSpec = Spec::Value(1.0),
        hatch_color: ColorSpec = Spec::Value(Some("black".into())),
        hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        hatch_scale: NumberSpec = Spec::Value(12.0),
        hatch_weight: NumberSpec = Spec::Value(1.0),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_width: NumberSpec = Spec::Value(1.0),
    }
}
