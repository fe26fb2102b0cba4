//! The renderer's [`Surface`] on a canvas' 2D context, drawn as BokehJS draws: paths
//! filled and stroked with the context's own joins, caps and dashes, hatch patterns as
//! canvas patterns, text with `fillText` and measured with `measureText` (so labels size
//! the frame exactly as BokehJS sizes it), images through a scratch canvas without
//! smoothing, images fetched by URL as the `<img>` elements that hold them (see
//! [`super::images`]).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::core::Rgba;
use crate::models::TextAlign;
use crate::render::hatch::{Tile, TileCall};
use crate::render::{
    FillRule, Font, FontMetrics, Image, ImageSource, Layer, Path, Pattern, Placed, Plane, Rect,
    Retry, Stroke, Surface, TextMeasure, TextStyle,
};

use super::images::{FetchImages, Wake};
use super::window;

/// A canvas' context, and the state this surface set on it: kept from paint to paint while
/// the canvas keeps its size (resizing a canvas resets its context), so that each paint
/// sets only the styles that differ from what the last one left.
pub struct CanvasSurface {
    ctx: CanvasRenderingContext2d,
    width: u32,
    height: u32,
    /// A canvas for images and pattern tiles.
    scratch: Option<HtmlCanvasElement>,
    /// The context's font now: setting one parses its CSS, so it is set only when it
    /// changes. Empty when unknown.
    font: RefCell<String>,
    /// The rest of the context's drawing state as last set here.
    state: State,
    /// What `state` and `font` were at each open clip's `save()`, which its `restore()`
    /// puts back.
    saved: Vec<(State, String)>,
    /// The CSS of the fonts and colors this surface used lately: formatting one (a float
    /// in each) cost more than the canvas call it was for, and a figure uses a few.
    css: RefCell<CssMemo>,
    /// The layer with text last drawn in each plane (back, front), and a picture of it
    /// once it was drawn twice the same: a layer that keeps changing (ranges panned each
    /// frame) is drawn straight away, not first into a picture.
    kept: [Option<Kept>; 2],
    /// Paints the figure again when an image it asked for arrives.
    wake: Option<Wake>,
}

thread_local! {
    /// How images are fetched by URL, when the page draws any (see [`fetch_images_with`]).
    static FETCH: Cell<Option<FetchImages>> = const { Cell::new(None) };
    /// Counts paints, for the images kept (see [`super::images`]).
    static PAINTS: Cell<u64> = const { Cell::new(0) };
}

/// From now on canvases fetch images by URL with `fetch` (with the views that draw
/// them), or not at all.
pub fn fetch_images_with(fetch: Option<FetchImages>) {
    FETCH.set(fetch);
}

/// A furniture layer as last drawn, and a canvas for a picture of it alone.
struct Kept {
    layer: Layer,
    /// The fonts loaded when it was drawn: a web font arriving later changes how the
    /// same calls look.
    fonts: u32,
    /// Made once per plane and drawn again whenever a new layer has been drawn twice.
    picture: Option<Box<Picture>>,
    /// Whether `picture` shows `layer`.
    pictured: bool,
}

/// A canvas of its own for a layer, and the surface on it.
struct Picture {
    canvas: HtmlCanvasElement,
    surface: CanvasSurface,
}

#[wasm_bindgen]
extern "C" {
    /// A 2D context, for its style setters with a JS string made once: web-sys' take a
    /// `&str`, which the browser decodes from wasm's memory at every call.
    type Styles;
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_style(this: &Styles, value: &JsValue);
    #[wasm_bindgen(method, setter = strokeStyle)]
    fn set_stroke_style(this: &Styles, value: &JsValue);
}

/// Fonts with their CSS and colors with theirs as JS strings, a few of each.
#[derive(Default)]
struct CssMemo {
    fonts: Vec<(Font, Rc<str>)>,
    colors: Vec<(Rgba, JsValue)>,
}

impl CssMemo {
    /// More than a figure uses; past it, the memo starts again.
    const MOST: usize = 16;

