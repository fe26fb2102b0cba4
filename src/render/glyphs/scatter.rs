//! Scatter: a marker (every Bokeh marker type) at each point, `size` screen pixels
//! across, turned by `angle`. Many markers are rasterised: each distinct style is drawn
//! once into a sprite, the sprites stamped into one pixel buffer over the part of the
//! frame they reach, and the buffer drawn once, so a million markers are a million small
//! copies, not a million canvas paths. A few hundred markers, and hatched ones (patterns
//! anchored to the canvas), are drawn as paths, one by one, as BokehJS draws them.

use std::collections::HashMap;

use crate::core::Rgba;
use crate::models::MarkerType;
use crate::render::figure::HALF_PIXEL;
use crate::render::ranges::Bounds;
use crate::render::raster::{
    stroke_polygons, Counts, Coverage, Depth, DepthSprite, IRect, Pixels, Sprite, Under, TILE,
};
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Uniform};
use crate::render::surface::{FillRule, Image, Path, Rect, Stroke, Surface};
use crate::render::RenderError;

use super::markers::{place, shape};
use super::{bounds_of, each_row, points_in, AreaVisuals, GlyphInput, GlyphView, Paint};
use crate::render::region::Region;

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
/// draws them). Dense markers of one colour, counted on a grid, use 2 (within a quarter
/// pixel), or 1 (whole pixels) where there are more markers than pixels.
const PHASES: usize = 4;

