//! The Text glyph.

use crate::core::{ColorSpec, NumberSpec, Spec, Value};
use crate::models::enums::{FontStyle, LineCap, LineJoin, TextAlign, TextBaseline};
use crate::models::props::DashPattern;

models! {
    /// Text at (x, y), per row.
    pub struct Text("Text") {
        anchor: Spec<Value> = Spec::Value(Value::str("auto")),
        angle: NumberSpec = Spec::Value(0.0),
        outline_shape: Spec<Value> = Spec::Value(Value::str("box")),
        padding: Value = Value::Int(0),
        text: Spec<String> = Spec::field("text"),
        x: NumberSpec = Spec::field("x"),
        x_offset: NumberSpec = Spec::Value(0.0),
        y: NumberSpec = Spec::field("y"),
        y_offset: NumberSpec = Spec::Value(0.0),
        background_fill_alpha: NumberSpec = Spec::Value(1.0),
        background_fill_color: ColorSpec = Spec::Value(None),
        background_hatch_alpha: NumberSpec = Spec::Value(1.0),
        background_hatch_color: ColorSpec = Spec::Value(None),
        background_hatch_pattern: Spec<Option<String>> = Spec::Value(None),
        background_hatch_scale: NumberSpec = Spec::Value(12.0),
        background_hatch_weight: NumberSpec = Spec::Value(1.0),
        border_line_alpha: NumberSpec = Spec::Value(1.0),
        border_line_cap: Spec<LineCap> = Spec::Value(LineCap::Butt),
        border_line_color: ColorSpec = Spec::Value(None),
        border_line_dash: Spec<DashPattern> = Spec::Value(DashPattern::SOLID),
        border_line_dash_offset: Spec<i64> = Spec::Value(0),
        border_line_join: Spec<LineJoin> = Spec::Value(LineJoin::Bevel),
        border_line_width: NumberSpec = Spec::Value(1.0),
        border_radius: Value = Value::Int(0),
        text_align: Spec<TextAlign> = Spec::Value(TextAlign::Left),
        text_alpha: NumberSpec = Spec::Value(1.0),
        text_baseline: Spec<TextBaseline> = Spec::Value(TextBaseline::Bottom),
        text_color: ColorSpec = Spec::Value(Some("#444444".into())),
        text_font: Spec<String> = Spec::Value("helvetica".into()),
        text_font_size: Spec<String> = Spec::Value("16px".into()),
        text_font_style: Spec<FontStyle> = Spec::Value(FontStyle::Normal),
        text_line_height: NumberSpec = Spec::Value(1.2),
        text_outline_color: ColorSpec = Spec::Value(None),
        text_outline_width: NumberSpec = Spec::Value(1.0),
    }
}
