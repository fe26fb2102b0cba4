//! Bezier: a cubic Bézier curve from (x0, y0) to (x1, y1) bent towards the control points
//! (cx0, cy0) and (cx1, cy1), per row. Stroked only; like BokehJS, nothing hit-tests it.

use crate::render::ranges::Bounds;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{each_row, extent_bounds, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let (xf, yf) = (input.x_factors, input.y_factors);
    Ok(Box::new(View {
        x: [
            s.coords("x0", xf)?,
            s.coords("cx0", xf)?,
            s.coords("cx1", xf)?,
            s.coords("x1", xf)?,
        ],
        y: [
            s.coords("y0", yf)?,
            s.coords("cy0", yf)?,
            s.coords("cy1", yf)?,
            s.coords("y1", yf)?,
        ],
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    /// The start, the two control points and the end, along x and along y.
    x: [Numbers<'d>; 4],
    y: [Numbers<'d>; 4],
    line: LineVisual,
    len: usize,
}

/// The smallest and largest value a cubic Bézier curve with these coordinates takes: at
/// its ends or where its derivative, a quadratic in t, is zero.
fn extent([p0, p1, p2, p3]: [f64; 4]) -> (f64, f64) {
    let at = |t: f64| {
        let u = 1.0 - t;
        u * u * u * p0 + 3.0 * u * u * t * p1 + 3.0 * u * t * t * p2 + t * t * t * p3
    };
    let (a, b, c) = (
        -p0 + 3.0 * p1 - 3.0 * p2 + p3,
        2.0 * (p0 - 2.0 * p1 + p2),
        p1 - p0,
    );
    let mut roots = [f64::NAN; 2];
    if a.abs() < 1e-12 {
        if b.abs() >= 1e-12 {
            roots[0] = -c / b;
        }
    } else {
        let d = b * b - 4.0 * a * c;
        if d >= 0.0 {
            roots = [(-b + d.sqrt()) / (2.0 * a), (-b - d.sqrt()) / (2.0 * a)];
        }
    }
    let (lo, hi) = (p0.min(p3), p0.max(p3));
    roots
        .into_iter()
        .filter(|t| *t > 0.0 && *t < 1.0)
        .map(at)
        .fold((lo, hi), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

impl View<'_> {
    fn along(values: &[Numbers<'_>; 4], i: usize) -> [f64; 4] {
        values.each_ref().map(|v| v.get(i))
    }
}

impl GlyphView for View<'_> {
    /// The curves' own extent, as BokehJS indexes them.
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let axis =
            |values: &[Numbers<'_>; 4]| extent_bounds(self.len, |i| extent(View::along(values, i)));
        (axis(&self.x), axis(&self.y))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            let (x, y) = (View::along(&self.x, i), View::along(&self.y, i));
            let [a, c0, c1, b] = [0, 1, 2, 3].map(|k| p.maps.point(x[k], y[k]));
            if ![a, c0, c1, b]
                .iter()
                .all(|q| q.0.is_finite() && q.1.is_finite())
            {
                continue;
            }
            path.clear();
            path.move_to(a.0, a.1);
            path.cubic_to(c0, c1, b);
            p.surface.stroke(&path, &stroke);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        line_legend(&self.line, p, rect, row.unwrap_or(0));
    }

    fn len(&self) -> usize {
        self.len
    }
}
