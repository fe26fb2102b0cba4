//! A plot and its parts: Figure, Title, ranges, scales, axes, tickers, grids, glyph
//! renderers and the Line glyph.

use super::{prop, ColumnDataSource, DefaultValue as D, Kind, ModelType, Prop, Schema};
use crate::document::{AnyId, Document, Id, Value};

pub(super) static FIGURE: Schema = Schema {
    name: "Figure",
    props: &[
        prop("title", Kind::NullableRef, D::Null),
        prop("width", Kind::NullableInt, D::Int(600)),
        prop("height", Kind::NullableInt, D::Int(600)),
        prop("x_range", Kind::Ref, D::Null),
        prop("y_range", Kind::Ref, D::Null),
        prop("x_scale", Kind::NullableRef, D::Null),
        prop("y_scale", Kind::NullableRef, D::Null),
        prop("renderers", Kind::RefList, D::EmptyList),
        prop("below", Kind::RefList, D::EmptyList),
        prop("left", Kind::RefList, D::EmptyList),
        prop("above", Kind::RefList, D::EmptyList),
        prop("right", Kind::RefList, D::EmptyList),
        prop("center", Kind::RefList, D::EmptyList),
        prop("toolbar", Kind::NullableRef, D::Null),
        prop("background_fill_color", Kind::Color, D::Str("#ffffff")),
        prop("border_fill_color", Kind::Color, D::Str("#ffffff")),
        prop("outline_line_color", Kind::Color, D::Str("#e5e5e5")),
    ],
    check: None,
};

pub(super) static TITLE: Schema = Schema {
    name: "Title",
    props: &[
        prop("text", Kind::String, D::Str("")),
        prop("text_color", Kind::Color, D::Str("#444444")),
        prop("text_font_size", Kind::String, D::Str("13px")),
        prop(
            "align",
            Kind::Enum(&["left", "center", "right"]),
            D::Str("left"),
        ),
    ],
    check: None,
};

pub(super) static DATA_RANGE_1D: Schema = Schema {
    name: "DataRange1d",
    props: &[
        prop("start", Kind::NullableNumber, D::Null),
        prop("end", Kind::NullableNumber, D::Null),
        prop("range_padding", Kind::Number, D::Float(0.1)),
        prop("renderers", Kind::Any, D::EmptyList),
    ],
    check: None,
};

pub(super) static RANGE_1D: Schema = Schema {
    name: "Range1d",
    props: &[
        prop("start", Kind::Number, D::Float(0.0)),
        prop("end", Kind::Number, D::Float(1.0)),
    ],
    check: None,
};

pub(super) static LINEAR_SCALE: Schema = Schema {
    name: "LinearScale",
    props: &[],
    check: None,
};

pub(super) static LINEAR_AXIS: Schema = Schema {
    name: "LinearAxis",
    props: &[
        prop("ticker", Kind::NullableRef, D::Null),
        prop("formatter", Kind::NullableRef, D::Null),
        prop("axis_label", Kind::NullableString, D::Null),
        prop("major_label_policy", Kind::Any, D::Null),
        prop("axis_line_color", Kind::Color, D::Str("black")),
        prop("major_label_text_color", Kind::Color, D::Str("#444444")),
    ],
    check: None,
};

pub(super) static BASIC_TICKER: Schema = Schema {
    name: "BasicTicker",
    props: &[
        prop("desired_num_ticks", Kind::Int, D::Int(6)),
        prop("mantissas", Kind::List, D::Ints(&[1, 2, 5])),
        prop("base", Kind::Number, D::Float(10.0)),
        prop("num_minor_ticks", Kind::Int, D::Int(5)),
    ],
    check: None,
};

pub(super) static BASIC_TICK_FORMATTER: Schema = Schema {
    name: "BasicTickFormatter",
    props: &[prop("use_scientific", Kind::Bool, D::Bool(true))],
    check: None,
};

