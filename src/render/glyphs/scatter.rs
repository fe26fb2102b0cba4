//! Scatter: a marker (every Bokeh marker type) at each point, `size` screen pixels
//! across, turned by `angle`. Markers are rasterised: each distinct style is drawn once
//! into a sprite, the sprites stamped into one pixel buffer over the frame, and the buffer
//! drawn once, so a million markers are a million small copies, not a million canvas
//! paths. Hatched markers (patterns anchored to the canvas) are drawn as paths.

use std::collections::HashMap;

use crate::core::Rgba;
use crate::models::MarkerType;
use crate::render::figure::HALF_PIXEL;
use crate::render::ranges::Bounds;
use crate::render::raster::{stroke_polygons, Coverage, IRect, Pixels, Sprite};
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Uniform};
use crate::render::surface::{FillRule, Image, Path, Rect, Stroke, Surface};
use crate::render::RenderError;

use super::markers::{place, shape};
use super::{bounds_of, each_row, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(Scatter {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        size: s.numbers("size")?,
        angle: s.angles("angle")?,
        marker: s.values("marker")?,
        visuals: AreaVisuals::read(s)?,
        hit_dilation: s.r.number(s.model, "hit_dilation").unwrap_or(1.0),
        len: s.rows.len,
    }))
}

pub(crate) struct Scatter<'d> {
    pub x: Numbers<'d>,
    pub y: Numbers<'d>,
    pub size: Numbers<'d>,
    pub angle: Numbers<'static>,
    pub marker: Uniform<MarkerType>,
    pub visuals: AreaVisuals,
    pub hit_dilation: f64,
    pub len: usize,
}

/// Sub-pixel positions per axis a marker's sprite is drawn at: a marker lands within an
/// eighth of a pixel of where it belongs (thin crosses stay crisp or soft as the canvas
/// draws them).
const PHASES: usize = 4;

/// Which of the [`PHASES`] a fraction of a pixel (0 ≤ f < 1) falls in.
fn phase(f: f64) -> usize {
    ((f * PHASES as f64) as usize).min(PHASES - 1)
}

/// What makes two markers look the same: one sprite serves them all.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Style {
    marker: MarkerType,
    size: u64,
    angle: u64,
    fill: Option<[u8; 4]>,
    line: Option<([u8; 4], u64, [u64; 2])>,
}

fn rgba_key(c: Rgba) -> [u8; 4] {
    [c.r, c.g, c.b, (c.alpha * 255.0).round() as u8]
}

