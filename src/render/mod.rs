//! Draws a Figure of a document on any plotters DrawingBackend: the canvas in the page,
//! a bitmap natively. Reading the model graph ([`scene`]), laying it out ([`layout`]) and
//! painting ([`figure`]) are separate, so the page maps data to pixels with the very
//! [`FrameLayout`] that drawing used.

mod clip;
mod color;
mod decimate;
mod figure;
mod layout;
mod ranges;
mod scene;
mod style;
mod ticks;

pub use color::Color;
pub use decimate::{decimate, Polyline};
pub use layout::{AxisTicks, FrameLayout, LinearMap, PixelRect};
pub use ranges::Interval;
pub use style::FONT_FAMILY;
pub use ticks::{format_ticks, Ticker, Ticks};

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::document::{Document, Id};
use crate::models::Figure;
use scene::Scene;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("drawing failed: {0}")]
    Backend(String),
    #[error("cannot draw the figure: {0}")]
    Model(String),
    #[error("column '{column}' is missing from data source {source_id}")]
    MissingColumn { source_id: String, column: String },
    #[error("'{0}' is not a color")]
    Color(String),
}

/// Draws `figure` filling `area`. `scale` is the device pixel ratio: the area is in device
/// pixels, and fonts, widths and margins are multiplied by it.
pub fn draw_figure<DB: DrawingBackend>(
    doc: &Document,
    figure: Id<Figure>,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), RenderError> {
    let scene = Scene::read(doc, figure)?;
    let (width, height) = area.dim_in_pixel();
    let layout = FrameLayout::new(&scene, width, height, scale);
    figure::paint(&scene, &layout, area)
}

/// Where [`draw_figure`] puts the frame, ranges and ticks on an area of `width` × `height`
/// device pixels at `scale`: use it to map data to pixels and back.
pub fn figure_layout(
    doc: &Document,
    figure: Id<Figure>,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<FrameLayout, RenderError> {
    let scene = Scene::read(doc, figure)?;
    Ok(FrameLayout::new(&scene, width, height, scale))
}
