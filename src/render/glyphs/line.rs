//! Line: one line through every row's point, broken at NaN. Long lines are decimated per
//! pixel column (M4) and cut at the frame before stroking, so a million points cost what
//! a frame-wide line costs.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use crate::render::clip::clip;
use crate::render::decimate::{ascending, decimate, Polyline};
use crate::render::layout::PixelRect;
use crate::render::ranges::Bounds;
use crate::render::scales::{Maps, Scale};
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{bounds_of, line_legend, squared_distance_to_segment, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let x = s.coords("x", input.x_factors)?;
    // A column remembers it: a redraw after a change of y does not read x for it again.
    let x_ascending = s
        .ascending("x")
        .unwrap_or_else(|| x.as_slice().is_some_and(ascending));
    Ok(Box::new(View {
        x,
        y: s.coords("y", input.y_factors)?,
        x_ascending,
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
        buffers: RefCell::default(),
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    /// `x` is finite and sorted: its bounds are its ends and decimation can slice it.
    x_ascending: bool,
    line: LineVisual,
    len: usize,
    /// Reused between paints.
    buffers: RefCell<(Polyline, Polyline)>,
}

impl View<'_> {
    /// Every row's x and y, borrowed where they are columns.
    fn columns(&self) -> (Cow<'_, [f64]>, Cow<'_, [f64]>) {
        (self.column(&self.x), self.column(&self.y))
    }

    fn column<'a>(&self, values: &'a Numbers<'_>) -> Cow<'a, [f64]> {
        match values.as_slice() {
            Some(vs) => Cow::Borrowed(vs),
            None => Cow::Owned((0..self.len).map(|i| values.get(i)).collect()),
        }
    }
}

/// The segments (by their first row) that can pass through screen x `lo..=hi` (device
/// pixels): with sorted `xs`, those whose x span meets it, found by two binary searches
/// (a hover over a million points looks at a few columns' worth); else every one.
pub(crate) fn segments_between(
    xs: &[f64],
    sorted: bool,
    x: &Scale,
    (lo, hi): (f64, f64),
) -> Range<usize> {
    let all = 0..xs.len().saturating_sub(1);
    if !sorted {
        return all;
    }
    let (a, b) = (x.invert(lo), x.invert(hi));
    let (lo, hi) = (a.min(b), a.max(b));
    if lo.is_nan() || hi.is_nan() {
        return all;
    }
    // Segment i spans xs[i]..=xs[i + 1]: it meets [lo, hi] when xs[i + 1] >= lo and
    // xs[i] <= hi.
    let first = xs.partition_point(|&v| v < lo).saturating_sub(1);
    let end = xs.partition_point(|&v| v <= hi).min(all.end);
    first..end.max(first)
}

/// As BokehJS's Line hit test: the segment (by its first row) nearest screen point `at`,
/// if it passes nearer than `threshold` device pixels; the first of equals.
pub(crate) fn nearest_segment(
    (xs, ys): (&[f64], &[f64]),
    sorted: bool,
    (x, y): (&Scale, &Scale),
    at: (f64, f64),
    threshold: f64,
) -> Option<usize> {
    let n = xs.len().min(ys.len());
    let (xs, ys) = (&xs[..n], &ys[..n]);
    let screen = |i: usize| (x.apply(xs[i]), y.apply(ys[i]));
    segments_between(xs, sorted, x, (at.0 - threshold, at.0 + threshold))
        .map(|i| (squared_distance_to_segment(at, screen(i), screen(i + 1)), i))
        .filter(|&(d, _)| d < threshold * threshold)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i)
}

/// The frame with a margin, so a clipped line's width and joins stay outside it.
fn margin_rect(frame: Rect, margin: f64) -> PixelRect {
    PixelRect {
        left: (frame.x - margin).floor() as i32,
        top: (frame.y - margin).floor() as i32,
        right: (frame.right() + margin).ceil() as i32,
        bottom: (frame.bottom() + margin).ceil() as i32,
    }
}

/// Strokes a decimated, clipped polyline as one path.
pub(crate) fn stroke_polyline(p: &mut Paint<'_>, line: &Polyline, visual: &LineVisual) {
    let Some(stroke) = visual.stroke(0, p.maps.scale) else {
        return;
    };
    let mut path = Path::new();
    for sub in line.subpaths().filter(|s| s.len() > 1) {
        path.move_to(sub[0].0, sub[0].1);
        for &(x, y) in &sub[1..] {
            path.line_to(x, y);
        }
    }
    p.surface.stroke(&path, &stroke);
}

/// Decimates and clips (xs, ys) to the frame, into `out`.
pub(crate) fn screen_line(
    p: &Paint<'_>,
    xs: &[f64],
    ys: &[f64],
    x_ascending: bool,
    width: f64,
    scratch: &mut Polyline,
    out: &mut Polyline,
) {
    // Decimated per pixel column as far as the clip reaches, so a wide line's edge just
    // outside the frame is drawn from the points there.
    let keep = margin_rect(p.frame, width + 2.0);
    let columns = i64::from(keep.left)..=i64::from(keep.right);
    decimate(xs, ys, x_ascending, &p.maps.x, &p.maps.y, columns, scratch);
    clip(scratch, keep, out);
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let x = match (self.x_ascending, self.x.as_slice()) {
            (true, Some([first, .., last])) => Some(Bounds {
                min: *first,
                max: *last,
            }),
            _ => bounds_of(&self.x, self.len),
        };
        (x, bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, _rows: Option<&[usize]>) -> Result<(), RenderError> {
        if !self.line.doit() {
            return Ok(());
        }
        let (xs, ys) = self.columns();
        let width = self.line.stroke(0, p.maps.scale).map_or(1.0, |s| s.width);
        let mut buffers = self.buffers.borrow_mut();
        let (scratch, out) = &mut *buffers;
        screen_line(p, &xs, &ys, self.x_ascending, width, scratch, out);
        stroke_polyline(p, out, &self.line);
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, _row: Option<usize>) {
        line_legend(&self.line, p, rect, 0);
    }

    /// As BokehJS's Line: the nearest segment within half the line's width, and at least
    /// 2 CSS pixels.
    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        let width = self.line.stroke(0, maps.scale).map_or(0.0, |s| s.width);
        let threshold = (2.0 * maps.scale).max(width / 2.0);
        let (xs, ys) = self.columns();
        let hit = nearest_segment(
            (&xs, &ys),
            self.x_ascending,
            (&maps.x, &maps.y),
            at,
            threshold,
        );
        hit.map(|i| vec![i]).unwrap_or_default()
    }

    fn len(&self) -> usize {
        self.len
    }
}
