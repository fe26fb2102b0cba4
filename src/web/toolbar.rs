//! A figure's toolbar and the gestures its tools answer: a strip of real `<button>`s in
//! the room BokehJS keeps beside the frame (`toolbar_location`), each titled and named
//! as Bokeh's tool is and pressed (`aria-pressed`) while active; pointer drags, the wheel
//! and touch on the canvas go to the active tools' views (`tools/`), whose effects
//! (`crate::interact`) are ordinary document changes. Bokeh's UI events for the canvas's
//! gestures go out here, whatever the tools.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Id};
use crate::document::{Document, DocumentError, EventKind, UiEvent, Value};
use crate::interact::{
    items_fitting, pinch_delta, toolbar_groups, Gesture, Modifiers, Navigation, Over, Steps,
    ToolInfo, ToolKind, Tools, View,
};
use crate::models::{Figure, HelpTool, Logo, Place, SaveTool};
use crate::render::{Inspected, Rect};

use super::bind::{self, bind, Writer};
use super::canvas::device_pixel_ratio;
use super::icons;
use super::page::Page;
use super::tools::{self, log, Drag, Inspection, Marks, Plot, ToolView, Tooltip};

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

/// A pointer down on the canvas: its id and where it is (device pixels).
type Pointer = (i32, (f64, f64));

/// One figure's tools and gestures.
#[derive(Clone)]
pub struct Interaction {
    /// The figure as its tools act on it.
    pub(super) plot: Plot,
    /// The toolbar's tools and which are active.
    pub tools: RwSignal<Tools>,
    drag: Rc<RefCell<Option<Box<dyn Drag>>>>,
    /// Pointers down, by id, at their device pixels (for pinches).
    pointers: Rc<RefCell<Vec<Pointer>>>,
    pinch: Rc<RefCell<Option<Pinch>>>,
    /// The last press of the primary pointer (the click that ends a drag is no tap).
    pressed: Rc<std::cell::Cell<Press>>,
    /// The hover tooltips shown: one per hover tool and renderer hit.
    pub tooltips: RwSignal<Vec<Tooltip>>,
    /// The crosshair's lines: where (CSS pixels) and which.
    pub crosshair: RwSignal<Option<((f64, f64), crate::models::Dimensions)>>,
    /// The rows hover tools inspect, of renderers with a hover glyph: painted with it.
    pub inspected: Rc<RefCell<Inspected>>,
    /// Bumped when the plot must be repainted though the document did not change (a
    /// reset DataRange1d recomputes at the next paint).
    pub repaint: RwSignal<u64>,
    /// The band the last paint's layout keeps for the toolbar (CSS pixels).
    pub band: RwSignal<Option<Rect>>,
}

impl Interaction {
    /// `figure`'s tools; those whose view the page lacks are reported at once.
    pub fn new(page: Page, figure: Id<Figure>) -> Interaction {
        let tools = page.read(|d| Tools::of(d, figure));
        for info in &tools.tools {
            tools::view_of(info.kind);
        }
        Interaction {
            plot: Plot::new(page, figure),
            tools: RwSignal::new(tools),
            drag: Rc::default(),
            pointers: Rc::default(),
            pinch: Rc::default(),
            pressed: Rc::default(),
            tooltips: RwSignal::new(Vec::new()),
            crosshair: RwSignal::new(None),
            inspected: Rc::default(),
            repaint: RwSignal::new(0),
            band: RwSignal::new(None),
        }
    }

    /// The figure whose tools these are.
    pub fn figure(&self) -> Id<Figure> {
        self.plot.figure
    }

    /// What its tools draw over the canvas.
    pub fn marks(&self) -> AnyView {
        let marks = Marks {
            overlay: self.plot.overlay,
            crosshair: self.crosshair,
            tooltips: self.tooltips,
        };
        let kinds: Vec<ToolKind> = self
            .tools
            .with_untracked(|t| t.tools.iter().map(|info| info.kind).collect());
        tools::layers(kinds, marks)
    }

    /// A paint's layout: the view gestures start from, and the toolbar's band (CSS
    /// pixels), moved only when it moved.
    pub fn painted(&self, view: View, band: Option<Rect>) {
        self.plot.painted(view);
        if self.band.get_untracked() != band {
            self.band.set(band);
        }
    }

