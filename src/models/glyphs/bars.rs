//! Box glyphs: VBar, HBar, Quad, Rect, Block, and the bands across the frame, HStrip and
//! VStrip.

use crate::core::{ColorSpec, NumberSpec, Spec, Value};
use crate::models::enums::{LineCap, LineJoin};
use crate::models::props::DashPattern;

models! {
    /// Vertical bars centred on x, `width` wide, from `bottom` to `top`.
    pub struct VBar("VBar") {
        bottom: NumberSpec = Spec::Value(0.0),
        top: NumberSpec = Spec::field("top"),
        width: NumberSpec = Spec::Value(1.0),
        x: NumberSpec = Spec::field("x"),
        border_radius: Value = Value::Int(0),
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

    /// Horizontal bars centred on y, `height` tall, from `left` to `right`.
    pub struct HBar("HBar") {
        height: NumberSpec = Spec::Value(1.0),
        left: NumberSpec = Spec::Value(0.0),
        right: NumberSpec = Spec::field("right"),
        y: NumberSpec = Spec::field("y"),
        border_radius: Value = Value::Int(0),
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

    /// Axis-aligned rectangles given by their four edges.
    pub struct Quad("Quad") {
        bottom: NumberSpec = Spec::field("bottom"),
        left: NumberSpec = Spec::field("left"),
        right: NumberSpec = Spec::field("right"),
        top: NumberSpec = Spec::field("top"),
        border_radius: Value = Value::Int(0),
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

    /// A band across the frame from `y0` to `y1`, per row.
    pub struct HStrip("HStrip") {
        y0: NumberSpec = Spec::field("y0"),
        y1: NumberSpec = Spec::field("y1"),
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

    /// A band across the frame from `x0` to `x1`, per row.
    pub struct VStrip("VStrip") {
        x0: NumberSpec = Spec::field("x0"),
        x1: NumberSpec = Spec::field("x1"),
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

    /// Rectangles centred on (x, y), `width` × `height`, turned by `angle`.
    pub struct Rect("Rect") {
        angle: NumberSpec = Spec::Value(0.0),
        dilate: bool = false,
        height: NumberSpec = Spec::field("height"),
        width: NumberSpec = Spec::field("width"),
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        border_radius: Value = Value::Int(0),
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

    /// Rectangles with their bottom-left corner at (x, y), `width` × `height`.
    pub struct Block("Block") {
        height: NumberSpec = Spec::Value(1.0),
        width: NumberSpec = Spec::Value(1.0),
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        border_radius: Value = Value::Int(0),
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