    /// The entry of `key`, made by `css` if the memo has none.
    fn get<'m, K: PartialEq + Clone, V>(
        memo: &'m mut Vec<(K, V)>,
        key: &K,
        css: impl FnOnce() -> V,
    ) -> &'m V {
        match memo.iter().position(|(k, _)| k == key) {
            Some(at) => &memo[at].1,
            None => {
                if memo.len() >= CssMemo::MOST {
                    memo.clear();
                }
                memo.push((key.clone(), css()));
                &memo[memo.len() - 1].1
            }
        }
    }
}

/// The context's styles as this surface last set them, so that a paint sets only those
/// that change: each setter is a call out to the browser, and a figure strokes many
/// lines and draws many labels alike. `None`: not set yet (a new surface).
#[derive(Clone, Default)]
struct State {
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    width: Option<f64>,
    join: Option<&'static str>,
    cap: Option<&'static str>,
    dash: Option<(Vec<f64>, f64)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// Records `want` in `slot` and gives it back when it differs from what `slot` held (the
/// style must then be set); `None` when the context has it already.
fn differs<T: PartialEq>(slot: &mut Option<T>, want: T) -> Option<&T> {
    if slot.as_ref() == Some(&want) {
        return None;
    }
    Some(slot.insert(want))
}

impl CanvasSurface {
    pub fn new(ctx: CanvasRenderingContext2d, width: u32, height: u32) -> CanvasSurface {
        CanvasSurface {
            ctx,
            width,
            height,
            scratch: None,
            font: RefCell::default(),
            state: State::default(),
            saved: Vec::new(),
            css: RefCell::default(),
            kept: [None, None],
            wake: None,
        }
    }

    /// Calls `wake` when an image this surface asked for arrives.
    pub fn wake_with(&mut self, wake: Wake) {
        self.wake = Some(wake);
    }

    /// A new canvas the size of this one, for a picture of a layer.
    fn picture(&self) -> Option<Picture> {
        let canvas: HtmlCanvasElement = window::with_window(|w| w.document())??
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        canvas.set_width(self.width);
        canvas.set_height(self.height);
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let surface = CanvasSurface::new(ctx, self.width, self.height);
        Some(Picture { canvas, surface })
    }

    fn font_css(&self, font: &Font) -> Rc<str> {
        CssMemo::get(&mut self.css.borrow_mut().fonts, font, || font.css().into()).clone()
    }

    /// `set(context, color as a JS string)`.
    fn with_color(&self, color: Rgba, set: fn(&Styles, &JsValue)) {
        let mut memo = self.css.borrow_mut();
        set(
            self.ctx.unchecked_ref(),
            CssMemo::get(&mut memo.colors, &color, || color.to_css().into()),
        );
    }

    /// Clears the canvas for a new paint.
    pub fn clear(&self) {
        PAINTS.set(PAINTS.get() + 1);
        self.ctx
            .clear_rect(0.0, 0.0, f64::from(self.width), f64::from(self.height));
    }

    fn set_fill(&mut self, color: Rgba) {
        if let Some(&color) = differs(&mut self.state.fill, color) {
            self.with_color(color, Styles::set_fill_style);
        }
    }

    fn use_font(&self, css: &str) {
        let mut font = self.font.borrow_mut();
        if *font != css {
            self.ctx.set_font(css);
            css.clone_into(&mut font);
        }
    }

    fn trace(&self, path: &Path) {
        self.ctx.begin_path();
        for (points, closed) in path.subpaths() {
            let mut first = true;
            for &(x, y) in points {
                if first {
                    self.ctx.move_to(x, y);
                    first = false;
                } else {
                    self.ctx.line_to(x, y);
                }
            }
            if closed {
                self.ctx.close_path();
            }
        }
    }

    fn rule(rule: FillRule) -> web_sys::CanvasWindingRule {
        match rule {
            FillRule::NonZero => web_sys::CanvasWindingRule::Nonzero,
            FillRule::EvenOdd => web_sys::CanvasWindingRule::Evenodd,
        }
    }

    /// A scratch canvas holding `rgba` (straight RGBA), `width` × `height`.
    fn scratch_with(
        &mut self,
        rgba: &[u8],
        width: usize,
        height: usize,
    ) -> Option<HtmlCanvasElement> {
        if self.scratch.is_none() {
            let document = web_sys::window()?.document()?;
            self.scratch = document.create_element("canvas").ok()?.dyn_into().ok();
        }
        let canvas = self.scratch.clone()?;
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let data =
            ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width as u32, height as u32)
                .ok()?;
        ctx.put_image_data(&data, 0.0, 0.0).ok()?;
        Some(canvas)
    }
}

