//! Painting a Figure on its canvas: at the screen's pixel density, through the canvas' own
//! 2D context, and at most once per animation frame. A change that comes while nothing was
//! painted since the last frame paints at once (in the effect that saw it, before the
//! browser draws its next frame), so it shows in that very frame; later ones in the same
//! frame wait for the next animation frame and make one paint.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use leptos::prelude::{GetUntracked, Memo, Update};

use crate::document::{Document, Id};
use crate::interact::{Navigation, View};
use crate::models::Figure;
use crate::render::{draw_following, FrameLayout, KeptFurniture, PixelRect, Rect};

use super::hook;
use super::page::Page;
use super::surface::{fonts_loaded, CanvasSurface};
use super::toolbar::Interaction;
use super::window;

/// The figure's size in CSS pixels (Bokeh's default where it names none, or is gone).
pub fn css_size(doc: &Document, figure: Id<Figure>) -> (u32, u32) {
    if doc.try_model(figure.any()).is_none() {
        return (600, 600);
    }
    crate::render::css_size(doc, figure)
}

#[derive(Debug, thiserror::Error)]
enum PaintError {
    #[error("the canvas has no 2d context")]
    NoContext,
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
}

/// What a paint showed: on which canvas, at which revision of the figure, in how many
/// backing pixels, after how many of the tools' repaints.
#[derive(PartialEq)]
struct Shown {
    canvas: HtmlCanvasElement,
    revision: u64,
    backing: (u32, u32),
    repaint: u64,
}

/// Paints one figure; repeated requests within a frame make one paint.
#[derive(Clone)]
pub struct Painter {
    page: Page,
    figure: Id<Figure>,
    /// The canvas' size in CSS pixels: the figure's, or its box's when it stretches.
    size: Memo<(u32, u32)>,
    /// A paint waits for the next animation frame.
    pending: Rc<Cell<bool>>,
    /// A paint was made since the last animation frame began.
    painted_this_frame: Rc<Cell<bool>>,
    /// Clears `painted_this_frame`: made once, handed to every animation frame a paint
    /// asks for (a closure made per paint costs as much as a few canvas calls).
    frame_began: js_sys::Function,
    /// Where the last paint put things: clicks are hit-tested against it.
    last: Rc<RefCell<Option<FrameLayout>>>,
    /// What the last paint showed, once its DataRange1ds wrote what they computed.
    shown: Rc<RefCell<Option<Shown>>>,
    /// The canvas painted last and its surface, kept while the canvas keeps its size (and
    /// so its context's state): a repaint sets only the styles that differ from the last
    /// paint's, and asks for no context.
    /// With it, the furniture its last paint laid out: shown again while only the data
    /// changed.
    surface: Rc<RefCell<Option<(HtmlCanvasElement, CanvasSurface, KeptFurniture)>>>,
    /// The figure's tools: they start from each paint's layout, and its DataRange1ds
    /// write what they computed.
    interaction: Interaction,
    /// The furniture revision at which the FactorRanges' factors were last looked at.
    factors_looked: Rc<Cell<Option<u64>>>,
}

impl Painter {
    pub fn new(
        page: Page,
        figure: Id<Figure>,
        size: Memo<(u32, u32)>,
        interaction: Interaction,
    ) -> Painter {
        let painted_this_frame: Rc<Cell<bool>> = Rc::default();
        let frame_began = {
            let painted = painted_this_frame.clone();
            // Owned by the function from here on: a frame asked for after the figure is
            // gone still finds it.
            Closure::<dyn Fn()>::new(move || painted.set(false))
                .into_js_value()
                .unchecked_into()
        };
        Painter {
            page,
            figure,
            size,
            pending: Rc::default(),
            painted_this_frame,
            frame_began,
            last: Rc::default(),
            shown: Rc::default(),
            surface: Rc::default(),
            interaction,
            factors_looked: Rc::default(),
        }
    }

    fn showing(&self, canvas: &HtmlCanvasElement, backing: (u32, u32)) -> Shown {
        Shown {
            canvas: canvas.clone(),
            revision: self.page.shown_revision(self.figure.any()),
            backing,
            repaint: self.interaction.repaint.get_untracked(),
        }
    }

    /// The layout of the last paint.
    pub fn last_layout(&self) -> Option<FrameLayout> {
        self.last.borrow().clone()
    }

    /// Paints now if nothing was painted since the last animation frame began, else in the
    /// next animation frame (once, however many requests come before it).
    /// A request that finds the canvas showing what it would paint is the echo of the
    /// last paint's own DataRange1d write-back, and paints nothing (it cost a frame).
    pub fn request(&self, canvas: HtmlCanvasElement) {
        if self.pending.get() {
            return;
        }
        let backing = self.backing_size(device_pixel_ratio());
        if self.shown.borrow().as_ref() == Some(&self.showing(&canvas, backing)) {
            return;
        }
        if !self.painted_this_frame.get() {
            self.paint_now(&canvas);
            return;
        }
        self.pending.set(true);
        let painter = self.clone();
        leptos::prelude::request_animation_frame(move || {
            painter.pending.set(false);
            painter.paint_now(&canvas);
        });
    }

    /// Paints, and opens the window (until the next animation frame) in which requests
    /// wait for that frame.
    fn paint_now(&self, canvas: &HtmlCanvasElement) {
        self.painted_this_frame.set(true);
        if let Err(e) = self.paint(canvas) {
            web_sys::console::error_1(&format!("rokeh: painting the plot: {e}").into());
        }
        // After the paint, which it does not delay: the frame it waits for comes later
        // anyway. Never fails: the callback is a function.
        let _ = window::with_window(|w| w.request_animation_frame(&self.frame_began));
    }

