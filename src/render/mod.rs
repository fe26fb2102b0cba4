//! Draws a Figure of a document as BokehJS draws it: glyphs, scales, ranges, axes of
//! every kind, grids, legends and annotations. Painting goes through a [`Surface`] (fills,
//! strokes with Bokeh's joins, caps and dashes, hatches, text, images, clipping), which
//! the page implements on its canvas and [`draw_figure`] on any plotters
//! `DrawingBackend` (a bitmap natively).
//!
//! Reading the models (`figure`, `renderer`, one file per glyph in `glyphs`, per
//! annotation in `annotations`), resolving ranges and ticks, laying out (`layout`) and
//! painting are separate steps, so the page maps data to pixels and hit-tests with the
//! very [`FrameLayout`] that drawing used.
//!
//! The page compiles each wasm function the first time it runs, before its first paint:
//! where reading or drawing dispatches over kinds of model (a transform, a color mapper),
//! the arms a plain figure does not use live in functions of their own
//! (`#[inline(never)]`), so a page compiles only what it draws. Kinds of axis other than
//! linear ones, their tickers, formatters and FactorRange are reached only through their
//! views (`axis_parts`): a page without those views does not carry them at all.

mod align;
mod annotations;
mod axis;
pub(crate) mod axis_parts;
mod backend;
mod clip;
mod composite;
mod decimate;
mod figure;
mod filters;
mod format;
mod glyphs;
mod graph;
mod grid;
pub(crate) mod hatch;
mod label;
mod layer;
mod layout;
pub(crate) mod mappers;
pub(crate) mod math;
mod ranges;
mod raster;
pub(crate) mod read;
mod region;
mod renderer;
mod scales;
pub(crate) mod scripted;
#[cfg(target_arch = "wasm32")]
mod shown;
mod specs;
mod surface;
mod text;
mod ticks;
mod tiles;
mod title;
mod transforms;
pub(crate) mod typeset;
mod visuals;

pub use backend::FONT_FAMILY;
pub use decimate::{ascending, decimate, Polyline};
pub use figure::KeptFurniture;
pub use format::{format_basic, Basic as BasicFormat, TickLabel};
pub(crate) use glyphs::{nearest_segment, segments_between};
pub use layer::Layer;
pub use layout::{AxisTicks, FrameLayout, LegendHit, PixelRect};
pub use ranges::{factor_extent, Bounds, Interval};
pub use region::Region;
pub use scales::{LinearMap, Maps, Scale};
pub use surface::{
    FillRule, Font, FontMetrics, Image, ImageSource, Path, Pattern, Placed, Plane, Rect, Retry,
    Stroke, Surface, TextMeasure, TextStyle,
};
pub use text::Estimate;
pub use ticks::{Adaptive, Ticks};

#[cfg(target_arch = "wasm32")]
pub(crate) use annotations::BuildAnnotation;
#[cfg(target_arch = "wasm32")]
pub(crate) use composite::BuildComposite;
#[cfg(target_arch = "wasm32")]
pub(crate) use format::{FormatTicks, Formatter};
#[cfg(target_arch = "wasm32")]
pub(crate) use glyphs::Build as BuildGlyph;
#[cfg(target_arch = "wasm32")]
pub(crate) use read::Reader;
#[cfg(target_arch = "wasm32")]
pub(crate) use shown::{show, Shown};
#[cfg(target_arch = "wasm32")]
pub(crate) use ticks::{Ticker, TickerView};
#[cfg(target_arch = "wasm32")]
pub(crate) use tiles::{read as read_tiles, ReadTiles};

/// The builder of glyph type `type_name`, at compile time (for [`crate::views`]).
#[cfg(target_arch = "wasm32")]
pub(crate) const fn glyph_builder(type_name: &str) -> BuildGlyph {
    shown::named(glyphs::GLYPHS, type_name)
}

/// The reader of composite renderer type `type_name`, at compile time (for
/// [`crate::views`]).
#[cfg(target_arch = "wasm32")]
pub(crate) const fn composite_builder(type_name: &str) -> BuildComposite {
    shown::named(composite::COMPOSITES, type_name)
}