/// Up to this many markers are drawn as paths, one by one; past it, rasterising them into
/// one buffer costs less (in the page the two meet near 400 markers). A page whose
/// scatters are small then paints first without compiling the rasteriser.
const PATHS_AT_MOST: usize = 400;

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

    /// A sprite of row `i`'s marker, centred within its anchor pixel at the fractions
    /// `(fx, fy)` of it (see [`phase_offsets`]).
    fn sprite(&self, i: usize, dpr: f64, (fx, fy): (f64, f64)) -> Sprite {
        let size = self.size.get(i) * dpr;
        let r = size / 2.0;
        let stroke = self.visuals.line.stroke(i, dpr);
        let half = half_side(size, stroke.as_ref());
        let side = (2 * half + 1) as usize;
        let mut sprite = Sprite::empty(side, side, (half, half));
        let center = (f64::from(half) + fx, f64::from(half) + fy);
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

    /// The markers one by one as paths on the surface, as BokehJS draws them: a few
    /// markers, or hatched ones (the patterns are the surface's). Out of line (see the
    /// module docs of `render`).
    #[inline(never)]
    fn paint_paths(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) {
        let dpr = p.maps.scale;
        for i in each_row(rows, self.len) {
            let (sx, sy) = p.maps.point(self.x.get(i), self.y.get(i));
            let size = self.size.get(i) * dpr;
            if sx.is_finite() && sy.is_finite() && size > 0.0 {
                self.draw_one(p.surface, i, (sx, sy), size, dpr);
            }
        }
    }

    /// Rasterises the rows into a buffer over the part of the frame they reach, and draws
    /// it.
    fn paint_raster(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) {
        let dpr = p.maps.scale;
        let frame = p.frame;
        let (x0, y0) = (frame.x.floor(), frame.y.floor());
        let width = (frame.right().ceil() - x0).max(0.0) as usize;
        let height = (frame.bottom().ceil() - y0).max(0.0) as usize;
        if width == 0 || height == 0 {
            return;
        }
        // The surface draws everything half a CSS pixel off (see `HALF_PIXEL`); the
        // buffer lands on whole device pixels, so the markers carry the shift instead.
        let half = HALF_PIXEL * dpr;
        let frame_place = Place {
            maps: &p.maps,
            origin: (x0 - half, y0 - half),
            corner: (0, 0),
        };
        let Some(window) = self.window(&frame_place, rows, (width, height), dpr) else {
            return;
        };
        let place = Place {
            corner: (window.x0, window.y0),
            ..frame_place
        };
        let size = (
            (window.x1 - window.x0) as usize,
            (window.y1 - window.y0) as usize,
        );
        let rgba = match self.single_colour(dpr) {
            Some(colour) => self.stack(&place, rows, (width, height), size, colour, dpr),
            None => self.stamp(&place, rows, size, dpr).into_straight_rgba(),
        };
        if rgba.chunks_exact(4).all(|p| p[3] == 0) {
            return;
        }
        let image = Image {
            width: size.0,
            height: size.1,
            rgba: &rgba,
        };
        // As the markers: whole device pixels, less the surface's shift.
        let dest = Rect::new(
            (x0 + f64::from(window.x0)) - half,
            (y0 + f64::from(window.y0)) - half,
            size.0 as f64,
            size.1 as f64,
        );
        p.surface.image(image, dest);
    }

    /// The part of the frame (`width` × `height` pixels from its corner) the markers'
    /// ink may reach, `None` if none: the pixels they land on, each widened by its
    /// sprite's half side. Finding it costs a pass placing every marker, which repays
    /// itself in the buffers, conversion and copy a small or clustered scatter no longer
    /// spans the frame for; as many markers as pixels likely cover the frame, taken whole.
    fn window(
        &self,
        place: &Place<'_>,
        rows: Option<&[usize]>,
        (width, height): (usize, usize),
        dpr: f64,
    ) -> Option<IRect> {
        let frame = IRect {
            x0: 0,
            y0: 0,
            x1: width as i32,
            y1: height as i32,
        };
        let count = rows.map_or(self.len, <[usize]>::len);
        if count >= width * height {
            return Some(frame);
        }
        let reach = if self.uniform() {
            half_side(
                self.size.get(0) * dpr,
                self.visuals.line.stroke(0, dpr).as_ref(),
            )
        } else {
            each_row(rows, self.len)
                .map(|i| {
                    let stroke = self.visuals.line.stroke(i, dpr);
                    half_side(self.size.get(i) * dpr, stroke.as_ref())
                })
                .max()
                .unwrap_or(0)
        };
        let mut hull = IRect {
            x0: i32::MAX,
            y0: i32::MAX,
            x1: i32::MIN,
            y1: i32::MIN,
        };
        self.each_anchor(place, rows, 1, &mut |(ix, iy, _)| {
            hull.x0 = hull.x0.min(ix);
            hull.y0 = hull.y0.min(iy);
            hull.x1 = hull.x1.max(ix);
            hull.y1 = hull.y1.max(iy);
        });
        let reached = IRect {
            x0: hull.x0.saturating_sub(reach),
            y0: hull.y0.saturating_sub(reach),
            x1: hull.x1.saturating_add(reach + 1),
            y1: hull.y1.saturating_add(reach + 1),
        }
        .intersect(frame);
        (!reached.is_empty()).then_some(reached)
    }

    /// Every row's marker placed, first to last, passed to `put` (rows off the buffer
    /// by more than any sprite reaches, or not placed at all, are left out).
    fn each_anchor(
        &self,
        place: &Place<'_>,
        rows: Option<&[usize]>,
        phases: usize,
        put: &mut impl FnMut((i32, i32, usize)),
    ) {
        match (rows, self.x.as_slice(), self.y.as_slice()) {
            (None, Some(x), Some(y)) => place.each(x, y, phases, put),
            _ => {
                for i in each_row(rows, self.len) {
                    if let Some(a) = place.at(self.x.get(i), self.y.get(i), phases) {
                        put(a);
                    }
                }
            }
        }
    }

    /// The one colour every marker is drawn in, when they all look the same and their
    /// fill and line (if both) share it.
    fn single_colour(&self, dpr: f64) -> Option<Rgba> {
        if !self.uniform() {
            return None;
        }
        let fill = self.visuals.fill.color(0);
        let line = self.visuals.line.stroke(0, dpr).map(|s| s.color);
        let same = |a: Rgba, b: Rgba| (a.r, a.g, a.b) == (b.r, b.g, b.b);
        match (fill, line) {
            (Some(c), None) | (None, Some(c)) => Some(c),
            (Some(f), Some(l)) if same(f, l) => Some(f),
            _ => None,
        }
    }

    /// Markers of one colour, as straight RGBA over a `width` × `height` buffer: their
    /// depths summed in any order (see [`crate::render::raster::Depth`]); where they pile
    /// up, those landing on the same pixel and phase are counted and stamped once.
    fn stack(
        &self,
        place: &Place<'_>,
        rows: Option<&[usize]>,
        frame: (usize, usize),
        (width, height): (usize, usize),
        colour: Rgba,
        dpr: f64,
    ) -> Vec<u8> {
        let count = rows.map_or(self.len, <[usize]>::len);
        // Where stamping each marker would cost more than counting them on a grid and
        // stamping each pile once, count them; piles of more markers than pixels snap
        // to whole pixels, lesser ones to half pixels. Weighed against the whole frame
        // (not the buffer): the phases, and so the picture, do not depend on the buffer.
        let probe = DepthSprite::new(&self.sprite(0, dpr, phase_offsets(0, 1)));
        let margin = probe.reach() + 2;
        let cells = (frame.0 + 2 * margin) * (frame.1 + 2 * margin);
        let dense = count.saturating_mul(probe.ink()) >= 8 * cells;
        let phases = match (dense, count >= cells) {
            (false, _) => PHASES,
            (true, false) => 2,
            (true, true) => 1,
        };
        let sprites: Vec<DepthSprite> = if phases == 1 {
            vec![probe]
        } else {
            (0..phases * phases)
                .map(|k| DepthSprite::new(&self.sprite(0, dpr, phase_offsets(k, phases))))
                .collect()
        };
        let mut depth = Depth::new(width, height, margin);
        let mut counts = dense.then(|| Counts::new(&depth, phases));
        let linear = !(place.maps.x.log || place.maps.y.log);
        match (rows, self.x.as_slice(), self.y.as_slice(), &mut counts) {
            (None, Some(x), Some(y), Some(c)) if linear => {
                // The hot loop of a million markers.
                let (mx, my) = (place.maps.x.map, place.maps.y.map);
                c.add_mapped(
                    x,
                    y,
                    (mx.offset - place.origin.0, mx.factor),
                    (my.offset - place.origin.1, my.factor),
                    place.corner,
                );
            }
            (_, _, _, counts) => {
                let mut put = |(ix, iy, k): (i32, i32, usize)| {
                    if depth.holds(ix, iy) {
                        match counts {
                            Some(c) => c.add(ix, iy, k),
                            None => depth.stamp(&sprites[k], ix, iy, 1.0),
                        }
                    }
                };
                self.each_anchor(place, rows, phases, &mut put);
            }
        }
        if let Some(c) = &counts {
            c.stamp(&mut depth, &sprites);
        }
        depth.to_straight_rgba(colour)
    }

    /// Markers of several colours, or of two (fill and line), stamped last first each
    /// beneath the ones after it, skipping those already buried (see
    /// [`crate::render::raster::Under`]).
    fn stamp(
        &self,
        place: &Place<'_>,
        rows: Option<&[usize]>,
        (width, height): (usize, usize),
        dpr: f64,
    ) -> Pixels {
        let mut pixels = Pixels::new(width, height);
        let mut under = Under::new(&pixels);
        let order: Vec<usize> = match rows {
            Some(_) => each_row(rows, self.len).collect(),
            None => Vec::new(),
        };
        if self.uniform() {
            let sprites: Vec<Sprite> = (0..PHASES * PHASES)
                .map(|k| self.sprite(0, dpr, phase_offsets(k, PHASES)))
                .collect();
            // Ink within a tile of the anchor at every phase: `Under::buried` may skip it.
            let small = sprites.iter().all(|s| s.reach() <= TILE as i32);
            let (w, h) = (width as i32, height as i32);
            let mut put = |(ix, iy, k): (i32, i32, usize)| {
                let buried = small
                    && ix >= 0
                    && iy >= 0
                    && ix < w
                    && iy < h
                    && under.buried(ix as usize, iy as usize);
                if !buried {
                    pixels.stamp_under(&sprites[k], ix, iy, &mut under);
                }
            };
            match (rows, self.x.as_slice(), self.y.as_slice()) {
                (None, Some(x), Some(y)) => place.each_backwards(x, y, PHASES, &mut put),
                _ => {
                    for i in backwards(&order, rows, self.len) {
                        if let Some(a) = place.at(self.x.get(i), self.y.get(i), PHASES) {
                            put(a);
                        }
                    }
                }
            }
        } else {
            let mut sprites: HashMap<(Style, usize), Sprite> = HashMap::new();
            for i in backwards(&order, rows, self.len) {
                let size = self.size.get(i);
                if !(size.is_finite() && size > 0.0 && self.angle.get(i).is_finite()) {
                    continue;
                }
                let Some((ix, iy, k)) = place.at(self.x.get(i), self.y.get(i), PHASES) else {
                    continue;
                };
                let key = (self.style(i, dpr), k);
                if sprites.len() > 4096 && !sprites.contains_key(&key) {
                    sprites.clear();
                }
                let sprite = sprites
                    .entry(key)
                    .or_insert_with(|| self.sprite(i, dpr, phase_offsets(k, PHASES)));
                pixels.stamp_under(sprite, ix, iy, &mut under);
            }
        }
        pixels
    }
}

