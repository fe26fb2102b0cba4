//! Radial glyphs: Wedge, AnnularWedge, Annulus, Ellipse, Ngon.

use crate::core::{ColorSpec, NumberSpec, Spec};
use crate::models::enums::{Direction, LineCap, LineJoin, RadiusDimension};
use crate::models::props::DashPattern;

models! {
    /// Pie slices centred on (x, y) from `start_angle` to `end_angle`.
    pub struct Wedge("Wedge") {
        direction: Direction = Direction::Anticlock,
        end_angle: NumberSpec = Spec::field("end_angle"),
        radius: NumberSpec = Spec::field("radius"),
        start_angle: NumberSpec = Spec::field("start_angle"),
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

    /// Slices of rings centred on (x, y) between two radii and two angles.
    pub struct AnnularWedge("AnnularWedge") {
        direction: Direction = Direction::Anticlock,
        end_angle: NumberSpec = Spec::field("end_angle"),
        inner_radius: NumberSpec = Spec::field("inner_radius"),
        outer_radius: NumberSpec = Spec::field("outer_radius"),
        start_angle: NumberSpec = Spec::field("start_angle"),
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

    /// Rings centred on (x, y) between `inner_radius` and `outer_radius`.
    pub struct Annulus("Annulus") {
        inner_radius: NumberSpec = Spec::field("inner_radius"),
        outer_radius: NumberSpec = Spec::field("outer_radius"),
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

    /// Ellipses centred on (x, y), `width` × `height`, turned by `angle`.
    pub struct Ellipse("Ellipse") {
        angle: NumberSpec = Spec::Value(0.0),
        height: NumberSpec = Spec::field("height"),
        width: NumberSpec = Spec::field("width"),
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
    /// Regular polygons of `n` sides centred on (x, y), their corners `radius` away (along
    /// `radius_dimension` in data units), the first straight above the centre, turned by
    /// `angle`.
    pub struct Ngon("Ngon") {
        angle: NumberSpec = Spec::Value(0.0),
        n: NumberSpec = Spec::field("n"),
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

impl Ngon {
    /// Polygons of `radius`, every other property at Bokeh's default, as `Ngon(radius=…)`
    /// (the radius has no default, so Ngon has no `Default`; the visuals are Wedge's).
    pub fn new(radius: impl Into<NumberSpec>) -> Ngon {
        let w = Wedge::default();
        Ngon {
            angle: Spec::Value(0.0),
            n: Spec::field("n"),
            radius: radius.into(),
            radius_dimension: RadiusDimension::X,
            x: w.x,
            y: w.y,
            fill_alpha: w.fill_alpha,
            fill_color: w.fill_color,
            hatch_alpha: w.hatch_alpha,
            hatch_color: w.hatch_color,
            hatch_pattern: w.hatch_pattern,
            hatch_scale: w.hatch_scale,
            hatch_weight: w.hatch_weight,
            line_alpha: w.line_alpha,
            line_cap: w.line_cap,
            line_color: w.line_color,
            line_dash: w.line_dash,
            line_dash_offset: w.line_dash_offset,
            line_join: w.line_join,
            line_width: w.line_width,
        }
    }
}
