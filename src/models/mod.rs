//! rokeh's model types, one [`model!`](crate::model) definition each, split by area as
//! Bokeh's `bokeh.models` package is; and the standard [`Registry`] that pairs them with
//! Bokeh's own schema of every model type (`bokeh_schemas.rs`, generated from Python
//! Bokeh by `tests/python/bokeh_schemas.py`).
//!
//! This is the layer that knows every model, so it is where a document gets its
//! registry: [`Document::new`] and [`Document::from_json`] are defined here.

mod annotations;
mod axes;
mod bokeh_schemas;
mod enums;
mod formatters;
mod glyphs;
mod grids;
mod layouts;
mod plots;
mod ranges;
mod renderers;
mod scales;
mod sources;
mod tickers;
mod widgets;

pub use annotations::Title;
pub use axes::LinearAxis;
pub use enums::{LineCap, LineJoin, TextAlign};
pub use formatters::BasicTickFormatter;
pub use glyphs::Line;
pub use grids::Grid;
pub use layouts::{column, row, Column, Row};
pub use plots::Figure;
pub use ranges::{DataRange1d, Range1d};
pub use renderers::GlyphRenderer;
pub use scales::LinearScale;
pub use sources::ColumnDataSource;
pub use tickers::BasicTicker;
pub use widgets::{Button, Slider, TextInput};

use std::sync::LazyLock;

use serde_json::Value as Json;

use crate::core::{ModelType, Registry, Schema};
use crate::document::json::{read_json, Buffers, JsonError};
use crate::document::Document;

/// The schemas of every model type defined above.
const HAND_WRITTEN: &[&Schema] = &[
    Title::SCHEMA,
    LinearAxis::SCHEMA,
    BasicTickFormatter::SCHEMA,
    Line::SCHEMA,
    Grid::SCHEMA,
    Row::SCHEMA,
    Column::SCHEMA,
    Figure::SCHEMA,
    Range1d::SCHEMA,
    DataRange1d::SCHEMA,
    GlyphRenderer::SCHEMA,
    LinearScale::SCHEMA,
    ColumnDataSource::SCHEMA,
    BasicTicker::SCHEMA,
    Button::SCHEMA,
    Slider::SCHEMA,
    TextInput::SCHEMA,
];

static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| Registry::new(HAND_WRITTEN.iter().copied(), bokeh_schemas::BOKEH_SCHEMAS));

/// rokeh's models over Bokeh's: what documents made by [`Document::new`] know.
pub fn registry() -> &'static Registry {
    &REGISTRY
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
