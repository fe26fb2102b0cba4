//! A figure's toolbar and the gestures its tools answer: a strip of real `<button>`s in
//! the room BokehJS keeps beside the frame (`toolbar_location`), each titled and named
//! as Bokeh's tool is and pressed (`aria-pressed`) while active; pointer drags, the wheel
//! and touch on the canvas go to the active tools, whose effects (`crate::interact`) are
//! ordinary document changes; the box zoom's box is drawn over the canvas.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Id};
use crate::document::{EventKind, UiEvent, Value};
use crate::interact::{
    box_limits, box_zoom, dimensions, fill, inspect, pan, pan_dims, pinch_delta, rows_at, rows_in,
    select, selection_geometry, wheel_zoom, zoom_button, BoxZoom, Hit, Motion, Navigation, Policy,
    RangeChange, Region, Spot, ToolKind, Tools, View, WheelZoom,
};
use crate::models::{
    AutoOr, BoxSelectTool, BoxZoomTool, Dimensions, Figure, GlyphRenderer, HelpTool, HoverTool,
    LassoSelectTool, Place, SaveTool, SelectionMode, TapBehavior, TapTool, Tooltips, WheelZoomTool,
    ZoomInTool, ZoomOutTool,
};

use crate::render::Inspected;

use super::canvas::device_pixel_ratio;
use super::page::Page;

/// A drag under way.
#[derive(Clone)]
enum Drag {
    /// Panning: the view and pointer when it began, the dimensions it moves.
    Pan {
        view: View,
        from: (f64, f64),
        dims: Dimensions,
        started: Dimensions,
    },
    /// Outlining a box to zoom to.
    Box { base: (f64, f64), tool: BoxZoom },
    /// Outlining a box to select in, for a BoxSelectTool.
    BoxSelect {
        base: (f64, f64),
        tool: AnyId,
        shape: BoxZoom,
    },
    /// Drawing a lasso (its path so far), for a LassoSelectTool.
    Lasso { path: Vec<(f64, f64)>, tool: AnyId },
}

/// A hover tool's tooltip for one renderer, as BokehJS shows it: one entry per row hit,
/// pointing (CSS pixels of the canvas) where the last entry's hit is.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    /// Where it points.
    pub at: (f64, f64),
    /// One per row hit, in the order hit.
    pub entries: Vec<TooltipEntry>,
}

/// What a tooltip says of one row hit.
#[derive(Clone, Debug, PartialEq)]
pub enum TooltipEntry {
    /// (label, value) rows, as text.
    Rows(Vec<(String, String)>),
    /// The HTML template, filled (its fields' values escaped).
    Html(String),
}

/// What is drawn over the canvas while a drag goes on (CSS pixels).
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// A box: left, top, width, height.
    Box(f64, f64, f64, f64),
    /// A lasso's path.
    Poly(Vec<(f64, f64)>),
}

/// Two fingers on the canvas: their distance when the pinch began, and their scale
/// (distance over that) at the last zoom.
#[derive(Clone, Copy)]
struct Pinch {
    start: f64,
    last: f64,
}

/// The primary pointer's press, in BokehJS's gesture phases: held still past
/// [`PRESS_MS`] it is a press; moved past the tap's reach, a pan; else, let go, a tap.
#[derive(Clone, Copy, Default)]
struct Press {
    /// Where it began (device pixels).
    from: (f64, f64),
    /// Moved past the tap's reach: a pan.
    dragged: bool,
    /// Held still long enough: a press (no pan, no tap follows).
    held: bool,
    /// Counts presses, so a timer knows whether its press is still the current one.
    serial: u32,
}

/// How long (ms) a pointer is held still before it is a press, as BokehJS's.
const PRESS_MS: i32 = 300;

/// A PolySelectTool's polygon so far: the tool and its vertices (device pixels).
type PolyPath = (AnyId, Vec<(f64, f64)>);

/// A pointer down on the canvas: its id and where it is (device pixels).
type Pointer = (i32, (f64, f64));

/// One figure's tools and gestures.
#[derive(Clone)]
pub struct Interaction {
    page: Page,
    figure: Id<Figure>,
    /// The ranges as tools left them.
    pub nav: Rc<RefCell<Navigation>>,
    /// The toolbar's tools and which are active.
    pub tools: RwSignal<Tools>,
    /// The frame and scales as last painted, moved by the changes made since.
    view: Rc<RefCell<Option<View>>>,
    drag: Rc<RefCell<Option<Drag>>>,
    /// Pointers down, by id, at their device pixels (for pinches).
    pointers: Rc<RefCell<Vec<Pointer>>>,
    pinch: Rc<RefCell<Option<Pinch>>>,
    /// The last press of the primary pointer (the click that ends a drag is no tap).
    pressed: Rc<std::cell::Cell<Press>>,
    poly: Rc<RefCell<Option<PolyPath>>>,
    /// The box or lasso being dragged.
    pub overlay: RwSignal<Option<Overlay>>,
    /// The hover tooltips shown: one per hover tool and renderer hit.
    pub tooltips: RwSignal<Vec<Tooltip>>,
    /// The crosshair's lines: where (CSS pixels) and which.
    pub crosshair: RwSignal<Option<((f64, f64), Dimensions)>>,
    /// The rows hover tools inspect, of renderers with a hover glyph: painted with it.
    pub inspected: Rc<RefCell<Inspected>>,
    /// Bumped when the plot must be repainted though the document did not change (a
    /// reset DataRange1d recomputes at the next paint).
    pub repaint: RwSignal<u64>,
}