impl Scatter<'_> {
    fn style(&self, i: usize, dpr: f64) -> Style {
        let line = self.visuals.line.stroke(i, dpr).map(|s| {
            let dash = s
                .dash
                .iter()
                .take(2)
                .map(|d| d.to_bits())
                .collect::<Vec<_>>();
            (
                rgba_key(s.color),
                s.width.to_bits(),
                [
                    dash.first().copied().unwrap_or(0),
                    dash.get(1).copied().unwrap_or(0),
                ],
            )
        });
        Style {
            marker: self.marker.get(i),
            size: (self.size.get(i) * dpr).to_bits(),
            angle: self.angle.get(i).to_bits(),
            fill: self.visuals.fill.color(i).map(rgba_key),
            line,
        }
    }

    /// Whether every row looks the same.
    fn uniform(&self) -> bool {
        matches!(self.size, Numbers::Scalar(_))
            && matches!(self.angle, Numbers::Scalar(_))
            && matches!(self.marker, Uniform::Scalar(_))
            && self.visuals.fill.is_uniform()
            && self.visuals.line.is_uniform()
    }

    /// Row `i`'s marker drawn as paths on `surface` at (sx, sy), `size` device pixels.
    fn draw_one(
        &self,
        surface: &mut dyn Surface,
        i: usize,
        (sx, sy): (f64, f64),
        size: f64,
        dpr: f64,
    ) {
        let angle = self.angle.get(i);
        let r = size / 2.0;
        let s = shape(self.marker.get(i), r);
        let mut body = Path::new();
        place(&s.body, (sx, sy), angle, &mut body);
        if !body.is_empty() {
            if let Some(c) = self.visuals.fill.color(i) {
                surface.fill(&body, c, FillRule::NonZero);
            }
            if let Some(pattern) = self.visuals.hatch.pattern(i, dpr) {
                surface.fill_pattern(&body, &pattern, FillRule::NonZero);
            }
        }
        let stroke = self.visuals.line.stroke(i, dpr);
        if let Some(stroke) = &stroke {
            place(&s.lines, (sx, sy), angle, &mut body);
            surface.stroke(&body, stroke);
        }
        if s.dot {
            if let Some(stroke) = &stroke {
                let mut dot = Path::new();
                dot.circle((sx, sy), r / 4.0);
                surface.fill(&dot, stroke.color, FillRule::NonZero);
            }
        }
    }

    /// A sprite of row `i`'s marker, centred within its anchor pixel at sub-pixel
    /// `phase` (see [`phase`]).
    fn sprite(&self, i: usize, dpr: f64, (px, py): (usize, usize)) -> Sprite {
        let size = self.size.get(i) * dpr;
        let r = size / 2.0;
        let stroke = self.visuals.line.stroke(i, dpr);
        let reach = r + stroke.as_ref().map_or(0.0, |s| s.width) + 2.0;
        let half = reach.ceil().clamp(1.0, 2048.0) as i32;
        let side = (2 * half + 1) as usize;
        let mut sprite = Sprite::empty(side, side, (half, half));
        let offset = |k: usize| (k as f64 + 0.5) / PHASES as f64;
        let center = (f64::from(half) + offset(px), f64::from(half) + offset(py));
        let clip = IRect {
            x0: 0,
            y0: 0,
            x1: side as i32,
            y1: side as i32,
        };
        let angle = self.angle.get(i);
        let s = shape(self.marker.get(i), r);
        let mut body = Path::new();
        place(&s.body, center, angle, &mut body);
        if let Some(c) = self.visuals.fill.color(i) {
            let cov = Coverage::fill(body.subpaths().map(|(p, _)| p), FillRule::NonZero, clip);
            sprite.paint(&cov, c);
        }
        if let Some(stroke) = &stroke {
            place(&s.lines, center, angle, &mut body);
            paint_stroke(&mut sprite, &body, stroke, clip);
            if s.dot {
                let mut dot = Path::new();
                dot.circle(center, r / 4.0);
                let cov = Coverage::fill(dot.subpaths().map(|(p, _)| p), FillRule::NonZero, clip);
                sprite.paint(&cov, stroke.color);
            }
        }
        sprite
    }

    /// Rasterises the rows into a buffer over the frame and draws it.
    fn paint_raster(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) {
        let dpr = p.maps.scale;
        let frame = p.frame;
        let (x0, y0) = (frame.x.floor(), frame.y.floor());
        let width = (frame.right().ceil() - x0).max(0.0) as usize;
        let height = (frame.bottom().ceil() - y0).max(0.0) as usize;
        if width == 0 || height == 0 {
            return;
        }
        let mut pixels = Pixels::new(width, height);
        let (xs, ys) = (&p.maps.x, &p.maps.y);
        // The surface draws everything half a CSS pixel off (see `HALF_PIXEL`); the
        // buffer lands on whole device pixels, so the markers carry the shift instead.
        let half = HALF_PIXEL * dpr;
        let (ox, oy) = (x0 - half, y0 - half);
        let at = |x: f64, y: f64| -> Option<(i32, i32, usize)> {
            let (sx, sy) = (xs.apply(x) - ox, ys.apply(y) - oy);
            if sx.is_finite() && sy.is_finite() {
                let (fx, fy) = (sx.floor(), sy.floor());
                let k = phase(sy - fy) * PHASES + phase(sx - fx);
                Some((fx as i32, fy as i32, k))
            } else {
                None
            }
        };
        if self.uniform() {
            let mut sprites: Vec<Option<Sprite>> = (0..PHASES * PHASES).map(|_| None).collect();
            let mut stamp = |pixels: &mut Pixels, (ix, iy, k): (i32, i32, usize)| {
                let sprite =
                    sprites[k].get_or_insert_with(|| self.sprite(0, dpr, (k % PHASES, k / PHASES)));
                pixels.stamp(sprite, ix, iy);
            };
            if let (None, Some(x), Some(y)) = (rows, self.x.as_slice(), self.y.as_slice()) {
                // The hot loop of a million points: straight through the columns.
                for (&x, &y) in x.iter().zip(y) {
                    if let Some(a) = at(x, y) {
                        stamp(&mut pixels, a);
                    }
                }
            } else {
                for i in each_row(rows, self.len) {
                    if let Some(a) = at(self.x.get(i), self.y.get(i)) {
                        stamp(&mut pixels, a);
                    }
                }
            }
        } else {
            let mut sprites: HashMap<(Style, usize), Sprite> = HashMap::new();
            for i in each_row(rows, self.len) {
                let size = self.size.get(i);
                if !(size.is_finite() && size > 0.0 && self.angle.get(i).is_finite()) {
                    continue;
                }
                let Some((ix, iy, k)) = at(self.x.get(i), self.y.get(i)) else {
                    continue;
                };
                let key = (self.style(i, dpr), k);
                if sprites.len() > 4096 && !sprites.contains_key(&key) {
                    sprites.clear();
                }
                let sprite = sprites
                    .entry(key)
                    .or_insert_with(|| self.sprite(i, dpr, (k % PHASES, k / PHASES)));
                pixels.stamp(sprite, ix, iy);
            }
        }
        if pixels.is_blank() {
            return;
        }
        let rgba = pixels.to_straight_rgba();
        let image = Image {
            width,
            height,
            rgba: &rgba,
        };
        p.surface
            .image(image, Rect::new(ox, oy, width as f64, height as f64));
    }
}

/// Paints `stroke` of `path` into a sprite.
fn paint_stroke(sprite: &mut Sprite, path: &Path, stroke: &Stroke, clip: IRect) {
    let polys = stroke_polygons(path, stroke);
    let cov = Coverage::fill(polys.iter().map(Vec::as_slice), FillRule::NonZero, clip);
    sprite.paint(&cov, stroke.color);
}

impl GlyphView for Scatter<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        if self.visuals.hatch.doit() {
            let dpr = p.maps.scale;
            for i in each_row(rows, self.len) {
                let (sx, sy) = p.maps.point(self.x.get(i), self.y.get(i));
                let size = self.size.get(i) * dpr;
                if sx.is_finite() && sy.is_finite() && size > 0.0 {
                    self.draw_one(p.surface, i, (sx, sy), size, dpr);
                }
            }
        } else {
            self.paint_raster(p, rows);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        let size = rect.width.min(rect.height) * 0.4;
        let i = row.unwrap_or(0);
        self.draw_one(p.surface, i, rect.center(), size, p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, (x, y): (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| {
                let (sx, sy) = maps.point(self.x.get(i), self.y.get(i));
                let half = self.size.get(i) * maps.scale / 2.0 * self.hit_dilation;
                (sx - x).abs() <= half && (sy - y).abs() <= half
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
