//! The `figure` convenience, as Bokeh's `bokeh.plotting`: a [`Figure`] made with the
//! ranges, scales, axes and grids Bokeh's `figure(...)` adds (linear, log, datetime or
//! categorical axes), glyph methods that add a glyph with its renderer
//! (`plot.scatter(doc, source, Scatter { .. })`, `plot.vbar(..)`, …) coloured as Bokeh
//! colours them, legend entries (`legend_label`, `legend_field`, `legend_group`), contours
//! (`plot.contour(…)`, `contour_data`), and the transform helpers (`linear_cmap`,
//! `factor_cmap`, `factor_mark`, `dodge`, `jitter`).

mod contour;
mod glyph_api;
mod tools;
mod transform;

pub use contour::{
    contour_data, ContourArgs, ContourColor, ContourData, ContourError, Field, FillData, LineData,
};
pub use glyph_api::{GlyphVisuals, Styled};
pub use tools::{
    range_tool, tool_from_name, Active, ToolArgs, ToolsError, DEFAULT_TOOLS, TOOL_NAMES,
};
pub use transform::{
    cumsum, dodge, expr, factor_cmap, factor_mark, jitter, linear_cmap, log_cmap, transform,
};

use crate::core::Spec;
use crate::core::{AnyId, Id, ModelType, Value};
use crate::document::Document;
use crate::models::{
    AdaptiveTicker, BasicTickFormatter, BasicTicker, CategoricalAxis, CategoricalScale,
    CategoricalTickFormatter, CategoricalTicker, DataRange1d, DatetimeAxis, DatetimeTickFormatter,
    DatetimeTicker, DaysTicker, Factor, FactorRange, Figure, GlyphRenderer, GraphLayout,
    GraphRenderer, Grid, Legend, LegendItem, LinearAxis, LinearScale, LogAxis, LogScale,
    LogTickFormatter, LogTicker, MonthsTicker, Place, Range1d, SourceId, StaticLayoutProvider,
    TextLike, TileRenderer, Title, Tooltips, YearsTicker,
};

/// A range as Bokeh's `figure(x_range=…)` takes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum RangeArg {
    /// A DataRange1d: follows the data.
    #[default]
    Auto,
    /// A fixed Range1d.
    Fixed(f64, f64),
    /// A FactorRange of these factors: the axis is categorical.
    Factors(Vec<Factor>),
    /// A range model already in the document, shared with another plot, as Python's
    /// `figure(x_range=p.x_range)`.
    Shared(AnyId),
}

impl From<(f64, f64)> for RangeArg {
    fn from((start, end): (f64, f64)) -> RangeArg {
        RangeArg::Fixed(start, end)
    }
}

impl<F: Into<Factor>> From<Vec<F>> for RangeArg {
    fn from(factors: Vec<F>) -> RangeArg {
        RangeArg::Factors(factors.into_iter().map(Into::into).collect())
    }
}

/// The factors collected, as Python's `figure(x_range=sorted(set(xs)))`.
impl<F: Into<Factor>> FromIterator<F> for RangeArg {
    fn from_iter<I: IntoIterator<Item = F>>(factors: I) -> RangeArg {
        RangeArg::Factors(factors.into_iter().map(Into::into).collect())
    }
}

/// Bokeh's `x_axis_type` / `y_axis_type`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AxisType {
    /// Linear, or categorical when the range is factors.
    #[default]
    Auto,
    /// A LinearAxis on a LinearScale.
    Linear,
    /// A LogAxis on a LogScale.
    Log,
    /// A DatetimeAxis (values are milliseconds since the epoch) on a LinearScale.
    Datetime,
}