/// Where markers land in a buffer over part of the frame: pixel `corner` of the frame,
/// whose pixel (0, 0) is at `origin` (device pixels). Markers are placed on the frame's
/// pixels, then moved by whole pixels to the buffer's, so that where they land (and at
/// which phase) does not depend on the buffer.
struct Place<'a> {
    maps: &'a Maps,
    origin: (f64, f64),
    corner: (i32, i32),
}

/// Screen coordinates are kept this far above zero so that truncating them floors them
/// (no sprite reaches further).
const FAR: f64 = 8192.0;

impl Place<'_> {
    /// The pixel a data point lands on, and its sub-pixel phase (`phases` per axis).
    #[inline]
    fn at(&self, x: f64, y: f64, phases: usize) -> Option<(i32, i32, usize)> {
        let tx = self.maps.x.apply(x) - self.origin.0 + FAR;
        let ty = self.maps.y.apply(y) - self.origin.1 + FAR;
        self.pixel(tx, ty, phases)
    }

    #[inline(always)]
    fn pixel(&self, tx: f64, ty: f64, phases: usize) -> Option<(i32, i32, usize)> {
        // Off by more than any sprite reaches, or not a number.
        if !(tx >= 0.0 && ty >= 0.0 && tx < 4.0 * FAR && ty < 4.0 * FAR) {
            return None;
        }
        let (fx, fy) = (tx as i32, ty as i32);
        let steps = phases as f64;
        let k = ((ty - f64::from(fy)) * steps) as usize * phases
            + ((tx - f64::from(fx)) * steps) as usize;
        Some((
            fx - FAR as i32 - self.corner.0,
            fy - FAR as i32 - self.corner.1,
            k,
        ))
    }

    /// Every point of the columns, first to last: the hot loop of a million points, the
    /// linear maps' arithmetic by hand.
    fn each(&self, x: &[f64], y: &[f64], phases: usize, put: &mut impl FnMut((i32, i32, usize))) {
        self.run(x.iter().zip(y), phases, put);
    }

    /// Every point of the columns, last to first.
    fn each_backwards(
        &self,
        x: &[f64],
        y: &[f64],
        phases: usize,
        put: &mut impl FnMut((i32, i32, usize)),
    ) {
        self.run(x.iter().zip(y).rev(), phases, put);
    }

    #[inline]
    fn run<'p>(
        &self,
        points: impl Iterator<Item = (&'p f64, &'p f64)>,
        phases: usize,
        put: &mut impl FnMut((i32, i32, usize)),
    ) {
        let (xs, ys) = (&self.maps.x, &self.maps.y);
        if xs.log || ys.log {
            for (&x, &y) in points {
                if let Some(a) = self.at(x, y, phases) {
                    put(a);
                }
            }
            return;
        }
        let (mx, my) = (xs.map, ys.map);
        let (bx, by) = (
            mx.offset - self.origin.0 + FAR,
            my.offset - self.origin.1 + FAR,
        );
        for (&x, &y) in points {
            if let Some(a) = self.pixel(bx + x * mx.factor, by + y * my.factor, phases) {
                put(a);
            }
        }
    }
}

