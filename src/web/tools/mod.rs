//! What Bokeh's tools do in a page, one file per family, behind [`ToolView`]: the page's
//! toolbar (`toolbar.rs`) hands each pointer gesture, wheel turn and button press to the
//! active tool's view (a drag that begins on a RangeTool's box to that tool's). Like glyphs, tools are views ([`crate::views`]): a page links only
//! the behaviours it lists, so that a page whose plots only pan and zoom carries no
//! selection or hover code. A tool whose view the page lacks keeps its button and does
//! nothing, reported once in the console. Reset, undo, redo, save and help are the
//! toolbar's own.
//!
//! What a tool acts on is a [`Plot`]: the document, the view as last painted, the ranges
//! as tools left them, and what a drag draws over the canvas.

pub(crate) mod box_zoom;
pub(crate) mod crosshair;
pub(crate) mod hover;
pub(crate) mod pan;
pub(crate) mod range;
pub(crate) mod select;
pub(crate) mod wheel_zoom;
pub(crate) mod zoom;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::core::{AnyId, Id, ModelType};
use crate::interact::{
    box_limits, BoxZoom, Motion, Navigation, RangeChange, Steps, ToolKind, View,
};
use crate::models::{Dimensions, Figure};
use crate::render::Inspected;

use super::canvas::device_pixel_ratio;
use super::page::Page;

pub(crate) use hover::Tooltip;

/// What a tool of one Bokeh type does with the gestures it answers (device pixels
/// throughout); each does nothing unless the tool's kind answers it.
pub(crate) trait ToolView: std::fmt::Debug {
    /// A drag begins at `at` with `tool` the active drag tool: the drag under way, if
    /// one starts there.
    fn drag(
        &self,
        _plot: &Plot,
        _tool: AnyId,
        _view: &View,
        _at: (f64, f64),
    ) -> Option<Box<dyn Drag>> {
        None
    }

    /// The wheel turned (or two fingers pinched) by BokehJS's `delta` at `at`, `tool` the
    /// active scroll tool: whether the ranges moved.
    fn scroll(
        &self,
        _plot: &Plot,
        _tool: AnyId,
        _view: &View,
        _at: (f64, f64),
        _delta: f64,
    ) -> bool {
        false
    }

    /// A tap at `at` in the frame, `tool` the active tap tool.
    fn tap(&self, _plot: &Plot, _tool: AnyId, _view: &View, _at: (f64, f64)) {}

    /// A double tap or Enter: the polygon `tool` gathered by taps is done.
    fn close(&self, _plot: &Plot, _tool: AnyId) {}

    /// The pointer moved to `at` in the frame, no button down, `tool` an active
    /// inspector: what it shows goes into `shown`.
    fn inspect(
        &self,
        _plot: &Plot,
        _tool: AnyId,
        _view: &View,
        _at: (f64, f64),
        _shown: &mut Inspection,
    ) {
    }

    /// Its button pressed (a tool that acts at once).
    fn press(&self, _plot: &Plot, _tool: AnyId) {}

    /// What it draws over the canvas, and how: one layer of each kind per figure, however
    /// many of its tools draw it.
    fn layer(&self) -> Option<(Layer, Draw)> {
        None
    }

    /// What the figure draws of it as its own, read as an annotation (a RangeTool's box):
    /// linked only into pages with this view.
    fn drawn(&self) -> Option<crate::render::BuildAnnotation> {
        None
    }
}

/// What tools draw over a figure's canvas, in the order drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Layer {
    /// A dragged box, lasso or tapped polygon ([`Marks::overlay`]).
    Outline,
    /// The crosshair's lines.
    Crosshair,
    /// The hover tooltips.
    Tooltips,
}

impl Layer {
    /// Every layer, in the order drawn.
    const ALL: [Layer; 3] = [Layer::Outline, Layer::Crosshair, Layer::Tooltips];
}

/// Shows a layer of [`Marks`].
pub(crate) type Draw = fn(Marks) -> AnyView;

/// What tools draw over a figure's canvas, as the figure shows it.
#[derive(Clone, Copy)]
pub(crate) struct Marks {
    /// The box or lasso being dragged, or the polygon being tapped.
    pub overlay: RwSignal<Option<Overlay>>,
    /// The crosshair's lines: where (CSS pixels) and which.
    pub crosshair: RwSignal<Option<((f64, f64), Dimensions)>>,
    /// The hover tooltips shown: one per hover tool and renderer hit.
    pub tooltips: RwSignal<Vec<Tooltip>>,
}