/// Draws a hatch tile on a canvas of its own with BokehJS's calls, so that its pixels are
/// the browser's own, as BokehJS's are (see [`crate::render::hatch::draw_tiles_with`]).
pub(crate) fn draw_tile(tile: &Tile) -> Option<Vec<u8>> {
    let canvas: HtmlCanvasElement = (web_sys::window()?.document()?)
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let size = tile.size as u32;
    canvas.set_width(size);
    canvas.set_height(size);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let css = tile.color.to_css();
    ctx.set_stroke_style_str(&css);
    ctx.set_fill_style_str(&css);
    ctx.set_line_cap("square");
    ctx.set_line_width(tile.weight);
    for call in &tile.calls {
        match *call {
            TileCall::MoveTo(x, y) => ctx.move_to(x, y),
            TileCall::LineTo(x, y) => ctx.line_to(x, y),
            TileCall::Circle((x, y), r) => {
                let _ = ctx.arc_with_anticlockwise(x, y, r, 0.0, std::f64::consts::TAU, true);
            }
            TileCall::Stroke => ctx.stroke(),
            TileCall::Fill => ctx.fill(),
        }
    }
    let size = f64::from(size);
    Some(ctx.get_image_data(0.0, 0.0, size, size).ok()?.data().0)
}

/// What text measured, by CSS font, kept across paints: a repaint mostly shows the same
/// labels in the same fonts, and each `measureText` is a call out to the browser.
#[derive(Default)]
struct Measured {
    /// Font metrics, as BokehJS caches them.
    metrics: HashMap<String, FontMetrics>,
    /// Widths of texts, by font then text.
    widths: HashMap<String, HashMap<String, f64>>,
    /// How many widths are kept: past [`Measured::MOST`] they are all dropped, so that
    /// labels that keep changing (a clock's) do not pile up.
    count: usize,
}

impl Measured {
    const MOST: usize = 4096;
}

thread_local! {
    static MEASURED: RefCell<Measured> = {
        forget_measures_when_fonts_load();
        RefCell::default()
    };
}

/// Text measured before a web font arrived was measured in a fallback font: when fonts
/// finish loading, everything measured is forgotten (and no kept picture is shown again).
fn forget_measures_when_fonts_load() {
    let Some(fonts) = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.fonts())
    else {
        return;
    };
    let forget = Closure::<dyn Fn()>::new(|| {
        MEASURED.with_borrow_mut(|m| *m = Measured::default());
        FONTS_LOADED.set(FONTS_LOADED.get() + 1);
    });
    // A listener, not `onloadingdone`: a host page that embeds the app may set that.
    let listening =
        fonts.add_event_listener_with_callback("loadingdone", forget.as_ref().unchecked_ref());
    if listening.is_ok() {
        forget.forget();
    }
}

impl TextMeasure for CanvasSurface {
    fn text_width(&self, text: &str, font: &Font) -> f64 {
        let css = self.font_css(font);
        let known = MEASURED.with_borrow(|m| m.widths.get(&*css)?.get(text).copied());
        if let Some(width) = known {
            return width;
        }
        self.use_font(&css);
        let width = self.ctx.measure_text(text).map_or(0.0, |m| m.width());
        MEASURED.with_borrow_mut(|m| {
            if m.count >= Measured::MOST {
                m.widths.clear();
                m.count = 0;
            }
            m.count += 1;
            m.widths
                .entry(css.to_string())
                .or_default()
                .insert(text.to_owned(), width);
        });
        width
    }