/// The builder of annotation type `type_name`, at compile time (for [`crate::views`]).
#[cfg(target_arch = "wasm32")]
pub(crate) const fn annotation_builder(type_name: &str) -> BuildAnnotation {
    shown::named(annotations::ANNOTATIONS, type_name)
}

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use crate::document::{AnyId, Document, Id};
use crate::models::Figure;

/// Why a figure could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The drawing backend failed (its own message).
    #[error("drawing failed: {0}")]
    Backend(String),
    /// The document's models do not make a figure rokeh can draw: a missing or wrong
    /// reference, a value the renderer cannot use.
    #[error("cannot draw the figure: {0}")]
    Model(String),
    /// A glyph names a column its data source does not have.
    #[error("column '{column}' is missing from data source {source_id}")]
    MissingColumn {
        /// The data source's id.
        source_id: String,
        /// The column the glyph names.
        column: String,
    },
    /// A color property holds something that is not a color.
    #[error("'{0}' is not a color")]
    Color(String),
    /// The device pixel ratio given is not a positive finite number.
    #[error("pixel scale {0} is not a positive number")]
    Scale(f64),
}

fn check_scale(scale: f64) -> Result<(), RenderError> {
    if scale.is_finite() && scale > 0.0 {
        Ok(())
    } else {
        Err(RenderError::Scale(scale))
    }
}

/// DataRange1ds whose `start` and `end` in the document are what a page computed and
/// wrote there (as BokehJS writes them): drawn as following the data, as if unset, until
/// a tool or a peer fixes them.
pub type Following = HashSet<AnyId>;

/// The rows a hover tool inspects, by data source (source row numbers): BokehJS keeps
/// them in the source's `inspected`, a selection it never sends, and paints them with
/// their renderers' `hover_glyph`.
pub type Inspected = HashMap<AnyId, Vec<usize>>;

/// Draws `figure` on `surface` (device pixels) at `scale` device pixels per CSS pixel,
/// and returns where everything went.
pub fn draw_on(
    doc: &Document,
    figure: Id<Figure>,
    surface: &mut dyn Surface,
    scale: f64,
) -> Result<FrameLayout, RenderError> {
    check_scale(scale)?;
    figure::draw(doc, figure, surface, scale, (None, None), None, false)
}

/// [`draw_on`], with the DataRange1ds in `following` computed from the data and the
/// rows in `inspected` drawn with their renderers' hover glyphs, as a page paints a
/// figure again and again on one surface: with `kept`, the furniture its last paint laid
/// out, and `revision`, a number that changes whenever anything the figure shows may have
/// changed but its sources' columns (then a figure whose furniture draws nothing from the
/// data paints its glyphs alone). The figure fills the surface, as a page's canvas is
/// sized as the figure's box (the room a stretching figure takes).
pub fn draw_following(
    doc: &Document,
    figure: Id<Figure>,
    surface: &mut dyn Surface,
    scale: f64,
    (following, inspected): (&Following, &Inspected),
    (kept, revision): (&mut KeptFurniture, u64),
) -> Result<FrameLayout, RenderError> {
    check_scale(scale)?;
    figure::draw(
        doc,
        figure,
        surface,
        scale,
        (Some(following), Some(inspected)),
        Some((kept, revision)),
        true,
    )
}