/// Half the side of the sprite of a marker `size` device pixels across stroked with
/// `stroke`: how far from its anchor it may reach.
fn half_side(size: f64, stroke: Option<&Stroke>) -> i32 {
    let reach = size / 2.0 + stroke.map_or(0.0, |s| s.width) + 2.0;
    reach.ceil().clamp(1.0, 2048.0) as i32
}

/// The sub-pixel centre of phase `k` of `phases` × `phases`: (column, row) fractions.
fn phase_offsets(k: usize, phases: usize) -> (f64, f64) {
    let centre = |j: usize| (j as f64 + 0.5) / phases as f64;
    (centre(k % phases), centre(k / phases))
}

/// The rows to draw, last first: `order` when `rows` chose some, else all `len`.
fn backwards<'a>(
    order: &'a [usize],
    rows: Option<&[usize]>,
    len: usize,
) -> Box<dyn Iterator<Item = usize> + 'a> {
    match rows {
        Some(_) => Box::new(order.iter().rev().copied()),
        None => Box::new((0..len).rev()),
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
        let count = rows.map_or(self.len, <[usize]>::len);
        if self.visuals.hatch.doit() || count <= PATHS_AT_MOST {
            self.paint_paths(p, rows);
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

    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        Some(points_in((&self.x, &self.y), self.len, maps, region))
    }

    fn len(&self) -> usize {
        self.len
    }
}
