//! Arrows: a line from (x_start, y_start) to (x_end, y_end) per row, with heads.

use crate::core::{AnyId, ColorSpec, NumberSpec, Spec};

use super::enums::{LineCap, LineJoin};
use super::props::DashPattern;
use super::SourceId;

models! {
    /// Arrows between two points per row of `source` (or one, with value specs). Bokeh
    /// gives a new Arrow an OpenHead at its end; here a head is drawn where one is set.
    pub struct Arrow("Arrow") {
        x_start: NumberSpec = Spec::field("x_start"),
        y_start: NumberSpec = Spec::field("y_start"),
        x_end: NumberSpec = Spec::field("x_end"),
        y_end: NumberSpec = Spec::field("y_end"),
        start: Option<AnyId> = None,
        end: Option<AnyId> = None,
        source: Option<SourceId> = None,
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_width: NumberSpec = Spec::Value(1.0),
        line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        line_dash_offset: Spec<i64> = Spec::Value(0),
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// Two strokes back from the tip: ">".
    pub struct OpenHead("OpenHead") {
        size: NumberSpec = Spec::Value(25.0),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A filled triangle.
    pub struct NormalHead("NormalHead") {
        size: NumberSpec = Spec::Value(25.0),
        fill_color: ColorSpec = Spec::Value(Some("black".into())),
        fill_alpha: NumberSpec = Spec::Value(1.0),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A filled arrowhead notched at the back.
    pub struct VeeHead("VeeHead") {
        size: NumberSpec = Spec::Value(25.0),
        fill_color: ColorSpec = Spec::Value(Some("black".into())),
        fill_alpha: NumberSpec = Spec::Value(1.0),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_width: NumberSpec = Spec::Value(1.0),
    }

    /// A bar across the tip: "T" (a Whisker's heads, which Bokeh makes 10 pixels wide).
    pub struct TeeHead("TeeHead") {
        size: NumberSpec = Spec::Value(25.0),
        line_color: ColorSpec = Spec::Value(Some("black".into())),
        line_alpha: NumberSpec = Spec::Value(1.0),
        line_width: NumberSpec = Spec::Value(1.0),
    }
}