/// Draws `figure` filling `area`, any plotters backend. `scale` is the device pixel
/// ratio: the area is in device pixels, and fonts, widths and margins are multiplied by
/// it. Natively, plotters draws text on bitmaps only with its `ab_glyph` (or `ttf`)
/// feature and a font registered under [`FONT_FAMILY`]. Like BokehJS, everything is drawn
/// half a CSS pixel right of and below where it is laid out, leaving that strip at the
/// top and left unpainted: fill the area first (a page shows its own background there).
pub fn draw_figure<DB: DrawingBackend>(
    doc: &Document,
    figure: Id<Figure>,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<FrameLayout, RenderError> {
    draw_figure_inspected(doc, figure, area, scale, &Inspected::new())
}

/// [`draw_figure`], with the rows in `inspected` drawn with their renderers' hover
/// glyphs, as while a hover tool inspects them.
pub fn draw_figure_inspected<DB: DrawingBackend>(
    doc: &Document,
    figure: Id<Figure>,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
    inspected: &Inspected,
) -> Result<FrameLayout, RenderError> {
    check_scale(scale)?;
    let job = Job {
        doc,
        figure,
        scale,
        inspected,
        result: RefCell::new(None),
    };
    area.draw(&job)
        .map_err(|e| RenderError::Backend(e.to_string()))?;
    job.result
        .into_inner()
        .unwrap_or_else(|| Err(RenderError::Backend("the backend drew nothing".into())))
}

/// Where [`draw_figure`] puts the frame, ranges and ticks on an area of `width` ×
/// `height` device pixels at `scale` (text measured as natively drawn).
///
/// # Example
/// A scatter of three points: where a point lands, and what [`hit_test`] finds there.
/// ```
/// use rokeh::models::{ColumnDataSource, Scatter};
/// use rokeh::plotting::{figure, FigureArgs};
/// use rokeh::render::{figure_layout, hit_test, Estimate};
/// use rokeh::Document;
///
/// let mut doc = Document::new();
/// let columns = [("x", vec![1.0, 2.0, 3.0]), ("y", vec![1.0, 4.0, 9.0])];
/// let source = doc.add(ColumnDataSource::new(columns));
/// let args = FigureArgs { x_range: (0.0, 4.0).into(), y_range: (0.0, 10.0).into(), ..FigureArgs::default() };
/// let plot = figure(&mut doc, args);
/// let renderer = plot.scatter(&mut doc, source, Scatter::default());
///
/// let layout = figure_layout(&doc, plot, 600, 600, 1.0)?;
/// let (px, py) = layout.to_pixel(2.0, 4.0);
/// let (x, y) = layout.to_data(px, py);
/// assert!((x - 2.0).abs() < 1e-9 && (y - 4.0).abs() < 1e-9);
/// // The second point (row 1) is drawn there.
/// let hits = hit_test(&doc, plot, &Estimate, 1.0, (px, py))?;
/// assert_eq!(hits, vec![(renderer.any(), vec![1])]);
/// # Ok::<(), rokeh::render::RenderError>(())
/// ```
pub fn figure_layout(
    doc: &Document,
    figure: Id<Figure>,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<FrameLayout, RenderError> {
    check_scale(scale)?;
    figure::lay_out(doc, figure, &Estimate, (width, height), scale, None)
}

/// [`figure_layout`], with the DataRange1ds in `following` computed from the data.
pub fn layout_following(
    doc: &Document,
    figure: Id<Figure>,
    (width, height): (u32, u32),
    scale: f64,
    following: &Following,
) -> Result<FrameLayout, RenderError> {
    check_scale(scale)?;
    figure::lay_out(
        doc,
        figure,
        &Estimate,
        (width, height),
        scale,
        Some(following),
    )
}

/// The renderers (and their source rows) drawn at device pixel `at`, for tools.
pub fn hit_test(
    doc: &Document,
    figure: Id<Figure>,
    measure: &dyn TextMeasure,
    scale: f64,
    at: (f64, f64),
) -> Result<Vec<(AnyId, Vec<usize>)>, RenderError> {
    check_scale(scale)?;
    figure::hit_test(doc, figure, measure, scale, at, None)
}

/// The rows of each of `figure`'s visible renderers (those in `only`, else all) that a
/// box or lasso over `region` selects, as BokehJS's `_hit_rect`/`_hit_poly` select them
/// for glyphs drawn with extent (boxes meeting the region, patches wholly inside it);
/// renderers whose glyph answers no such region are left out. The plot was painted with
/// its frame at `frame` (device pixels), `scale` device pixels per CSS pixel.
pub fn hit_region(
    doc: &Document,
    figure: Id<Figure>,
    frame: PixelRect,
    scale: f64,
    region: &Region,
    only: &[AnyId],
) -> Result<Vec<(AnyId, Vec<usize>)>, RenderError> {
    check_scale(scale)?;
    figure::hit_renderers(doc, figure, frame, scale, only, &|r, maps| {
        r.hit_region(maps, region)
    })
}

/// The rows of each of `figure`'s visible renderers (those in `only`, else all) drawn at
/// device pixel `at` (the glyphs' own hit tests), for a plot painted with its frame at
/// `frame`, `scale` device pixels per CSS pixel.
pub fn hit_point(
    doc: &Document,
    figure: Id<Figure>,
    frame: PixelRect,
    scale: f64,
    at: (f64, f64),
    only: &[AnyId],
) -> Result<Vec<(AnyId, Vec<usize>)>, RenderError> {
    check_scale(scale)?;
    figure::hit_renderers(doc, figure, frame, scale, only, &|r, maps| {
        Some(r.hit_point(maps, at))
    })
}

/// The figure's size in CSS pixels: its width and height, or what a fixed frame needs.
pub fn css_size(doc: &Document, figure: Id<Figure>) -> (u32, u32) {
    let side = |v: f64| v.round().clamp(1.0, 16384.0) as u32;
    let number = |attr: &str| doc.get_attr(figure.any(), attr).ok()?.as_f64();
    // Without a fixed frame the size is the figure's own: the page asks after every
    // change, and reading all the figure shows would cost as much as painting it.
    if number("frame_width").is_none() && number("frame_height").is_none() {
        let size = |attr| side(number(attr).unwrap_or(600.0));
        return (size("width"), size("height"));
    }
    let size = figure::FigureView::read(doc, figure, None, None)
        .and_then(|mut v| v.css_size(&Estimate))
        .unwrap_or((600.0, 600.0));
    (side(size.0), side(size.1))
}

/// Every model the figure's picture depends on: a change to any of them repaints it.
/// Beside it, the models of the plots its frame lines up with (their axes and titles
/// move its frame's edges), but not their data sources: new data moves a neighbour's
/// frame only through that neighbour's own paint, which then lays out its neighbours
/// again (the page's `figure_painted`), so a row of plots each fed by its own source repaints
/// one plot per source.
pub fn dependencies(doc: &Document, figure: Id<Figure>) -> HashSet<AnyId> {
    let is_source = |any: AnyId| {
        doc.schema_of(any)
            .is_some_and(|schema| schema.is_a("DataSource"))
    };
    let mut depends = doc.reachable([figure.any()]);
    depends.extend(doc.reachable_except(lined_up(doc, figure.any()), is_source));
    depends
}

/// The plots whose frames line up with `figure`'s: in its Row, Column, grid or Tabs.
pub fn lined_up(doc: &Document, figure: AnyId) -> Vec<AnyId> {
    let align::Neighbours { row, col } = align::neighbours(doc, figure);
    row.into_iter().chain(col).collect()
}

/// One paint of a figure, run by plotters with the backend in hand.
struct Job<'d> {
    doc: &'d Document,
    figure: Id<Figure>,
    scale: f64,
    inspected: &'d Inspected,
    result: RefCell<Option<Result<FrameLayout, RenderError>>>,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Job<'_> {
    type Point = BackendCoord;
    type IntoIter = std::iter::Empty<BackendCoord>;

    fn point_iter(self) -> Self::IntoIter {
        std::iter::empty()
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Job<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        _: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let mut surface = backend::OnBackend::new(backend);
        let mut result = figure::draw(
            self.doc,
            self.figure,
            &mut surface,
            self.scale,
            (None, Some(self.inspected)),
            None,
            false,
        );
        if let (Ok(_), Some(e)) = (&result, surface.error.take()) {
            result = Err(RenderError::Backend(e));
        }
        *self.result.borrow_mut() = Some(result);
        Ok(())
    }
}
