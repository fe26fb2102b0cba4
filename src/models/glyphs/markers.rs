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

impl Circle {
    /// Circles of `radius`, every other property at Bokeh's default, as `Circle(radius=…)`
    /// (the radius has no default, so Circle has no `Default`; the visuals are Scatter's).
    pub fn new(radius: impl Into<NumberSpec>) -> Circle {
        let s = Scatter::default();
        Circle {
            radius: radius.into(),
            radius_dimension: RadiusDimension::X,
            hit_dilation: s.hit_dilation,
            x: s.x,
            y: s.y,
            fill_alpha: s.fill_alpha,
            fill_color: s.fill_color,
            hatch_alpha: s.hatch_alpha,
            hatch_color: s.hatch_color,
            hatch_pattern: s.hatch_pattern,
            hatch_scale: s.hatch_scale,
            hatch_weight: s.hatch_weight,
            line_alpha: s.line_alpha,
            line_cap: s.line_cap,
            line_color: s.line_color,
            line_dash: s.line_dash,
            line_dash_offset: s.line_dash_offset,
            line_join: s.line_join,
            line_width: s.line_width,
        }
    }
}
