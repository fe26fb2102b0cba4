//! Annotations: a plot's Title, and marks over its data: Span, BoxAnnotation, Band,
//! Whisker, Label, LabelSet, ColorBar and ScaleBar. Arrows and legends have their own
//! areas.

use crate::core::{AnyId, Color, ColorSpec, Id, NumberSpec, Spec, Value};

use super::enums::{
    Align, CoordinateUnits, Dimension, FontStyle, LengthSizing, LengthUnits, LineCap, LineJoin,
    Orientation, Place, PositionUnits, RenderLevel, TextAlign, TextBaseline,
};
use super::props::{AutoOr, DashPattern, TextLike};
use super::{GlyphRenderer, SourceId};

models! {
    /// A plot's title text.
    pub struct Title("Title") {
        text: TextLike = TextLike::default(),
        align: TextAlign = TextAlign::Left,
        offset: f64 = 0.0,
        standoff: f64 = 10.0,
        text_color: Option<Color> = Some("#444444".into()),
        text_alpha: f64 = 1.0,
        text_font: String = "helvetica",
        text_font_size: String = "13px",
        text_font_style: FontStyle = FontStyle::Bold,
        /// Lines of a multi-line title this many font heights apart (BokehJS's Title: 1).
        text_line_height: f64 = 1.0,
        background_fill_color: Option<Color> = None,
        background_fill_alpha: f64 = 1.0,
        border_line_color: Option<Color> = None,
        border_line_alpha: f64 = 1.0,
        border_line_width: f64 = 1.0,
        visible: bool = true,
    }

    /// A line across the whole frame at `location`: horizontal for `Dimension::Width`.
    pub struct Span("Span") {
        location: Option<Value> = None,
        dimension: Dimension = Dimension::Width,
        line_color: Option<Color> = Some("black".into()),
        line_alpha: f64 = 1.0,
        line_width: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_join: LineJoin = LineJoin::Bevel,
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// The line y = `gradient` · x + `y_intercept` across the frame (nothing while either
    /// is unset), the frame above and below it filled if their fill colors are set.
    pub struct Slope("Slope") {
        gradient: Option<f64> = None,
        y_intercept: Option<f64> = None,
        line_color: Option<Color> = Some("black".into()),
        line_alpha: f64 = 1.0,
        line_width: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_join: LineJoin = LineJoin::Bevel,
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        above_fill_color: Option<Color> = None,
        above_fill_alpha: f64 = 0.4,
        below_fill_color: Option<Color> = None,
        below_fill_alpha: f64 = 0.4,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// A shaded box; an edge left unset reaches the frame's edge.
    pub struct BoxAnnotation("BoxAnnotation") {
        left: Option<Value> = None,
        right: Option<Value> = None,
        top: Option<Value> = None,
        bottom: Option<Value> = None,
        left_units: CoordinateUnits = CoordinateUnits::Data,
        right_units: CoordinateUnits = CoordinateUnits::Data,
        top_units: CoordinateUnits = CoordinateUnits::Data,
        bottom_units: CoordinateUnits = CoordinateUnits::Data,
        /// Movable and resizable by its `handles` (a BoxInteractionHandles).
        editable: bool = false,
        handles: Option<AnyId> = None,
        level: RenderLevel = RenderLevel::Annotation,
        /// A tool's overlay is the page's own: its changes are never sent to peers.
        syncable: bool = true,
        fill_color: Option<Color> = Some("#fff9ba".into()),
        fill_alpha: f64 = 0.4,
        line_color: Option<Color> = Some("#cccccc".into()),
        line_alpha: f64 = 0.3,
        line_width: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_join: LineJoin = LineJoin::Bevel,
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        hatch_pattern: Option<String> = None,
        hatch_color: Option<Color> = Some("black".into()),
        hatch_alpha: f64 = 1.0,
        hatch_scale: f64 = 12.0,
        hatch_weight: f64 = 1.0,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// A filled band between `lower` and `upper` along `base` (across the height for
    /// `Dimension::Height`).
    pub struct Band("Band") {
        base: NumberSpec = Spec::field("base"),
        lower: NumberSpec = Spec::field("lower"),
        upper: NumberSpec = Spec::field("upper"),
        dimension: Dimension = Dimension::Height,
        source: Option<SourceId> = None,
        fill_color: Option<Color> = Some("#fff9ba".into()),
        fill_alpha: f64 = 0.4,
        line_color: Option<Color> = Some("#cccccc".into()),
        line_alpha: f64 = 0.3,
        line_width: f64 = 1.0,
        line_cap: LineCap = LineCap::Butt,
        line_join: LineJoin = LineJoin::Bevel,
        line_dash: DashPattern = DashPattern::SOLID,
        line_dash_offset: i64 = 0,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// Error bars: a line from `lower` to `upper` at each `base`, with heads at both ends.
    pub struct Whisker("Whisker") {
        base: NumberSpec = Spec::field("base"),
        lower: NumberSpec = Spec::field("lower"),
        upper: NumberSpec = Spec::field("upper"),
        dimension: Dimension = Dimension::Height,
        source: Option<SourceId> = None,
        lower_head: Option<AnyId> = None,
        upper_head: Option<AnyId> = None,
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

    /// One piece of text at (x, y), offset in pixels.
    pub struct Label("Label") {
        x: Value,
        y: Value,
        text: TextLike = TextLike::default(),
        x_offset: f64 = 0.0,
        y_offset: f64 = 0.0,
        angle: f64 = 0.0,
        text_align: TextAlign = TextAlign::Left,
        text_baseline: TextBaseline = TextBaseline::Bottom,
        /// Which point of its box sits at (x, y): "auto" (its text's align and
        /// baseline), a name ("bottom_left") or fractions of the box.
        anchor: Value = Value::str("auto"),
        /// Room between the text and its box's edges, in pixels.
        padding: Value = Value::Int(0),
        text_color: Option<Color> = Some("#444444".into()),
        text_alpha: f64 = 1.0,
        text_font: String = "helvetica",
        text_font_size: String = "16px",
        text_font_style: FontStyle = FontStyle::Normal,
        text_line_height: f64 = 1.2,
        background_fill_color: Option<Color> = None,
        background_fill_alpha: f64 = 1.0,
        border_line_color: Option<Color> = None,
        border_line_alpha: f64 = 1.0,
        border_line_width: f64 = 1.0,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// Text at (x, y) for every row of `source`.
    pub struct LabelSet("LabelSet") {
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
        text: Spec<Option<String>> = Spec::field("text"),
        source: Option<SourceId> = None,
        x_offset: NumberSpec = Spec::Value(0.0),
        y_offset: NumberSpec = Spec::Value(0.0),
        angle: NumberSpec = Spec::Value(0.0),
        text_align: Spec<TextAlign> = Spec::Value(TextAlign::Left),
        text_baseline: Spec<TextBaseline> = Spec::Value(TextBaseline::Bottom),
        text_color: ColorSpec = Spec::Value(Some("#444444".into())),
        text_alpha: NumberSpec = Spec::Value(1.0),
        text_font: Spec<String> = Spec::Value("helvetica".into()),
        text_font_size: Spec<String> = Spec::Value("16px".into()),
        text_font_style: Spec<FontStyle> = Spec::Value(FontStyle::Normal),
        background_fill_color: ColorSpec = Spec::Value(None),
        background_fill_alpha: NumberSpec = Spec::Value(1.0),
        border_line_color: ColorSpec = Spec::Value(None),
        border_line_alpha: NumberSpec = Spec::Value(1.0),
        border_line_width: NumberSpec = Spec::Value(1.0),
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// The colors of a color mapper as a bar with ticks and labels of its values.
    pub struct ColorBar("ColorBar") {
        color_mapper: AnyId,
        /// Where in (or beside) the frame: a named corner or side, or (x, y) in pixels.
        location: Value = Value::str("top_right"),
        orientation: AutoOr<Orientation> = AutoOr::Auto,
        width: AutoOr<i64> = AutoOr::Auto,
        height: AutoOr<i64> = AutoOr::Auto,
        title: Option<TextLike> = None,
        title_standoff: i64 = 2,
        title_text_color: Option<Color> = Some("#444444".into()),
        title_text_font_size: String = "13px",
        title_text_font_style: FontStyle = FontStyle::Italic,
        ticker: AutoOr<AnyId> = AutoOr::Auto,
        formatter: AutoOr<AnyId> = AutoOr::Auto,
        margin: i64 = 30,
        padding: i64 = 10,
        label_standoff: i64 = 5,
        scale_alpha: f64 = 1.0,
        major_label_text_color: Option<Color> = Some("#444444".into()),
        major_label_text_font_size: String = "11px",
        major_tick_in: i64 = 5,
        major_tick_out: i64 = 0,
        major_tick_line_color: Option<Color> = Some("#ffffff".into()),
        minor_tick_in: i64 = 0,
        minor_tick_out: i64 = 0,
        minor_tick_line_color: Option<Color> = None,
        bar_line_color: Option<Color> = None,
        border_line_color: Option<Color> = None,
        background_fill_color: Option<Color> = Some("#ffffff".into()),
        background_fill_alpha: f64 = 0.95,
        visible: bool = true,
    }

    /// A [`ColorBar`] over a contour's levels, its bands and lines as the contour draws
    /// them, as Python's `contour_renderer.construct_color_bar()` makes it.
    pub struct ContourColorBar("ContourColorBar") {
        fill_renderer: Id<GlyphRenderer>,
        line_renderer: Id<GlyphRenderer>,
        levels: Vec<f64> = Vec::new(),
        ticker: AutoOr<AnyId> = AutoOr::Auto,
    }
    /// A bar of a "nice" length of `range` (in `unit`s of `dimensional`, meters by
    /// default) with its label ("5 km"), in a box at `location` in the frame.
    pub struct ScaleBar("ScaleBar") {
        /// The range measured: `"auto"` is the frame's default x range (y when vertical).
        range: AutoOr<AnyId> = AutoOr::Auto,
        /// The unit of the range's values, one of `dimensional`'s.
        unit: String = "m",
        /// The units of measurement (a `MetricLength`, `ImperialLength`, …); unset is
        /// Bokeh's new `MetricLength`.
        dimensional: Option<AnyId> = None,
        orientation: Orientation = Orientation::Horizontal,
        /// A named anchor of the frame (`"top_right"`) or an (x, y) pair in `x_units` and
        /// `y_units`.
        location: Value = Value::str("top_right"),
        x_units: PositionUnits = PositionUnits::Data,
        y_units: PositionUnits = PositionUnits::Data,
        /// The box's point put at `location`: `"auto"` follows the location's names.
        anchor: Value = Value::str("auto"),
        length_sizing: LengthSizing = LengthSizing::Adaptive,
        bar_length: f64 = 0.2,
        bar_length_units: LengthUnits = LengthUnits::Screen,
        bar_line_color: Option<Color> = Some("black".into()),
        bar_line_alpha: f64 = 1.0,
        bar_line_width: f64 = 2.0,
        bar_line_dash: DashPattern = DashPattern::SOLID,
        margin: i64 = 10,
        padding: i64 = 10,
        /// The label's template: `@{value}` (with an optional printf `{format}` when
        /// exact) and `@{unit}`.
        label: String = "@{value} @{unit}",
        label_align: Align = Align::Center,
        label_location: Place = Place::Below,
        label_standoff: i64 = 5,
        label_text_color: Option<Color> = Some("#444444".into()),
        label_text_alpha: f64 = 1.0,
        label_text_font: String = "helvetica",
        label_text_font_size: String = "13px",
        label_text_font_style: FontStyle = FontStyle::Normal,
        title: String = "",
        title_align: Align = Align::Center,
        title_location: Place = Place::Above,
        title_standoff: i64 = 5,
        title_text_color: Option<Color> = Some("#444444".into()),
        title_text_alpha: f64 = 1.0,
        title_text_font: String = "helvetica",
        title_text_font_size: String = "13px",
        title_text_font_style: FontStyle = FontStyle::Italic,
        border_line_color: Option<Color> = Some("#e5e5e5".into()),
        border_line_alpha: f64 = 0.5,
        border_line_width: f64 = 1.0,
        background_fill_color: Option<Color> = Some("#ffffff".into()),
        background_fill_alpha: f64 = 0.95,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }
}

impl Label {
    /// `text` at data point (x, y), every other property at Bokeh's default, as
    /// `Label(x=…, y=…, text=…)`.
    pub fn new(x: f64, y: f64, text: &str) -> Label {
        Label {
            x: Value::Float(x),
            y: Value::Float(y),
            text: TextLike::Plain(text.to_owned()),
            x_offset: 0.0,
            y_offset: 0.0,
            angle: 0.0,
            text_align: TextAlign::Left,
            text_baseline: TextBaseline::Bottom,
            anchor: Value::str("auto"),
            padding: Value::Int(0),
            text_color: Some("#444444".into()),
            text_alpha: 1.0,
            text_font: "helvetica".into(),
            text_font_size: "16px".into(),
            text_font_style: FontStyle::Normal,
            text_line_height: 1.2,
            background_fill_color: None,
            background_fill_alpha: 1.0,
            border_line_color: None,
            border_line_alpha: 1.0,
            border_line_width: 1.0,
            visible: true,
            x_range_name: "default".into(),
            y_range_name: "default".into(),
        }
    }
}
