//! The [`Surface`] on any plotters `DrawingBackend`: shapes go through rokeh's own
//! rasteriser (joins, caps, dashes, holes, anti-aliased edges) and reach the backend as
//! blended pixels; text is drawn with plotters' fonts (natively, the one registered as
//! [`FONT_FAMILY`]), turned to any angle; text is measured with [`super::text`]'s
//! Helvetica metrics, as `figure_layout` measures it.

use plotters::style::{FontFamily, FontStyle as PlottersFontStyle, IntoFont, TextStyle};
use plotters_backend::{BackendColor, BackendTextStyle, DrawingBackend};

use crate::core::Rgba;
use crate::models::{FontStyle, TextAlign, TextBaseline};

use super::raster::{stroke_polygons, Coverage, IRect};
use super::surface::{
    FillRule, Font, FontMetrics, Image, Path, Pattern, Rect, Stroke, Surface, TextMeasure,
    TextStyle as Style,
};
use super::text::Estimate;

/// The font family the native backends draw every text in. Natively plotters draws text
/// only with fonts registered by name (its `ab_glyph` feature and `register_font`); the
/// page uses the browser's fonts and the family the document names.
pub const FONT_FAMILY: &str = "helvetica";

/// A surface painting on `backend`; the first backend error is kept for the caller.
pub(crate) struct OnBackend<'a, DB: DrawingBackend> {
    backend: &'a mut DB,
    clips: Vec<IRect>,
    /// Where the origin is, as `translate` moved it.
    shift: (f64, f64),
    pub error: Option<String>,
}

impl<'a, DB: DrawingBackend> OnBackend<'a, DB> {
    pub fn new(backend: &'a mut DB) -> OnBackend<'a, DB> {
        OnBackend {
            backend,
            clips: Vec::new(),
            shift: (0.0, 0.0),
            error: None,
        }
    }

    fn clip(&self) -> IRect {
        let (w, h) = self.backend.get_size();
        let whole = IRect {
            x0: 0,
            y0: 0,
            x1: w as i32,
            y1: h as i32,
        };
        self.clips.last().copied().unwrap_or(whole)
    }

    fn pixel(&mut self, x: i32, y: i32, rgb: (u8, u8, u8), alpha: f64) {
        if alpha <= 0.0 || self.error.is_some() {
            return;
        }
        let color = BackendColor {
            alpha: alpha.min(1.0),
            rgb,
        };
        if let Err(e) = self.backend.draw_pixel((x, y), color) {
            self.error = Some(e.to_string());
        }
    }

    fn coverage(&self, path: &Path, rule: FillRule) -> Coverage {
        if self.shift == (0.0, 0.0) {
            let polys = path.subpaths().map(|(points, _)| points);
            return Coverage::fill(polys, rule, self.clip());
        }
        let polys: Vec<Vec<(f64, f64)>> = path
            .subpaths()
            .map(|(points, _)| self.shifted(points))
            .collect();
        Coverage::fill(polys.iter().map(Vec::as_slice), rule, self.clip())
    }

    fn shifted(&self, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        let (dx, dy) = self.shift;
        points.iter().map(|&(x, y)| (x + dx, y + dy)).collect()
    }

    fn paint(&mut self, coverage: &Coverage, color: Rgba) {
        for (x, y, c) in coverage.pixels() {
            self.pixel(
                x,
                y,
                (color.r, color.g, color.b),
                color.alpha * f64::from(c),
            );
        }
    }
}

fn plotters_style(style: FontStyle) -> PlottersFontStyle {
    match style {
        FontStyle::Normal => PlottersFontStyle::Normal,
        FontStyle::Italic => PlottersFontStyle::Italic,
        FontStyle::Bold | FontStyle::BoldItalic => PlottersFontStyle::Bold,
    }
}

impl<DB: DrawingBackend> TextMeasure for OnBackend<'_, DB> {
    fn text_width(&self, text: &str, font: &Font) -> f64 {
        Estimate.text_width(text, font)
    }

    fn font_metrics(&self, font: &Font) -> FontMetrics {
        Estimate.font_metrics(font)
    }
}