/// The arguments of Bokeh's `figure(...)` that rokeh takes.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureArgs {
    /// The plot's title (`title`); empty for none.
    pub title: String,
    /// Width in CSS pixels (`width`, 600 by default).
    pub width: i64,
    /// Height in CSS pixels (`height`, 600 by default).
    pub height: i64,
    /// The x range (`x_range`): follows the data by default.
    pub x_range: RangeArg,
    /// The y range (`y_range`).
    pub y_range: RangeArg,
    /// The x axis' type (`x_axis_type`).
    pub x_axis_type: AxisType,
    /// The y axis' type (`y_axis_type`).
    pub y_axis_type: AxisType,
    /// Where the x axis goes (below by default); `None`: no x axis.
    pub x_axis_location: Option<Place>,
    /// Where the y axis goes (left by default); `None`: no y axis.
    pub y_axis_location: Option<Place>,
    /// The x axis' label (`x_axis_label`).
    pub x_axis_label: Option<String>,
    /// The y axis' label (`y_axis_label`).
    pub y_axis_label: Option<String>,
    /// The toolbar's side (Bokeh's `toolbar_location`, right by default); `None`: no
    /// toolbar shown (the tools still work, as in Bokeh).
    pub toolbar_location: Option<Place>,
    /// The tools, by Bokeh's names (`tools`): [`DEFAULT_TOOLS`] unless given.
    pub tools: String,
    /// `tooltips`: set on the `hover` tool of `tools`, or on a HoverTool added for them.
    pub tooltips: Option<Tooltips>,
    /// The drag tool active at first (`active_drag`), by its name in `tools`.
    pub active_drag: Active,
    /// The scroll tool active at first (`active_scroll`).
    pub active_scroll: Active,
    /// The tap tool active at first (`active_tap`).
    pub active_tap: Active,
    /// The inspector active at first (`active_inspect`).
    pub active_inspect: Active,
    /// The frame's background color, a CSS color (`background_fill_color`); `None` keeps Bokeh's.
    pub background_fill_color: Option<String>,
    /// The smallest border around the frame in CSS pixels, on every side (`min_border`).
    pub min_border: Option<i64>,
}

impl Default for FigureArgs {
    fn default() -> FigureArgs {
        FigureArgs {
            title: String::new(),
            width: 600,
            height: 600,
            x_range: RangeArg::Auto,
            y_range: RangeArg::Auto,
            x_axis_type: AxisType::Auto,
            y_axis_type: AxisType::Auto,
            x_axis_location: Some(Place::Below),
            y_axis_location: Some(Place::Left),
            x_axis_label: None,
            y_axis_label: None,
            toolbar_location: Some(Place::Right),
            tools: DEFAULT_TOOLS.to_owned(),
            tooltips: None,
            active_drag: Active::Auto,
            active_scroll: Active::Auto,
            active_tap: Active::Auto,
            active_inspect: Active::Auto,
            background_fill_color: None,
            min_border: Some(5),
        }
    }
}

/// Bokeh's colour for a glyph given none: the first of its default palette.
pub const DEFAULT_GLYPH_COLOR: &str = "#1f77b4";

/// The kind of axis a dimension gets.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Linear,
    Log,
    Datetime,
    Categorical,
}

fn kind(doc: &Document, axis_type: AxisType, range: &RangeArg) -> Kind {
    let is_factor_range =
        |doc: &Document, range: AnyId| doc.model(range).type_name == "FactorRange";
    match (axis_type, range) {
        (AxisType::Log, _) => Kind::Log,
        (AxisType::Datetime, _) => Kind::Datetime,
        (_, RangeArg::Factors(_)) => Kind::Categorical,
        (_, RangeArg::Shared(range)) if is_factor_range(doc, *range) => Kind::Categorical,
        _ => Kind::Linear,
    }
}

fn range(doc: &mut Document, arg: &RangeArg) -> AnyId {
    match arg {
        RangeArg::Auto => doc.add(DataRange1d::default()).any(),
        RangeArg::Fixed(start, end) => doc
            .add(Range1d {
                start: *start,
                end: *end,
                ..Range1d::default()
            })
            .any(),
        RangeArg::Factors(factors) => doc
            .add(FactorRange {
                factors: factors.clone(),
                ..FactorRange::default()
            })
            .any(),
        RangeArg::Shared(range) => *range,
    }
}

fn scale(doc: &mut Document, kind: Kind) -> AnyId {
    match kind {
        Kind::Log => doc.add(LogScale {}).any(),
        Kind::Categorical => doc.add(CategoricalScale {}).any(),
        Kind::Linear | Kind::Datetime => doc.add(LinearScale {}).any(),
    }
}