fn log(what: &str, e: impl std::fmt::Display) {
    web_sys::console::error_1(&format!("rokeh: {what}: {e}").into());
}

impl Interaction {
    pub fn new(page: Page, figure: Id<Figure>) -> Interaction {
        let (nav, tools) = page.read(|d| (Navigation::new(d, figure), Tools::of(d, figure)));
        Interaction {
            page,
            figure,
            nav: Rc::new(RefCell::new(nav)),
            tools: RwSignal::new(tools),
            view: Rc::default(),
            drag: Rc::default(),
            pointers: Rc::default(),
            pinch: Rc::default(),
            pressed: Rc::default(),
            poly: Rc::default(),
            overlay: RwSignal::new(None),
            tooltips: RwSignal::new(Vec::new()),
            crosshair: RwSignal::new(None),
            inspected: Rc::default(),
            repaint: RwSignal::new(0),
        }
    }

    /// A paint's layout: the view gestures start from.
    pub fn painted(&self, view: View) {
        *self.view.borrow_mut() = Some(view);
    }

    fn current_view(&self) -> Option<View> {
        *self.view.borrow()
    }

    /// Sets the ranges a gesture chose (within their limits, for `motion`), and moves
    /// the view with them.
    fn apply(&self, change: &RangeChange, motion: Motion) {
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
        let moved = self.current_view().map(|v| v.moved(&applied));
        *self.view.borrow_mut() = moved;
    }

    /// A wheel or pinch zoom's motion: the active WheelZoomTool's `maintain_focus`.
    fn scrolling(&self) -> Motion {
        let tool = self.tools.with_untracked(|t| t.scroll);
        let maintain_focus = tool.is_none_or(|t| {
            self.page.read(|d| {
                d.get_attr(t, "maintain_focus")
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(true)
            })
        });
        Motion {
            scrolling: true,
            maintain_focus,
            ..Motion::default()
        }
    }

    fn ranges_update(&self) {
        let nav = self.nav.clone();
        if let Err(e) = self.page.update(|d| nav.borrow().ranges_update(d)) {
            log("RangesUpdate", e);
        }
    }

    /// Bokeh's point event `kind` on the figure at device pixel `at`: `sx`, `sy` (CSS
    /// pixels), data `x`, `y`, the `modifiers` keys `ev` held, and `more` values. Made
    /// only if the figure subscribes to it (as BokehJS sends only those), so a mouse
    /// moving over a plot nobody listens to costs a lookup and sends nothing.
    fn trigger(
        &self,
        kind: EventKind,
        ev: &web_sys::MouseEvent,
        at: (f64, f64),
        more: &[(&str, f64)],
    ) {
        if !self.page.subscribes(self.figure.any(), kind) {
            return;
        }
        let dpr = device_pixel_ratio();
        let mut values = vec![
            ("sx".to_owned(), Value::Float(at.0 / dpr)),
            ("sy".to_owned(), Value::Float(at.1 / dpr)),
        ];
        if let Some(v) = self.current_view() {
            values.push(("x".to_owned(), Value::Float(v.x.invert(at.0))));
            values.push(("y".to_owned(), Value::Float(v.y.invert(at.1))));
        }
        let key = |name: &str, held: bool| (Value::str(name), Value::Bool(held));
        let modifiers = vec![
            key("shift", ev.shift_key()),
            key("ctrl", ev.ctrl_key()),
            key("alt", ev.alt_key()),
        ];
        values.push(("modifiers".to_owned(), Value::Map(modifiers)));
        values.extend(
            more.iter()
                .map(|(name, v)| ((*name).to_owned(), Value::Float(*v))),
        );
        let model = self.page.read(|d| d.model_id(self.figure.any()).clone());
        self.page.trigger(UiEvent {
            kind,
            model: Some(model),
            values,
        });
    }

    /// The pointer came over the canvas: Bokeh's `MouseEnter`.
    pub fn pointer_enter(&self, ev: &web_sys::PointerEvent) {
        if ev.is_primary() {
            self.trigger(EventKind::MouseEnter, ev, device_at(ev), &[]);
        }
    }

    /// A double click: Bokeh's `DoubleTap`, and a PolySelectTool's polygon closes.
    pub fn double_tap(&self, ev: &web_sys::MouseEvent) {
        self.trigger(EventKind::DoubleTap, ev, device_at(ev), &[]);
        self.poly_finish();
    }