/// The layers the views of tools of `kinds` draw over a canvas, each once, in order.
pub(crate) fn layers(kinds: impl IntoIterator<Item = ToolKind>, marks: Marks) -> AnyView {
    let drawn: Vec<(Layer, Draw)> = kinds
        .into_iter()
        .filter_map(view_of)
        .filter_map(|v| v.layer())
        .collect();
    // Layer by layer, rather than a sort compiled for these pairs: there are three.
    Layer::ALL
        .into_iter()
        .filter_map(|layer| drawn.iter().find(|(l, _)| *l == layer))
        .map(|(_, draw)| draw(marks))
        .collect_view()
        .into_any()
}

/// The outline layer: a box as a div, a lasso or polygon as an SVG polygon.
pub(crate) fn outline(marks: Marks) -> AnyView {
    let overlay = marks.overlay;
    let shown = move || {
        overlay.get().map(|o| match o {
            Overlay::Box(l, t, w, h) => {
                let style = format!("left: {l}px; top: {t}px; width: {w}px; height: {h}px;");
                view! { <div class="rk-box-overlay" style=style></div> }.into_any()
            }
            Overlay::Poly(points) => {
                let points: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
                view! {
                    <svg class="rk-poly-overlay" aria-hidden="true">
                        <polygon points=points.join(" ")></polygon>
                    </svg>
                }
                .into_any()
            }
        })
    };
    shown.into_any()
}

/// A drag under way.
pub(crate) trait Drag {
    /// The pointer moved to `at`.
    fn to(&mut self, plot: &Plot, at: (f64, f64));

    /// The pointer was let go at `at`; `dragged`: it moved past a tap's reach (a press
    /// that never moved is a tap, not a drag, as in BokehJS's gestures).
    fn end(self: Box<Self>, plot: &Plot, at: (f64, f64), dragged: bool);
}

/// A box being outlined from `base` with `shape` (box zoom's and box select's drag):
/// when it ends, `done` acts on the box's screen limits (clipped to the frame).
pub(crate) struct Boxing<F> {
    pub base: (f64, f64),
    pub shape: BoxZoom,
    pub done: F,
}

impl<F: FnOnce(&Plot, &View, ((f64, f64), (f64, f64)))> Drag for Boxing<F> {
    fn to(&mut self, plot: &Plot, at: (f64, f64)) {
        plot.outline(&self.shape, self.base, at);
    }

    fn end(self: Box<Self>, plot: &Plot, at: (f64, f64), dragged: bool) {
        plot.overlay.set(None);
        let Some(view) = plot.view().filter(|_| dragged) else {
            return;
        };
        let limits = box_limits(&view, &self.shape, self.base, at);
        (self.done)(plot, &view, limits);
    }
}

/// What the active inspectors show with the pointer where it is.
#[derive(Default)]
pub(crate) struct Inspection {
    /// The crosshair's lines: where (CSS pixels) and which.
    pub crosshair: Option<((f64, f64), Dimensions)>,
    /// The rows hover tools inspect, of renderers with a hover glyph.
    pub inspected: Inspected,
    /// The hover tooltips: one per hover tool and renderer hit.
    pub tooltips: Vec<Tooltip>,
}

/// How far from a press (CSS pixels) a pointer may move and still tap; a tap hits
/// points this near.
pub(crate) const TAP_REACH: f64 = 6.0;

/// Device pixel `at` as BokehJS tells a tool's callback where it was: `[sx, sy, x, y]`,
/// CSS pixels of the canvas, then data units.
pub(crate) fn point_at(view: &View, at: (f64, f64)) -> [f64; 4] {
    let dpr = device_pixel_ratio();
    [
        at.0 / dpr,
        at.1 / dpr,
        view.x.invert(at.0),
        view.y.invert(at.1),
    ]
}

/// What is drawn over the canvas while a drag goes on (CSS pixels).
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// A box: left, top, width, height.
    Box(f64, f64, f64, f64),
    /// A lasso's (or a polygon's) path.
    Poly(Vec<(f64, f64)>),
}

/// A PolySelectTool's polygon so far: the tool and its vertices (device pixels).
pub(crate) type PolyPath = (AnyId, Vec<(f64, f64)>);

/// One figure as its tools act on it.
#[derive(Clone)]
pub(crate) struct Plot {
    pub page: Page,
    pub figure: Id<Figure>,
    /// The ranges as tools left them.
    pub nav: Rc<RefCell<Navigation>>,
    /// Whether undo and redo have a state to go to, as `nav` last said.
    pub steps: RwSignal<Steps>,
    /// The frame and scales as last painted, moved by the changes made since.
    view: Rc<RefCell<Option<View>>>,
    /// The box or lasso being dragged, or the polygon being tapped.
    pub overlay: RwSignal<Option<Overlay>>,
    /// A PolySelectTool's polygon, while it is being tapped out.
    pub poly: Rc<RefCell<Option<PolyPath>>>,
}