/// Bokeh's DatetimeTicker with its own tickers, as Python writes it.
fn datetime_ticker(doc: &mut Document) -> AnyId {
    const SECOND: f64 = 1000.0;
    const MINUTE: f64 = 60.0 * SECOND;
    const HOUR: f64 = 60.0 * MINUTE;
    let adaptive = |doc: &mut Document, mantissas: &[f64], base, min, max| {
        doc.add(AdaptiveTicker {
            mantissas: mantissas.to_vec(),
            base,
            min_interval: min,
            max_interval: Some(max),
            num_minor_ticks: 0,
            ..AdaptiveTicker::default()
        })
        .any()
    };
    let mut tickers = vec![
        adaptive(doc, &[1.0, 2.0, 5.0], 10.0, 0.0, 500.0),
        adaptive(
            doc,
            &[1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0],
            60.0,
            SECOND,
            30.0 * MINUTE,
        ),
        adaptive(
            doc,
            &[1.0, 2.0, 4.0, 6.0, 8.0, 12.0],
            24.0,
            HOUR,
            12.0 * HOUR,
        ),
    ];
    for days in [
        (1..32).collect::<Vec<i64>>(),
        (1..31).step_by(3).collect(),
        vec![1, 8, 15, 22],
        vec![1, 15],
    ] {
        tickers.push(
            doc.add(DaysTicker {
                days,
                ..DaysTicker::default()
            })
            .any(),
        );
    }
    for step in [1, 2, 4, 6] {
        let months = (0..12).step_by(step).collect();
        tickers.push(
            doc.add(MonthsTicker {
                months,
                ..MonthsTicker::default()
            })
            .any(),
        );
    }
    tickers.push(doc.add(YearsTicker::default()).any());
    doc.add(DatetimeTicker {
        tickers,
        num_minor_ticks: 5,
        ..DatetimeTicker::default()
    })
    .any()
}

/// The DatetimeTickFormatter Bokeh's figure gives a datetime axis: short formats, and
/// two levels of context (the date under the time, the year under the day).
fn datetime_formatter(doc: &mut Document) -> AnyId {
    let day = "%b %d, %Y";
    let inner = doc.add(DatetimeTickFormatter {
        microseconds: day.into(),
        milliseconds: day.into(),
        seconds: String::new(),
        minsec: String::new(),
        minutes: String::new(),
        hourmin: String::new(),
        hours: String::new(),
        days: String::new(),
        months: String::new(),
        years: String::new(),
        boundary_scaling: false,
        hide_repeats: true,
        ..DatetimeTickFormatter::default()
    });
    let inner_ref = doc.reference(inner);
    let middle = doc.add(DatetimeTickFormatter {
        microseconds: "%T".into(),
        milliseconds: "%T".into(),
        seconds: day.into(),
        minsec: day.into(),
        minutes: day.into(),
        hourmin: day.into(),
        hours: day.into(),
        days: "%Y".into(),
        months: String::new(),
        years: String::new(),
        boundary_scaling: false,
        hide_repeats: true,
        context: Some(inner_ref),
        ..DatetimeTickFormatter::default()
    });
    doc.set_attr(middle.any(), "context_which", Value::str("all"))
        .expect("an enum value Bokeh has");
    let middle_ref = doc.reference(middle);
    let outer = doc.add(DatetimeTickFormatter {
        seconds: "%T".into(),
        minsec: "%T".into(),
        minutes: "%H:%M".into(),
        hours: "%H:%M".into(),
        days: "%b %d".into(),
        months: "%b %Y".into(),
        strip_leading_zeros: Value::List(
            ["microseconds", "milliseconds", "seconds"]
                .map(Value::str)
                .to_vec(),
        ),
        boundary_scaling: false,
        context: Some(middle_ref),
        ..DatetimeTickFormatter::default()
    });
    outer.any()
}

/// An axis of `kind` with its ticker and formatter, as Bokeh's figure makes it.
fn axis(doc: &mut Document, kind: Kind, label: Option<&String>) -> AnyId {
    let axis_label = label.map(|l| TextLike::Plain(l.clone()));
    macro_rules! make {
        ($axis:ident, $ticker:expr, $formatter:expr) => {{
            let ticker = Some($ticker);
            let formatter = Some($formatter);
            doc.add($axis {
                ticker,
                formatter,
                axis_label,
                ..$axis::default()
            })
            .any()
        }};
    }
    match kind {
        Kind::Linear => {
            let t = doc.add(BasicTicker::default()).any();
            let f = doc.add(BasicTickFormatter::default()).any();
            make!(LinearAxis, t, f)
        }
        Kind::Log => {
            let t = doc.add(LogTicker::default()).any();
            let f = doc
                .add(LogTickFormatter {
                    ticker: Some(t),
                    ..LogTickFormatter::default()
                })
                .any();
            make!(LogAxis, t, f)
        }
        Kind::Datetime => {
            let t = datetime_ticker(doc);
            let f = datetime_formatter(doc);
            make!(DatetimeAxis, t, f)
        }
        Kind::Categorical => {
            let t = doc.add(CategoricalTicker {}).any();
            let f = doc.add(CategoricalTickFormatter {}).any();
            make!(CategoricalAxis, t, f)
        }
    }
}