    /// A press not moved nor let go for [`PRESS_MS`]: Bokeh's `Press`, if it is still
    /// the same press then.
    fn wait_for_press(&self, ev: &web_sys::PointerEvent) {
        let subscribed = [EventKind::Press, EventKind::PressUp]
            .iter()
            .any(|k| self.page.subscribes(self.figure.any(), *k));
        if !subscribed {
            return;
        }
        let (this, ev) = (self.clone(), ev.clone());
        let serial = self.pressed.get().serial;
        super::periodic::after(PRESS_MS, move || {
            let press = this.pressed.get();
            let down = this.pointers.borrow().len() == 1;
            if press.serial == serial && down && !press.dragged {
                this.pressed.set(Press {
                    held: true,
                    ..press
                });
                this.trigger(EventKind::Press, &ev, press.from, &[]);
            }
        });
    }

    fn typed<M: crate::core::ModelType>(&self, tool: AnyId) -> Option<Id<M>> {
        self.page.read(|d| d.typed_id::<M>(d.model_id(tool)))
    }

    pub fn pointer_down(&self, ev: &web_sys::PointerEvent) {
        let at = device_at(ev);
        let serial = self.pressed.get().serial.wrapping_add(1);
        self.pressed.set(Press {
            from: at,
            serial,
            ..Press::default()
        });
        self.pointers.borrow_mut().push((ev.pointer_id(), at));
        if self.pointers.borrow().len() == 2 {
            // A second finger: a pinch, not a drag.
            *self.drag.borrow_mut() = None;
            self.overlay.set(None);
            let d = self.finger_distance();
            *self.pinch.borrow_mut() = Some(Pinch {
                start: d,
                last: 1.0,
            });
            return;
        }
        if ev.button() != 0 {
            return;
        }
        self.wait_for_press(ev);
        let Some(view) = self.current_view() else {
            return;
        };
        let Some(tool) = self.tools.with_untracked(|t| t.drag) else {
            return;
        };
        let kind = self.tools.with_untracked(|t| t.kind(tool));
        let drag = match kind {
            Some(ToolKind::Pan) => {
                let dims = self.page.read(|d| dimensions(d, tool));
                pan_dims(&view, dims, at).map(|started| Drag::Pan {
                    view,
                    from: at,
                    dims,
                    started,
                })
            }
            Some(ToolKind::BoxZoom) => {
                let Some(t) = self.typed::<BoxZoomTool>(tool) else {
                    return;
                };
                let tool = self.page.read(|d| BoxZoom {
                    dimensions: d.get(t, BoxZoomTool::DIMENSIONS),
                    origin: d.get(t, BoxZoomTool::ORIGIN),
                });
                let inside = view.over(at) == crate::interact::Over::Frame;
                inside.then_some(Drag::Box { base: at, tool })
            }
            Some(ToolKind::BoxSelect) => {
                let Some(t) = self.typed::<BoxSelectTool>(tool) else {
                    return;
                };
                let shape = self.page.read(|d| BoxZoom {
                    dimensions: AutoOr::Value(d.get(t, BoxSelectTool::DIMENSIONS)),
                    origin: d.get(t, BoxSelectTool::ORIGIN),
                });
                let inside = view.over(at) == crate::interact::Over::Frame;
                inside.then_some(Drag::BoxSelect {
                    base: at,
                    tool,
                    shape,
                })
            }
            Some(ToolKind::LassoSelect) => {
                let inside = view.over(at) == crate::interact::Over::Frame;
                inside.then_some(Drag::Lasso {
                    path: vec![at],
                    tool,
                })
            }
            _ => None,
        };
        if let Some(drag) = drag {
            if let Some(target) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
            *self.drag.borrow_mut() = Some(drag);
        }
    }

    fn finger_distance(&self) -> f64 {
        let p = self.pointers.borrow();
        match p.as_slice() {
            [(_, a), (_, b)] => ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt(),
            _ => 0.0,
        }
    }

