//! The renderer's [`Surface`] on a canvas' 2D context, drawn as BokehJS draws: paths
//! filled and stroked with the context's own joins, caps and dashes, hatch patterns as
//! canvas patterns, text with `fillText` and measured with `measureText` (so labels size
//! the frame exactly as BokehJS sizes it), images through a scratch canvas without
//! smoothing.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::core::Rgba;
use crate::models::TextAlign;
use crate::render::{
    FillRule, Font, FontMetrics, Image, Path, Pattern, Rect, Stroke, Surface, TextMeasure,
    TextStyle,
};

pub struct CanvasSurface {
    ctx: CanvasRenderingContext2d,
    width: u32,
    height: u32,
    /// A canvas for images and pattern tiles.
    scratch: Option<HtmlCanvasElement>,
    /// Font metrics by CSS font, as BokehJS caches them.
    metrics: RefCell<HashMap<String, FontMetrics>>,
    /// The context's font now: setting one parses its CSS, so it is set only when it
    /// changes. Empty when unknown (a clip's restore may have put back an older one).
    font: RefCell<String>,
}

fn css(c: Rgba) -> String {
    format!("rgba({},{},{},{})", c.r, c.g, c.b, c.alpha)
}

impl CanvasSurface {
    pub fn new(ctx: CanvasRenderingContext2d, width: u32, height: u32) -> CanvasSurface {
        CanvasSurface {
            ctx,
            width,
            height,
            scratch: None,
            metrics: RefCell::default(),
            font: RefCell::default(),
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

impl TextMeasure for CanvasSurface {
    fn text_width(&self, text: &str, font: &Font) -> f64 {
        self.use_font(&font.css());
        self.ctx.measure_text(text).map_or(0.0, |m| m.width())
    }

    /// As BokehJS's `font_metrics`: the font's ascent and descent, the heights of M and x.
    fn font_metrics(&self, font: &Font) -> FontMetrics {
        let key = font.css();
        if let Some(m) = self.metrics.borrow().get(&key) {
            return *m;
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
        self.metrics.borrow_mut().insert(key, m);
        m
    }
}

impl Surface for CanvasSurface {
    fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn fill(&mut self, path: &Path, color: Rgba, rule: FillRule) {
        self.trace(path);
        self.ctx.set_fill_style_str(&css(color));
        self.ctx.fill_with_canvas_winding_rule(Self::rule(rule));
    }

    fn stroke(&mut self, path: &Path, stroke: &Stroke) {
        self.trace(path);
        let ctx = &self.ctx;
        ctx.set_stroke_style_str(&css(stroke.color));
        ctx.set_line_width(stroke.width);
        ctx.set_line_join(stroke.join.name());
        ctx.set_line_cap(stroke.cap.name());
        let dash = js_sys::Array::new();
        for d in &stroke.dash {
            dash.push(&(*d).into());
        }
        // A canvas refuses odd dash arrays only by ignoring them; never errors here.
        let _ = ctx.set_line_dash(&dash);
        ctx.set_line_dash_offset(stroke.dash_offset);
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
            self.ctx.fill_with_canvas_winding_rule(Self::rule(rule));
        }
    }

    fn text(&mut self, text: &str, (x, y): (f64, f64), style: &TextStyle) {
        self.use_font(&style.font.css());
        let ctx = &self.ctx;
        ctx.set_fill_style_str(&css(style.color));
        ctx.set_text_align(match style.align {
            TextAlign::Left => "left",
            TextAlign::Center => "center",
            TextAlign::Right => "right",
        });
        ctx.set_text_baseline(style.baseline.name());
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

    fn push_clip(&mut self, rect: Rect) {
        self.ctx.save();
        self.ctx.begin_path();
        self.ctx.rect(rect.x, rect.y, rect.width, rect.height);
        self.ctx.clip();
    }

    fn pop_clip(&mut self) {
        self.ctx.restore();
        self.font.borrow_mut().clear();
    }

    fn translate(&mut self, dx: f64, dy: f64) {
        let _ = self.ctx.translate(dx, dy);
    }
}