    /// As BokehJS's `font_metrics`: the font's ascent and descent, the heights of M and x.
    fn font_metrics(&self, font: &Font) -> FontMetrics {
        let key = self.font_css(font);
        if let Some(m) = MEASURED.with_borrow(|m| m.metrics.get(&*key).copied()) {
            return m;
        }
        self.use_font(&key);
        let measure = |t: &str| self.ctx.measure_text(t).ok();
        let m = match (measure("ÅŚg|"), measure("M"), measure("x")) {
            (Some(all), Some(cap), Some(x)) => FontMetrics {
                ascent: all.font_bounding_box_ascent(),
                descent: all.font_bounding_box_descent(),
                cap_height: cap.actual_bounding_box_ascent(),
                x_height: x.actual_bounding_box_ascent(),
            },
            _ => crate::render::Estimate.font_metrics(font),
        };
        MEASURED.with_borrow_mut(|measured| measured.metrics.insert(key.to_string(), m));
        m
    }
}

impl Surface for CanvasSurface {
    fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn fill(&mut self, path: &Path, color: Rgba, rule: FillRule) {
        self.trace(path);
        self.set_fill(color);
        self.ctx.fill_with_canvas_winding_rule(Self::rule(rule));
    }

    fn stroke(&mut self, path: &Path, stroke: &Stroke) {
        self.trace(path);
        if differs(&mut self.state.stroke, stroke.color).is_some() {
            self.with_color(stroke.color, Styles::set_stroke_style);
        }
        let (ctx, state) = (&self.ctx, &mut self.state);
        if let Some(&width) = differs(&mut state.width, stroke.width) {
            ctx.set_line_width(width);
        }
        if let Some(join) = differs(&mut state.join, stroke.join.name()) {
            ctx.set_line_join(join);
        }
        if let Some(cap) = differs(&mut state.cap, stroke.cap.name()) {
            ctx.set_line_cap(cap);
        }
        // Compared before cloned: a dashed grid strokes the same pattern many times.
        let same_dash = state.dash.as_ref().is_some_and(|(pattern, offset)| {
            *pattern == stroke.dash && *offset == stroke.dash_offset
        });
        if !same_dash {
            let dash = js_sys::Array::new();
            for d in &stroke.dash {
                dash.push(&(*d).into());
            }
            // A canvas refuses odd dash arrays only by ignoring them; never errors here.
            let _ = ctx.set_line_dash(&dash);
            ctx.set_line_dash_offset(stroke.dash_offset);
            state.dash = Some((stroke.dash.clone(), stroke.dash_offset));
        }
        ctx.stroke();
    }

    fn fill_pattern(&mut self, path: &Path, pattern: &Pattern, rule: FillRule) {
        let Some(tile) = self.scratch_with(&pattern.rgba, pattern.width, pattern.height) else {
            return;
        };
        if let Ok(Some(p)) = self
            .ctx
            .create_pattern_with_html_canvas_element(&tile, "repeat")
        {
            self.trace(path);
            self.ctx.set_fill_style_canvas_pattern(&p);
            self.state.fill = None;
            // The path is in place as traced; the tile is laid from the canvas' own
            // origin, as the native surface and BokehJS lay it: under the plot's half-pixel
            // shift it would be sampled between pixels, each line blurred over three.
            self.ctx.save();
            let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            self.ctx.fill_with_canvas_winding_rule(Self::rule(rule));
            self.ctx.restore();
        }
    }

    fn text(&mut self, text: &str, (x, y): (f64, f64), style: &TextStyle) {
        self.use_font(&self.font_css(&style.font));
        self.set_fill(style.color);
        let align = match style.align {
            TextAlign::Left => "left",
            TextAlign::Center => "center",
            TextAlign::Right => "right",
        };
        let (ctx, state) = (&self.ctx, &mut self.state);
        if let Some(align) = differs(&mut state.align, align) {
            ctx.set_text_align(align);
        }
        if let Some(baseline) = differs(&mut state.baseline, style.baseline.name()) {
            ctx.set_text_baseline(baseline);
        }
        if style.angle == 0.0 {
            let _ = ctx.fill_text(text, x, y);
        } else {
            ctx.save();
            let _ = ctx.translate(x, y);
            let _ = ctx.rotate(style.angle);
            let _ = ctx.fill_text(text, 0.0, 0.0);
            ctx.restore();
        }
    }