    pub fn pointer_move(&self, ev: &web_sys::PointerEvent) {
        let at = device_at(ev);
        if ev.is_primary() {
            self.trigger(EventKind::MouseMove, ev, at, &[]);
        }
        self.pan_events(ev, at);
        if let Some(p) = self
            .pointers
            .borrow_mut()
            .iter_mut()
            .find(|(id, _)| *id == ev.pointer_id())
        {
            p.1 = at;
        }
        let pinch = *self.pinch.borrow();
        if let Some(pinch) = pinch {
            self.pinch_to(ev, pinch);
            return;
        }
        let drag = self.drag.borrow().clone();
        if drag.is_none() && ev.buttons() == 0 {
            self.inspect(at);
            return;
        }
        match drag {
            Some(Drag::Pan {
                view,
                from,
                dims,
                started,
            }) => {
                let change = pan(&view, dims, started, at.0 - from.0, at.1 - from.1);
                let motion = Motion {
                    panning: true,
                    ..Motion::default()
                };
                self.apply(&change, motion);
            }
            Some(Drag::Box { base, tool: shape } | Drag::BoxSelect { base, shape, .. }) => {
                let Some(view) = self.current_view() else {
                    return;
                };
                let ((x0, x1), (y0, y1)) = box_limits(&view, &shape, base, at);
                let dpr = device_pixel_ratio();
                self.overlay.set(Some(Overlay::Box(
                    x0 / dpr,
                    y0 / dpr,
                    (x1 - x0) / dpr,
                    (y1 - y0) / dpr,
                )));
            }
            Some(Drag::Lasso { mut path, tool }) => {
                path.push(at);
                let dpr = device_pixel_ratio();
                let css = path.iter().map(|(x, y)| (x / dpr, y / dpr)).collect();
                self.overlay.set(Some(Overlay::Poly(css)));
                // LassoSelectTool's `continuous`: the selection follows the lasso.
                let continuous = self
                    .typed::<LassoSelectTool>(tool)
                    .is_some_and(|t| self.page.read(|d| d.get(t, LassoSelectTool::CONTINUOUS)));
                if continuous {
                    self.select_in(tool, &Region::Polygon(path.clone()), false);
                }
                *self.drag.borrow_mut() = Some(Drag::Lasso { path, tool });
            }
            None => {}
        }
    }

    /// Bokeh's `PanStart`, `Pan` (with `delta_x`, `delta_y` from where the press began,
    /// CSS pixels) as one pointer moves pressed past the tap's reach, whatever the tool.
    fn pan_events(&self, ev: &web_sys::PointerEvent, at: (f64, f64)) {
        let press = self.pressed.get();
        let alone =
            matches!(self.pointers.borrow().as_slice(), [(id, _)] if *id == ev.pointer_id());
        if !alone || press.held {
            return;
        }
        let dpr = device_pixel_ratio();
        let (dx, dy) = ((at.0 - press.from.0) / dpr, (at.1 - press.from.1) / dpr);
        if !press.dragged {
            if dx.hypot(dy) <= TAP_REACH {
                return;
            }
            self.pressed.set(Press {
                dragged: true,
                ..press
            });
            self.trigger(EventKind::PanStart, ev, press.from, &[]);
        }
        let deltas = [("delta_x", dx), ("delta_y", dy)];
        self.trigger(EventKind::Pan, ev, at, &deltas);
    }

    /// The pointer left the canvas: Bokeh's `MouseLeave`; inspectors hide.
    pub fn pointer_leave(&self, ev: &web_sys::PointerEvent) {
        if ev.is_primary() {
            self.trigger(EventKind::MouseLeave, ev, device_at(ev), &[]);
        }
        self.tooltips.set(Vec::new());
        self.crosshair.set(None);
        self.set_inspected(Inspected::new());
    }

    /// What hover tools inspect now; a change repaints the hover glyphs.
    fn set_inspected(&self, inspected: Inspected) {
        if *self.inspected.borrow() != inspected {
            *self.inspected.borrow_mut() = inspected;
            self.repaint.update(|n| *n += 1);
        }
    }

    /// The active inspectors at device pixel `at`: the crosshair follows it, a hover tool
    /// shows the row under it.
    fn inspect(&self, at: (f64, f64)) {
        let Some(view) = self.current_view() else {
            return;
        };
        let inside = view.over(at) == crate::interact::Over::Frame;
        let active: Vec<(AnyId, ToolKind)> = self.tools.with_untracked(|t| {
            t.inspect
                .iter()
                .filter_map(|m| t.kind(*m).map(|k| (*m, k)))
                .collect()
        });
        let dpr = device_pixel_ratio();
        let css = (at.0 / dpr, at.1 / dpr);
        let crosshair = active
            .iter()
            .find(|(_, k)| *k == ToolKind::Crosshair)
            .filter(|_| inside)
            .map(|(m, _)| (css, self.page.read(|d| dimensions(d, *m))));
        if self.crosshair.get_untracked() != crosshair {
            self.crosshair.set(crosshair);
        }
        let mut inspected = Inspected::new();
        let mut tooltips = Vec::new();
        let hovers = active.iter().filter(|(_, k)| *k == ToolKind::Hover);
        for (tool, _) in hovers.filter(|_| inside) {
            let Some(t) = self.typed::<HoverTool>(*tool) else {
                continue;
            };
            let hits = self.hover_hits(t, &view, at);
            self.page.read(|d| {
                for hit in &hits {
                    if d.get(hit.renderer, GlyphRenderer::HOVER_GLYPH).is_some() {
                        let source = d.get(hit.renderer, GlyphRenderer::DATA_SOURCE).any();
                        inspected.entry(source).or_default().push(hit.index);
                    }
                }
            });
            tooltips.extend(self.tooltips_at(t, &view, at, &hits));
        }
        self.set_inspected(inspected);
        if self.tooltips.with_untracked(|shown| *shown != tooltips) {
            self.tooltips.set(tooltips);
        }
    }