pub(super) static GRID: Schema = Schema {
    name: "Grid",
    props: &[
        prop("dimension", Kind::Int, D::Int(0)),
        prop("axis", Kind::NullableRef, D::Null),
        prop("ticker", Kind::NullableRef, D::Null),
        prop("grid_line_color", Kind::Color, D::Str("#e5e5e5")),
        prop("grid_line_alpha", Kind::Number, D::Float(1.0)),
    ],
    check: None,
};

pub(super) static GLYPH_RENDERER: Schema = Schema {
    name: "GlyphRenderer",
    props: &[
        prop("data_source", Kind::Ref, D::Null),
        prop("glyph", Kind::Ref, D::Null),
        prop("view", Kind::NullableRef, D::Null),
        prop("selection_glyph", Kind::Any, D::Str("auto")),
        prop("nonselection_glyph", Kind::Any, D::Str("auto")),
        prop("hover_glyph", Kind::Any, D::Null),
        prop("muted_glyph", Kind::Any, D::Str("auto")),
        prop("visible", Kind::Bool, D::Bool(true)),
    ],
    check: None,
};

pub(super) static LINE: Schema = Schema {
    name: "Line",
    props: &[
        prop("x", Kind::NumberSpec, D::Field("x")),
        prop("y", Kind::NumberSpec, D::Field("y")),
        prop("line_color", Kind::Color, D::Str("black")),
        prop("line_width", Kind::Number, D::Float(1.0)),
        prop("line_alpha", Kind::Number, D::Float(1.0)),
        prop("line_dash", Kind::Any, D::Str("solid")),
        prop("line_join", Kind::Any, D::Str("bevel")),
        prop("line_cap", Kind::Any, D::Str("butt")),
    ],
    check: None,
};

/// A plot, like `bokeh.plotting.figure(title=…, width=…, height=…)`: creating one also
/// creates its title, ranges, scales, axes and grids, as Bokeh does.
pub struct Figure {
    pub title: String,
    pub width: i64,
    pub height: i64,
    /// A fixed x range (Bokeh's `x_range=(start, end)`); `None` follows the data.
    pub x_range: Option<(f64, f64)>,
    pub y_range: Option<(f64, f64)>,
}

impl Default for Figure {
    fn default() -> Figure {
        Figure {
            title: String::new(),
            width: 600,
            height: 600,
            x_range: None,
            y_range: None,
        }
    }
}

impl Figure {
    pub const TITLE: Prop<Figure, Option<Id<Title>>> = Prop::new("title");
    pub const WIDTH: Prop<Figure, Option<i64>> = Prop::new("width");
    pub const HEIGHT: Prop<Figure, Option<i64>> = Prop::new("height");
    pub const X_RANGE: Prop<Figure, AnyId> = Prop::new("x_range");
    pub const Y_RANGE: Prop<Figure, AnyId> = Prop::new("y_range");
    pub const RENDERERS: Prop<Figure, Vec<Id<GlyphRenderer>>> = Prop::new("renderers");
    pub const BELOW: Prop<Figure, Vec<AnyId>> = Prop::new("below");
    pub const LEFT: Prop<Figure, Vec<AnyId>> = Prop::new("left");
    pub const CENTER: Prop<Figure, Vec<AnyId>> = Prop::new("center");
    pub const BACKGROUND_FILL_COLOR: Prop<Figure, Option<String>> =
        Prop::new("background_fill_color");
    pub const BORDER_FILL_COLOR: Prop<Figure, Option<String>> = Prop::new("border_fill_color");
    pub const OUTLINE_LINE_COLOR: Prop<Figure, Option<String>> = Prop::new("outline_line_color");
}

fn reference(doc: &Document, any: impl Into<AnyId>) -> Value {
    Value::Ref(doc.model_id(any.into()).clone())
}

fn range(doc: &mut Document, fixed: Option<(f64, f64)>) -> AnyId {
    match fixed {
        Some((start, end)) => doc.add(Range1d { start, end }).any(),
        None => doc.add(DataRange1d).any(),
    }
}

