//! Legends: a box of items, each a label beside small copies of its renderers' glyphs.

use crate::core::{Color, Id, Spec, Value};

use super::enums::{FontStyle, LegendClickPolicy, Orientation, Place};
use super::props::AutoOr;
use super::GlyphRenderer;

models! {
    /// A legend: inside the frame at `location` (a corner or side name, or (x, y) in
    /// pixels), or in a side panel when added there.
    pub struct Legend("Legend") {
        items: Vec<Id<LegendItem>> = Vec::new(),
        location: Value = Value::str("top_right"),
        orientation: Orientation = Orientation::Vertical,
        /// Columns of a horizontal legend before it wraps (a vertical one: how many
        /// rows it fills a column with, from `nrows`); "auto": one row or column.
        ncols: AutoOr<i64> = AutoOr::Auto,
        /// Rows of a vertical legend before it wraps, likewise.
        nrows: AutoOr<i64> = AutoOr::Auto,
        title: Option<String> = None,
        title_location: Place = Place::Above,
        title_standoff: i64 = 5,
        title_text_color: Option<Color> = Some("#444444".into()),
        title_text_font_size: String = "13px",
        title_text_font_style: FontStyle = FontStyle::Italic,
        click_policy: LegendClickPolicy = LegendClickPolicy::None,
        glyph_width: i64 = 20,
        glyph_height: i64 = 20,
        label_width: i64 = 20,
        label_height: AutoOr<i64> = AutoOr::Auto,
        label_standoff: i64 = 5,
        label_text_color: Option<Color> = Some("#444444".into()),
        label_text_font_size: String = "13px",
        label_text_font_style: FontStyle = FontStyle::Normal,
        margin: i64 = 10,
        padding: Value = Value::Int(10),
        spacing: i64 = 3,
        background_fill_color: Option<Color> = Some("#ffffff".into()),
        background_fill_alpha: f64 = 0.95,
        border_line_color: Option<Color> = Some("#e5e5e5".into()),
        border_line_alpha: f64 = 0.5,
        border_line_width: f64 = 1.0,
        inactive_fill_color: Option<Color> = Some("white".into()),
        inactive_fill_alpha: f64 = 0.7,
        visible: bool = true,
    }

    /// One legend entry: a label and the renderers it stands for. A label from a field
    /// (Bokeh's `legend_field`) makes one entry per distinct value, `index` the row.
    pub struct LegendItem("LegendItem") {
        label: Spec<Option<String>> = Spec::Value(None),
        renderers: Vec<Id<GlyphRenderer>> = Vec::new(),
        index: Option<i64> = None,
        visible: bool = true,
    }
}