    fn image(&mut self, image: Image<'_>, dest: Rect) {
        let Some(canvas) = self.scratch_with(image.rgba, image.width, image.height) else {
            return;
        };
        self.ctx.set_image_smoothing_enabled(false);
        let _ = self.ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            &canvas,
            dest.x,
            dest.y,
            dest.width,
            dest.height,
        );
    }

    fn fetched(&mut self, image: ImageSource<'_>, fetch: Option<Retry>) -> Option<(u32, u32)> {
        let img = FETCH.get()?(image, fetch, self.wake.as_ref(), PAINTS.get())?;
        // A broken image has no size (BokehJS's test of one).
        let size = (img.natural_width(), img.natural_height());
        (size != (0, 0)).then_some(size)
    }

    fn draw_fetched(&mut self, image: ImageSource<'_>, placed: &Placed) {
        let Some(img) = FETCH
            .get()
            .and_then(|get| get(image, None, None, PAINTS.get()))
        else {
            return;
        };
        let Rect {
            x,
            y,
            width,
            height,
        } = placed.dest;
        // save/restore put back the alpha, smoothing and transform, none of which
        // `state` holds.
        self.ctx.save();
        self.ctx.set_global_alpha(placed.alpha);
        self.ctx.set_image_smoothing_enabled(placed.smooth);
        let _ = if placed.angle == 0.0 {
            self.ctx
                .draw_image_with_html_image_element_and_dw_and_dh(&img, x, y, width, height)
        } else {
            let (cx, cy) = placed.dest.center();
            let _ = self.ctx.translate(cx, cy);
            let _ = self.ctx.rotate(placed.angle);
            self.ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                -width / 2.0,
                -height / 2.0,
                width,
                height,
            )
        };
        self.ctx.restore();
    }

    fn push_clip(&mut self, rect: Rect) {
        let font = self.font.borrow().clone();
        self.saved.push((self.state.clone(), font));
        self.ctx.save();
        self.ctx.begin_path();
        self.ctx.rect(rect.x, rect.y, rect.width, rect.height);
        self.ctx.clip();
    }

    fn pop_clip(&mut self) {
        self.ctx.restore();
        // As the context restored its own: unknown if this surface never saw the save.
        let (state, font) = self.saved.pop().unwrap_or_default();
        self.state = state;
        *self.font.borrow_mut() = font;
    }

    fn translate(&mut self, dx: f64, dy: f64) {
        let _ = self.ctx.translate(dx, dy);
    }

    fn layer(&mut self, plane: Plane, layer: &Layer) {
        let slot = plane as usize;
        if !layer.has_text() {
            layer.replay(self);
            self.kept[slot] = None;
            return;
        }
        let fonts = FONTS_LOADED.get();
        let mut kept = match self.kept[slot].take() {
            Some(k) if k.layer == *layer && k.fonts == fonts => k,
            other => {
                layer.replay(self);
                self.kept[slot] = Some(Kept {
                    layer: layer.clone(),
                    fonts,
                    picture: other.and_then(|k| k.picture),
                    pictured: false,
                });
                return;
            }
        };
        if kept.picture.is_none() {
            kept.picture = self.picture().map(Box::new);
        }
        match &mut kept.picture {
            Some(picture) => {
                if !kept.pictured {
                    picture.surface.clear();
                    kept.layer.replay(&mut picture.surface);
                    kept.pictured = true;
                }
                // Drawn at the identity transform: each layer undoes its own moves.
                let _ = self
                    .ctx
                    .draw_image_with_html_canvas_element(&picture.canvas, 0.0, 0.0);
                KEPT_SHOWN.set(KEPT_SHOWN.get() + 1);
            }
            None => kept.layer.replay(self),
        }
        self.kept[slot] = Some(kept);
    }
}

thread_local! {
    /// How many times fonts finished loading on the page.
    static FONTS_LOADED: Cell<u32> = const { Cell::new(0) };
    /// How many furniture layers were shown from a kept picture (for tests).
    static KEPT_SHOWN: Cell<u64> = const { Cell::new(0) };
}

/// How many times fonts finished loading on the page: text measured before was measured
/// in a fallback font.
pub fn fonts_loaded() -> u64 {
    FONTS_LOADED.get().into()
}

/// How many furniture layers were shown from a kept picture instead of drawn.
pub fn kept_layers_shown() -> u64 {
    KEPT_SHOWN.get()
}