    /// The renderers and rows hover tool `t` inspects at device pixel `at`.
    fn hover_hits(&self, t: Id<HoverTool>, view: &View, at: (f64, f64)) -> Vec<Hit> {
        let figure = self.figure;
        let dpr = device_pixel_ratio();
        self.page.read(|d| {
            let only: Vec<AnyId> = match d.get(t, HoverTool::RENDERERS) {
                AutoOr::Value(list) => list,
                AutoOr::Auto => Vec::new(),
            };
            inspect(d, figure, view, Policy::of(d, t), &only, at, dpr)
        })
    }

    /// Hover tool `t`'s tooltips for `hits`, as BokehJS's HoverTool makes them: one per
    /// renderer, with an entry per row hit inside the frame, pointing at the last.
    fn tooltips_at(
        &self,
        t: Id<HoverTool>,
        view: &View,
        at: (f64, f64),
        hits: &[Hit],
    ) -> Vec<Tooltip> {
        let dpr = device_pixel_ratio();
        let inside = |hit: &&Hit| view.over(hit.at) == crate::interact::Over::Frame;
        self.page.read(|d| {
            let Some(tooltips) = d.get(t, HoverTool::TOOLTIPS) else {
                return Vec::new();
            };
            let formatters = d.get(t, HoverTool::FORMATTERS);
            let mut shown: Vec<(Id<GlyphRenderer>, Tooltip)> = Vec::new();
            for hit in hits.iter().filter(inside) {
                let renderer = hit.renderer;
                let source = d.get(renderer, GlyphRenderer::DATA_SOURCE).any();
                let point = (hit.at.0 / dpr, hit.at.1 / dpr);
                let spot = Spot {
                    index: hit.index,
                    x: view.x.invert(at.0),
                    y: view.y.invert(at.1),
                    sx: at.0 / dpr,
                    sy: at.1 / dpr,
                    snap: hit.snap,
                    snap_s: point,
                    name: d
                        .get_attr(renderer.any(), "name")
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned)),
                };
                let entry = match &tooltips {
                    Tooltips::Rows(rows) => TooltipEntry::Rows(
                        rows.iter()
                            .map(|(label, template)| {
                                let value = fill(d, source, template, &spot, &formatters);
                                (format!("{label}:"), value)
                            })
                            .collect(),
                    ),
                    Tooltips::Template(html) => {
                        TooltipEntry::Html(fill_html(d, source, html, &spot, &formatters))
                    }
                };
                match shown.iter_mut().find(|(r, _)| *r == renderer) {
                    Some((_, tooltip)) => {
                        tooltip.entries.push(entry);
                        tooltip.at = point;
                    }
                    None => shown.push((
                        renderer,
                        Tooltip {
                            at: point,
                            entries: vec![entry],
                        },
                    )),
                }
            }
            shown.into_iter().map(|(_, tooltip)| tooltip).collect()
        })
    }

    /// Selects with a select tool in `region`; `last` when its gesture ended.
    fn select_in(&self, tool: AnyId, region: &Region, last: bool) {
        let Some(view) = self.current_view() else {
            return;
        };
        let figure = self.figure;
        let (mode, only) = self.page.read(|d| {
            let mode = d
                .get_attr(tool, "mode")
                .ok()
                .and_then(|v| v.as_str().and_then(SelectionMode::from_name))
                .unwrap_or(SelectionMode::Replace);
            let only: Vec<AnyId> = match d.get_attr(tool, "renderers") {
                Ok(Value::List(items)) => items
                    .iter()
                    .filter_map(|v| match v {
                        Value::Ref(id) => d.lookup(id),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            (mode, only)
        });
        let ratio = device_pixel_ratio();
        let result = self.page.update(|d| {
            let hits = rows_in(d, figure, &view, region, &only);
            select(d, &hits, mode)?;
            selection_geometry(d, figure, region, ratio, last)
        });
        if let Err(e) = result {
            log("selecting", e);
        }
    }

    /// A click on the canvas: the active TapTool selects the nearest point within a few
    /// pixels of it (toggling, by its `mode`) and Bokeh's `Tap` event goes out.
    pub fn tap(&self, ev: &web_sys::MouseEvent) {
        let at = device_at(ev);
        let Some(view) = self.current_view() else {
            return;
        };
        // The click that ends a drag or a press is no tap, as in BokehJS's gestures.
        let press = self.pressed.get();
        if press.dragged || press.held || view.over(at) != crate::interact::Over::Frame {
            return;
        }
        self.trigger(EventKind::Tap, ev, at, &[]);
        let Some(tool) = self.tools.with_untracked(|t| t.tap) else {
            return;
        };
        match self.tools.with_untracked(|t| t.kind(tool)) {
            Some(ToolKind::PolySelect) => return self.poly_vertex(tool, at),
            Some(ToolKind::Tap) => {}
            _ => return,
        }
        let Some(t) = self.typed::<TapTool>(tool) else {
            return;
        };
        let (behavior, mode) = self
            .page
            .read(|d| (d.get(t, TapTool::BEHAVIOR), d.get(t, TapTool::MODE)));
        if behavior != TapBehavior::Select {
            return;
        }
        let reach = TAP_REACH * device_pixel_ratio();
        let figure = self.figure;
        let result = self.page.update(|d| {
            let hits = rows_at(d, figure, &view, at, reach, &[]);
            select(d, &hits, mode)
        });
        if let Err(e) = result {
            log("tap", e);
        }
    }

    /// A PolySelectTool's click: one more vertex of its polygon, drawn over the plot.
    fn poly_vertex(&self, tool: AnyId, at: (f64, f64)) {
        let mut poly = self.poly.borrow_mut();
        let path = match &mut *poly {
            Some((t, path)) if *t == tool => path,
            _ => &mut poly.insert((tool, Vec::new())).1,
        };
        path.push(at);
        let dpr = device_pixel_ratio();
        let css = path.iter().map(|(x, y)| (x / dpr, y / dpr)).collect();
        self.overlay.set(Some(Overlay::Poly(css)));
    }

    /// A double click (or Enter) closes a PolySelectTool's polygon and selects in it.
    pub fn poly_finish(&self) {
        let Some((tool, path)) = self.poly.borrow_mut().take() else {
            return;
        };
        self.overlay.set(None);
        if path.len() >= 3 {
            self.select_in(tool, &Region::Polygon(path), true);
        }
    }

    /// A key released: Enter closes a PolySelectTool's polygon, Escape drops it.
    pub fn key_up(&self, ev: &web_sys::KeyboardEvent) {
        if self.poly.borrow().is_none() {
            return;
        }
        match ev.key().as_str() {
            "Enter" => self.poly_finish(),
            "Escape" => {
                *self.poly.borrow_mut() = None;
                self.overlay.set(None);
            }
            _ => {}
        }
    }

    /// Two fingers moved: BokehJS zooms by their distance over the distance they began
    /// at, about their middle, as if the wheel turned.
    /// Bokeh's `PinchStart` (at the first change of distance) and `Pinch` (with its
    /// `scale`) go out at the fingers' middle, whatever the tool.
    fn pinch_to(&self, ev: &web_sys::PointerEvent, pinch: Pinch) {
        if pinch.start <= 0.0 {
            return;
        }
        let scale = self.finger_distance() / pinch.start;
        // As BokehJS's gestures: each move that changes the fingers' distance zooms by
        // its whole scale since the pinch began.
        if scale == pinch.last {
            return;
        }
        *self.pinch.borrow_mut() = Some(Pinch {
            last: scale,
            ..pinch
        });
        let centre = {
            let p = self.pointers.borrow();
            match p.as_slice() {
                [(_, a), (_, b)] => ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
                _ => return,
            }
        };
        if pinch.last == 1.0 {
            self.trigger(EventKind::PinchStart, ev, centre, &[]);
        }
        self.trigger(EventKind::Pinch, ev, centre, &[("scale", scale)]);
        let Some(view) = self.current_view() else {
            return;
        };
        let Some(tool) = self.wheel_tool() else {
            return;
        };
        if let Some(change) = wheel_zoom(&view, &tool, centre, pinch_delta(scale)) {
            self.apply(&change, self.scrolling());
        }
    }

    pub fn pointer_up(&self, ev: &web_sys::PointerEvent) {
        let at = device_at(ev);
        let alone =
            matches!(self.pointers.borrow().as_slice(), [(id, _)] if *id == ev.pointer_id());
        self.pointers
            .borrow_mut()
            .retain(|(id, _)| *id != ev.pointer_id());
        let pinch = *self.pinch.borrow();
        if let Some(pinch) = pinch {
            if self.pointers.borrow().len() < 2 {
                *self.pinch.borrow_mut() = None;
                if pinch.last != 1.0 {
                    self.trigger(EventKind::PinchEnd, ev, at, &[]);
                }
                self.ranges_update();
            }
            return;
        }
        let press = self.pressed.get();
        if alone && press.held {
            self.trigger(EventKind::PressUp, ev, at, &[]);
        } else if alone && press.dragged {
            self.trigger(EventKind::PanEnd, ev, at, &[]);
        }
        let drag = self.drag.borrow_mut().take();
        // A press that never moved is a tap (the click handles it), not a drag: as
        // BokehJS's gesture recognizer, no box or lasso comes of it.
        let drag = match drag {
            Some(Drag::Pan { .. }) => drag,
            _ if !press.dragged => {
                self.overlay.set(None);
                None
            }
            _ => drag,
        };
        match drag {
            Some(Drag::BoxSelect { base, tool, shape }) => {
                self.overlay.set(None);
                let Some(view) = self.current_view() else {
                    return;
                };
                let (x, y) = box_limits(&view, &shape, base, at);
                self.select_in(tool, &Region::Rect { x, y }, true);
            }
            Some(Drag::Lasso { mut path, tool }) => {
                self.overlay.set(None);
                path.push(at);
                self.select_in(tool, &Region::Polygon(path), true);
            }
            Some(Drag::Pan { .. }) => self.ranges_update(),
            Some(Drag::Box { base, tool }) => {
                self.overlay.set(None);
                let Some(view) = self.current_view() else {
                    return;
                };
                if let Some(change) = box_zoom(&view, box_limits(&view, &tool, base, at)) {
                    self.apply(&change, Motion::default());
                    self.ranges_update();
                }
            }
            None => {}
        }
    }

    fn wheel_tool(&self) -> Option<WheelZoom> {
        let tool = self.tools.with_untracked(|t| t.scroll)?;
        let t = self.typed::<WheelZoomTool>(tool)?;
        Some(self.page.read(|d| WheelZoom {
            dimensions: d.get(t, WheelZoomTool::DIMENSIONS),
            zoom_on_axis: d.get(t, WheelZoomTool::ZOOM_ON_AXIS),
            speed: d.get(t, WheelZoomTool::SPEED),
        }))
    }

    pub fn wheel(&self, ev: &web_sys::WheelEvent) {
        let at = device_at(ev);
        // BokehJS's delta: minus deltaY in pixels (a line taken as 40 of them).
        let unit = match ev.delta_mode() {
            1 => 40.0,
            2 => 800.0,
            _ => 1.0,
        };
        let delta = -ev.delta_y() * unit;
        self.trigger(EventKind::MouseWheel, ev, at, &[("delta", delta)]);
        let Some(tool) = self.wheel_tool() else {
            return;
        };
        let Some(view) = self.current_view() else {
            return;
        };
        if let Some(change) = wheel_zoom(&view, &tool, at, delta) {
            ev.prevent_default();
            self.apply(&change, self.scrolling());
            self.ranges_update();
        }
    }

    /// A toolbar button pressed.
    pub fn press(&self, tool: AnyId, canvas: Option<web_sys::HtmlCanvasElement>) {
        let kind = self.tools.with_untracked(|t| t.kind(tool));
        let view = self.current_view();
        match kind {
            Some(k @ (ToolKind::ZoomIn | ToolKind::ZoomOut)) => {
                let Some(view) = view else { return };
                let (dims, factor) = if k == ToolKind::ZoomIn {
                    let Some(t) = self.typed::<ZoomInTool>(tool) else {
                        return;
                    };
                    self.page.read(|d| {
                        (
                            d.get(t, ZoomInTool::DIMENSIONS),
                            d.get(t, ZoomInTool::FACTOR),
                        )
                    })
                } else {
                    let Some(t) = self.typed::<ZoomOutTool>(tool) else {
                        return;
                    };
                    self.page.read(|d| {
                        (
                            d.get(t, ZoomOutTool::DIMENSIONS),
                            d.get(t, ZoomOutTool::FACTOR),
                        )
                    })
                };
                let change = zoom_button(&view, dims, factor, k == ToolKind::ZoomIn);
                self.apply(&change, Motion::default());
                self.ranges_update();
            }
            Some(ToolKind::Reset) => {
                let nav = self.nav.clone();
                if let Err(e) = self.page.update(|d| nav.borrow_mut().reset(d)) {
                    log("reset", e);
                }
                self.repaint.update(|n| *n += 1);
            }
            Some(ToolKind::Save) => {
                let name = self
                    .typed::<SaveTool>(tool)
                    .and_then(|t| self.page.read(|d| d.get(t, SaveTool::FILENAME)));
                let name = match name {
                    Some(n) => Some(n),
                    None => web_sys::window()
                        .and_then(|w| {
                            w.prompt_with_message_and_default("Enter filename", "bokeh_plot")
                                .ok()
                        })
                        .flatten(),
                };
                if let (Some(name), Some(canvas)) = (name, canvas) {
                    save_png(&canvas, &name);
                }
            }
            Some(ToolKind::Help) => {
                if let Some(t) = self.typed::<HelpTool>(tool) {
                    let url = self.page.read(|d| d.get(t, HelpTool::REDIRECT));
                    if let Some(w) = web_sys::window() {
                        let _ = w.open_with_url_and_target(&url, "_blank");
                    }
                }
            }
            Some(_) => self.tools.update(|t| t.toggle(tool)),
            None => {}
        }
    }
}

/// An HTML template filled with its fields' values escaped (the markup is the app's).
fn fill_html(
    doc: &crate::document::Document,
    source: AnyId,
    html: &str,
    spot: &Spot,
    formatters: &crate::core::Dict<String>,
) -> String {
    // Fields are filled one at a time so that only their values are escaped. A name is
    // what BokehJS's `\w` matches: ASCII letters, digits and `_`.
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(['@', '$']) {
        out.push_str(&rest[..i]);
        let end = rest[i + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '{' || c == '}'))
            .map_or(rest.len(), |e| i + 1 + e);
        let field = &rest[i..end];
        out.push_str(&crate::format::escape_html(&fill(
            doc, source, field, spot, formatters,
        )));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// How far from a tap (CSS pixels) a point is still hit.
const TAP_REACH: f64 = 6.0;

/// Downloads the canvas as `name`.png (Bokeh's SaveTool: the plot's canvas as drawn).
fn save_png(canvas: &web_sys::HtmlCanvasElement, name: &str) {
    let Ok(url) = canvas.to_data_url_with_type("image/png") else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    let file = if name.ends_with(".png") {
        name.to_owned()
    } else {
        format!("{name}.png")
    };
    a.set_download(&file);
    a.set_href(&url);
    a.click();
}

/// The event's position on its canvas in device pixels.
fn device_at(ev: &web_sys::MouseEvent) -> (f64, f64) {
    let dpr = device_pixel_ratio();
    (
        f64::from(ev.offset_x()) * dpr,
        f64::from(ev.offset_y()) * dpr,
    )
}

/// A tool's icon: simple line drawings after BokehJS's.
fn icon(kind: ToolKind) -> &'static str {
    match kind {
        ToolKind::Pan => "M12 2v20M2 12h20M12 2l-3 3M12 2l3 3M12 22l-3-3M12 22l3-3M2 12l3-3M2 12l3 3M22 12l-3-3M22 12l-3 3",
        ToolKind::WheelZoom => "M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14M15 15l6 6M10 6v8",
        ToolKind::BoxZoom => "M3 3h12v12H3zM13 13l8 8",
        ToolKind::ZoomIn => "M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14M15 15l6 6M7 10h6M10 7v6",
        ToolKind::ZoomOut => "M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14M15 15l6 6M7 10h6",
        ToolKind::Reset => "M20 12a8 8 0 1 1-3-6.2M20 3v5h-5",
        ToolKind::Save => "M4 4h13l3 3v13H4zM8 4v5h8V4M8 20v-6h8v6",
        ToolKind::Tap => "M9 11V4a2 2 0 0 1 4 0v7l5 1v6l-3 4H9l-4-6l2-2l2 2",
        ToolKind::BoxSelect => "M3 3h18v18H3zM8 8h2M14 8h2M8 14h2M14 14h2",
        ToolKind::LassoSelect => "M12 4c5 0 9 2.5 9 5.5S17 15 12 15S3 12.5 3 9.5S7 4 12 4M6 14l-2 7",
        ToolKind::PolySelect => "M4 6l9-3l8 8l-5 9l-11-3z",
        ToolKind::Crosshair => "M12 2v20M2 12h20",
        ToolKind::Hover => "M4 4h16v11H10l-4 4v-4H4z",
        ToolKind::Help => "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20M9 9a3 3 0 1 1 4 2.8c-1 .5-1 1-1 2.2M12 17v1",
    }
}

/// The toolbar over the room the layout keeps for it at `place`.
pub fn view(
    interaction: Interaction,
    place: Place,
    canvas: NodeRef<leptos::html::Canvas>,
    hidden: Signal<bool>,
) -> impl IntoView {
    let tools = interaction.tools;
    let style = match place {
        Place::Right => "top: 0; right: 0; height: 100%; flex-direction: column;",
        Place::Left => "top: 0; left: 0; height: 100%; flex-direction: column;",
        Place::Above => "top: 0; right: 0; flex-direction: row;",
        Place::Below => "bottom: 0; right: 0; flex-direction: row;",
    };
    // The toolbar's tools are read once; which are active is reactive.
    let buttons = {
        tools.with_untracked(|t| {
            t.tools
                .iter()
                .map(|info| {
                    let model = info.model;
                    let tooltip = info.tooltip.clone();
                    let path = icon(info.kind);
                    let action = info.kind.gesture() == crate::interact::Gesture::Action;
                    let pressed =
                        move || (!action).then(|| tools.with(|t| t.is_active(model)).to_string());
                    let i = interaction.clone();
                    view! {
                        <button
                            type="button"
                            class="rk-tool"
                            class:rk-active=move || tools.with(|t| t.is_active(model))
                            title=tooltip.clone()
                            aria-label=tooltip
                            aria-pressed=pressed
                            on:click=move |_| i.press(model, canvas.get_untracked())
                        >
                            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"
                                fill="none" stroke="currentColor" stroke-width="1.6"
                                stroke-linecap="round" stroke-linejoin="round">
                                <path d=path></path>
                            </svg>
                        </button>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div
            class="rk-toolbar"
            class:rk-hidden=move || hidden.get()
            role="toolbar"
            aria-label="Plot tools"
            style=style
        >
            {buttons}
        </div>
    }
}