impl Plot {
    pub fn new(page: Page, figure: Id<Figure>) -> Plot {
        Plot {
            page,
            figure,
            nav: Rc::new(RefCell::new(page.read(|d| Navigation::new(d, figure)))),
            steps: RwSignal::new(Steps::default()),
            view: Rc::default(),
            overlay: RwSignal::new(None),
            poly: Rc::default(),
        }
    }

    /// The view gestures start from.
    pub fn view(&self) -> Option<View> {
        *self.view.borrow()
    }

    /// A paint's layout: the view gestures start from.
    pub fn painted(&self, view: View) {
        *self.view.borrow_mut() = Some(view);
    }

    /// Sets the ranges a gesture chose (within their limits, for `motion`), and moves
    /// the view with them.
    pub fn apply(&self, change: &RangeChange, motion: Motion) {
        if change.is_empty() {
            return;
        }
        let nav = self.nav.clone();
        let applied = match self
            .page
            .update(|d| nav.borrow_mut().apply(d, change, motion))
        {
            Ok(applied) => applied,
            Err(e) => return log("setting the ranges", e),
        };
        let moved = self.view().map(|v| v.moved(&applied));
        *self.view.borrow_mut() = moved;
    }

    /// Bokeh's `RangesUpdate` event, at the end of a gesture that moved the ranges: a
    /// state UndoTool steps back from.
    pub fn ranges_update(&self) {
        let nav = self.nav.clone();
        let ended = |d: &mut crate::document::Document| {
            nav.borrow_mut().remember(d);
            nav.borrow().ranges_update(d)
        };
        if let Err(e) = self.page.update(ended) {
            log("RangesUpdate", e);
        }
        self.stepped();
    }

    /// The ranges' history changed: undo's and redo's buttons follow it.
    pub fn stepped(&self) {
        let steps = self.nav.borrow().steps();
        if self.steps.get_untracked() != steps {
            self.steps.set(steps);
        }
    }

    /// `tool` as a model of type `M`, if it is one.
    pub fn typed<M: ModelType>(&self, tool: AnyId) -> Option<Id<M>> {
        self.page.read(|d| d.typed_id::<M>(d.model_id(tool)))
    }

    /// Outlines the box a drag from `base` to `at` makes with `shape` (the box zoom's and
    /// box select's overlay).
    fn outline(&self, shape: &BoxZoom, base: (f64, f64), at: (f64, f64)) {
        let Some(view) = self.view() else {
            return;
        };
        let ((x0, x1), (y0, y1)) = box_limits(&view, shape, base, at);
        let dpr = device_pixel_ratio();
        self.overlay.set(Some(Overlay::Box(
            x0 / dpr,
            y0 / dpr,
            (x1 - x0) / dpr,
            (y1 - y0) / dpr,
        )));
    }

    /// Shows `path` (device pixels) as a lasso or polygon over the canvas.
    fn outline_path(&self, path: &[(f64, f64)]) {
        let dpr = device_pixel_ratio();
        let css = path.iter().map(|(x, y)| (x / dpr, y / dpr)).collect();
        self.overlay.set(Some(Overlay::Poly(css)));
    }
}

pub(crate) fn log(what: &str, e: impl std::fmt::Display) {
    web_sys::console::error_1(&format!("rokeh: {what}: {e}").into());
}

/// The tool views a page has, by kind, and the kinds reported as missing.
#[derive(Default)]
struct Shown {
    views: Vec<(ToolKind, &'static dyn ToolView)>,
    missing: Vec<ToolKind>,
}

thread_local! {
    static SHOWN: RefCell<Shown> = RefCell::default();
}

/// From now on the page's tools of these types (Bokeh type names) do what these views
/// say, and others nothing.
pub(crate) fn show(views: impl IntoIterator<Item = (&'static str, &'static dyn ToolView)>) {
    let views = views
        .into_iter()
        .filter_map(|(name, view)| Some((ToolKind::of(name)?, view)))
        .collect();
    SHOWN.set(Shown {
        views,
        missing: Vec::new(),
    });
}

/// The view of tools of `kind`; a kind the page has none of is reported once (reset,
/// undo, redo, save and help have none: they are the toolbar's own, in every page).
pub(crate) fn view_of(kind: ToolKind) -> Option<&'static dyn ToolView> {
    let built_in = matches!(
        kind,
        ToolKind::Reset | ToolKind::Undo | ToolKind::Redo | ToolKind::Save | ToolKind::Help
    );
    SHOWN.with_borrow_mut(|s| {
        let found = s.views.iter().find(|(k, _)| *k == kind).map(|&(_, v)| v);
        if found.is_none() && !built_in && !s.missing.contains(&kind) {
            s.missing.push(kind);
            let message = format!(
                "rokeh: this page has no view of {} (see rokeh::views); its button does \
                 nothing",
                kind.type_name()
            );
            web_sys::console::warn_1(&message.into());
        }
        found
    })
}