    /// The view of tool `model` of this toolbar, if the page has one.
    fn view_of(&self, model: AnyId) -> Option<&'static dyn ToolView> {
        tools::view_of(self.tools.with_untracked(|t| t.kind(model))?)
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
        let page = self.plot.page;
        let figure = self.plot.figure.any();
        if !page.subscribes(figure, kind) {
            return;
        }
        let dpr = device_pixel_ratio();
        let mut values = vec![
            ("sx".to_owned(), Value::Float(at.0 / dpr)),
            ("sy".to_owned(), Value::Float(at.1 / dpr)),
        ];
        if let Some(v) = self.plot.view() {
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
        let model = page.read(|d| d.model_id(figure).clone());
        page.trigger(UiEvent {
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
        self.close_poly();
    }

    /// The polygon a PolySelectTool is tapping out, if any, is done: it selects.
    fn close_poly(&self) {
        let tool = self.plot.poly.borrow().as_ref().map(|(tool, _)| *tool);
        if let Some(tool) = tool {
            if let Some(tool_view) = self.view_of(tool) {
                tool_view.close(&self.plot, tool);
            }
        }
    }

    /// A press not moved nor let go for [`PRESS_MS`]: Bokeh's `Press`, if it is still
    /// the same press then.
    fn wait_for_press(&self, ev: &web_sys::PointerEvent) {
        let subscribed = [EventKind::Press, EventKind::PressUp]
            .iter()
            .any(|k| self.plot.page.subscribes(self.plot.figure.any(), *k));
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
            self.plot.overlay.set(None);
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
        let Some(view) = self.plot.view() else {
            return;
        };
        // A RangeTool's box takes the drags that begin on it, whatever tool is active.
        let (active, boxes) = self.tools.with_untracked(|t| {
            let boxes: Vec<AnyId> = t
                .tools
                .iter()
                .filter(|i| i.kind.gesture() == Gesture::Overlay)
                .flat_map(|i| i.tools.iter().copied())
                .collect();
            (t.drag, boxes)
        });
        let drag = boxes
            .into_iter()
            .chain(active)
            .find_map(|tool| self.view_of(tool)?.drag(&self.plot, tool, &view, at));
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
        // Out of its slot while it moves: what the drag sets off cannot reach it.
        let drag = self.drag.borrow_mut().take();
        match drag {
            Some(mut drag) => {
                drag.to(&self.plot, at);
                *self.drag.borrow_mut() = Some(drag);
            }
            None if ev.buttons() == 0 => self.inspect(at),
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
            if dx.hypot(dy) <= tools::TAP_REACH {
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
        self.show(Inspection::default());
    }

    /// The active inspectors at device pixel `at` (in the frame; elsewhere they hide).
    fn inspect(&self, at: (f64, f64)) {
        let Some(view) = self.plot.view() else {
            return;
        };
        let mut shown = Inspection::default();
        if view.over(at) == Over::Frame {
            let active = self.tools.with_untracked(|t| t.inspect.clone());
            for tool in active {
                if let Some(tool_view) = self.view_of(tool) {
                    tool_view.inspect(&self.plot, tool, &view, at, &mut shown);
                }
            }
        }
        self.show(shown);
    }

    /// Shows what the inspectors found; a change of the rows inspected repaints the hover
    /// glyphs.
    fn show(&self, shown: Inspection) {
        if self.crosshair.get_untracked() != shown.crosshair {
            self.crosshair.set(shown.crosshair);
        }
        if *self.inspected.borrow() != shown.inspected {
            *self.inspected.borrow_mut() = shown.inspected;
            self.repaint.update(|n| *n += 1);
        }
        if self.tooltips.with_untracked(|t| *t != shown.tooltips) {
            self.tooltips.set(shown.tooltips);
        }
    }

    /// A click on the canvas: Bokeh's `Tap` event goes out and the active tap tool acts.
    pub fn tap(&self, ev: &web_sys::MouseEvent) {
        let at = device_at(ev);
        let Some(view) = self.plot.view() else {
            return;
        };
        // The click that ends a drag or a press is no tap, as in BokehJS's gestures.
        let press = self.pressed.get();
        if press.dragged || press.held {
            return;
        }
        match view.over(at) {
            Over::Frame => {}
            Over::XAxis => {
                return self.axis_click(
                    at.1 > view.frame[3],
                    Place::Below,
                    Place::Above,
                    view.x.invert(at.0),
                )
            }
            Over::YAxis => {
                return self.axis_click(
                    at.0 < view.frame[0],
                    Place::Left,
                    Place::Right,
                    view.y.invert(at.1),
                )
            }
            Over::Outside => return,
        }
        self.trigger(EventKind::Tap, ev, at, &[]);
        let Some(tool) = self.tools.with_untracked(|t| t.tap) else {
            return;
        };
        if let Some(tool_view) = self.view_of(tool) {
            tool_view.tap(&self.plot, tool, &view, at);
        }
    }

    /// A click over the band of an axis beside the frame: Bokeh's `AxisClick` on that
    /// side's first axis, its `value` the data coordinate under the pointer along the axis,
    /// as BokehJS's axis views send it.
    fn axis_click(&self, first_side: bool, side: Place, other: Place, value: f64) {
        let page = self.plot.page;
        let figure = self.plot.figure;
        let place = if first_side { side } else { other };
        let key = match place {
            Place::Below => Figure::BELOW,
            Place::Above => Figure::ABOVE,
            Place::Left => Figure::LEFT,
            Place::Right => Figure::RIGHT,
        };
        let axis = page.read(|d| {
            let is_axis = |m: &AnyId| {
                d.try_model(*m)
                    .is_some_and(|m| m.type_name.ends_with("Axis"))
            };
            d.get(figure, key).into_iter().find(is_axis)
        });
        let Some(axis) = axis.filter(|&a| page.subscribes(a, EventKind::AxisClick)) else {
            return;
        };
        let model = page.read(|d| d.model_id(axis).clone());
        page.trigger(UiEvent {
            kind: EventKind::AxisClick,
            model: Some(model),
            values: vec![("value".to_owned(), Value::Float(value))],
        });
    }

    /// A key released: Enter closes a PolySelectTool's polygon, Escape drops it.
    pub fn key_up(&self, ev: &web_sys::KeyboardEvent) {
        if self.plot.poly.borrow().is_none() {
            return;
        }
        match ev.key().as_str() {
            "Enter" => self.close_poly(),
            "Escape" => {
                *self.plot.poly.borrow_mut() = None;
                self.plot.overlay.set(None);
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
        let Some(view) = self.plot.view() else {
            return;
        };
        let Some(tool) = self.tools.with_untracked(|t| t.scroll) else {
            return;
        };
        if let Some(tool_view) = self.view_of(tool) {
            tool_view.scroll(&self.plot, tool, &view, centre, pinch_delta(scale));
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
                self.plot.ranges_update();
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
        if let Some(drag) = drag {
            drag.end(&self.plot, at, press.dragged);
        }
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
        let Some(tool) = self.tools.with_untracked(|t| t.scroll) else {
            return;
        };
        let Some(tool_view) = self.view_of(tool) else {
            return;
        };
        // Without the keys its `modifiers` name, the wheel scrolls the page.
        let first = self
            .tools
            .with_untracked(|t| t.entry(tool).map(|e| e.tools[0]));
        let keys = first.map(|first| self.plot.page.read(|d| Modifiers::of(d, first)));
        if keys.is_some_and(|k| !k.met((ev.alt_key(), ev.ctrl_key(), ev.shift_key()))) {
            return;
        }
        let Some(view) = self.plot.view() else {
            return;
        };
        if tool_view.scroll(&self.plot, tool, &view, at, delta) {
            ev.prevent_default();
            self.plot.ranges_update();
        }
    }

    /// The ResetTool's reset: ranges back to where they began (see [`Navigation::reset`]).
    pub fn reset(&self) {
        let nav = self.plot.nav.clone();
        if let Err(e) = self.plot.page.update(|d| nav.borrow_mut().reset(d)) {
            log("reset", e);
        }
        self.plot.stepped();
        self.repaint.update(|n| *n += 1);
    }

    /// UndoTool's and RedoTool's `step` back or forward through the ranges pans and zooms
    /// left, with Bokeh's `RangesUpdate` when the ranges moved.
    fn step(&self, step: fn(&mut Navigation, &mut Document) -> Result<bool, DocumentError>) {
        let nav = self.plot.nav.clone();
        let stepped = self.plot.page.update(|d| {
            let moved = step(&mut nav.borrow_mut(), d)?;
            if moved {
                nav.borrow().ranges_update(d)?;
            }
            Ok::<_, DocumentError>(moved)
        });
        self.plot.stepped();
        match stepped {
            Ok(true) => self.repaint.update(|n| *n += 1),
            Ok(false) => {}
            Err(e) => log("undo or redo", e),
        }
    }

    /// A toolbar button pressed: reset, undo, redo, save and help act (the toolbar's own),
    /// as does a tool that acts at once (its view's); another goes on or off.
    pub fn press(&self, tool: AnyId, canvas: Option<web_sys::HtmlCanvasElement>) {
        let kind = self.tools.with_untracked(|t| t.kind(tool));
        let page = self.plot.page;
        match kind {
            Some(ToolKind::Reset) => self.reset(),
            Some(ToolKind::Undo) => self.step(Navigation::undo),
            Some(ToolKind::Redo) => self.step(Navigation::redo),
            Some(ToolKind::Save) => {
                if let Some(canvas) = canvas {
                    save(page, tool, &canvas);
                }
            }
            Some(ToolKind::Help) => {
                if let Some(t) = self.plot.typed::<HelpTool>(tool) {
                    let url = page.read(|d| d.get(t, HelpTool::REDIRECT));
                    if let Some(w) = web_sys::window() {
                        let _ = w.open_with_url_and_target(&url, "_blank");
                    }
                }
            }
            Some(k) if k.gesture() == Gesture::Action => {
                if let Some(tool_view) = self.view_of(tool) {
                    tool_view.press(&self.plot, tool);
                }
            }
            Some(_) => self.tools.update(|t| t.toggle(tool)),
            None => {}
        }
    }
}

/// Bokeh's SaveTool `tool`: downloads `canvas` under the tool's `filename`, else one
/// asked for.
pub(super) fn save(page: Page, tool: AnyId, canvas: &web_sys::HtmlCanvasElement) {
    let name = page
        .read(|d| d.typed_id::<SaveTool>(d.model_id(tool)))
        .and_then(|t| page.read(|d| d.get(t, SaveTool::FILENAME)));
    let name = name.or_else(|| {
        web_sys::window()
            .and_then(|w| {
                w.prompt_with_message_and_default("Enter filename", "bokeh_plot")
                    .ok()
            })
            .flatten()
    });
    if let Some(name) = name {
        save_png(canvas, &name);
    }
}

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

/// A tool button's icon, as markup: it is static, so the button takes it in one call out
/// to the browser (built element by element, it took a dozen).
fn icon_markup(kind: ToolKind) -> String {
    let path = icons::path(icon_name(kind)).unwrap_or_default();
    icons::svg(path, r#"width="18" height="18" stroke="currentColor""#)
}

/// The name of a tool's icon among Bokeh's built-in icons.
fn icon_name(kind: ToolKind) -> &'static str {
    match kind {
        ToolKind::Pan => "pan",
        ToolKind::WheelZoom => "wheel_zoom",
        ToolKind::BoxZoom => "box_zoom",
        ToolKind::ZoomIn => "zoom_in",
        ToolKind::ZoomOut => "zoom_out",
        ToolKind::Reset => "reset",
        ToolKind::Undo => "undo",
        ToolKind::Redo => "redo",
        ToolKind::Save => "save",
        ToolKind::Tap => "tap_select",
        ToolKind::BoxSelect => "box_select",
        ToolKind::LassoSelect => "lasso_select",
        ToolKind::PolySelect => "polygon_select",
        ToolKind::Crosshair => "crosshair",
        ToolKind::Hover => "hover",
        ToolKind::Help => "help",
        // It has no button (see `Gesture::Overlay`).
        ToolKind::Range => "range",
    }
}

/// The toolbar in the band the layout keeps for it at `place`, as BokehJS shows it: along
/// the frame, its buttons from the top on the left and right, to the right above and
/// below.
pub fn view(
    interaction: Interaction,
    place: Place,
    canvas: NodeRef<leptos::html::Canvas>,
    hidden: Signal<bool>,
) -> impl IntoView {
    let tools = interaction.tools;
    let band = interaction.band;
    // Until the first paint lays it out, at the plot's edge.
    let style = move || match (band.get(), place) {
        (Some(b), _) => format!(
            "left: {}px; top: {}px; width: {}px; height: {}px;",
            b.x, b.y, b.width, b.height
        ),
        (None, Place::Right) => "top: 0; right: 0;".to_owned(),
        (None, Place::Left | Place::Above) => "top: 0; left: 0;".to_owned(),
        (None, Place::Below) => "bottom: 0; left: 0;".to_owned(),
    };
    // The toolbar's tools are read once; which are active is reactive.
    let (entries, logo) = tools.with_untracked(|t| (t.tools.clone(), t.logo));
    let active = move |model| tools.with(|t| t.is_active(model));
    let steps = interaction.plot.steps;
    let disabled = move |kind| steps.with(|s| undoable(kind, s));
    let press = move |model| interaction.press(model, canvas.get_untracked());
    // Along the frame: down its height at a side, across its width above or below.
    let room = Signal::derive(move || {
        band.get().map(|b| match place {
            Place::Left | Place::Right => b.height,
            Place::Above | Place::Below => b.width,
        })
    });
    let contents = Contents {
        entries: &entries,
        logo,
        room,
    };
    strip(contents, place, style, hidden, active, disabled, press)
}

/// Whether a button of `kind` has nothing to do with the ranges' history `steps`: undo
/// without a state to go back to, redo without one undone.
pub(super) fn undoable(kind: ToolKind, steps: &Steps) -> bool {
    match kind {
        ToolKind::Undo => !steps.back,
        ToolKind::Redo => !steps.forward,
        _ => false,
    }
}

/// What a toolbar strip holds: its tools, its logo if any (where BokehJS shows Bokeh's,
/// rokeh's own mark), and the room along it once laid out (none: everything fits).
pub(super) struct Contents<'a> {
    pub entries: &'a [ToolInfo],
    pub logo: Option<Logo>,
    pub room: Signal<Option<f64>>,
}

/// A logo's and a button's lengths along a strip (CSS pixels), as BokehJS's: a logo 20 px
/// and its 5 px margin, a button 30 px, 1 px more for the divider before a group.
const LOGO_LENGTH: f64 = 25.0;
const BUTTON_LENGTH: f64 = 30.0;

/// A strip of tool buttons at `place`, positioned by `style`, after the logo, in
/// BokehJS's groups with a divider before each group but the first (drawn by CSS on its
/// first button, so that the strip is one flat list of buttons): one per entry, each
/// titled and named as Bokeh's tool is, pressed (`aria-pressed`) while `active` says so,
/// disabled while `disabled` says so of its kind (as BokehJS's undo and redo), `press`
/// called with its model on a click. What does not fit in the room, as BokehJS's
/// toolbar, is in a menu that its overflow button opens.
pub(super) fn strip(
    Contents {
        entries,
        logo,
        room,
    }: Contents<'_>,
    place: Place,
    style: impl Fn() -> String + Send + Sync + 'static,
    hidden: Signal<bool>,
    active: impl Fn(AnyId) -> bool + Copy + Send + Sync + 'static,
    disabled: impl Fn(ToolKind) -> bool + Copy + Send + Sync + 'static,
    press: impl Fn(AnyId) + Clone + 'static,
) -> impl IntoView {
    let items: Vec<(ToolInfo, bool)> = toolbar_groups(entries)
        .into_iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .into_iter()
                .enumerate()
                .map(move |(i, info)| (info, g > 0 && i == 0))
        })
        .collect();
    let lengths: Vec<f64> = logo
        .map(|_| LOGO_LENGTH)
        .into_iter()
        .chain(
            items
                .iter()
                .map(|&(_, starts)| BUTTON_LENGTH + f64::from(starts)),
        )
        .collect();
    let count = lengths.len();
    let fitting = Memo::new(move |_| room.get().map_or(count, |r| items_fitting(&lengths, r)));
    let skip = usize::from(logo.is_some());
    // `at`: the button's place among the strip's items, whose overflow hides it.
    let button = move |info: ToolInfo, starts_group: bool, at: usize| {
        let model = info.model;
        let kind = info.kind;
        let svg = icon_markup(info.kind);
        let action = info.kind.gesture() == Gesture::Action;
        // Pressed while active (an action, such as reset, is never pressed).
        let pressed: Writer = Rc::new(move |el| {
            let on = active(model);
            let _ = el.class_list().toggle_with_force("rk-active", on);
            let pressed = on.to_string();
            bind::attr(el, "aria-pressed", (!action).then_some(pressed.as_str()));
        });
        let press = press.clone();
        let overflowed = move || at >= fitting.get();
        view! {
            <button
                type="button"
                class=if starts_group { "rk-tool rk-group-start" } else { "rk-tool" }
                class:rk-overflowed=overflowed
                title=info.tooltip.clone()
                aria-label=info.tooltip
                use:bind=pressed
                disabled=move || disabled(kind)
                on:click=move |_| press(model)
                inner_html=svg
            ></button>
        }
    };
    let buttons = items
        .into_iter()
        .enumerate()
        .map(|(i, (info, starts))| button(info, starts, skip + i))
        .collect_view();
    // Decoration, left out of the accessibility tree.
    let logo = logo.map(|logo| {
        let class = match logo {
            Logo::Normal => "rk-logo",
            Logo::Grey => "rk-logo rk-grey",
        };
        view! {
            <span
                class=class
                class:rk-overflowed=move || fitting.get() == 0
                aria-hidden="true"
                inner_html=icons::LOGO
            ></span>
        }
    });
    // A strip down a side opens its menu across, and one along the top or bottom down.
    let (dots, menu_class) = match place {
        Place::Left | Place::Right => ("⋯", "rk-tool-menu rk-above"),
        Place::Above | Place::Below => ("⋮", "rk-tool-menu rk-right"),
    };
    let element =
        |target: Option<web_sys::EventTarget>| target?.dyn_into::<web_sys::Element>().ok();
    // Closed when the focus leaves it (a click anywhere else).
    let left = move |ev: leptos::ev::FocusEvent| {
        let Some(overflow) = element(ev.current_target()) else {
            return;
        };
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !overflow.contains(to.as_ref()) {
            show_menu(&overflow, false);
        }
    };
    let toggle = move |ev: leptos::ev::MouseEvent| {
        let overflow = element(ev.current_target()).and_then(|b| b.parent_element());
        if let Some(overflow) = overflow {
            let closed = overflow
                .last_element_child()
                .is_some_and(|m| m.has_attribute("hidden"));
            show_menu(&overflow, closed);
        }
    };
    // A press in the menu closes it, as BokehJS's.
    let pressed = move |ev: leptos::ev::MouseEvent| {
        if let Some(overflow) = element(ev.current_target()).and_then(|m| m.parent_element()) {
            show_menu(&overflow, false);
        }
    };
    let overflow = view! {
        <span
            class="rk-overflow"
            class:rk-overflowed=move || fitting.get() == count
            on:focusout=left
        >
            <button type="button" class="rk-tool-overflow" aria-label="More tools" aria-expanded="false" on:click=toggle>
                {dots}
            </button>
            <div class=menu_class hidden on:click=pressed></div>
        </span>
    };
    view! {
        <div
            class=format!("rk-toolbar rk-{}", place.name())
            class:rk-hidden=move || hidden.get()
            role="toolbar"
            aria-label="Plot tools"
            style=style
        >
            {logo}
            {buttons}
            {overflow}
        </div>
    }
}

/// Opens or closes the overflow menu of the strip that holds `overflow` (the menu's
/// button and the menu): as BokehJS's, the strip's logo and buttons that do not fit move
/// into the menu while it is open, and back (in their order, before it) when it closes.
fn show_menu(overflow: &web_sys::Element, open: bool) {
    let (Some(strip), Some(menu), Some(button)) = (
        overflow.parent_element(),
        overflow.last_element_child(),
        overflow.first_element_child(),
    ) else {
        return;
    };
    // Already open (or closed).
    if open != menu.has_attribute("hidden") {
        return;
    }
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if open {
        let _ = menu.remove_attribute("hidden");
        // The logo too, when even it does not fit, as BokehJS moves its logo.
        let rest = ":scope > .rk-overflowed:not(.rk-overflow)";
        if let Ok(rest) = strip.query_selector_all(rest) {
            for i in 0..rest.length() {
                rest.item(i).map(|b| menu.append_child(&b));
            }
        }
    } else {
        let _ = menu.set_attribute("hidden", "");
        while let Some(b) = menu.first_element_child() {
            let _ = strip.insert_before(&b, Some(overflow));
        }
    }
}
