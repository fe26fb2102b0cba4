//! Radial glyphs: Wedge, AnnularWedge, Annulus, Ellipse.

use crate::core::{ColorSpec, NumberSpec, Spec};
use crate::models::enums::{Direction, LineCap, LineJoin};
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
}
