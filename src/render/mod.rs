//! Draws a Figure of a document on any plotters DrawingBackend: the canvas in the page,
//! a bitmap natively. Reading the model graph (`scene`), laying it out (`layout`) and
//! painting (`figure`) are separate, so the page maps data to pixels with the very
//! [`FrameLayout`] that drawing used.

mod clip;
mod decimate;
mod figure;
mod layout;
mod ranges;
mod scene;
mod style;
mod ticks;

pub use decimate::{ascending, decimate, Polyline};
pub use layout::{AxisTicks, FrameLayout, LinearMap, PixelRect};
pub use ranges::Interval;
pub use style::FONT_FAMILY;
pub use ticks::{format_ticks, Ticker, Ticks};

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::core::Rgba;
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
    #[error("pixel scale {0} is not a positive number")]
    Scale(f64),
}

/// Draws `figure` filling `area`. `scale` is the device pixel ratio: the area is in device
/// pixels, and fonts, widths and margins are multiplied by it.
///
/// In the page: size the canvas' backing store to the figure's width × height times
/// `devicePixelRatio` (CSS size unchanged, no `ctx.scale`), then
/// `draw_figure(&doc, fig, &CanvasBackend::with_canvas_object(canvas)?.into_drawing_area(), dpr)`.
/// plotters-canvas never sets `lineJoin`; setting it to Bokeh's "bevel" once on the
/// context keeps decimated spikes from growing miter points.
///
/// Natively, plotters draws text on bitmaps only with its `ab_glyph` (or `ttf`) feature
/// and a font registered under [`FONT_FAMILY`]; without them plotters panics on text.
pub fn draw_figure<DB: DrawingBackend>(
    doc: &Document,
    figure: Id<Figure>,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), RenderError> {
    let (width, height) = area.dim_in_pixel();
    let (scene, layout) = read_and_lay_out(doc, figure, width, height, scale)?;
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
    read_and_lay_out(doc, figure, width, height, scale).map(|(_, layout)| layout)
}

/// A color as plotters takes it.
fn plotters_color(c: Rgba) -> plotters::style::RGBAColor {
    plotters::style::RGBAColor(c.r, c.g, c.b, c.alpha)
}

fn read_and_lay_out(
    doc: &Document,
    figure: Id<Figure>,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<(Scene<'_>, FrameLayout), RenderError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(RenderError::Scale(scale));
    }
    let scene = Scene::read(doc, figure)?;
    let layout = FrameLayout::new(&scene, width, height, scale);
    Ok((scene, layout))
}
