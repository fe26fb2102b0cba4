//! rokeh's model types, one [`model!`](crate::model) definition each, split by area as
//! Bokeh's `bokeh.models` package is; and the standard [`Registry`] that pairs them with
//! Bokeh's own schema of every model type (`bokeh_schemas.rs`, generated from Python
//! Bokeh by `tests/python/bokeh_schemas.py`).
//!
//! This is the layer that knows every model, so it is where a document gets its
//! registry: [`Document::new`] and [`Document::from_json`] are defined here.
//!
//! Each area file defines its models in one `models! { … }`, which is [`model!`](crate::model!) for each
//! and the area's list of schemas for the registry: adding a model to an area is one
//! definition, nothing else.

/// [`model!`](crate::model) for each model given, and `SCHEMAS`, the list of their schemas.
macro_rules! models {
    (@each [$($done:ident)*]
        $(#[$meta:meta])* $vis:vis struct $name:ident ($bokeh:literal) { $($body:tt)* }
        check = $check:expr;
        columns = $columns:expr;
        $($rest:tt)*
    ) => {
        $crate::model! {
            $(#[$meta])* $vis struct $name ($bokeh) { $($body)* }
            check = $check;
            columns = $columns;
        }
        models!(@each [$($done)* $name] $($rest)*);
    };
    (@each [$($done:ident)*]
        $(#[$meta:meta])* $vis:vis struct $name:ident ($bokeh:literal) { $($body:tt)* }
        check = $check:expr;
        $($rest:tt)*
    ) => {
        $crate::model! {
            $(#[$meta])* $vis struct $name ($bokeh) { $($body)* } check = $check;
        }
        models!(@each [$($done)* $name] $($rest)*);
    };
    (@each [$($done:ident)*]
        $(#[$meta:meta])* $vis:vis struct $name:ident ($bokeh:literal) { $($body:tt)* }
        also = [$($also:literal),* $(,)?];
        $($rest:tt)*
    ) => {
        $crate::model! {
            $(#[$meta])* $vis struct $name ($bokeh) { $($body)* } also = [$($also),*];
        }
        models!(@each [$($done)* $name] $($rest)*);
    };
    (@each [$($done:ident)*]
        $(#[$meta:meta])* $vis:vis struct $name:ident ($bokeh:literal) { $($body:tt)* }
        $($rest:tt)*
    ) => {
        $crate::model! {
            $(#[$meta])* $vis struct $name ($bokeh) { $($body)* }
        }
        models!(@each [$($done)* $name] $($rest)*);
    };
    (@each [$($done:ident)*]) => {
        /// The schemas of this area's models, for the registry.
        pub(crate) const SCHEMAS: &[&$crate::core::Schema] =
            &[$(<$done as $crate::core::ModelType>::SCHEMA),*];
    };
    ($($defs:tt)*) => {
        models!(@each [] $($defs)*);
    };
}

mod annotations;
mod arrows;
mod axes;
mod bokeh_schemas;
mod callbacks;
mod dialogs;
mod enums;
mod expressions;
mod filters;
mod formatters;
mod geojson;
mod glyphs;
mod gridplot;
mod grids;
mod layout_dom;
mod layouts;
mod legends;
mod mappers;
pub mod palettes;
mod plots;
mod props;
mod ranges;
mod renderers;
mod scales;
mod selections;
mod sources;
mod tickers;
mod tiles;
mod tools;
mod transforms;
mod widgets;

pub use annotations::{
    Band, BoxAnnotation, ColorBar, ContourColorBar, Label, LabelSet, ScaleBar, Slope, Span, Title,
    Whisker,
};
pub use arrows::{Arrow, NormalHead, OpenHead, TeeHead, VeeHead};
pub use axes::{CategoricalAxis, DatetimeAxis, LinearAxis, LogAxis};
pub use callbacks::{Arg, CustomJS, OpenURL, SetValue, ToggleVisibility};
pub use dialogs::{CloseDialog, Content, Dialog, OpenDialog};
pub use enums::{
    Align, BoxOrigin, ButtonType, CloseAction, CoordinateUnits, Dimension, Dimensions, Direction,
    Distribution, FontStyle, HexTileOrientation, HoverMode, ImageOrigin, LegendClickPolicy,
    LengthSizing, LengthUnits, LineCap, LineJoin, LinePolicy, Logo, MarkerType, NumericMode,
    Orientation, PaddingUnits, Place, PointPolicy, PositionUnits, RadiusDimension,
    RangeStartGesture, RenderLevel, SearchStrategy, SelectionMode, SizingMode, StartEnd, StepMode,
    TabsLocation, TapBehavior, TapGesture, TextAlign, TextBaseline,
};
pub use expressions::{CumSum, CustomJSExpr};
pub use filters::{
    AllIndices, BooleanFilter, CDSView, CustomJSFilter, GroupFilter, IndexFilter,
    IntersectionFilter, InversionFilter, UnionFilter,
};
pub use formatters::{
    BasicTickFormatter, CategoricalTickFormatter, CustomJSTickFormatter, DatetimeTickFormatter,
    LogTickFormatter, NumeralTickFormatter, PrintfTickFormatter,
};
pub use glyphs::{
    AnnularWedge, Annulus, Arc, Bezier, Block, Circle, Ellipse, HArea, HAreaStep, HBar, HSpan,
    HStrip, HexTile, Image, ImageRGBA, ImageURL, Line, MultiLine, MultiPolygons, Ngon, Patch,
    Patches, Quad, Quadratic, Ray, Rect, Scatter, Segment, Step, Text, VArea, VAreaStep, VBar,
    VSpan, VStrip, Wedge,
};
pub use gridplot::{gridplot, gridplot_with, GridplotArgs};
pub use grids::Grid;
pub use layout_dom::LayoutDom;
pub use layouts::{
    column, layout, row, Column, GridBox, GridChild, GridPlot, GroupBox, Row, Spacer, TabPanel,
    Tabs,
};
pub use legends::{Legend, LegendItem};
pub use mappers::{
    CategoricalColorMapper, CategoricalMarkerMapper, LinearColorMapper, LogColorMapper,
};
pub use plots::Figure;
pub use props::{AutoOr, DashPattern, Factor, LabelOrientation, TextLike};
pub use ranges::{DataRange1d, FactorRange, Range1d};
pub use renderers::{
    ContourRenderer, EdgesAndLinkedNodes, EdgesOnly, GlyphRenderer, GraphLayout, GraphRenderer,
    NodeKey, NodesAndAdjacentNodes, NodesAndLinkedEdges, NodesOnly, StaticLayoutProvider,
};
pub use scales::{CategoricalScale, LinearScale, LogScale};
pub use selections::Selection;
pub use sources::{ColumnDataSource, GeoJSONDataSource, SourceId};
pub use tickers::{
    AdaptiveTicker, BasicTicker, CategoricalTicker, CompositeTicker, CustomJSTicker,
    DatetimeTicker, DaysTicker, FixedTicker, LogTicker, MonthsTicker, SingleIntervalTicker,
    YearsTicker,
};
pub use tiles::{BBoxTileSource, QUADKEYTileSource, TMSTileSource, TileRenderer, WMTSTileSource};
pub use tools::{
    AreaVisuals, BoxInteractionHandles, BoxSelectTool, BoxZoomTool, CrosshairTool, FieldFormatter,
    HelpTool, HoverTool, LassoSelectTool, PanTool, PolyAnnotation, PolySelectTool, RangeTool,
    RedoTool, ResetTool, SaveTool, TapTool, ToolProxy, Toolbar, Tooltips, UndoTool, WheelZoomTool,
    ZoomInTool, ZoomOutTool,
};
pub use transforms::{CustomJSTransform, Dodge, Jitter};
pub use widgets::*;

use std::sync::LazyLock;

use serde_json::Value as Json;

use crate::core::{same_name, Registry, Schema};
use crate::document::json::{read_json, Buffers, JsonError};
use crate::document::Document;

/// The schemas of every area's models.
const AREAS: &[&[&Schema]] = &[
    annotations::SCHEMAS,
    arrows::SCHEMAS,
    axes::SCHEMAS,
    callbacks::SCHEMAS,
    dialogs::SCHEMAS,
    expressions::SCHEMAS,
    filters::SCHEMAS,
    formatters::SCHEMAS,
    glyphs::areas::SCHEMAS,
    glyphs::bars::SCHEMAS,
    glyphs::images::SCHEMAS,
    glyphs::lines::SCHEMAS,
    glyphs::markers::SCHEMAS,
    glyphs::radial::SCHEMAS,
    glyphs::text::SCHEMAS,
    grids::SCHEMAS,
    layouts::SCHEMAS,
    legends::SCHEMAS,
    mappers::SCHEMAS,
    plots::SCHEMAS,
    ranges::SCHEMAS,
    renderers::SCHEMAS,
    scales::SCHEMAS,
    selections::SCHEMAS,
    sources::SCHEMAS,
    tickers::SCHEMAS,
    tiles::SCHEMAS,
    tools::SCHEMAS,
    transforms::SCHEMAS,
    widgets::buttons::SCHEMAS,
    widgets::groups::SCHEMAS,
    widgets::icons::SCHEMAS,
    widgets::inputs::SCHEMAS,
    widgets::markups::SCHEMAS,
    widgets::pickers::SCHEMAS,
    widgets::selects::SCHEMAS,
    widgets::sliders::SCHEMAS,
    widgets::tables::SCHEMAS,
];

/// The types a table (DataTable, DataCube) is shown with: columns, formatters, editors,
/// a cube's groupings and aggregators (a served page with a table's view knows them).
#[cfg(all(target_arch = "wasm32", feature = "session"))]
pub(crate) const TABLE_PARTS: &[&Schema] = widgets::tables::SCHEMAS;

/// The model types a page shows without a view of their own (see [`crate::views`]):
/// figures with their ranges, scales, axes, tickers, formatters, grids, title and toolbar;
/// layouts; sources with their views and filters; color mappers and transforms, which any
/// glyph may use (a legend's items and an arrow's heads come with their views, see
/// `views::served_document`). A served page built with
/// [`crate::run_with_views`] knows them, so that it can draw a figure its session is sent.
#[cfg(all(target_arch = "wasm32", feature = "session"))]
pub(crate) const SHOWN_WITHOUT_VIEWS: &[&[&Schema]] = &[
    axes::SCHEMAS,
    filters::SCHEMAS,
    formatters::SCHEMAS,
    grids::SCHEMAS,
    layouts::SCHEMAS,
    mappers::SCHEMAS,
    plots::SCHEMAS,
    ranges::SCHEMAS,
    renderers::SCHEMAS,
    scales::SCHEMAS,
    selections::SCHEMAS,
    sources::SCHEMAS,
    tickers::SCHEMAS,
    tools::SCHEMAS,
    transforms::SCHEMAS,
    &[<annotations::Title as crate::core::ModelType>::SCHEMA],
];

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let hand_written = AREAS.iter().flat_map(|area| area.iter().copied());
    Registry::new(hand_written, bokeh_schemas::BOKEH_SCHEMAS)
});

/// rokeh's models over Bokeh's: what documents made by [`Document::new`] know.
pub fn registry() -> &'static Registry {
    &REGISTRY
}

/// Bokeh's schema of the model type `type_name`, when it compiles (of `Model`, every
/// model's base, for a type Bokeh lacks): [`model!`](crate::model) pairs each type it
/// defines with it, so a document knows a type whole from its Rust type alone.
pub const fn bokeh_schema(type_name: &str) -> &'static Schema {
    let schemas = bokeh_schemas::BOKEH_SCHEMAS;
    let mut i = 0;
    while i < schemas.len() {
        if same_name(schemas[i].name, type_name) {
            return schemas[i];
        }
        i += 1;
    }
    bokeh_schema("Model")
}

impl Document {
    /// An empty document that knows every model type rokeh defines and every Bokeh one.
    pub fn new() -> Document {
        Document::with_registry(registry())
    }

    /// Reads a document as Bokeh's `Document.to_json()` writes it (a PULL-DOC-REPLY's
    /// `doc`, with the message's buffers); see [`read_json`].
    pub fn from_json(json: &Json, buffers: &Buffers) -> Result<Document, JsonError> {
        read_json(json, buffers, registry())
    }
}

impl Default for Document {
    fn default() -> Document {
        Document::new()
    }
}