/// A plot like `bokeh.plotting.figure(...)`: its title, ranges and scales, an axis on
/// each side the arguments name (with its ticker and formatter) and a grid for each,
/// and a toolbar of the tools `args.tools` names.
///
/// Panics when `tools` names a tool Bokeh does not know, or an `active_*` argument names
/// one `tools` does not (Python raises); [`try_figure`] returns that error instead.
pub fn figure(doc: &mut Document, args: FigureArgs) -> Id<Figure> {
    try_figure(doc, args).unwrap_or_else(|e| panic!("figure(): {e}"))
}

/// [`figure`], or the error in its tool arguments (and the document unchanged).
pub fn try_figure(doc: &mut Document, args: FigureArgs) -> Result<Id<Figure>, ToolsError> {
    // Checked first, so a bad name leaves nothing behind.
    tools::check(
        &args.tools,
        [
            ("active_drag", &args.active_drag),
            ("active_scroll", &args.active_scroll),
            ("active_tap", &args.active_tap),
            ("active_inspect", &args.active_inspect),
        ],
    )?;
    let title = doc.add(Title {
        text: args.title.clone().into(),
        ..Title::default()
    });
    let (xk, yk) = (
        kind(doc, args.x_axis_type, &args.x_range),
        kind(doc, args.y_axis_type, &args.y_range),
    );
    let x_range = range(doc, &args.x_range);
    let y_range = range(doc, &args.y_range);
    let x_scale = scale(doc, xk);
    let y_scale = scale(doc, yk);
    let mut sides: [Vec<AnyId>; 4] = Default::default();
    let mut center = Vec::new();
    let side_index = |p: Place| match p {
        Place::Above => 0,
        Place::Below => 1,
        Place::Left => 2,
        Place::Right => 3,
    };
    for (dimension, kind, location, label) in [
        (0, xk, args.x_axis_location, &args.x_axis_label),
        (1, yk, args.y_axis_location, &args.y_axis_label),
    ] {
        let Some(place) = location else { continue };
        let a = axis(doc, kind, label.as_ref());
        sides[side_index(place)].push(a);
        let grid = doc.add(Grid {
            dimension,
            axis: Some(a),
            ..Grid::default()
        });
        center.push(grid.any());
    }
    let [above, below, left, right] = sides;
    let toolbar = tools::toolbar(
        doc,
        &ToolArgs {
            tools: &args.tools,
            tooltips: args.tooltips.as_ref(),
            active_drag: &args.active_drag,
            active_scroll: &args.active_scroll,
            active_tap: &args.active_tap,
            active_inspect: &args.active_inspect,
        },
    )?;
    let mut fig = Figure {
        title: Some(title),
        width: Some(args.width),
        height: Some(args.height),
        x_range: Some(x_range),
        y_range: Some(y_range),
        x_scale: Some(x_scale),
        y_scale: Some(y_scale),
        above,
        below,
        left,
        right,
        center,
        toolbar: Some(toolbar.any()),
        toolbar_location: args.toolbar_location,
        min_border: args.min_border,
        ..Figure::default()
    };
    if let Some(bg) = args.background_fill_color {
        fig.background_fill_color = Some(bg.as_str().into());
    }
    Ok(doc.add(fig))
}

impl Id<Figure> {
    /// Adds a renderer drawing `glyph` (a model already in the document) with `source`.
    pub fn add_renderer(
        self,
        doc: &mut Document,
        source: impl Into<SourceId>,
        glyph: AnyId,
    ) -> Id<GlyphRenderer> {
        let renderer = doc.add(GlyphRenderer::new(source, glyph));
        self.push(doc, Figure::RENDERERS, renderer.any());
        renderer
    }