impl ModelType for Figure {
    const NAME: &'static str = "Figure";
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)> {
        let title = doc.add(Title { text: self.title });
        let x_range = range(doc, self.x_range);
        let y_range = range(doc, self.y_range);
        let x_scale = doc.add(LinearScale);
        let y_scale = doc.add(LinearScale);
        let below = LinearAxis::new(doc);
        let left = LinearAxis::new(doc);
        let x_grid = doc.add(Grid {
            dimension: 0,
            axis: below,
        });
        let y_grid = doc.add(Grid {
            dimension: 1,
            axis: left,
        });
        vec![
            ("title", reference(doc, title)),
            ("width", Value::Int(self.width)),
            ("height", Value::Int(self.height)),
            ("x_range", reference(doc, x_range)),
            ("y_range", reference(doc, y_range)),
            ("x_scale", reference(doc, x_scale)),
            ("y_scale", reference(doc, y_scale)),
            ("below", Value::List(vec![reference(doc, below)])),
            ("left", Value::List(vec![reference(doc, left)])),
            (
                "center",
                Value::List(vec![reference(doc, x_grid), reference(doc, y_grid)]),
            ),
        ]
    }
}

impl Id<Figure> {
    /// Adds a line glyph drawing `source`'s columns, like `plot.line('x', 'y', source=source)`.
    pub fn line(
        self,
        doc: &mut Document,
        source: Id<ColumnDataSource>,
        glyph: Line,
    ) -> Id<GlyphRenderer> {
        let glyph = doc.add(glyph);
        let renderer = doc.add(GlyphRenderer {
            data_source: source,
            glyph: glyph.any(),
        });
        let mut renderers = doc.get(self, Figure::RENDERERS);
        renderers.push(renderer);
        doc.set(self, Figure::RENDERERS, renderers)
            .expect("a new renderer is a valid reference");
        renderer
    }
}

/// A plot's title text.
pub struct Title {
    pub text: String,
}

impl Title {
    pub const TEXT: Prop<Title, String> = Prop::new("text");
    pub const TEXT_COLOR: Prop<Title, Option<String>> = Prop::new("text_color");
    pub const TEXT_FONT_SIZE: Prop<Title, String> = Prop::new("text_font_size");
}

impl ModelType for Title {
    const NAME: &'static str = "Title";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        vec![("text", Value::Str(self.text))]
    }
}

/// A range that follows the data of the plot's renderers, with padding.
pub struct DataRange1d;

impl DataRange1d {
    pub const START: Prop<DataRange1d, Option<f64>> = Prop::new("start");
    pub const END: Prop<DataRange1d, Option<f64>> = Prop::new("end");
    pub const RANGE_PADDING: Prop<DataRange1d, f64> = Prop::new("range_padding");
}

impl ModelType for DataRange1d {
    const NAME: &'static str = "DataRange1d";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// A fixed range.
pub struct Range1d {
    pub start: f64,
    pub end: f64,
}

impl Range1d {
    pub const START: Prop<Range1d, f64> = Prop::new("start");
    pub const END: Prop<Range1d, f64> = Prop::new("end");
}

impl ModelType for Range1d {
    const NAME: &'static str = "Range1d";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        vec![
            ("start", Value::Float(self.start)),
            ("end", Value::Float(self.end)),
        ]
    }
}

pub struct LinearScale;

impl ModelType for LinearScale {
    const NAME: &'static str = "LinearScale";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// A numeric axis with its ticker and formatter.
pub struct LinearAxis {
    pub ticker: Id<BasicTicker>,
    pub formatter: Id<BasicTickFormatter>,
}

impl LinearAxis {
    pub const TICKER: Prop<LinearAxis, Option<Id<BasicTicker>>> = Prop::new("ticker");
    pub const AXIS_LABEL: Prop<LinearAxis, Option<String>> = Prop::new("axis_label");

