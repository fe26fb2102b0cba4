//! Painting a Figure on its canvas: at most once per animation frame, at the screen's
//! pixel density.

use std::cell::Cell;
use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use leptos::prelude::{GetUntracked, Signal};

use crate::document::{Document, Id};
use crate::models::Figure;
use crate::render::draw_figure;

use super::hook;
use super::page::Page;

/// Bokeh's size for a figure that names none.
const DEFAULT_SIZE: i64 = 600;

/// The figure's size in CSS pixels (Bokeh's default where it names none, or is gone).
pub fn css_size(doc: &Document, figure: Id<Figure>) -> (u32, u32) {
    let side = |v: Option<i64>| v.unwrap_or(DEFAULT_SIZE).clamp(1, 1 << 14) as u32;
    (
        side(doc.try_get(figure, Figure::WIDTH).ok().flatten()),
        side(doc.try_get(figure, Figure::HEIGHT).ok().flatten()),
    )
}

#[derive(Debug, thiserror::Error)]
enum PaintError {
    #[error("the canvas has no 2d context")]
    NoContext,
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    #[error("presenting the canvas failed: {0}")]
    Present(String),
}

/// Paints one figure; repeated requests within a frame make one paint.
#[derive(Clone)]
pub struct Painter {
    page: Page,
    figure: Id<Figure>,
    /// The canvas' size in CSS pixels: the figure's, or its box's when it stretches.
    size: Signal<(u32, u32)>,
    pending: Rc<Cell<bool>>,
}

impl Painter {
    pub fn new(page: Page, figure: Id<Figure>, size: Signal<(u32, u32)>) -> Painter {
        Painter {
            page,
            figure,
            size,
            pending: Rc::default(),
        }
    }

    pub fn request(&self, canvas: HtmlCanvasElement) {
        if self.pending.replace(true) {
            return;
        }
        let painter = self.clone();
        leptos::prelude::request_animation_frame(move || {
            painter.pending.set(false);
            if let Err(e) = painter.paint(&canvas) {
                web_sys::console::error_1(&format!("rokeh: painting the plot: {e}").into());
            }
        });
    }

    /// Whether the canvas' backing store no longer matches the screen's pixel density.
    pub fn density_changed(&self, canvas: &HtmlCanvasElement) -> bool {
        let (width, height) = self.backing_size();
        (canvas.width(), canvas.height()) != (width, height)
    }

    /// plotters-canvas draws in backing-store pixels: CSS size × devicePixelRatio.
    fn backing_size(&self) -> (u32, u32) {
        let (width, height) = self.size.get_untracked();
        let backing = |css: u32| (css as f64 * device_pixel_ratio()).round() as u32;
        (backing(width), backing(height))
    }

    fn paint(&self, canvas: &HtmlCanvasElement) -> Result<(), PaintError> {
        let performance = web_sys::window().and_then(|w| w.performance());
        let started = performance.as_ref().map(|p| p.now());
        let (width, height) = self.backing_size();
        // A box with no room (a hidden tab) has nothing to paint.
        if width == 0 || height == 0 {
            return Ok(());
        }
        // Resizing clears the canvas (and costs), so only when the size changed.
        if canvas.width() != width {
            canvas.set_width(width);
        }
        if canvas.height() != height {
            canvas.set_height(height);
        }
        let backend =
            CanvasBackend::with_canvas_object(canvas.clone()).ok_or(PaintError::NoContext)?;
        let area = backend.into_drawing_area();
        // The renderer scales its fonts, widths and margins by the same ratio.
        let scale = device_pixel_ratio();
        self.page
            .read(|d| draw_figure(d, self.figure, &area, scale))?;
        area.present()
            .map_err(|e| PaintError::Present(e.to_string()))?;
        if let (Some(performance), Some(started)) = (performance, started) {
            hook::painted(&performance, started);
        }
        Ok(())
    }
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio())
}