    /// Adds a graph, as Python's `p.renderers.append(from_networkx(G, layout))`: the
    /// nodes of `nodes` (its `index` column names each) drawn with `node_glyph` (a
    /// Scatter, say) where `layout` places them, the edges of `edges` (its `start` and
    /// `end` columns) drawn under them with `edge_glyph` (a MultiLine).
    ///
    /// ```
    /// use rokeh::models::{ColumnDataSource, GraphLayout, MultiLine, NodeKey, Scatter};
    /// use rokeh::plotting::{figure, FigureArgs};
    ///
    /// let mut doc = rokeh::Document::new();
    /// let p = figure(&mut doc, FigureArgs::default());
    /// let nodes = doc.add(ColumnDataSource::new([("index", vec![0.0, 1.0, 2.0])]));
    /// let edges = doc.add(ColumnDataSource::new([("start", vec![0.0, 0.0]), ("end", vec![1.0, 2.0])]));
    /// let at = |i, x, y| (NodeKey::Int(i), (x, y));
    /// let layout = GraphLayout(vec![at(0, 0.0, 0.0), at(1, 1.0, 0.0), at(2, 0.0, 1.0)]);
    /// p.graph(&mut doc, (nodes, Scatter::default()), (edges, MultiLine::default()), layout);
    /// ```
    pub fn graph<N: ModelType, E: ModelType>(
        self,
        doc: &mut Document,
        (nodes, node_glyph): (impl Into<SourceId>, N),
        (edges, edge_glyph): (impl Into<SourceId>, E),
        layout: GraphLayout,
    ) -> Id<GraphRenderer> {
        let node_glyph = doc.add(node_glyph).any();
        let node_renderer = doc.add(GlyphRenderer::new(nodes, node_glyph));
        let edge_glyph = doc.add(edge_glyph).any();
        let edge_renderer = doc.add(GlyphRenderer::new(edges, edge_glyph));
        let layout_provider = doc.add(StaticLayoutProvider {
            graph_layout: layout,
        });
        let graph = doc.add(GraphRenderer {
            node_renderer: Some(node_renderer),
            edge_renderer: Some(edge_renderer),
            layout_provider,
            selection_policy: None,
            inspection_policy: None,
            visible: true,
            x_range_name: "default".into(),
            y_range_name: "default".into(),
        });
        self.push(doc, Figure::RENDERERS, graph.any());
        graph
    }

    /// Adds map tiles from `tile_source` (a [`WMTSTileSource`](crate::models::WMTSTileSource)
    /// or another tile source) under everything else, as Python's
    /// `p.add_tile(tile_source)`: the plot's ranges are Web Mercator metres.
    ///
    /// ```
    /// use rokeh::models::WMTSTileSource;
    /// use rokeh::plotting::{figure, FigureArgs};
    ///
    /// let mut doc = rokeh::Document::new();
    /// let args = FigureArgs { x_range: (-2e6, 6e6).into(), y_range: (-1e6, 7e6).into(), ..FigureArgs::default() };
    /// let p = figure(&mut doc, args);
    /// p.add_tile(&mut doc, WMTSTileSource::osm());
    /// ```
    pub fn add_tile<S: ModelType>(self, doc: &mut Document, tile_source: S) -> Id<TileRenderer> {
        let tile_source = doc.add(tile_source).any();
        let renderer = doc.add(TileRenderer::new(tile_source));
        self.push(doc, Figure::RENDERERS, renderer.any());
        renderer
    }

    /// Adds `model` (an annotation, a grid, a legend) in the frame, as Bokeh's
    /// `p.add_layout(model)`.
    pub fn add_layout(self, doc: &mut Document, model: AnyId) {
        self.push(doc, Figure::CENTER, model);
    }

    /// Adds `model` (an axis, a legend, a color bar) in the side panel `place`, as
    /// Bokeh's `p.add_layout(model, place)`.
    pub fn add_layout_at(self, doc: &mut Document, model: AnyId, place: Place) {
        let key = match place {
            Place::Above => Figure::ABOVE,
            Place::Below => Figure::BELOW,
            Place::Left => Figure::LEFT,
            Place::Right => Figure::RIGHT,
        };
        self.push(doc, key, model);
    }

    /// The figure's title, as Bokeh's `p.title`: `doc.set(p.title(doc), Title::TEXT, ..)`.
    /// Panics when the title was set to `None` (Python's `p.title.text` raises then).
    pub fn title(self, doc: &Document) -> Id<Title> {
        doc.get(self, Figure::TITLE)
            .expect("the figure's title was taken away")
    }

    /// The figure's x axes (below, then above), as Bokeh's `p.xaxis`: set an attribute on
    /// each with `doc.set_attr(axis, "axis_label", ...)`.
    pub fn xaxis(self, doc: &Document) -> Vec<AnyId> {
        let mut axes = doc.get(self, Figure::BELOW);
        axes.extend(doc.get(self, Figure::ABOVE));
        axes
    }