    /// Whether the canvas' backing store no longer matches the screen's pixel density.
    pub fn density_changed(&self, canvas: &HtmlCanvasElement) -> bool {
        let (width, height) = self.backing_size(device_pixel_ratio());
        (canvas.width(), canvas.height()) != (width, height)
    }

    /// The canvas is drawn in backing-store pixels: CSS size × devicePixelRatio (`dpr`).
    fn backing_size(&self, dpr: f64) -> (u32, u32) {
        let (width, height) = self.size.get_untracked();
        let backing = |css: u32| (css as f64 * dpr).round() as u32;
        (backing(width), backing(height))
    }

    fn paint(&self, canvas: &HtmlCanvasElement) -> Result<(), PaintError> {
        let started = window::now();
        // The renderer scales its fonts, widths and margins by the same ratio.
        let scale = device_pixel_ratio();
        let (width, height) = self.backing_size(scale);
        // A box with no room (a hidden tab) has nothing to paint.
        if width == 0 || height == 0 {
            return Ok(());
        }
        // Resizing clears the canvas and resets its context (and costs), so only when the
        // size changed.
        let had = (canvas.width(), canvas.height());
        if had.0 != width {
            canvas.set_width(width);
        }
        if had.1 != height {
            canvas.set_height(height);
        }
        let resized = had != (width, height);
        // As BokehJS's FactorRange: new factors are shown all at once, wherever a tool
        // had moved the range (a change only then; the repaint it asks for finds the
        // canvas showing it). Looked at only when more than data changed since the last
        // look: a slider's move changes no factor.
        let nav = self.interaction.plot.nav.clone();
        let furniture = self.page.furniture_revision(self.figure.any());
        if self.factors_looked.replace(Some(furniture)) != Some(furniture) {
            let changed = self.page.read(|d| nav.borrow_mut().factors_changed(d));
            if !changed.is_empty() {
                if let Err(e) = self.page.update(|d| Navigation::show_factors(d, &changed)) {
                    let message = format!("rokeh: showing the new factors: {e}");
                    web_sys::console::error_1(&message.into());
                }
            }
        }
        let mut kept = self.surface.borrow_mut();
        if resized || kept.as_ref().is_none_or(|(on, ..)| on != canvas) {
            let ctx: CanvasRenderingContext2d = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into().ok())
                .ok_or(PaintError::NoContext)?;
            let mut surface = CanvasSurface::new(ctx, width, height);
            // An image the figure asked for arrived: paint it again, as BokehJS's loaders
            // request a paint.
            let repaint = self.interaction.repaint;
            surface.wake_with(Rc::new(move || {
                repaint.try_update(|n| *n += 1);
            }));
            *kept = Some((canvas.clone(), surface, KeptFurniture::default()));
        }
        let (_, surface, furniture) = kept.as_mut().expect("kept above");
        surface.clear();
        let following = self.interaction.plot.nav.borrow().following();
        let inspected = self.interaction.inspected.borrow();
        // Each count only grows: their sum changes whenever one does. Besides the
        // document, fonts loading and the tools' own repaints may change the furniture.
        let revision = self.page.furniture_revision(self.figure.any())
            + fonts_loaded()
            + self.interaction.repaint.get_untracked();
        let shown_again = furniture.shown_again();
        let layout = self.page.read(|d| {
            draw_following(
                d,
                self.figure,
                surface,
                scale,
                (&following, &inspected),
                (furniture, revision),
            )
        });
        if furniture.shown_again() > shown_again {
            FURNITURE_SHOWN_AGAIN.set(FURNITURE_SHOWN_AGAIN.get() + 1);
        }
        drop((inspected, kept));
        let layout = layout?;
        // Its frame moved (new data relabelled an axis, say): the plots lined up with it
        // move theirs too.
        let moved = (self.last.borrow().as_ref()).is_some_and(|last| last.frame != layout.frame);
        let view = View::of(&layout);
        hook::laid_out(
            view.frame.map(|v| v / scale),
            (layout.x_range.start, layout.x_range.end),
            (layout.y_range.start, layout.y_range.end),
        );
        let css = |r: PixelRect| {
            let (x, y) = (f64::from(r.left) / scale, f64::from(r.top) / scale);
            Rect::new(
                x,
                y,
                f64::from(r.right) / scale - x,
                f64::from(r.bottom) / scale - y,
            )
        };
        self.interaction.painted(view, layout.toolbar.map(css));
        // As BokehJS's DataRange1d: what it computed goes into the document (a change
        // only when it moved; the repaint it asks for writes nothing new).
        let written = self
            .page
            .update(|d| nav.borrow_mut().write_computed(d, &layout));
        if let Err(e) = written {
            web_sys::console::error_1(&format!("rokeh: writing the data ranges: {e}").into());
        }
        *self.last.borrow_mut() = Some(layout);
        *self.shown.borrow_mut() = Some(self.showing(canvas, (width, height)));
        if let Some(started) = started {
            hook::painted(started);
        }
        self.page.figure_painted(self.figure.any(), moved);
        Ok(())
    }
}

thread_local! {
    /// How many paints showed a figure's furniture as an earlier paint laid it out (for
    /// tests).
    static FURNITURE_SHOWN_AGAIN: Cell<u64> = const { Cell::new(0) };
}

/// How many paints showed a figure's furniture as an earlier paint laid it out and
/// recorded it, painting the glyphs alone (only data had changed).
pub fn furniture_shown_again() -> u64 {
    FURNITURE_SHOWN_AGAIN.get()
}

pub fn device_pixel_ratio() -> f64 {
    window::with_window(|w| w.device_pixel_ratio()).unwrap_or(1.0)
}