    /// An axis with a new BasicTicker and BasicTickFormatter, as Bokeh's figure makes.
    fn new(doc: &mut Document) -> Id<LinearAxis> {
        let ticker = doc.add(BasicTicker);
        let formatter = doc.add(BasicTickFormatter);
        doc.add(LinearAxis { ticker, formatter })
    }
}

impl ModelType for LinearAxis {
    const NAME: &'static str = "LinearAxis";
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)> {
        vec![
            ("ticker", reference(doc, self.ticker)),
            ("formatter", reference(doc, self.formatter)),
        ]
    }
}

pub struct BasicTicker;

impl BasicTicker {
    pub const DESIRED_NUM_TICKS: Prop<BasicTicker, i64> = Prop::new("desired_num_ticks");
}

impl ModelType for BasicTicker {
    const NAME: &'static str = "BasicTicker";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        let mantissas = [1, 2, 5].into_iter().map(Value::Int).collect();
        vec![("mantissas", Value::List(mantissas))]
    }
}

pub struct BasicTickFormatter;

impl ModelType for BasicTickFormatter {
    const NAME: &'static str = "BasicTickFormatter";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// Grid lines at an axis' ticks; `dimension` 0 draws vertical lines (x ticks), 1 horizontal.
pub struct Grid {
    pub dimension: i64,
    pub axis: Id<LinearAxis>,
}

impl Grid {
    pub const DIMENSION: Prop<Grid, i64> = Prop::new("dimension");
    pub const AXIS: Prop<Grid, Option<Id<LinearAxis>>> = Prop::new("axis");
    pub const GRID_LINE_COLOR: Prop<Grid, Option<String>> = Prop::new("grid_line_color");
}

impl ModelType for Grid {
    const NAME: &'static str = "Grid";
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)> {
        let mut attrs = vec![("axis", reference(doc, self.axis))];
        if self.dimension != 0 {
            attrs.push(("dimension", Value::Int(self.dimension)));
        }
        attrs
    }
}

/// Draws a glyph with the columns of a data source.
pub struct GlyphRenderer {
    pub data_source: Id<ColumnDataSource>,
    pub glyph: AnyId,
}

impl GlyphRenderer {
    pub const DATA_SOURCE: Prop<GlyphRenderer, Id<ColumnDataSource>> = Prop::new("data_source");
    pub const GLYPH: Prop<GlyphRenderer, AnyId> = Prop::new("glyph");
    pub const VISIBLE: Prop<GlyphRenderer, bool> = Prop::new("visible");
}

impl ModelType for GlyphRenderer {
    const NAME: &'static str = "GlyphRenderer";
    fn into_attrs(self, doc: &mut Document) -> Vec<(&'static str, Value)> {
        vec![
            ("data_source", reference(doc, self.data_source)),
            ("glyph", reference(doc, self.glyph)),
        ]
    }
}

/// A line through the points (x[i], y[i]) of two columns.
pub struct Line {
    /// Column names.
    pub x: String,
    pub y: String,
    pub line_color: String,
    pub line_width: f64,
    pub line_alpha: f64,
}

impl Default for Line {
    /// As `plot.line(...)` draws: Bokeh's first palette color, 1 px, opaque.
    fn default() -> Line {
        Line {
            x: "x".into(),
            y: "y".into(),
            line_color: "#1f77b4".into(),
            line_width: 1.0,
            line_alpha: 1.0,
        }
    }
}

impl Line {
    pub const X: Prop<Line, Value> = Prop::new("x");
    pub const Y: Prop<Line, Value> = Prop::new("y");
    pub const LINE_COLOR: Prop<Line, Option<String>> = Prop::new("line_color");
    pub const LINE_WIDTH: Prop<Line, f64> = Prop::new("line_width");
    pub const LINE_ALPHA: Prop<Line, f64> = Prop::new("line_alpha");
}

impl ModelType for Line {
    const NAME: &'static str = "Line";
    fn into_attrs(self, _: &mut Document) -> Vec<(&'static str, Value)> {
        vec![
            ("x", Value::field(&self.x)),
            ("y", Value::field(&self.y)),
            ("line_color", Value::Str(self.line_color)),
            ("line_width", Value::Float(self.line_width)),
            ("line_alpha", Value::Float(self.line_alpha)),
        ]
    }
}