    /// The figure's y axes (left, then right), as Bokeh's `p.yaxis`.
    pub fn yaxis(self, doc: &Document) -> Vec<AnyId> {
        let mut axes = doc.get(self, Figure::LEFT);
        axes.extend(doc.get(self, Figure::RIGHT));
        axes
    }

    /// The figure's grids along dimension 0 (x) or 1 (y), as Bokeh's `p.xgrid`/`p.ygrid`.
    pub fn grids(self, doc: &Document, dimension: i64) -> Vec<Id<Grid>> {
        doc.get(self, Figure::CENTER)
            .into_iter()
            .filter_map(|m| doc.typed_id::<Grid>(doc.model_id(m)))
            .filter(|&g| doc.get(g, Grid::DIMENSION) == dimension)
            .collect()
    }

    pub(crate) fn push(
        self,
        doc: &mut Document,
        key: crate::core::Prop<Figure, Vec<AnyId>>,
        model: AnyId,
    ) {
        let mut list = doc.get(self, key);
        list.push(model);
        doc.set(self, key, list)
            .expect("a new model is a valid reference");
    }

    /// The figure's legend (the first one, in the frame or beside it), made when there is
    /// none, as Bokeh's glyph methods make it for `legend_label`.
    pub fn legend(self, doc: &mut Document) -> Id<Legend> {
        let all = [
            Figure::CENTER,
            Figure::RIGHT,
            Figure::LEFT,
            Figure::ABOVE,
            Figure::BELOW,
        ];
        for key in all {
            for m in doc.get(self, key) {
                let id = doc.model_id(m).clone();
                if let Some(l) = doc.typed_id::<Legend>(&id) {
                    return l;
                }
            }
        }
        let legend = doc.add(Legend::default());
        self.add_layout(doc, legend.any());
        legend
    }

    fn add_item(self, doc: &mut Document, item: LegendItem) {
        let legend = self.legend(doc);
        let item = doc.add(item);
        let mut items = doc.get(legend, Legend::ITEMS);
        items.push(item);
        doc.set(legend, Legend::ITEMS, items)
            .expect("a new item is a valid reference");
    }

    /// A legend entry `label` for `renderer` (Bokeh's `legend_label=`); renderers of one
    /// label share its entry.
    pub fn legend_label(self, doc: &mut Document, label: &str, renderer: Id<GlyphRenderer>) {
        let legend = self.legend(doc);
        let value = Spec::Value(Some(label.to_owned()));
        for item in doc.get(legend, Legend::ITEMS) {
            if doc.get(item, LegendItem::LABEL) == value {
                let mut renderers = doc.get(item, LegendItem::RENDERERS);
                renderers.push(renderer);
                doc.set(item, LegendItem::RENDERERS, renderers)
                    .expect("a renderer is a valid reference");
                return;
            }
        }
        self.add_item(
            doc,
            LegendItem {
                label: value,
                renderers: vec![renderer],
                ..LegendItem::default()
            },
        );
    }

    /// One legend entry per distinct value of column `field`, drawn by BokehJS's rules
    /// (Bokeh's `legend_field=`).
    pub fn legend_field(self, doc: &mut Document, field: &str, renderer: Id<GlyphRenderer>) {
        self.add_item(
            doc,
            LegendItem {
                label: Spec::field(field),
                renderers: vec![renderer],
                ..LegendItem::default()
            },
        );
    }

    /// One legend entry per group of column `field`, each showing the group's first row
    /// (Bokeh's `legend_group=`: grouped here, as Python groups them).
    pub fn legend_group(self, doc: &mut Document, field: &str, renderer: Id<GlyphRenderer>) {
        let source = doc.get(renderer, GlyphRenderer::DATA_SOURCE);
        let values: Vec<Value> = match doc.column(source, field) {
            Some(Value::List(items)) => items.clone(),
            Some(Value::Array(a)) => (0..a.len())
                .map(|i| a.data.get_f64(i).map_or(Value::Null, Value::Float))
                .collect(),
            _ => Vec::new(),
        };
        let mut seen: Vec<&Value> = Vec::new();
        for (row, v) in values.iter().enumerate() {
            if seen.contains(&v) {
                continue;
            }
            seen.push(v);
            let label = match v {
                Value::Str(s) => s.clone(),
                Value::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                v => format!("{}", v.as_f64().unwrap_or(f64::NAN)),
            };
            self.add_item(
                doc,
                LegendItem {
                    label: Spec::Value(Some(label)),
                    renderers: vec![renderer],
                    index: Some(row as i64),
                    ..LegendItem::default()
                },
            );
        }
    }
}