impl<DB: DrawingBackend> Surface for OnBackend<'_, DB> {
    fn size(&self) -> (u32, u32) {
        self.backend.get_size()
    }

    fn fill(&mut self, path: &Path, color: Rgba, rule: FillRule) {
        let coverage = self.coverage(path, rule);
        self.paint(&coverage, color);
    }

    fn stroke(&mut self, path: &Path, stroke: &Stroke) {
        let mut polys = stroke_polygons(path, stroke);
        if self.shift != (0.0, 0.0) {
            for poly in &mut polys {
                *poly = self.shifted(poly);
            }
        }
        let coverage = Coverage::fill(
            polys.iter().map(Vec::as_slice),
            FillRule::NonZero,
            self.clip(),
        );
        self.paint(&coverage, stroke.color);
    }

    fn fill_pattern(&mut self, path: &Path, pattern: &Pattern, rule: FillRule) {
        let coverage = self.coverage(path, rule);
        for (x, y, c) in coverage.pixels() {
            let [r, g, b, a] = pattern.at(i64::from(x), i64::from(y));
            self.pixel(x, y, (r, g, b), f64::from(a) / 255.0 * f64::from(c));
        }
    }

    fn text(&mut self, text: &str, (x, y): (f64, f64), style: &Style) {
        let (x, y) = (x + self.shift.0, y + self.shift.1);
        if text.is_empty() || style.color.alpha <= 0.0 {
            return;
        }
        let width = self.text_width(text, &style.font);
        let m = self.font_metrics(&style.font);
        let dx = match style.align {
            TextAlign::Left => 0.0,
            TextAlign::Center => -width / 2.0,
            TextAlign::Right => -width,
        };
        // From the anchor down to the baseline.
        let dy = match style.baseline {
            TextBaseline::Top | TextBaseline::Hanging => m.ascent,
            TextBaseline::Middle => (m.ascent - m.descent) / 2.0,
            TextBaseline::Bottom | TextBaseline::Ideographic => -m.descent,
            TextBaseline::Alphabetic => 0.0,
        };
        let font = (
            FontFamily::Name(FONT_FAMILY),
            style.font.size,
            plotters_style(style.font.style),
        )
            .into_font();
        let color = plotters::style::RGBAColor(
            style.color.r,
            style.color.g,
            style.color.b,
            style.color.alpha,
        );
        let text_style = TextStyle::from(font).color(&color);
        // plotters' fonts put the baseline half the font size below the position.
        let half = (style.font.size / 2.0).round() as i32;
        let (sin, cos) = style.angle.sin_cos();
        let mut pixels = Vec::new();
        let drawn = text_style.draw(text, (0, -half), |px, py, color| {
            pixels.push((px, py, color));
            Ok::<(), std::convert::Infallible>(())
        });
        if let Err(e) = drawn {
            self.error.get_or_insert_with(|| e.to_string());
            return;
        }
        for (px, py, color) in pixels {
            // Pixel centres, relative to the anchor, turned about it.
            let (lx, ly) = (f64::from(px) + 0.5 + dx, f64::from(py) + 0.5 + dy);
            let (tx, ty) = (x + lx * cos - ly * sin, y + lx * sin + ly * cos);
            let (ix, iy) = (tx.floor() as i32, ty.floor() as i32);
            let clip = self.clip();
            if ix >= clip.x0 && ix < clip.x1 && iy >= clip.y0 && iy < clip.y1 {
                self.pixel(ix, iy, color.rgb, color.alpha);
            }
        }
    }

    fn image(&mut self, image: Image<'_>, dest: Rect) {
        let dest = Rect::new(
            dest.x + self.shift.0,
            dest.y + self.shift.1,
            dest.width,
            dest.height,
        );
        if image.width == 0 || image.height == 0 || !(dest.width > 0.0 && dest.height > 0.0) {
            return;
        }
        let area =
            IRect::around(dest.x, dest.y, dest.right(), dest.bottom()).intersect(self.clip());
        let (sx, sy) = (
            image.width as f64 / dest.width,
            image.height as f64 / dest.height,
        );
        for y in area.y0..area.y1 {
            for x in area.x0..area.x1 {
                let (cx, cy) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
                if !dest.contains((cx, cy)) {
                    continue;
                }
                let u = ((cx - dest.x) * sx).floor() as usize;
                let v = ((cy - dest.y) * sy).floor() as usize;
                let (u, v) = (u.min(image.width - 1), v.min(image.height - 1));
                let i = 4 * (v * image.width + u);
                let p = &image.rgba[i..i + 4];
                self.pixel(x, y, (p[0], p[1], p[2]), f64::from(p[3]) / 255.0);
            }
        }
    }

    fn push_clip(&mut self, rect: Rect) {
        let rect = Rect::new(
            rect.x + self.shift.0,
            rect.y + self.shift.1,
            rect.width,
            rect.height,
        );
        let r = IRect {
            x0: rect.x.round() as i32,
            y0: rect.y.round() as i32,
            x1: rect.right().round() as i32,
            y1: rect.bottom().round() as i32,
        };
        let clip = self.clip().intersect(r);
        self.clips.push(clip);
    }

    fn pop_clip(&mut self) {
        self.clips.pop();
    }

    fn translate(&mut self, dx: f64, dy: f64) {
        self.shift = (self.shift.0 + dx, self.shift.1 + dy);
    }
}
