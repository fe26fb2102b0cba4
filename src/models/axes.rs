//! Axes: where a plot's ticks and their labels are drawn. Every kind of axis has the same
//! properties (Bokeh's `Axis`); they differ in the ticker and formatter Bokeh gives them,
//! which rokeh's renderer uses when an axis names none.

use crate::core::{AnyId, Color, Value};

use super::enums::{FontStyle, LineCap, LineJoin, TextAlign, TextBaseline};
use super::props::{DashPattern, LabelOrientation, TextLike};

/// `models!` for axis types: each gets its own properties and Bokeh's `Axis` ones.
macro_rules! axes {
    ($( $(#[$meta:meta])* $name:ident($bokeh:literal) { $($own:tt)* } )*) => {
        models! { $(
            $(#[$meta])*
            pub struct $name($bokeh) {
                $($own)*
                /// Places the ticks; none: the axis kind's usual ticker.
                ticker: Option<AnyId> = None,
                /// Writes the tick labels; none: the axis kind's usual formatter.
                formatter: Option<AnyId> = None,
                axis_label: Option<TextLike> = None,
                axis_label_standoff: i64 = 5,
                axis_label_orientation: LabelOrientation = LabelOrientation::Parallel,
                axis_label_text_align: TextAlign = TextAlign::Left,
                axis_label_text_alpha: f64 = 1.0,
                axis_label_text_baseline: TextBaseline = TextBaseline::Bottom,
                axis_label_text_color: Option<Color> = Some("#444444".into()),
                axis_label_text_font: String = "helvetica",
                axis_label_text_font_size: String = "13px",
                axis_label_text_font_style: FontStyle = FontStyle::Italic,
                axis_line_alpha: f64 = 1.0,
                axis_line_cap: LineCap = LineCap::Butt,
                axis_line_color: Option<Color> = Some("black".into()),
                axis_line_dash: DashPattern = DashPattern::SOLID,
                axis_line_dash_offset: i64 = 0,
                axis_line_join: LineJoin = LineJoin::Bevel,
                axis_line_width: f64 = 1.0,
                background_fill_alpha: f64 = 1.0,
                background_fill_color: Option<Color> = None,
                /// "auto" or the (start, end) the axis is drawn over.
                bounds: Value = Value::str("auto"),
                fixed_location: Option<Value> = None,
                major_label_orientation: LabelOrientation = LabelOrientation::Horizontal,
                major_label_overrides: Value = Value::Map(Vec::new()),
                major_label_standoff: i64 = 5,
                major_label_text_align: TextAlign = TextAlign::Center,
                major_label_text_alpha: f64 = 1.0,
                major_label_text_baseline: TextBaseline = TextBaseline::Alphabetic,
                major_label_text_color: Option<Color> = Some("#444444".into()),
                major_label_text_font: String = "helvetica",
                major_label_text_font_size: String = "11px",
                major_label_text_font_style: FontStyle = FontStyle::Normal,
                major_tick_in: i64 = 2,
                major_tick_out: i64 = 6,
                major_tick_line_alpha: f64 = 1.0,
                major_tick_line_cap: LineCap = LineCap::Butt,
                major_tick_line_color: Option<Color> = Some("black".into()),
                major_tick_line_width: f64 = 1.0,
                minor_tick_in: i64 = 0,
                minor_tick_out: i64 = 4,
                minor_tick_line_alpha: f64 = 1.0,
                minor_tick_line_cap: LineCap = LineCap::Butt,
                minor_tick_line_color: Option<Color> = Some("black".into()),
                minor_tick_line_width: f64 = 1.0,
                visible: bool = true,
                x_range_name: String = "default",
                y_range_name: String = "default",
            }
        )* }
    };
}

axes! {
    /// A numeric axis: BasicTicker and BasicTickFormatter unless told otherwise.
    LinearAxis("LinearAxis") {}

    /// An axis on a log scale: LogTicker and LogTickFormatter.
    LogAxis("LogAxis") {}

    /// An axis of dates and times (milliseconds since the epoch): DatetimeTicker and
    /// DatetimeTickFormatter.
    DatetimeAxis("DatetimeAxis") {}

    /// An axis of factors (a FactorRange), with its group and subgroup labels.
    CategoricalAxis("CategoricalAxis") {
        group_label_orientation: LabelOrientation = LabelOrientation::Parallel,
        group_text_alpha: f64 = 1.0,
        group_text_color: Option<Color> = Some("grey".into()),
        group_text_font: String = "helvetica",
        group_text_font_size: String = "11px",
        group_text_font_style: FontStyle = FontStyle::Bold,
        separator_line_alpha: f64 = 1.0,
        separator_line_color: Option<Color> = Some("lightgrey".into()),
        separator_line_dash: DashPattern = DashPattern::SOLID,
        separator_line_width: f64 = 2.0,
        subgroup_label_orientation: LabelOrientation = LabelOrientation::Parallel,
        subgroup_text_alpha: f64 = 1.0,
        subgroup_text_color: Option<Color> = Some("#444444".into()),
        subgroup_text_font: String = "helvetica",
        subgroup_text_font_size: String = "11px",
        subgroup_text_font_style: FontStyle = FontStyle::Bold,
    }
}
